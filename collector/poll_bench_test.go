package collector

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/clock"
)

// BenchmarkPoll2000 polls 2000 stages (the size of the fleet:2000
// scenario) against an in-memory CloudWatch that answers every query with
// a full window of datapoints, and reports the figures the design holds
// the collector to.
func BenchmarkPoll2000(b *testing.B) {
	const n = 2000
	clk := clock.NewManual(t0)
	cw := &fakeCW{value: func(_, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
		ts := minutes(start, end)
		vs := make([]float64, len(ts))
		for i := range vs {
			vs[i] = 100
		}
		return ts, vs
	}}
	stages := make([]Stage, n)
	for i := range stages {
		stages[i] = restStage("a", "r", fmt.Sprintf("api%d", i))
	}
	c := testCollector(b, clk, Thresholds{}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: stages})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Poll(context.Background()); err != nil {
			b.Fatal(err)
		}
		clk.Advance(time.Minute)
	}
	b.StopTimer()
	calls := float64(len(cw.calls)) / float64(b.N)
	queries := 0
	for _, q := range cw.calls {
		queries += q
	}
	b.ReportMetric(calls, "GetMetricData/poll")
	b.ReportMetric(float64((3*n+maxQueriesPerCall-1)/maxQueriesPerCall), "lowerbound/poll")
	b.ReportMetric(float64(queries)/float64(b.N)/n, "metrics/stage/poll")
}

// BenchmarkPollFleet2000E2E polls the emulator's fleet:2000 scenario
// through the real SDK over loopback (discovery done before the timer).
func BenchmarkPollFleet2000E2E(b *testing.B) {
	e := newE2E(b, "fleet:2000", 0)
	e.clk.Advance(10 * time.Minute)
	if _, err := e.c.Poll(context.Background()); err != nil {
		b.Fatal(err)
	}
	n := len(e.c.Stages())
	before := testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("CloudWatch", "GetMetricData", resultSuccess))
	reqBefore := testutil.ToFloat64(e.c.metrics.metricsRequested)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e.clk.Advance(time.Minute)
		if _, err := e.c.Poll(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	calls := testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("CloudWatch", "GetMetricData", resultSuccess)) - before
	b.ReportMetric(calls/float64(b.N), "GetMetricData/poll")
	b.ReportMetric(float64((3*n+maxQueriesPerCall-1)/maxQueriesPerCall), "lowerbound/poll")
	b.ReportMetric((testutil.ToFloat64(e.c.metrics.metricsRequested)-reqBefore)/float64(b.N)/float64(n), "metrics/stage/poll")
	b.ReportMetric(float64(n), "stages")
}
