package scenario

import (
	"runtime"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// BenchmarkFleet2000Poll answers what one daemon poll of fleet:2000 asks:
// 5xx and Count of every stage over the last 10 minutes, as the wire layer
// would for GetMetricData batches. It reports datapoints/s and the heap
// the world holds.
func BenchmarkFleet2000Poll(b *testing.B) {
	sc, err := Builtin("fleet:2000")
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	clk := fixedClock(t0.Add(2 * time.Hour))
	w := NewWorld(sc, clk, t0)
	var ids []regionMetric
	for _, r := range w.Regions(acct) {
		for _, m := range w.Metrics(acct, r) {
			if m.Namespace == "AWS/ApiGateway" && len(m.Dims) == 2 && (m.Name == "5XXError" || m.Name == "5xx" || m.Name == "Count") {
				ids = append(ids, regionMetric{r, m})
			}
		}
	}
	end := t0.Add(2 * time.Hour).Truncate(time.Minute)
	points := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// each iteration is a later poll, so fresh minutes are generated too
		off := time.Duration(i%30) * time.Minute
		for _, id := range ids {
			points += len(w.Datapoints(acct, id.region, id.m, end.Add(-10*time.Minute-off), end.Add(-off), time.Minute))
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(w)
	b.ReportMetric(float64(points)/b.Elapsed().Seconds(), "datapoints/s")
	b.ReportMetric(float64(len(ids)), "metrics/poll")
	b.ReportMetric(float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/(1<<20), "heapMB")
}

type regionMetric struct {
	region string
	m      world.MetricID
}

func TestFleetBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds fleet:2000")
	}
	sc, err := Builtin("fleet:2000")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	w := NewWorld(sc, fixedClock(t0.Add(time.Hour)), t0)
	n := 0
	for _, r := range w.Regions(acct) {
		n += len(w.RestAPIs(acct, r)) + len(w.HTTPAPIs(acct, r))
	}
	if n != 2000 {
		t.Errorf("fleet:2000 has %d APIs", n)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("building fleet:2000 took %s", d)
	}
}
