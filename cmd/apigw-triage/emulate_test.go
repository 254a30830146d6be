package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// syncBuffer is a bytes.Buffer written by a command in another goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startCommand runs a subcommand until the test ends.
func startCommand(t *testing.T, args ...string) (*syncBuffer, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		dispatch(ctx, args, streams{stdin: strings.NewReader(""), stdout: out, stderr: errb, getenv: func(string) string { return "" }})
	}()
	t.Cleanup(func() { cancel(); <-done })
	return out, errb
}

func waitFor(t *testing.T, timeout time.Duration, what string, buf *syncBuffer, cond func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond(buf.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s; output:\n%s", what, timeout, tail(buf.String(), 30))
		}
		time.Sleep(50 * time.Millisecond)
	}
	return buf.String()
}

var runLine = regexp.MustCompile(`(?m)^  apigw-triage (run .*)$`)

// TestEmulateThenRunAsTheReadmeSays follows the README: emulate with its
// defaults writes a configuration and prints the run command; that command,
// with no AWS credentials in the environment, prints the first notification
// within a minute of wall time.
func TestEmulateThenRunAsTheReadmeSays(t *testing.T) {
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	dir := t.TempDir()
	cfg := filepath.Join(dir, "emulator.yaml")
	began := time.Now()
	emuOut, _ := startCommand(t, "emulate", "--listen", "127.0.0.1:0", "--write-config", cfg)
	m := runLine.FindStringSubmatch(waitFor(t, 10*time.Second, "run command", emuOut, runLine.MatchString))
	text, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The test's own listen address and store, so that parallel runs do not collide.
	text = []byte(strings.NewReplacer(`"127.0.0.1:9108"`, `"127.0.0.1:0"`,
		`"apigw-triage-emulator.db"`, `"`+filepath.Join(dir, "incidents.db")+`"`).Replace(string(text)))
	if err := os.WriteFile(cfg, text, 0o600); err != nil {
		t.Fatal(err)
	}
	runOut, runErr := startCommand(t, strings.Fields(m[1])...)
	waitFor(t, time.Minute, "notification", runOut, func(s string) bool { return strings.Contains(s, "Diagnosis:") })
	first := time.Since(began)
	t.Logf("first notification %.1fs after emulate started", first.Seconds())
	if strings.Contains(runErr.String(), "level=ERROR") {
		t.Errorf("run logged errors:\n%s", tail(runErr.String(), 20))
	}
}

// TestEmulatorFlagErrorsSayWhatIsWanted: a mistyped scenario or time says
// what the flag takes, not only a missing file or Go's time layout.
func TestEmulatorFlagErrorsSayWhatIsWanted(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"mistyped built-in scenario", []string{"emulate", "--listen", "127.0.0.1:0", "--scenario", "catalgo"}, 1, "no built-in scenario (" + scenario.BuiltinNames + ") and no file"},
		{"demo's mistyped scenario", []string{"demo", "--listen", "127.0.0.1:0", "--scenario", "fleet2000"}, 1, "no built-in scenario (" + scenario.BuiltinNames + ")"},
		{"start not RFC 3339", []string{"emulate", "--listen", "127.0.0.1:0", "--start", "yesterday"}, 2, `--start must be an RFC 3339 time such as 2026-12-01T17:00:00Z, not "yesterday"`},
		{"time zero not RFC 3339", []string{"run", "--config", "x.yaml", "--emulated-speed", "60", "--emulated-time-zero", "17:00"}, 2, `--emulated-time-zero must be an RFC 3339 time`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "2006-01-02") {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}
