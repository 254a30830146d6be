package daemon

import (
	"bytes"
	"os/exec"
	"testing"
)

// checkPromtool (TestServedCatalog) lints the daemon's /metrics, with open incidents
// and notifications flowing so every family has series, with the linter
// Prometheus ships: names, units, _total on counters, help texts.
func checkPromtool(t *testing.T, r *servedRun) {
	body := r.scrape(t)
	lint(t, body)
	if !bytes.Contains(body, []byte("apigw_triage_incident_open{")) {
		t.Fatalf("no open incident in the linted exposition:\n%s", body)
	}
}

// lint runs promtool check metrics on a /metrics exposition.
func lint(t *testing.T, body []byte) {
	t.Helper()
	promtool := requireTool(t, "/usr/bin/promtool", "prometheus")
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = bytes.NewReader(body)
	out, err := cmd.CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("promtool check metrics: %v\n%s", err, out)
	}
}
