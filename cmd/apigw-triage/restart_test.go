package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	// restartSpeed plays an emulated minute per wall second: the scenario's
	// incident opens and resolves within about 20 s.
	restartSpeed   = 60
	restartToken   = "xoxb-restart-7d1f0c9a4b2e"
	restartChannel = "C0RESTART1" // an id: the lookup after a crash reads history by id
)

// TestRestartAfterKillMidPost kills the daemon with SIGKILL after Slack has
// stored one of its messages but before the daemon learns that it did,
// restarts it on the same store, and checks the channel: one root message,
// every later message in its thread, each event posted once, the root
// edited to the resolved state.
func TestRestartAfterKillMidPost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and plays a scenario for about 20 s")
	}
	bin := buildBinary(t)
	tests := []struct {
		name string
		hold func(standInMsg) bool // the post whose answer never comes
		// logged is what the restarted daemon must log ("" for nothing).
		logged string
	}{
		{"root post", func(m standInMsg) bool { return m.role() == "root" }, `msg="slack root message recovered"`},
		{"resolution reply", func(m standInMsg) bool { return m.kind() == "resolved" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			restartMidPost(t, bin, tt.hold, tt.logged)
		})
	}
}

// restartMidPost runs one kill and restart; see TestRestartAfterKillMidPost.
func restartMidPost(t *testing.T, bin string, hold func(standInMsg) bool, logged string) {
	began := time.Now()
	zero := began.UTC()
	clk := anchoredClock{zero: zero, speed: restartSpeed}
	emuURL, account := serveScenario(t, filepath.Join("testdata", "restart-scenario.yaml"), clk)
	slack := newSlackStandIn(t, restartToken, hold)

	cfg := writeRestartConfig(t, emuURL, account, slack.apiURL())
	env := daemonEnv("SLACK_BOT_TOKEN=" + restartToken)
	args := []string{"run", "--config", cfg, "--emulated-speed", strconv.Itoa(restartSpeed),
		"--emulated-time-zero", zero.Format(time.RFC3339Nano)}
	since := func() string {
		return fmt.Sprintf("emulated %s, wall %s", clk.Now().Sub(zero).Round(time.Second), time.Since(began).Round(time.Millisecond))
	}

	first := startDaemon(t, "daemon-1", bin, env, args...)
	waitHeld(t, slack, first, 60*time.Second)
	t.Logf("post held at %s", since())
	if err := first.signal(syscall.SIGKILL, 10*time.Second); !killedBy(err, syscall.SIGKILL) {
		t.Fatalf("daemon-1 ended with %v, not by SIGKILL; its log:\n%s", err, tail(first.output(), 30))
	}

	second := startDaemon(t, "daemon-2", bin, env, args...)
	waitUntil(t, second, 60*time.Second, "root message edited to resolved", func() bool {
		return resolvedThread(slack.messages())
	})
	t.Logf("resolved at %s", since())
	if err := second.signal(syscall.SIGTERM, 30*time.Second); err != nil {
		t.Errorf("daemon-2 did not stop cleanly on SIGTERM: %v; its log:\n%s", err, tail(second.output(), 30))
	}

	msgs := slack.messages()
	t.Logf("the channel:\n%s", describe(msgs))
	heldTS, badAuth := slack.heldAndBadAuth()
	checkOneThread(t, msgs, heldTS)
	if badAuth > 0 {
		t.Errorf("%d Slack requests came without the bot token", badAuth)
	}
	if logged != "" && !strings.Contains(second.output(), logged) {
		t.Errorf("daemon-2 did not log %s; its log:\n%s", logged, tail(second.output(), 30))
	}
	for _, p := range []*daemonProc{first, second} {
		if strings.Contains(p.output(), restartToken) {
			t.Errorf("%s logged the Slack token", p.name)
		}
	}
}

// daemonEnv is the test's environment without AWS_* variables (a profile
// or region there would change what the daemon's SDK loads), plus extra.
func daemonEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// writeRestartConfig writes the daemon's configuration: production defaults
// but for the endpoints, the store and the digest window (a wall-clock wait).
func writeRestartConfig(t *testing.T, endpoint, account, slackAPI string) string {
	t.Helper()
	dir := t.TempDir()
	text := emulatorConfigText(emulatorSettings{
		Endpoint: endpoint, Account: account, Listen: "127.0.0.1:0",
		StatePath: filepath.Join(dir, "incidents.db"), Speed: restartSpeed,
	}) + fmt.Sprintf(`slack:
  token: ${SLACK_BOT_TOKEN}
  api_url: %q
  channel: %s
  digest_window: 1s
log:
  level: info
`, slackAPI, restartChannel)
	path := filepath.Join(dir, "apigw-triage.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitHeld waits for the stand-in to hold the first chat.postMessage.
func waitHeld(t *testing.T, slack *slackStandIn, p *daemonProc, timeout time.Duration) {
	t.Helper()
	select {
	case <-slack.held:
	case <-p.done:
		t.Fatalf("%s exited (%v) before posting; its log:\n%s", p.name, p.err, tail(p.output(), 30))
	case <-time.After(timeout):
		t.Fatalf("no chat.postMessage within %s; %s's log:\n%s", timeout, p.name, tail(p.output(), 30))
	}
}

// waitUntil polls cond until it holds, the process exits or timeout passes.
func waitUntil(t *testing.T, p *daemonProc, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if p.exited() {
			t.Fatalf("%s exited (%v) before %s; its log:\n%s", p.name, p.err, what, tail(p.output(), 30))
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s; %s's log:\n%s", what, timeout, p.name, tail(p.output(), 30))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
