package scenario

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
)

// TestLogsOutagesFromTimeZero: a scenario's logs and Lambda outages are spans after
// its time zero, and one without a duration is refused where it is written.
func TestLogsOutagesFromTimeZero(t *testing.T) {
	const accounts = `
accounts:
  - id: "123456789012"
    regions:
      - name: us-east-1
`
	sc, err := Parse([]byte("faults:\n  logs_outages: [{start: 36m, duration: 4m}]\n  lambda_outages: [{start: 30m, duration: 1m}]"+accounts), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	f := NewWorld(sc, clock.NewManual(t0), t0).Faults()
	for _, tt := range []struct {
		at   time.Duration
		down bool
	}{{35 * time.Minute, false}, {36 * time.Minute, true}, {39*time.Minute + 59*time.Second, true}, {40 * time.Minute, false}} {
		if got := f.LogsDown(t0.Add(tt.at)); got != tt.down {
			t.Errorf("+%s: logs down %v, want %v", tt.at, got, tt.down)
		}
	}
	if !f.LambdaDown(t0.Add(30*time.Minute)) || f.LambdaDown(t0.Add(31*time.Minute)) || f.LambdaDown(t0.Add(36*time.Minute)) {
		t.Error("Lambda's outage is not its own span [30m, 31m)")
	}
	_, err = Parse([]byte("faults:\n  logs_outages: [{start: 36m}]"+accounts), "x.yaml")
	if want := "x.yaml:2:18: faults.logs_outages[0].duration: must be positive"; err == nil || err.Error() != want {
		t.Errorf("outage without a duration: %v, want %s", err, want)
	}
	_, err = Parse([]byte("faults:\n  lambda_outages: [{start: 36m}]"+accounts), "x.yaml")
	if want := "x.yaml:2:20: faults.lambda_outages[0].duration: must be positive"; err == nil || err.Error() != want {
		t.Errorf("Lambda outage without a duration: %v, want %s", err, want)
	}
}
