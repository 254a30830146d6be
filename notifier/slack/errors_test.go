package slack

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

func okFalse(code string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		reply(w, map[string]any{"ok": false, "error": code})
	}
}

func status(code int, retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, "<html>busy</html>", code)
	}
}

func slow(d time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
		}
		reply(w, map[string]any{"ok": true, "ts": "1.1", "channel": "C0ALERTS1"})
	}
}

// misbehaviour is one way Slack can answer badly, and what the sink must say.
type misbehaviour struct {
	name       string
	handler    http.HandlerFunc
	retry      bool
	retryAfter time.Duration // exact wait expected in a RetryAfterError; 0: none
	code       string        // text the error must contain
}

func misbehaviours() []misbehaviour {
	return []misbehaviour{
		{"429 with Retry-After", status(429, "7"), true, 7 * time.Second, "retry after 7s"},
		{"429 with Retry-After 0", status(429, "0"), true, 0, "rate limited"},
		{"429 without Retry-After", status(429, ""), true, 0, "HTTP 429"},
		{"500", status(500, ""), true, 0, "HTTP 500"},
		{"503", status(503, ""), true, 0, "HTTP 503"},
		{"slow answer", slow(2 * time.Second), true, 0, "slack"},
		{"channel_not_found", okFalse("channel_not_found"), false, 0, "channel_not_found"},
		{"invalid_auth", okFalse("invalid_auth"), false, 0, "invalid_auth"},
		{"not_in_channel", okFalse("not_in_channel"), false, 0, "not_in_channel"},
		{"account_inactive", okFalse("account_inactive"), false, 0, "account_inactive"},
		{"internal_error", okFalse("internal_error"), true, 0, "internal_error"},
	}
}

// webhookAnswer turns an API misbehaviour into the webhook's form (error
// codes are the body of a 4xx there).
func webhookAnswer(m misbehaviour) http.HandlerFunc {
	if m.retry {
		return m.handler
	}
	return func(w http.ResponseWriter, _ *http.Request) { http.Error(w, m.code, http.StatusNotFound) }
}

func TestMisbehavingSlack(t *testing.T) {
	for _, mode := range []string{"bot", "webhook"} {
		for _, m := range misbehaviours() {
			if mode == "webhook" && m.name == "internal_error" {
				continue // webhooks have no ok:false; errors are 4xx bodies
			}
			t.Run(mode+"/"+m.name, func(t *testing.T) {
				f := newFakeSlack(t)
				var logs bytes.Buffer
				n := newSink(t, f, mode, &logs)
				path, h := "/chat.postMessage", m.handler
				if mode == "webhook" {
					path, h = webhookPath, webhookAnswer(m)
				}
				f.then(path, h)
				var s store
				retry, err := s.deliver(t, n, event(notifier.KindOpened, 1))
				checkFailure(t, m, retry, err)
				if wantPending := m.name == "500" || m.name == "503" || m.name == "slow answer"; mode == "bot" && s.saved.RootPending != wantPending {
					t.Errorf("after %s RootPending = %v, want %v: %+v", m.name, s.saved.RootPending, wantPending, s.saved)
				}
				if len(f.messages()) != 0 && m.name != "slow answer" {
					t.Fatalf("messages after a refused post: %d", len(f.messages()))
				}
				// The outbox retries: exactly one message in the end.
				if _, err := s.deliver(t, n, event(notifier.KindOpened, 1)); err != nil && m.retry {
					t.Fatalf("retry: %v", err)
				}
				if m.retry && len(f.roots()) != 1 {
					t.Errorf("roots after retry = %d, want exactly 1", len(f.roots()))
				}
				assertNoSecret(t, f, err, logs.String())
			})
		}
	}
}

func checkFailure(t *testing.T, m misbehaviour, retry bool, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if retry != m.retry {
		t.Errorf("retry = %v, want %v (err %v)", retry, m.retry, err)
	}
	if !strings.Contains(err.Error(), m.code) {
		t.Errorf("error %q does not name %q", err, m.code)
	}
	var ra *notifier.RetryAfterError
	gotRA := errors.As(err, &ra)
	wantRA := m.name == "429 with Retry-After" || m.name == "429 with Retry-After 0"
	if gotRA != wantRA || (gotRA && ra.After != m.retryAfter) {
		t.Errorf("RetryAfterError = %v (%v), want %v with exactly %s", gotRA, ra, wantRA, m.retryAfter)
	}
}

// newSink returns a bot or webhook sink against the fake with a short
// timeout, so "slow answer" is a timeout.
func newSink(t *testing.T, f *fakeSlack, mode string, logs *bytes.Buffer) *Notifier {
	t.Helper()
	o := Options{
		Timeout: 300 * time.Millisecond, ChannelInterval: -1,
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:    func() time.Time { return t0 },
	}
	if mode == "bot" {
		o.Token, o.APIURL, o.Channel = testToken, f.apiURL(), "C0ALERTS1"
	} else {
		o.WebhookURL = f.webhookURL()
	}
	n, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// assertNoSecret checks the token and webhook URL (and its secret path)
// are in no error, log line or message body.
func assertNoSecret(t *testing.T, f *fakeSlack, err error, logs string) {
	t.Helper()
	secrets := []string{testToken, f.webhookURL(), webhookPath, "webhooksecretpath123"}
	var errText string
	if err != nil {
		errText = err.Error()
		for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
			errText += "\n" + e.Error()
		}
	}
	places := map[string]string{"error": errText, "log": logs}
	for _, m := range f.messages() {
		places["message"] += m.Text + m.Blocks
	}
	for where, text := range places {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s contains a secret %q: %s", where, s, text)
			}
		}
	}
}

func TestNoSecretInNetworkErrors(t *testing.T) {
	for _, mode := range []string{"bot", "webhook"} {
		t.Run(mode, func(t *testing.T) {
			f := newFakeSlack(t)
			var logs bytes.Buffer
			n := newSink(t, f, mode, &logs)
			dead := httptest.NewServer(http.NotFoundHandler())
			dead.Close()
			// Point the sink at a closed port: net/http's error names the full URL.
			n.opts.WebhookURL = strings.Replace(f.webhookURL(), f.srv.ServerAddr, dead.Listener.Addr().String(), 1)
			if n.api != nil {
				n2 := newBot(t, f, &logs)
				n2.opts.Token = testToken
				n = n2
				f.then("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
					hj, _ := w.(http.Hijacker)
					c, _, _ := hj.Hijack()
					_ = c.Close()
				})
			}
			var s store
			retry, err := s.deliver(t, n, event(notifier.KindOpened, 1))
			if err == nil || !retry {
				t.Fatalf("retry=%v err=%v, want a retryable network error", retry, err)
			}
			secrets := []string{n.opts.WebhookURL, "webhooksecretpath123", testToken}
			for _, s := range secrets {
				if s == "" {
					continue
				}
				if strings.Contains(err.Error(), s) || strings.Contains(logs.String(), s) {
					t.Errorf("secret %q leaked: err=%q logs=%q", s, err, logs.String())
				}
			}
		})
	}
}

func TestPlainTextFallbackOnInvalidBlocks(t *testing.T) {
	for _, mode := range []string{"bot", "webhook"} {
		t.Run(mode, func(t *testing.T) {
			f := newFakeSlack(t)
			n := newSink(t, f, mode, &bytes.Buffer{})
			if mode == "bot" {
				f.then("/chat.postMessage", okFalse("invalid_blocks"))
			} else {
				f.then(webhookPath, func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "invalid_blocks", 400) })
			}
			var s store
			if _, err := s.deliver(t, n, event(notifier.KindOpened, 1)); err != nil {
				t.Fatal(err)
			}
			msgs := f.roots()
			if len(msgs) != 1 || (msgs[0].Blocks != "" && msgs[0].Blocks != "null" && msgs[0].Blocks != "[]") {
				t.Fatalf("messages = %+v, want one without blocks", msgs)
			}
			if !strings.Contains(msgs[0].Text, "lambda_function_error") || !strings.Contains(msgs[0].Text, "boom") {
				t.Errorf("plain text lost content: %q", msgs[0].Text)
			}
		})
	}
}
