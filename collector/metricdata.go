package collector

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// point is one datapoint of one query.
type point struct {
	stage int
	kind  queryKind
	t     time.Time
	v     float64
}

// fetchMetrics runs the queries over w in calls of at most 500, following
// NextToken pages, and returns every datapoint. It counts the metrics
// requested per page, the unit AWS bills.
func (c *Collector) fetchMetrics(ctx context.Context, api metricsAPI, qs []cwtypes.MetricDataQuery, w window) ([]point, error) {
	var out []point
	for _, b := range batches(qs) {
		in := &cloudwatch.GetMetricDataInput{
			StartTime:         aws.Time(w.start),
			EndTime:           aws.Time(w.end),
			MetricDataQueries: b,
			ScanBy:            cwtypes.ScanByTimestampAscending,
		}
		p := cloudwatch.NewGetMetricDataPaginator(api, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, fmt.Errorf("GetMetricData: %w", err)
			}
			c.metrics.metricsRequested.Add(float64(len(b)))
			c.countMetrics(len(b))
			out = appendPoints(out, page.MetricDataResults)
		}
	}
	return out, nil
}

// appendPoints decodes results whose ids the collector made.
func appendPoints(out []point, rs []cwtypes.MetricDataResult) []point {
	for _, r := range rs {
		idx, kind, ok := parseQueryID(aws.ToString(r.Id))
		if !ok {
			continue
		}
		for i, t := range r.Timestamps {
			if i < len(r.Values) {
				out = append(out, point{stage: idx, kind: kind, t: t, v: r.Values[i]})
			}
		}
	}
	return out
}
