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

func head(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
