package main

import (
	"bufio"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// BenchmarkResidentFleet2000 runs the daemon as its own process against
// the emulator's fleet:2000 (2000 stages, every one watched) for 30
// emulated minutes at 20 times wall time, and reports its resident
// memory (VmRSS, sampled every wall second after the first 10 emulated
// minutes: mean and largest) and VmHWM, in MiB.
func BenchmarkResidentFleet2000(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("resident memory is read from /proc")
	}
	bin := buildBinary(b)
	for b.Loop() {
		p := startFleetDaemon(b, bin, 20)
		time.Sleep(30 * time.Second) // 10 emulated minutes: discovery, the first hour-long screens
		var sum, largest float64
		n := 0
		for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(time.Second) {
			rss := procStatusMiB(b, p.cmd.Process.Pid, "VmRSS")
			sum, largest, n = sum+rss, max(largest, rss), n+1
		}
		b.ReportMetric(sum/float64(n), "MiB-rss-mean")
		b.ReportMetric(largest, "MiB-rss-max")
		b.ReportMetric(procStatusMiB(b, p.cmd.Process.Pid, "VmHWM"), "MiB-hwm")
		_ = p.cmd.Process.Kill()
		// A daemon that failed its polls would hold little: the figure
		// counts only if it discovered the fleet and nothing failed.
		if out := p.output(); !strings.Contains(out, "discovered stages") || strings.Contains(out, "level=ERROR") {
			b.Fatalf("the daemon did not watch the fleet cleanly; the end of its log:\n%s", out[max(0, len(out)-4000):])
		}
	}
}

// startFleetDaemon serves fleet:2000 from this process and starts the
// daemon binary against it on the same emulated clock.
func startFleetDaemon(b *testing.B, bin string, speed float64) *daemonProc {
	sc, err := scenario.Open("fleet:2000")
	if err != nil {
		b.Fatal(err)
	}
	zero := time.Now().UTC()
	clk := anchoredClock{zero: zero, speed: speed}
	w := scenario.NewWorld(sc, clk, zero.Truncate(time.Minute))
	srv := httptest.NewServer(emulator.NewServer(w, emulator.Options{Clock: clk}))
	b.Cleanup(srv.Close)
	dir := b.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	text := emulatorConfigText(emulatorSettings{Endpoint: srv.URL, Account: w.Accounts()[0], Listen: "127.0.0.1:0",
		StatePath: filepath.Join(dir, "incidents.db"), Speed: speed})
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		b.Fatal(err)
	}
	return startDaemon(b, "daemon", bin, os.Environ(), "run", "--config", cfg,
		"--emulated-speed", fmt.Sprint(speed), "--emulated-time-zero", zero.Format(time.RFC3339Nano))
}

// procStatusMiB reads one kB field of /proc/PID/status, in MiB.
func procStatusMiB(b *testing.B, pid int, field string) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatalf("/proc/%d/status has no %s", pid, field)
	return 0
}
