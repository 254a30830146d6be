package collector

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/apigw-triage/apigw-triage/clock"
)

// longQuery is a query that runs for runFor of clock time after began.
type longQuery struct {
	fakeInsights
	clk          *clock.Manual
	began        time.Time
	runFor       time.Duration
	calls        int
	lastCalledAt time.Time
}

func (q *longQuery) GetQueryResults(ctx context.Context, in *cloudwatchlogs.GetQueryResultsInput, o ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetQueryResultsOutput, error) {
	q.calls++
	q.lastCalledAt = q.clk.Now()
	if q.lastCalledAt.Before(q.began.Add(q.runFor)) {
		return &cloudwatchlogs.GetQueryResultsOutput{Status: logtypes.QueryStatusRunning}, nil
	}
	return q.fakeInsights.GetQueryResults(ctx, in, o...)
}

// TestInsightsPollingBacksOff: a slow query is asked for its result less
// and less often, up to one call every insightsPollMost, and its result is
// still read within insightsPollMost of completing; a quick one within a
// second.
func TestInsightsPollingBacksOff(t *testing.T) {
	for _, tt := range []struct {
		runFor    time.Duration
		mostCalls int
	}{
		{time.Second, 2},
		{30 * time.Second, 17}, // asked at 0, 1, 3, 5, ..., 31 s: not 31 times
	} {
		clk := clock.NewManual(t0)
		q := &longQuery{clk: clk, began: clk.Now(), runFor: tt.runFor}
		r := &region{account: "111", name: "us-east-1", logs: q}
		c := testCollector(t, clk, DefaultThresholds(), map[*region][]Stage{r: {restStage("111", "us-east-1", "billing")}})
		stop := passTime(clk)
		res, err := c.awaitInsights(context.Background(), r, "q1", clk.Now())
		stop()
		if err != nil || len(res.events) != 1 {
			t.Fatalf("query of %s: err %v; want its line", tt.runFor, err)
		}
		if q.calls > tt.mostCalls {
			t.Errorf("query of %s: %d GetQueryResults calls, want at most %d", tt.runFor, q.calls, tt.mostCalls)
		}
		if late := q.lastCalledAt.Sub(q.began.Add(tt.runFor)); late > insightsPollMost {
			t.Errorf("query of %s: result read %s after it completed, want within %s", tt.runFor, late, insightsPollMost)
		}
	}
}
