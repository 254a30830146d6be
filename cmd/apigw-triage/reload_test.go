package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReloadOnSIGHUP sends the running daemon SIGHUP three times: with a
// broken file (refused, the daemon keeps serving, the reload metric drops
// to 0), with a good one that changes the poll interval (the daemon is
// rebuilt with it, the metric back to 1), and SIGTERM still drains.
func TestReloadOnSIGHUP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	zero := time.Now().UTC()
	emuURL, account := serveScenario(t, filepath.Join("testdata", "restart-scenario.yaml"), anchoredClock{zero: zero, speed: 60})
	listen := freeLoopback(t)
	dir := t.TempDir()
	good := emulatorConfigText(emulatorSettings{
		Endpoint: emuURL, Account: account, Listen: listen, StatePath: filepath.Join(dir, "incidents.db"), Speed: 60,
	}) + "log:\n  level: info\n"
	path := filepath.Join(dir, "apigw-triage.yaml")
	write := func(text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(good)
	p := startDaemon(t, "daemon", bin, daemonEnv(), "run", "--config", path)
	metric := func() string {
		for _, line := range strings.Split(getBody(t, "http://"+listen+"/metrics"), "\n") {
			if strings.HasPrefix(line, "apigw_triage_config_last_reload_successful ") {
				return strings.TrimPrefix(line, "apigw_triage_config_last_reload_successful ")
			}
		}
		return "absent"
	}
	waitUntil(t, p, 30*time.Second, "the daemon serving /metrics", func() bool { return serving(listen) })

	write(good + "server:\n  listen: [not an address\n")
	hup(t, p)
	waitUntil(t, p, 10*time.Second, "the refused reload in /metrics", func() bool { return metric() == "0" })
	if !strings.Contains(p.output(), "configuration reload refused") {
		t.Errorf("no log line for the refused reload:\n%s", tail(p.output(), 10))
	}

	if !strings.Contains(good, "interval: 60s") {
		t.Fatal("the emulator configuration no longer sets collector.interval: 60s")
	}
	write(strings.Replace(good, "interval: 60s", "interval: 2m", 1))
	hup(t, p)
	waitUntil(t, p, 30*time.Second, "the accepted reload", func() bool {
		return strings.Contains(p.output(), `msg="configuration reloaded"`) && serving(listen) && metric() == "1"
	})
	if !strings.Contains(p.output(), "interval=2m0s") {
		t.Errorf("the rebuilt daemon does not poll every 2m:\n%s", tail(p.output(), 10))
	}
	if err := p.signal(syscall.SIGTERM, 30*time.Second); err != nil {
		t.Errorf("SIGTERM after reloads: %v\n%s", err, tail(p.output(), 20))
	}
}

func hup(t *testing.T, p *daemonProc) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
}

// serving reports whether the daemon answers /healthz.
func serving(addr string) bool {
	c := &http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + addr + "/healthz")
	if err != nil {
		return false
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
