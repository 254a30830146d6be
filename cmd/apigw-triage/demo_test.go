package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestDemoEndsWithSummary: with no --duration the demo stops on its own once
// the scenario has played out, after a summary row for every episode. (The
// catalog plays the same way in about a minute; a one-episode scenario keeps
// the test short.)
func TestDemoEndsWithSummary(t *testing.T) {
	code, out, errOut := runCmd(t, "demo", "--listen", "127.0.0.1:0", "--scenario", "testdata/demo-short.yaml")
	if code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", code, tail(errOut, 20))
	}
	if !regexp.MustCompile(`incident page: http://127\.0\.0\.1:\d+/ `).MatchString(out) {
		t.Errorf("the start does not give the incident page's address:\n%s", head(out, 4))
	}
	i := strings.Index(out, "\nsummary (emulated time)\n")
	if i < 0 {
		t.Fatalf("no summary:\n%s", tail(out, 30))
	}
	checkDemoMessages(t, out[:i])
	summary := out[i:]
	m := regexp.MustCompile(`(\d+) episodes played, (\d+) detected, (\d+) diagnosed as played`).FindStringSubmatch(summary)
	if m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("summary does not show every episode detected:\n%s", summary)
	}
	if !strings.Contains(summary, "orders/prod  502 lambda_malformed_proxy_response") ||
		strings.Count(summary, " after it ended") != 1 {
		t.Errorf("no episode shows its resolution:\n%s", summary)
	}
}

// knownPlaceholders are the placeholders the daemon can fill for this
// scenario: discovery, STS and the logs name them all.
var knownPlaceholders = regexp.MustCompile(`\b(REST_API_ID|API_ID|STAGE|REGION|ACCOUNT_ID|FUNCTION_NAME|RESOURCE_ID|METHOD)\b`)

// checkDemoMessages: the notifications name the failing method by its
// resource id, keep no placeholder the daemon could have filled, and label
// every figure with its span.
func checkDemoMessages(t *testing.T, msgs string) {
	t.Helper()
	if m := knownPlaceholders.FindString(msgs); m != "" {
		t.Errorf("a message keeps the placeholder %s:\n%s", m, msgs)
	}
	if !regexp.MustCompile("--resource-id [a-z0-9]{6,} --http-method GET`").MatchString(msgs) {
		t.Errorf("no command names the failing method's resource:\n%s", msgs)
	}
	for _, re := range []string{`Error rate: +\d+\.\d% \(` + spanRE + `\)`, `failed requests sampled from the logs \(` + spanRE + `\)`} {
		if !regexp.MustCompile(re).MatchString(msgs) {
			t.Errorf("no line matches %s:\n%s", re, msgs)
		}
	}
}

// spanRE is how a figure's span reads: its length and its end's time of
// day, with the date before it when the span crosses midnight (a run near
// 00:00 UTC shows both).
const spanRE = `\d+m to (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC`

func head(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
