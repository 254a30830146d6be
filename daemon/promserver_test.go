package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// promServer is a real Prometheus scraping the daemon, queried through its
// HTTP API.
type promServer struct {
	base   string
	logf   string
	client *http.Client
}

// sample is one element of an instant vector.
type sample struct {
	Labels map[string]string
	Value  float64
}

// startPrometheus runs Prometheus in its own process group with a
// throwaway TSDB, scraping target every second, and kills the group when
// the test ends.
func startPrometheus(t *testing.T, target string) *promServer {
	t.Helper()
	bin := requireTool(t, "/usr/bin/prometheus", "prometheus")
	dir := t.TempDir()
	conf := fmt.Sprintf(`global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: apigw-triage
    static_configs:
      - targets: [%q]
`, target)
	confPath := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	logf := filepath.Join(dir, "prometheus.log")
	logFile, err := os.Create(logf)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config.file="+confPath,
		"--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopGroup(t, cmd); _ = logFile.Close() })
	return &promServer{base: "http://" + addr, logf: logf, client: &http.Client{Timeout: 5 * time.Second}}
}

// stopGroup kills the process group and reaps the leader, bounded.
func stopGroup(t *testing.T, cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Errorf("prometheus (pid %d) did not exit after SIGKILL", cmd.Process.Pid)
	}
}

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// waitFor polls the instant query q until it returns a sample, for at most
// limit. Errors while Prometheus starts are expected and retried.
func (p *promServer) waitFor(t *testing.T, q string, limit time.Duration) []sample {
	t.Helper()
	deadline := time.Now().Add(limit)
	var lastErr error
	for time.Now().Before(deadline) {
		got, err := p.instant(q)
		if err == nil && len(got) > 0 {
			return got
		}
		lastErr = err
		time.Sleep(200 * time.Millisecond)
	}
	log, _ := os.ReadFile(p.logf)
	t.Fatalf("%s: no sample within %s (last error: %v)\nprometheus log:\n%s", q, limit, lastErr, log)
	return nil
}

// query runs an instant query that must succeed.
func (p *promServer) query(t *testing.T, q string) []sample {
	t.Helper()
	got, err := p.instant(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return got
}

// instant runs q through /api/v1/query and decodes its vector.
func (p *promServer) instant(q string) ([]sample, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+"/api/v1/query?query="+url.QueryEscape(q), nil)
	if err != nil {
		return nil, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	var body struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string `json:"resultType"`
			Result     []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]any            `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("decode %s answer: %w", resp.Status, err)
	}
	if body.Status != "success" || body.Data.ResultType != "vector" {
		return nil, fmt.Errorf("%s: status %q, result %q: %s", resp.Status, body.Status, body.Data.ResultType, body.Error)
	}
	out := make([]sample, 0, len(body.Data.Result))
	for _, r := range body.Data.Result {
		s, _ := r.Value[1].(string)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("value %v: %w", r.Value, err)
		}
		out = append(out, sample{Labels: r.Metric, Value: v})
	}
	return out, nil
}
