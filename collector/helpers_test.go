package collector

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
)

// fakeCW answers GetMetricData from value, which returns the datapoints of
// one query (dimension value, metric, stat) in [start, end).
type fakeCW struct {
	mu      sync.Mutex
	calls   []int // queries per call
	queries []cwtypes.MetricDataQuery
	value   func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64)
	// byDims, when set, answers instead of value from every dimension.
	byDims func(dims map[string]string, metric, stat string) ([]time.Time, []float64)
	err    error
}

func (f *fakeCW) GetMetricData(_ context.Context, in *cloudwatch.GetMetricDataInput, _ ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricDataOutput, error) {
	f.mu.Lock()
	f.calls = append(f.calls, len(in.MetricDataQueries))
	f.queries = append(f.queries, in.MetricDataQueries...)
	f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	if len(in.MetricDataQueries) > maxQueriesPerCall {
		return nil, fmt.Errorf("%d queries", len(in.MetricDataQueries))
	}
	out := &cloudwatch.GetMetricDataOutput{}
	for _, q := range in.MetricDataQueries {
		ms := q.MetricStat
		var ts []time.Time
		var vs []float64
		if f.byDims != nil {
			ts, vs = f.byDims(dimMap(ms.Metric.Dimensions), aws.ToString(ms.Metric.MetricName), aws.ToString(ms.Stat))
		} else {
			ts, vs = f.value(aws.ToString(ms.Metric.Dimensions[0].Value), aws.ToString(ms.Metric.MetricName), aws.ToString(ms.Stat), *in.StartTime, *in.EndTime)
		}
		out.MetricDataResults = append(out.MetricDataResults, cwtypes.MetricDataResult{Id: q.Id, Timestamps: ts, Values: vs, StatusCode: cwtypes.StatusCodeComplete})
	}
	return out, nil
}

// t0 is a period-aligned start for tests.
var t0 = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

// testCollector builds a collector over fake regions with discovery
// already done for the given stages.
func testCollector(t testing.TB, clk clock.Clock, th Thresholds, regions map[*region][]Stage) *Collector {
	t.Helper()
	opts := Options{Clock: clk, Registerer: prometheus.NewRegistry(), Thresholds: func(string, string) Thresholds { return th }}
	opts.Discovery.Refresh = 24 * time.Hour
	opts.setDefaults()
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		t.Fatal(err)
	}
	c := newCollector(opts, m)
	for r, st := range regions {
		c.regions = append(c.regions, r)
		c.disc[r.id()] = &discovered{at: clk.Now(), stages: st}
	}
	return c
}

func restStage(account, region, name string) Stage {
	return Stage{Identity: stage.New(account, region, stage.APIREST, "id-"+name, name, "prod")}
}

// minutes lists the period starts in [start, end).
func minutes(start, end time.Time) []time.Time {
	var out []time.Time
	for t := start; t.Before(end); t = t.Add(time.Minute) {
		out = append(out, t)
	}
	return out
}

func dimMap(ds []cwtypes.Dimension) map[string]string {
	m := make(map[string]string, len(ds))
	for _, d := range ds {
		m[aws.ToString(d.Name)] = aws.ToString(d.Value)
	}
	return m
}

// pollMinutes polls n times, a minute apart on the test clock, failing
// the test at the first poll error.
func (e *e2e) pollMinutes(t testing.TB, n int) {
	t.Helper()
	for range n {
		if _, err := e.c.Poll(context.Background()); err != nil {
			t.Fatal(err)
		}
		e.clk.Advance(time.Minute)
	}
}
