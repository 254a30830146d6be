package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// hostileScenario names an API and a function's handler with an ANSI
// screen clear, Slack mention and link syntax and a right-to-left override.
var hostileScenario = filepath.Join("testdata", "hostile-scenario.yaml")

// mentionSyntax is what Slack would turn into a notification or a link.
var mentionSyntax = regexp.MustCompile(`<!channel>|<!here>|<@U123>|<https://evil\.example\|click>`)

// checkSafe fails when out holds a raw control, bidi or zero-width
// character (line feeds aside), or the scenario's mention or link syntax.
func checkSafe(t *testing.T, sink, out string) {
	t.Helper()
	if !textsafe.Clean(strings.ReplaceAll(out, "\n", "")) {
		i := strings.IndexFunc(strings.ReplaceAll(out, "\n", ""), textsafe.Unsafe)
		t.Errorf("%s holds a raw unsafe character near %q", sink, out[max(i-40, 0):min(i+40, len(out))])
	}
	if m := mentionSyntax.FindString(out); m != "" {
		t.Errorf("%s holds Slack syntax %q", sink, m)
	}
}

// TestHostileTextEndToEnd plays the hostile scenario through the real
// binary: the demo's terminal output, and `run` with the Slack bot (slack-go
// against the stand-in workspace), Alertmanager (a stand-in of its alerts
// API) and /api/incidents. The hostile text must reach every sink (the
// escaped screen clear shows) and none may hold it raw.
func TestHostileTextEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and plays a scenario for about 20 s")
	}
	bin := buildBinary(t)
	t.Run("terminal", func(t *testing.T) {
		t.Parallel()
		out, err := exec.Command(bin, "demo", "--scenario", hostileScenario, "--duration", "20s",
			"--speed", "60", "--listen", "127.0.0.1:0").Output()
		if err != nil {
			t.Fatalf("demo: %v", err)
		}
		checkReached(t, "terminal", string(out))
		checkSafe(t, "terminal", string(out))
	})
	t.Run("slack alertmanager api", func(t *testing.T) {
		t.Parallel()
		hostileRun(t, bin)
	})
}

// checkReached fails unless out announced the incident with the hostile
// API name, escaped: as \x1b in text, as \u001b in /api/incidents' values
// (which hold only the API name until the diagnosis's evidence arrives,
// since an incident is announced while its logs are still being read).
func checkReached(t *testing.T, sink, out string) {
	t.Helper()
	if !strings.Contains(out, `\x1b[2J`) && !strings.Contains(out, `\u001b[2J`) {
		t.Errorf("%s never showed the hostile name (escaped): %q", sink, tail(out, 20))
	}
}

const hostileToken = "xoxb-hostile-3c9e1d7a"

// hostileRun runs the daemon until Slack and Alertmanager have the
// incident, then reads /api/incidents and checks all three.
func hostileRun(t *testing.T, bin string) {
	zero := time.Now().UTC()
	emuURL, account := serveScenario(t, hostileScenario, anchoredClock{zero: zero, speed: 60})
	slack := newSlackStandIn(t, hostileToken, nil)
	am := &alertLog{}
	amSrv := httptest.NewServer(am)
	t.Cleanup(amSrv.Close)
	listen := freeLoopback(t)
	cfg := writeHostileConfig(t, emuURL, account, slack.apiURL(), amSrv.URL, listen)
	p := startDaemon(t, "daemon", bin, daemonEnv("SLACK_BOT_TOKEN="+hostileToken), "run", "--config", cfg,
		"--emulated-speed", "60", "--emulated-time-zero", zero.Format(time.RFC3339Nano))
	// Wait for the diagnosis, not only the announcement: its evidence
	// quotes the hostile handler, which must reach every sink escaped too.
	waitUntil(t, p, 60*time.Second, "diagnosed Slack message and Alertmanager alert", func() bool {
		return slices.ContainsFunc(slack.messages(), func(m standInMsg) bool {
			return strings.Contains(m.Text, "lambda_handler_misconfigured") || strings.Contains(m.Blocks, "lambda_handler_misconfigured")
		}) && am.count() > 0
	})
	incidents := getBody(t, "http://"+listen+"/api/incidents?state=all")
	if err := p.signal(syscall.SIGTERM, 30*time.Second); err != nil {
		t.Errorf("daemon did not stop on SIGTERM: %v", err)
	}
	var texts, blocks []string
	for _, m := range slack.messages() {
		texts, blocks = append(texts, m.Text), append(blocks, m.Blocks)
	}
	slackText := strings.Join(texts, "\n")
	checkReached(t, "slack", slackText)
	checkSafe(t, "slack text", slackText)
	for _, b := range blocks {
		checkSafe(t, "slack blocks", strings.Join(jsonStrings(t, b), "\n"))
	}
	alerts := strings.Join(jsonStrings(t, am.asJSON()), "\n")
	checkReached(t, "alertmanager", alerts)
	checkSafe(t, "alertmanager", alerts)
	// /api/incidents is data for scripts: its values keep < and > (encoded
	// as \u003c and \u003e), but no unsafe character, raw or decoded.
	checkSafe(t, "/api/incidents", incidents)
	values := strings.Join(jsonStrings(t, incidents), "\n")
	checkReached(t, "/api/incidents", values)
	if !textsafe.Clean(strings.ReplaceAll(values, "\n", "")) {
		t.Errorf("/api/incidents values hold a raw unsafe character")
	}
}

// jsonStrings returns every string (keys too) of a JSON document.
func jsonStrings(t *testing.T, doc string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v: %.200q", err, doc)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out = append(out, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// alertLog is an Alertmanager stand-in: it keeps every body posted to its
// alerts API.
type alertLog struct {
	mu     sync.Mutex
	bodies []string
}

func (a *alertLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/v2/alerts" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	b, _ := io.ReadAll(r.Body)
	if !json.Valid(b) {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	a.bodies = append(a.bodies, string(b))
	a.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func (a *alertLog) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.bodies)
}

// asJSON returns every body received as one JSON array.
func (a *alertLog) asJSON() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return "[" + strings.Join(a.bodies, ",") + "]"
}

// freeLoopback returns a loopback address that was free a moment ago.
func freeLoopback(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ln.Close() }()
	return ln.Addr().String()
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(b)
}

func writeHostileConfig(t *testing.T, endpoint, account, slackAPI, amURL, listen string) string {
	t.Helper()
	dir := t.TempDir()
	text := emulatorConfigText(emulatorSettings{
		Endpoint: endpoint, Account: account, Listen: listen,
		StatePath: filepath.Join(dir, "incidents.db"), Speed: 60,
	}) + fmt.Sprintf(`slack:
  token: ${SLACK_BOT_TOKEN}
  api_url: %q
  channel: C0HOSTILE1
alertmanager:
  url: %q
`, slackAPI, amURL)
	path := filepath.Join(dir, "apigw-triage.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
