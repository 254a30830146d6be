package scenario

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// TestLateData drives the manual clock across one minute's publication: no
// datapoint until one to three minutes after the minute, then a partial
// count that grows until it is complete and stops changing.
func TestLateData(t *testing.T) {
	w, clk := catalogWorld(t, 10*time.Minute)
	m := world.MetricID{Namespace: "AWS/ApiGateway", Name: "Count", Dims: []world.Dim{{Name: "ApiName", Value: "orders-malformed-proxy"}, {Name: "Stage", Value: "prod"}}}
	min := t0.Add(10 * time.Minute)
	count := func() float64 {
		dps := w.Datapoints(acct, region, m, min, min.Add(time.Minute), time.Minute)
		if len(dps) == 0 {
			return 0
		}
		return dps[0].Agg.Count
	}
	var seen []float64
	for step := 0; step < 20; step++ {
		clk.Set(min.Add(time.Duration(step) * 30 * time.Second))
		seen = append(seen, count())
	}
	first := -1
	for i, v := range seen {
		if v > 0 && first < 0 {
			first = i
		}
		if i > 0 && v < seen[i-1] {
			t.Errorf("count went down: %v", seen)
		}
	}
	if first < 4 || first > 8 {
		t.Errorf("first visible at step %d (x30s after the minute began), want 1-3 min after it ended: %v", first, seen)
	}
	if seen[first] >= seen[len(seen)-1] {
		t.Errorf("first datapoint already complete: %v", seen)
	}
	if seen[len(seen)-1] != seen[len(seen)-2] {
		t.Errorf("not settled after 7 minutes: %v", seen)
	}
}

func TestNoTrafficNoDatapoints(t *testing.T) {
	w, _ := catalogWorld(t, 3*time.Hour)
	night := world.MetricID{Namespace: "AWS/ApiGateway", Name: "Count", Dims: []world.Dim{{Name: "ApiName", Value: "storefront"}, {Name: "Stage", Value: "prod"}}}
	// before the history window there is no traffic at all
	if dps := w.Datapoints(acct, region, night, t0.Add(-3*time.Hour), t0.Add(-time.Hour-time.Minute), time.Minute); len(dps) != 0 {
		t.Errorf("%d datapoints before traffic starts", len(dps))
	}
	// the office shape stops traffic from 22:00 to 06:00 UTC
	sc, _ := Builtin("catalog")
	nt0 := time.Date(2026, 3, 2, 5, 30, 0, 0, time.UTC)
	nw := NewWorld(sc, fixedClock(nt0.Add(time.Hour)), nt0)
	if dps := nw.Datapoints(acct, region, night, nt0.Add(-time.Hour), nt0.Add(30*time.Minute), time.Minute); len(dps) != 0 {
		t.Errorf("%d datapoints at night", len(dps))
	}
	if day := nw.Datapoints(acct, region, night, nt0.Add(30*time.Minute), nt0.Add(50*time.Minute), time.Minute); len(day) < 15 {
		t.Errorf("%d datapoints after 06:00", len(day))
	}
	// a metric the stage does not publish (HTTP name on a REST API)
	wrong := night
	wrong.Name = "5xx"
	if dps := w.Datapoints(acct, region, wrong, t0, t0.Add(time.Hour), time.Minute); len(dps) != 0 {
		t.Errorf("REST API answered an HTTP API metric name")
	}
}

type fixedClock time.Time

func (c fixedClock) Now() time.Time                       { return time.Time(c) }
func (c fixedClock) After(time.Duration) <-chan time.Time { return nil }

func TestLogsIngestedLate(t *testing.T) {
	w, clk := catalogWorld(t, 0)
	g := "/aws/lambda/orders-malformed-proxy-fn"
	clk.Set(t0.Add(5 * time.Minute))
	before := len(collect(w, g, t0.Add(4*time.Minute), t0.Add(5*time.Minute)))
	clk.Set(t0.Add(6 * time.Minute))
	after := len(collect(w, g, t0.Add(4*time.Minute), t0.Add(5*time.Minute)))
	if before == 0 || before >= after {
		t.Errorf("events of the last seconds should not be ingested yet: %d then %d", before, after)
	}
}
