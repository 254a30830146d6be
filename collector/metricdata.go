package collector

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// point is one datapoint of one query, its period start in unix
// seconds. A stage's first screen reads an hour of every stage at once:
// 24 bytes a point rather than 48 halves that read's peak.
type point struct {
	stage int32
	kind  queryKind
	ts    int64
	v     float64
}

// fetchMetrics runs the queries over [from, end) in calls of at most 500,
// following NextToken pages, and returns every datapoint.
func (c *Collector) fetchMetrics(ctx context.Context, api metricsAPI, qs []cwtypes.MetricDataQuery, from, end time.Time) ([]point, error) {
	var out []point
	for _, b := range batches(qs) {
		err := c.getMetricData(ctx, api, b, from, end, func(rs []cwtypes.MetricDataResult) {
			out = appendPoints(out, rs)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// getMetricData runs one call of at most 500 queries and its pages. It
// counts the metrics requested per page, the unit AWS bills. A read cut
// at maxPages is an error: the figures it gave are partial.
func (c *Collector) getMetricData(ctx context.Context, api metricsAPI, qs []cwtypes.MetricDataQuery, start, end time.Time, fn func([]cwtypes.MetricDataResult)) error {
	in := &cloudwatch.GetMetricDataInput{
		StartTime:         aws.Time(start),
		EndTime:           aws.Time(end),
		MetricDataQueries: qs,
		ScanBy:            cwtypes.ScanByTimestampAscending,
	}
	p := cloudwatch.NewGetMetricDataPaginator(api, in)
	var seen tokens
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("GetMetricData: %w", err)
		}
		c.metrics.metricsRequested.Add(float64(len(qs)))
		c.countMetrics(len(qs))
		fn(page.MetricDataResults)
		if !seen.next(page.NextToken) {
			break
		}
	}
	return seen.cutShort("GetMetricData", "")
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
				out = append(out, point{stage: int32(idx), kind: kind, ts: t.Unix(), v: r.Values[i]})
			}
		}
	}
	return out
}
