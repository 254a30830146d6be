package collector

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestFailurePatterns: the access log group is read with its format's
// pattern; a format that gives none, or a group the access log shares
// with a function's log, keeps the words pattern, and the first says why
// once per stage; with Insights on there are no patterns.
func TestFailurePatterns(t *testing.T) {
	var logs bytes.Buffer
	c := &Collector{log: slog.New(slog.NewTextHandler(&logs, nil)), warned: map[string]bool{}}
	st := restStage("111122223333", "eu-west-1", "orders")
	st.AccessLogGroup, st.AccessLogFormat = "access", restCLF
	st.Functions = []Function{{Name: "orders-fn", LogGroup: "/aws/lambda/orders-fn"}}
	if p := c.failurePatterns(st, nil); p("access") != "[f1, f2, f3, f4, f5, status=5*, ...]" || p("/aws/lambda/orders-fn") != failurePattern {
		t.Errorf("CLF: access %q, function %q", p("access"), p("/aws/lambda/orders-fn"))
	}
	shared := st
	shared.AccessLogGroup = "/aws/lambda/orders-fn"
	if p := c.failurePatterns(shared, nil)(shared.AccessLogGroup); p != failurePattern {
		t.Errorf("access log in the function's group read with %q", p)
	}
	csv := st
	csv.AccessLogFormat = consoleCSV
	for range 2 {
		if p := c.failurePatterns(csv, nil)("access"); p != failurePattern {
			t.Errorf("CSV read with %q", p)
		}
	}
	if n := strings.Count(logs.String(), "matched by words"); n != 1 {
		t.Errorf("%d warnings for the CSV format, want 1: %s", n, logs.String())
	}
	c.opts.Logs.Insights = true
	if c.failurePatterns(st, nil) != nil {
		t.Error("patterns with Insights on")
	}
}
