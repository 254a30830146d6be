package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// recorder is an HTTP endpoint that keeps every request body and answers status.
type recorder struct {
	mu     sync.Mutex
	bodies []string
	srv    *httptest.Server
}

func newRecorder(t *testing.T, status int) *recorder {
	r := &recorder{}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.bodies = append(r.bodies, string(b))
		r.mu.Unlock()
		w.WriteHeader(status)
		_, _ = w.Write([]byte("ok"))
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.bodies...)
}

func runNotifyTest(t *testing.T, cfgText string, env map[string]string) (int, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte(cfgText), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := dispatch(context.Background(), []string{"notify", "test", "--config", path},
		streams{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }})
	return code, out.String(), errb.String()
}

func TestNotifyTestReachesEverySink(t *testing.T) {
	const token = "xoxb-notify-test-token"
	bot := newSlackStandIn(t, token, nil)
	am := newRecorder(t, http.StatusOK)
	cfg := "aws:\n  region: eu-west-1\naccounts:\n  - id: \"111122223333\"\nslack:\n  token: ${TOKEN}\n  api_url: " + bot.apiURL() +
		"\n  channel: C0123TEST\nalertmanager:\n  url: " + am.srv.URL + "\n"
	code, out, errOut := runNotifyTest(t, cfg, map[string]string{"TOKEN": token})
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{"slack        opened   ok", "slack        resolved ok", "alertmanager opened   ok", "alertmanager resolved ok"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	msgs := bot.messages()
	if len(msgs) == 0 || !strings.Contains(msgs[0].Text, "apigw-triage-notify-test") {
		t.Errorf("the stand-in workspace did not get the sample incident: %s", describe(msgs))
	}
	if len(am.got()) != 2 || !strings.Contains(am.got()[0], "111122223333") {
		t.Errorf("alertmanager got %d posts, want 2 naming the account: %q", len(am.got()), am.got())
	}
	if strings.Contains(out+errOut, token) {
		t.Error("the report shows the token")
	}
}

func TestNotifyTestReportsFailures(t *testing.T) {
	hook := newRecorder(t, http.StatusNotFound) // Slack answers 404 no_service for a revoked webhook
	code, out, _ := runNotifyTest(t, "aws:\n  region: eu-west-1\nslack:\n  webhook_url: "+hook.srv.URL+"/services/T/B/x\n", nil)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	if !strings.Contains(out, "slack        opened   FAILED: ") {
		t.Errorf("report does not say the webhook failed:\n%s", out)
	}
	if strings.Contains(out, "/services/T/B/x") {
		t.Error("the report shows the webhook URL, a secret")
	}
}

func TestNotifyTestUsage(t *testing.T) {
	for _, args := range [][]string{{"notify"}, {"notify", "send"}, {"notify", "test"}} {
		var out, errb bytes.Buffer
		code := dispatch(context.Background(), args, streams{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
		if code != 2 || errb.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a usage line", args, code, errb.String())
		}
	}
	code, _, errOut := runNotifyTest(t, "aws:\n  region: eu-west-1\n", nil)
	if code != 1 || !strings.Contains(errOut, "no sink configured") {
		t.Errorf("no sinks: exit %d, stderr %q", code, errOut)
	}
	// one line: the daemon's warning that incidents go only to
	// /api/incidents is about run, not about a test of the sinks
	if n := strings.Count(strings.TrimSpace(errOut), "\n"); n != 0 {
		t.Errorf("no sinks: %d lines on stderr, want one: %q", n+1, errOut)
	}
}
