package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/stage"
)

// catalogAt serves the catalog on loopback, with emulated time 15 times
// faster than wall time (a Logs Insights query takes emulated seconds) and
// the scenario placed so that now is into the first episode by into. It
// returns run's arguments for that emulator and the first episode.
func catalogAt(t *testing.T, into time.Duration) ([]string, scenario.EpisodeInfo) {
	t.Helper()
	sc, err := scenario.Builtin("catalog")
	if err != nil {
		t.Fatal(err)
	}
	probe := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	first := scenario.NewWorld(sc, clock.NewManual(probe), probe).Episodes()[0]
	const speed = 15 // slow enough that the tripped set holds while the test runs on a busy machine
	zero := time.Now().UTC()
	start := zero.Add(-first.Start.Sub(probe) - into)
	w := scenario.NewWorld(sc, anchoredClock{zero: zero, speed: speed}, start)
	srv := httptest.NewServer(emulator.NewServer(w, emulator.Options{Seed: 3}))
	t.Cleanup(srv.Close)
	ep := w.Episodes()[0]
	cfg := emulatorConfigText(emulatorSettings{
		Endpoint: srv.URL, Account: w.Accounts()[0], Listen: "127.0.0.1:0",
		StatePath: filepath.Join(t.TempDir(), "incidents.db"), Speed: speed,
	})
	path := filepath.Join(t.TempDir(), "emulator.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"run", "--config", path, "--emulated-speed", strconv.Itoa(speed), "--emulated-time-zero", zero.Format(time.RFC3339Nano)}, ep
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := dispatch(context.Background(), args, streams{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func TestRunOnceAgainstEmulator(t *testing.T) {
	run, ep := catalogAt(t, 6*time.Minute)
	code, out, errOut := runCmd(t, append(run, "--once")...)
	if code != exitTripped {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitTripped, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 10 {
		t.Errorf("want a line per catalog stage, got %d:\n%s", len(lines), out)
	}
	tripped := trippedStages(out)
	// The figures are labelled with the period they were read in, as in
	// the notifications: "1m to 20:43 UTC: 40 requests".
	withSpan := regexp.MustCompile(`\)  ` + spanRE + `: \d+ requests, `)
	for _, l := range tripped {
		if !withSpan.MatchString(l) {
			t.Errorf("a tripped stage's figures lack their span: %q", l)
		}
	}
	// A stage the screen cleared had only its 5xx count read: its line
	// says so instead of claiming 0 requests and a 0s latency.
	for _, l := range lines {
		if strings.HasPrefix(l, "ok ") && strings.Contains(l, " 0 requests, ") && strings.HasSuffix(l, " 0s") {
			t.Errorf("a line shows figures nobody read: %q", l)
		}
	}
	want := ep.APIName + "/" + ep.Stage + " (" + ep.APIID + ")"
	if !strings.Contains(tripped[want], "diagnosis: "+ep.Status.String()+" "+ep.Cause.String()) {
		t.Errorf("the first episode's stage %s is not tripped with its cause %s:\n%s", want, ep.Cause, out)
	}

	code, quiet, _ := runCmd(t, append(run, "--once", "--quiet")...)
	// Emulated time runs on between the two runs: the tripped set may differ.
	n := strings.Count(quiet, "\n")
	if code != exitTripped || n == 0 || len(trippedStages(quiet)) != n {
		t.Errorf("--quiet: exit %d, stdout:\n%s\nwant the tripped stages alone", code, quiet)
	}
}

// trippedStages maps "api/stage (id)" to the line of each tripped stage.
func trippedStages(out string) map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) > 5 && f[0] == "TRIPPED" {
			m[f[4]+" "+f[5]] = l
		}
	}
	return m
}

func TestRunOnceExitStatus(t *testing.T) {
	run, _ := catalogAt(t, -30*time.Minute) // before anything fails
	code, out, errOut := runCmd(t, append(run, "--once", "--quiet")...)
	if code != 0 || out != "" || !strings.Contains(errOut, " stages polled, 0 tripped, 0 reads of an account and region failed\n") {
		t.Errorf("healthy: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	bad := filepath.Join(t.TempDir(), "down.yaml")
	text := emulatorConfigText(emulatorSettings{Endpoint: "http://127.0.0.1:1", Account: "123456789012",
		Listen: "127.0.0.1:0", StatePath: filepath.Join(t.TempDir(), "x.db")})
	text = strings.Replace(text, "max_attempts: 8", "max_attempts: 1", 1)
	if err := os.WriteFile(bad, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd(t, "run", "--config", bad, "--once")
	if code != 1 || !strings.Contains(errOut, "failed") {
		t.Errorf("unreachable AWS: exit %d, stderr %q; want 1 and the reason", code, errOut)
	}
}

// TestRunOnceWithoutCredentials: a first run from config.example.yaml's
// shape on a machine with no AWS credentials says what to set, on one line
// per failed account and region, without the SDK's signing layers; the
// endpoint is a local server, so no request leaves the machine.
func TestRunOnceWithoutCredentials(t *testing.T) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
		"AWS_CONFIG_FILE": filepath.Join(dir, "none"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "none"),
		"AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_EC2_METADATA_DISABLED": "true",
	} {
		t.Setenv(k, v)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unsigned request reached AWS: %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusForbidden)
	}))
	t.Cleanup(srv.Close)
	cfg := filepath.Join(dir, "config.yaml")
	text := "aws:\n  region: us-east-1\n  endpoint_url: " + srv.URL + "\n  max_attempts: 1\n"
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "run", "--config", cfg, "--once")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a poll failed); stderr %q", code, errOut)
	}
	var failure string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, "discovery failed") {
			failure = l
		}
	}
	for _, want := range []string{"AWS credentials could not be loaded", "AWS_PROFILE", "AWS_ACCESS_KEY_ID"} {
		if !strings.Contains(failure, want) {
			t.Errorf("failure line %q lacks %q", failure, want)
		}
	}
	if strings.Contains(failure, "get identity") {
		t.Errorf("failure line %q carries the SDK's signing layers", failure)
	}
}

// TestStageLineShowsTheTrippingPeriod: a stage that tripped on earlier
// minutes shows their figures and span, not the latest minute's 0 5xx.
func TestStageLineShowsTheTrippingPeriod(t *testing.T) {
	at := time.Date(2026, 3, 14, 9, 26, 0, 0, time.UTC)
	sr := collector.StageResult{
		Stage: collector.Stage{Identity: stage.Identity{Key: "k", Account: "111122223333", Region: "eu-west-1",
			APIType: stage.APIREST, APIName: "orders", APIID: "a1b2c3d4e5", Stage: "prod"}},
		Figures: stage.Figures{PeriodStart: at.Add(2 * time.Minute), Period: time.Minute, Requests: 120},
		HasData: true,
		Tripped: true,
		Trip:    stage.Figures{PeriodStart: at, Period: time.Minute, Requests: 100, Errors5xx: 30, ErrorRate: 0.3},
	}
	var b bytes.Buffer
	writeStageLine(&b, sr, &daemon.OnceResult{})
	line := b.String()
	if !strings.HasPrefix(line, "TRIPPED") || !strings.Contains(line, "100 requests, 30 5xx (30.0%)") {
		t.Errorf("line %q, want TRIPPED with the tripping minute's 100 requests, 30 5xx (30.0%%)", line)
	}
	if strings.Contains(line, "0 5xx (0.0%)") {
		t.Errorf("line %q shows the latest minute's figures", line)
	}
	// a stage that did not trip shows its latest minute
	sr.Tripped, sr.Trip = false, stage.Figures{}
	b.Reset()
	writeStageLine(&b, sr, &daemon.OnceResult{})
	if line := b.String(); !strings.HasPrefix(line, "ok") || !strings.Contains(line, "120 requests, 0 5xx (0.0%)") {
		t.Errorf("line %q, want ok with the latest minute's figures", line)
	}
}
