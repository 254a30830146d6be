package notifier_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/notifier/alertmanager"
	"github.com/apigw-triage/apigw-triage/notifier/console"
	"github.com/apigw-triage/apigw-triage/notifier/slack"
	"github.com/apigw-triage/apigw-triage/stage"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// capture is a stand-in for Slack's webhook and Alertmanager's alerts API
// that keeps the last body it was sent.
type capture struct {
	mu   sync.Mutex
	body []byte
}

func (c *capture) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	c.mu.Lock()
	c.body = b
	c.mu.Unlock()
	_, _ = io.WriteString(w, "ok")
}

func (c *capture) last() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.body
}

// sinks are the real Slack (webhook), Alertmanager and console sinks, the
// first two posting to one loopback capture.
type sinks struct {
	cap     *capture
	slack   *slack.Notifier
	am      *alertmanager.Notifier
	console *console.Notifier
	out     *bytes.Buffer
}

func newSinks(t testing.TB) *sinks {
	s := &sinks{cap: &capture{}, out: &bytes.Buffer{}}
	srv := httptest.NewServer(s.cap)
	t.Cleanup(srv.Close)
	var err error
	s.slack, err = slack.New(slack.Options{WebhookURL: srv.URL + "/hook", ChannelInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if s.am, err = alertmanager.New(alertmanager.Options{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	s.console = console.New(s.out, nil)
	return s
}

// hostileIncident puts the untrusted text everywhere a log line, an API
// name or a function's settings can reach.
func hostileIncident(text string) notifier.Snapshot {
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	return notifier.Snapshot{
		Identity: stage.Identity{Account: "123456789012", Region: "eu-west-1", APIType: stage.APIREST,
			APIName: text, APIID: "a1b2c3d4e5", Stage: text},
		OpenedAt:  now.Add(-5 * time.Minute),
		Figures:   stage.Figures{WindowStart: now.Add(-5 * time.Minute), WindowEnd: now, ErrorRate: 0.5, Errors5xx: 5, Requests: 10},
		LogGroups: []string{text},
		Diagnosis: classifier.Diagnosis{
			Status: classifier.Status502, Cause: classifier.CauseLambdaHandlerMisconfigured, Confidence: 0.9,
			Evidence: []string{text, "ok " + text}, Why: "handler " + text,
		},
		Routes: []stage.RouteFigures{{Route: "GET /" + text, Errors5xx: 5, Requests: 10}},
	}
}

// ownSyntax is the Slack syntax the sinks write themselves: links to the
// AWS console and a configured user-group mention.
var ownSyntax = regexp.MustCompile(`^<(https://[a-z0-9-]+\.console\.aws\.amazon\.com/[^|<>]*\|[^<>]*|!subteam\^[A-Z0-9]+)>$`)

var anySyntax = regexp.MustCompile(`<[^<>]*>`)

var broadcastWord = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)

// checkStrings fails when a string of a decoded JSON document holds an
// unsafe rune (line feeds aside: messages are multi-line), or Slack syntax
// other than the sink's own.
func checkStrings(t *testing.T, sink string, doc []byte, input string) {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("%s: body is not JSON: %v", sink, err)
	}
	walkStrings(v, func(s string) {
		checkText(t, sink, s, input)
	})
}

func checkText(t *testing.T, sink, s, input string) {
	t.Helper()
	if !textsafe.Clean(strings.ReplaceAll(s, "\n", "")) {
		t.Fatalf("%s: input %q gave unsafe text %q", sink, input, s)
	}
	for _, m := range anySyntax.FindAllString(s, -1) {
		if !ownSyntax.MatchString(m) && strings.ContainsAny(m[1:2], "!@#") || strings.Contains(m, "|") && !ownSyntax.MatchString(m) {
			t.Fatalf("%s: input %q gave Slack syntax %q", sink, input, m)
		}
	}
	if b := broadcastWord.FindString(s); b != "" {
		t.Fatalf("%s: input %q gave a broadcast %q", sink, input, b)
	}
}

// checkJSON is the check for /api/incidents: a decoded string holds no
// unsafe character, and the body itself no angle bracket (encoding/json
// writes them as \u003c and \u003e); the values are data, kept as logged.
func checkJSON(t *testing.T, v any, input string) {
	t.Helper()
	doc, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc = textsafe.JSON(doc)
	if bytes.ContainsAny(doc, "<>") {
		t.Fatalf("json: input %q gave raw angle brackets in %s", input, doc)
	}
	var x any
	if err := json.Unmarshal(doc, &x); err != nil {
		t.Fatalf("json: input %q gave invalid JSON: %v", input, err)
	}
	walkStrings(x, func(s string) {
		if !textsafe.Clean(s) {
			t.Fatalf("json: input %q gave unsafe text %q", input, s)
		}
	})
}

func walkStrings(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case []any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case map[string]any:
		for k, e := range x {
			f(k)
			walkStrings(e, f)
		}
	}
}

// FuzzSinks: whatever text an attacker puts in an API name, a stage, a log
// line or a diagnosis, no sink (Slack, Alertmanager, the console) outputs a
// control, bidi or zero-width character raw, nor Slack mention or link
// syntax that was not its own.
func FuzzSinks(f *testing.F) {
	for _, s := range []string{"\x1b[2J", "<!channel>", "<!here> <@U123>", "<https://evil|click>", "a\u202eb", "\u200b\ufeff", "x\nwhy: forged", "```", "\xff"} {
		f.Add(s)
	}
	s := newSinks(f)
	f.Fuzz(func(t *testing.T, text string) {
		ctx := context.Background()
		for _, kind := range []notifier.Kind{notifier.KindOpened, notifier.KindResolved} {
			inc := hostileIncident(text)
			if kind == notifier.KindResolved {
				inc.ResolvedAt = inc.WindowEnd
			}
			d := &notifier.Delivery{Event: notifier.Event{ID: "e1", IncidentID: "i1", Kind: kind, At: inc.WindowEnd, Snapshot: inc}}
			if _, err := s.slack.Notify(ctx, d); err != nil {
				t.Fatalf("slack: %v", err)
			}
			checkStrings(t, "slack", s.cap.last(), text)
			if _, err := s.am.Notify(ctx, d); err != nil {
				t.Fatalf("alertmanager: %v", err)
			}
			checkStrings(t, "alertmanager", s.cap.last(), text)
			s.out.Reset()
			if _, err := s.console.Notify(ctx, d); err != nil {
				t.Fatalf("console: %v", err)
			}
			checkText(t, "console", s.out.String(), text)
		}
		checkJSON(t, hostileIncident(text), text)
	})
}
