package scenario_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// TestCatalogThroughSDK serves the catalog through the wire layer and
// reads one failing stage's metrics and logs with the real SDK clients.
func TestCatalogThroughSDK(t *testing.T) {
	sc, err := scenario.Builtin("catalog")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	clk := clock.NewManual(t0.Add(40 * time.Minute))
	w := scenario.NewWorld(sc, clk, t0)
	srv := httptest.NewServer(emulator.NewServer(w, emulator.Options{Seed: 1}))
	defer srv.Close()
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDTEST", "SECRET", ""),
		BaseEndpoint: aws.String(srv.URL),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts, o.MaxBackoff, o.RateLimiter = 8, time.Millisecond, ratelimit.None
			})
		},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ep := w.Episodes()[0] // orders-malformed-proxy, REST, INFO logging

	out, err := cloudwatch.NewFromConfig(cfg).GetMetricData(ctx, &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(30 * time.Minute)),
		MetricDataQueries: []cwtypes.MetricDataQuery{{Id: aws.String("e"), MetricStat: &cwtypes.MetricStat{
			Stat: aws.String("Sum"), Period: aws.Int32(60),
			Metric: &cwtypes.Metric{Namespace: aws.String("AWS/ApiGateway"), MetricName: aws.String("5XXError"),
				Dimensions: []cwtypes.Dimension{{Name: aws.String("ApiName"), Value: aws.String(ep.APIName)}, {Name: aws.String("Stage"), Value: aws.String(ep.Stage)}}},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, v := range out.MetricDataResults[0].Values {
		sum += v
	}
	if sum < 50 {
		t.Errorf("5XXError Sum over the episode = %v", sum)
	}

	logs := cloudwatchlogs.NewFromConfig(cfg)
	q, err := logs.StartQuery(ctx, &cloudwatchlogs.StartQueryInput{
		LogGroupName: aws.String(ep.LogGroups[0]),
		StartTime:    aws.Int64(ep.Start.Unix()), EndTime: aws.Int64(ep.Start.Add(5 * time.Minute).Unix()),
		QueryString: aws.String(`fields @timestamp, @message | filter @message like /Malformed Lambda proxy response/ | limit 20`),
	})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(sc.Faults.InsightsDelay.Duration + time.Second)
	res, err := logs.GetQueryResults(ctx, &cloudwatchlogs.GetQueryResultsInput{QueryId: q.QueryId})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != logstypes.QueryStatusComplete || len(res.Results) == 0 {
		t.Fatalf("query %s with %d rows", res.Status, len(res.Results))
	}
	for _, f := range res.Results[0] {
		if aws.ToString(f.Field) == "@message" && !strings.Contains(aws.ToString(f.Value), "Execution failed due to configuration error: Malformed Lambda proxy response") {
			t.Errorf("row %q", aws.ToString(f.Value))
		}
	}
}
