package emulator

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

const execGroup = "API-Gateway-Execution-Logs_api00/prod"

func TestDescribeLogGroupsPaginator(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	tests := []struct {
		prefix      string
		pages, want int
	}{{"", 3, 5}, {"/aws/lambda/", 2, 4}, {"API-Gateway-Execution-Logs_", 1, 1}}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			in := &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(2)}
			if tc.prefix != "" {
				in.LogGroupNamePrefix = aws.String(tc.prefix)
			}
			n, pages := 0, 0
			p := cloudwatchlogs.NewDescribeLogGroupsPaginator(logs, in)
			for p.HasMorePages() {
				out, err := p.NextPage(testCtx(t))
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range out.LogGroups {
					if *g.Arn != "arn:aws:logs:us-east-1:"+acctA+":log-group:"+*g.LogGroupName+":*" {
						t.Errorf("arn %s", *g.Arn)
					}
				}
				n, pages = n+len(out.LogGroups), pages+1
			}
			if n != tc.want || pages != tc.pages {
				t.Errorf("got %d groups in %d pages, want %d in %d", n, pages, tc.want, tc.pages)
			}
		})
	}
}

func TestFilterLogEventsPaginator(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	tests := []struct {
		name, pattern string
		streams       []string
		limit         int32
		want          int
	}{
		{"alternatives", `?"status: 502" ?"status: 504"`, nil, 0, 20},
		{"quoted term", `"status: 500"`, nil, 0, 10},
		{"plain terms", `Method 200`, nil, 0, 30},
		{"exclusion", `completed -200`, nil, 0, 30},
		{"all with small pages", ``, nil, 7, 60},
		{"stream names", `status`, []string{"stream-1"}, 3, 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(execGroup),
				StartTime: aws.Int64(t0.Add(-2 * time.Hour).UnixMilli()), EndTime: aws.Int64(t0.UnixMilli()),
				FilterPattern: aws.String(tc.pattern), LogStreamNames: tc.streams}
			if tc.limit > 0 {
				in.Limit = aws.Int32(tc.limit)
			}
			seen := map[string]bool{}
			empty := 0
			var last int64
			p := cloudwatchlogs.NewFilterLogEventsPaginator(logs, in)
			for p.HasMorePages() {
				out, err := p.NextPage(testCtx(t))
				if err != nil {
					t.Fatal(err)
				}
				if len(out.Events) == 0 && out.NextToken != nil {
					empty++
				}
				for _, e := range out.Events {
					if seen[*e.EventId] || *e.Timestamp < last {
						t.Fatalf("event %s repeated or out of order", *e.EventId)
					}
					seen[*e.EventId], last = true, *e.Timestamp
				}
			}
			if len(seen) != tc.want || empty == 0 {
				t.Errorf("got %d events (%d empty pages), want %d and at least one empty page with a token", len(seen), empty, tc.want)
			}
		})
	}
}

func TestFilterLogEventsErrors(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	_, err := logs.FilterLogEvents(testCtx(t), &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String("nope")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("missing group: %v", err)
	}
	_, err = logs.FilterLogEvents(testCtx(t), &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(execGroup), FilterPattern: aws.String(`%status: 5\d\d%`)})
	var ip *types.InvalidParameterException
	if !errors.As(err, &ip) || aws.ToString(ip.Message) != "Invalid filter pattern" {
		t.Errorf("regular-expression pattern: %v", err)
	}
}

func startQuery(t *testing.T, logs *cloudwatchlogs.Client, q string) (string, error) {
	t.Helper()
	out, err := logs.StartQuery(testCtx(t), &cloudwatchlogs.StartQueryInput{
		LogGroupNames: []string{execGroup}, QueryString: aws.String(q),
		StartTime: aws.Int64(t0.Add(-2 * time.Hour).Unix()), EndTime: aws.Int64(t0.Unix())},
		func(o *cloudwatchlogs.Options) { o.RetryMaxAttempts = 1 })
	if err != nil {
		return "", err
	}
	return *out.QueryId, nil
}

func TestInsightsQueryLifecycle(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{InsightsDelay: 4 * time.Minute})
	s, ts := newTestServer(t, f)
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	id, err := startQuery(t, logs, `parse @message "(*) Method completed with status: *" as rid, status
		| filter status like /5\d\d/ | stats count(*) as n by status | sort n desc`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []types.QueryStatus{types.QueryStatusScheduled, types.QueryStatusRunning, types.QueryStatusComplete} {
		out, err := logs.GetQueryResults(testCtx(t), &cloudwatchlogs.GetQueryResultsInput{QueryId: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if out.Status != want {
			t.Fatalf("status = %s, want %s", out.Status, want)
		}
		if want == types.QueryStatusComplete {
			if len(out.Results) != 3 || out.Statistics.RecordsScanned != 60 || out.Statistics.RecordsMatched != 30 || out.Statistics.BytesScanned == 0 {
				t.Fatalf("results %v statistics %+v", out.Results, out.Statistics)
			}
			if st := s.Stats(); st.InsightsBytesScanned != int64(out.Statistics.BytesScanned) {
				t.Errorf("stats bytes %d, query bytes %v", st.InsightsBytesScanned, out.Statistics.BytesScanned)
			}
		}
		f.advance(2 * time.Minute)
	}
}

func TestInsightsErrors(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{InsightsDelay: time.Hour, MaxConcurrentQueries: 2})
	_, ts := newTestServer(t, f)
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))

	_, err := startQuery(t, logs, `fields @message | pattern @message`)
	var mq *types.MalformedQueryException
	if !errors.As(err, &mq) || mq.QueryCompileError == nil || aws.ToInt32(mq.QueryCompileError.Location.StartCharOffset) != 18 {
		t.Fatalf("malformed query: %v", err)
	}
	first, err := startQuery(t, logs, `fields @message`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := startQuery(t, logs, `fields @message`); err != nil {
		t.Fatal(err)
	}
	_, err = startQuery(t, logs, `fields @message`)
	var le *types.LimitExceededException
	if !errors.As(err, &le) {
		t.Fatalf("third concurrent query: %v", err)
	}
	stop, err := logs.StopQuery(testCtx(t), &cloudwatchlogs.StopQueryInput{QueryId: aws.String(first)})
	if err != nil || !stop.Success {
		t.Fatalf("StopQuery: %v", err)
	}
	if _, err := startQuery(t, logs, `fields @message`); err != nil {
		t.Fatalf("a stopped query frees its slot: %v", err)
	}
	res, err := logs.GetQueryResults(testCtx(t), &cloudwatchlogs.GetQueryResultsInput{QueryId: aws.String(first)})
	if err != nil || res.Status != types.QueryStatusCancelled {
		t.Fatalf("stopped query: %v %v", res, err)
	}
}

// TestLogsOutage: inside an outage every CloudWatch Logs call is answered
// ServiceUnavailableException (the SDK retries it, then gives up); before
// and after it the same call is served.
func TestLogsOutage(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{LogsOutages: []world.Span{{Start: t0.Add(time.Minute), End: t0.Add(3 * time.Minute)}}})
	s, ts := newTestServer(t, f)
	logs := cloudwatchlogs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	for _, at := range []time.Duration{0, time.Minute, 2 * time.Minute, 3 * time.Minute} {
		f.advance(at - f.Now().Sub(t0))
		_, err := logs.StartQuery(testCtx(t), &cloudwatchlogs.StartQueryInput{
			LogGroupNames: []string{execGroup}, QueryString: aws.String(`fields @message`),
			StartTime: aws.Int64(t0.Add(-time.Hour).Unix()), EndTime: aws.Int64(t0.Unix())})
		var su *types.ServiceUnavailableException
		if down := at >= time.Minute && at < 3*time.Minute; down != errors.As(err, &su) {
			t.Errorf("+%s: StartQuery err %v, want ServiceUnavailableException: %v", at, err, down)
		}
	}
	if n := s.Stats().Calls["StartQuery"]; n < 2+2*8 {
		t.Errorf("%d StartQuery calls, want each of the 8 attempts inside the outage counted", n)
	}
}
