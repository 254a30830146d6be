package emulator

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

func statQuery(id, stat, api string) types.MetricDataQuery {
	return types.MetricDataQuery{Id: aws.String(id), MetricStat: &types.MetricStat{
		Stat: aws.String(stat), Period: aws.Int32(60),
		Metric: &types.Metric{Namespace: aws.String("AWS/ApiGateway"), MetricName: aws.String("5XXError"),
			Dimensions: []types.Dimension{{Name: aws.String("ApiName"), Value: aws.String(api)}, {Name: aws.String("Stage"), Value: aws.String("prod")}}}}}
}

func TestGetMetricDataPaginator(t *testing.T) {
	f := newFakeWorld()
	s, ts := newTestServer(t, f)
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	noData := statQuery("nodata", "Sum", "x")
	noData.MetricStat.Metric.MetricName = aws.String("NoData")
	in := &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(t0.Add(-10 * time.Minute)), EndTime: aws.Time(t0),
		ScanBy:        types.ScanByTimestampAscending,
		MaxDatapoints: aws.Int32(7),
		MetricDataQueries: []types.MetricDataQuery{
			statQuery("sum", "Sum", "a"), statQuery("avg", "Average", "a"), statQuery("p90", "p90", "a"), noData,
			{Id: aws.String("ratio"), Expression: aws.String("100*(sum-avg)/avg")},
		},
	}
	got := map[string][]float64{}
	var times []time.Time
	pages, partial := 0, 0
	p := cloudwatch.NewGetMetricDataPaginator(cw, in)
	for p.HasMorePages() {
		out, err := p.NextPage(testCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, r := range out.MetricDataResults {
			if r.StatusCode == types.StatusCodePartialData {
				partial++
			}
			if len(r.Timestamps) != len(r.Values) {
				t.Fatalf("%s: %d timestamps, %d values", *r.Id, len(r.Timestamps), len(r.Values))
			}
			got[*r.Id] = append(got[*r.Id], r.Values...)
			if *r.Id == "sum" {
				times = append(times, r.Timestamps...)
			}
		}
	}
	want := map[string]float64{"sum": 6, "avg": 2, "p90": 3, "ratio": 200}
	for id, v := range want {
		if len(got[id]) != 10 || got[id][0] != v || got[id][9] != v {
			t.Errorf("%s = %v, want 10 x %v", id, got[id], v)
		}
	}
	if _, ok := got["nodata"]; !ok || len(got["nodata"]) != 0 {
		t.Errorf("nodata = %v, want an empty result", got["nodata"])
	}
	if pages != 6 || partial == 0 {
		t.Errorf("pages = %d, partial results = %d; want 6 pages of at most 7 of 40 points, some partial", pages, partial)
	}
	if !times[0].Equal(t0.Add(-10*time.Minute)) || !times[1].After(times[0]) {
		t.Errorf("timestamps not ascending from the start: %v", times[:2])
	}
	if st := s.Stats(); st.MetricsRequested != int64(4*pages) || st.Calls["GetMetricData"] != int64(pages) {
		t.Errorf("stats = %+v, want %d metrics requested over %d calls", st, 4*pages, pages)
	}
}

func TestGetMetricDataDescendingByDefault(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	out, err := cw.GetMetricData(testCtx(t), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(t0.Add(-5 * time.Minute)), EndTime: aws.Time(t0.Add(5 * time.Minute)),
		MetricDataQueries: []types.MetricDataQuery{statQuery("m", "SampleCount", "a")}})
	if err != nil {
		t.Fatal(err)
	}
	r := out.MetricDataResults[0]
	if len(r.Timestamps) != 5 || !r.Timestamps[0].Equal(t0.Add(-time.Minute)) || r.Values[0] != 3 || *r.Label != "5XXError" {
		t.Errorf("got %v %v label %q; want 5 points newest first (none after now), SampleCount 3", r.Timestamps, r.Values, *r.Label)
	}
}

func TestGetMetricDataErrors(t *testing.T) {
	many := make([]types.MetricDataQuery, 501)
	for i := range many {
		many[i] = statQuery(fmt.Sprintf("m%d", i), "Sum", "a")
	}
	tests := []struct {
		name    string
		queries []types.MetricDataQuery
		code    string
	}{
		{"over 500 queries", many, "ValidationError"},
		{"bad stat", []types.MetricDataQuery{statQuery("m", "Median", "a")}, "InvalidParameterValue"},
		{"bad id", []types.MetricDataQuery{statQuery("M1", "Sum", "a")}, "InvalidParameterValue"},
		{"unsupported math", []types.MetricDataQuery{statQuery("m", "Sum", "a"), {Id: aws.String("e"), Expression: aws.String("FILL(m, 0)")}}, "InvalidParameterValue"},
	}
	_, ts := newTestServer(t, newFakeWorld())
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cw.GetMetricData(testCtx(t), &cloudwatch.GetMetricDataInput{
				StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0), MetricDataQueries: tc.queries})
			var ae smithy.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != tc.code || ae.ErrorFault() != smithy.FaultClient {
				t.Fatalf("err = %v, want API error %s", err, tc.code)
			}
		})
	}
}

func TestListMetricsPaginator(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	tests := []struct {
		name string
		in   *cloudwatch.ListMetricsInput
		want int
	}{
		{"namespace", &cloudwatch.ListMetricsInput{Namespace: aws.String("AWS/ApiGateway")}, 1200},
		{"dimension name only", &cloudwatch.ListMetricsInput{Dimensions: []types.DimensionFilter{{Name: aws.String("FunctionName")}}}, 1},
		{"dimension value", &cloudwatch.ListMetricsInput{Dimensions: []types.DimensionFilter{{Name: aws.String("ApiName"), Value: aws.String("api-0007")}}}, 1},
		{"all", &cloudwatch.ListMetricsInput{}, 1201},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, pages := 0, 0
			p := cloudwatch.NewListMetricsPaginator(cw, tc.in)
			for p.HasMorePages() {
				out, err := p.NextPage(testCtx(t))
				if err != nil {
					t.Fatal(err)
				}
				n, pages = n+len(out.Metrics), pages+1
			}
			if n != tc.want || pages != (tc.want+499)/500 {
				t.Errorf("got %d metrics in %d pages, want %d", n, pages, tc.want)
			}
		})
	}
}

func TestThrottlingRetriedBySDK(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{ThrottleShare: 0.5})
	s, ts := newTestServer(t, f)
	cw := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	for range 10 {
		if _, err := cw.ListMetrics(testCtx(t), &cloudwatch.ListMetricsInput{Namespace: aws.String("AWS/Lambda")}); err != nil {
			t.Fatalf("retries should absorb a 50%% throttle share: %v", err)
		}
	}
	st := s.Stats()
	if st.Throttled == 0 || st.Calls["ListMetrics"] != 10+st.Throttled {
		t.Errorf("stats = %+v; want throttles counted and every attempt counted", st)
	}
}
