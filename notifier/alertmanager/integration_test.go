package alertmanager

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

const alertmanagerBin = "/usr/bin/prometheus-alertmanager"

// startAlertmanager runs a real Alertmanager on a loopback port with a
// receiver that drops everything, and returns its base URL.
func startAlertmanager(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(alertmanagerBin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s missing in CI: apt-get install -y prometheus-alertmanager", alertmanagerBin)
		}
		t.Skipf("%s not installed (apt-get install -y prometheus-alertmanager)", alertmanagerBin)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "alertmanager.yml")
	if err := os.WriteFile(cfg, []byte("route:\n  receiver: drop\nreceivers:\n  - name: drop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	cmd := exec.Command(alertmanagerBin, "--config.file="+cfg, "--storage.path="+dir,
		"--web.listen-address="+addr, "--cluster.listen-address=")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(base + "/-/ready"); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
	}
	t.Fatal("alertmanager did not become ready")
	return ""
}

// gettableAlert is the part of Alertmanager's answer the test reads.
type gettableAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	EndsAt      time.Time         `json:"endsAt"`
	Status      struct {
		State string `json:"state"`
	} `json:"status"`
}

func getAlerts(t *testing.T, base string) []gettableAlert {
	t.Helper()
	resp, err := http.Get(base + "/api/v2/alerts?filter=alertname%3D" + AlertName)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var out []gettableAlert
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRealAlertmanager(t *testing.T) {
	base := startAlertmanager(t)
	clock := time.Now()
	n, err := New(Options{URL: base, Interval: time.Minute, Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	inc := incident()
	inc.OpenedAt = clock.Add(-time.Minute)
	if retry, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindOpened, Snapshot: inc}}); err != nil {
		t.Fatalf("firing: retry=%v err=%v", retry, err)
	}
	if err := n.Refresh(t.Context(), []notifier.Snapshot{inc}); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	got := getAlerts(t, base)
	if len(got) != 1 {
		t.Fatalf("alerts = %d, want 1 (a refresh must not duplicate): %+v", len(got), got)
	}
	a := got[0]
	if a.Labels["cause"] != "integration_timeout" || a.Labels["stage"] != "$default" || a.Status.State != "active" {
		t.Errorf("alert = %+v", a)
	}
	if a.Annotations["remediation"] == "" || a.Annotations["backoff"] == "" {
		t.Errorf("annotations = %v", a.Annotations)
	}
	if d := a.EndsAt.Sub(clock); d < 2*time.Minute || d > 4*time.Minute {
		t.Errorf("endsAt %s after now, want about 3 intervals", d)
	}
	inc.ResolvedAt = clock
	if _, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindResolved, Snapshot: inc}}); err != nil {
		t.Fatalf("resolved: %v", err)
	}
	// Alertmanager lists only alerts that have not ended.
	deadline := time.Now().Add(5 * time.Second)
	for len(getAlerts(t, base)) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("resolved alert still listed: %s", fmt.Sprint(getAlerts(t, base)))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
