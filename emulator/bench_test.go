package emulator

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// fleetWorld is a synthetic backend of n stages whose every metric has a
// datapoint per period; it does the least work a real scenario engine
// could, so the benchmark measures the wire layer.
type fleetWorld struct {
	fakeWorld
	stages int
}

func (f *fleetWorld) Datapoints(_, _ string, _ world.MetricID, start, end time.Time, period time.Duration) []world.Datapoint {
	var out []world.Datapoint
	for t := start.Truncate(period); t.Before(end); t = t.Add(period) {
		out = append(out, world.Datapoint{Time: t, Agg: world.Aggregate{Sum: 3, Count: 120, Min: 0, Max: 1}})
	}
	return out
}

// BenchmarkGetMetricDataFleet sends the daemon's poll shape for a
// 2000-stage fleet: batches of 500 queries (two per stage: 5XXError Sum
// and Count SampleCount) over ten one-minute periods, through the real SDK.
func BenchmarkGetMetricDataFleet(b *testing.B) {
	f := &fleetWorld{fakeWorld: *newFakeWorld(), stages: 2000}
	_, ts := newTestServer(b, &f.fakeWorld)
	ts.Config.Handler = NewServer(f, Options{})
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	batches := fleetBatches(f.stages)
	ctx := testCtx(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		out, err := cw.GetMetricData(ctx, &cloudwatch.GetMetricDataInput{
			StartTime: aws.Time(t0.Add(-10 * time.Minute)), EndTime: aws.Time(t0),
			MetricDataQueries: batches[i%len(batches)]})
		if err != nil {
			b.Fatal(err)
		}
		if len(out.MetricDataResults) != 500 || len(out.MetricDataResults[0].Values) != 10 {
			b.Fatalf("got %d results", len(out.MetricDataResults))
		}
	}
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "queries/s")
}

func fleetBatches(stages int) [][]types.MetricDataQuery {
	var all []types.MetricDataQuery
	for i := range stages {
		for _, m := range []struct{ name, stat string }{{"5XXError", "Sum"}, {"Count", "SampleCount"}} {
			q := statQuery(fmt.Sprintf("q%d_%s", i, m.stat), m.stat, fmt.Sprintf("api-%04d", i))
			q.MetricStat.Metric.MetricName = aws.String(m.name)
			all = append(all, q)
		}
	}
	var batches [][]types.MetricDataQuery
	for len(all) > 0 {
		n := min(500, len(all))
		batches, all = append(batches, all[:n]), all[n:]
	}
	return batches
}
