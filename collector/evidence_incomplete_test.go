package collector

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/stage"
)

// fakeInsights answers StartQuery with err when set, else a query whose
// result is complete at once, with one error line.
type fakeInsights struct {
	logsAPI
	err error
}

func (f *fakeInsights) StartQuery(context.Context, *cloudwatchlogs.StartQueryInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StartQueryOutput, error) {
	if f.err != nil {
		return nil, f.err
	}
	return &cloudwatchlogs.StartQueryOutput{QueryId: aws.String("q1")}, nil
}

func (f *fakeInsights) GetQueryResults(context.Context, *cloudwatchlogs.GetQueryResultsInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetQueryResultsOutput, error) {
	row := []logtypes.ResultField{
		{Field: aws.String("@timestamp"), Value: aws.String("2026-01-01 12:01:00.000")},
		{Field: aws.String("@message"), Value: aws.String("(abc) Lambda execution failed with status 200 due to customer function error")},
	}
	return &cloudwatchlogs.GetQueryResultsOutput{Status: logtypes.QueryStatusComplete, Results: [][]logtypes.ResultField{row}}, nil
}

// TestEvidenceNamesFailedReads: a metrics or logs read that fails (here
// throttled past the retries) marks the evidence incomplete, naming it, so
// the daemon reads it again; a stage without log groups has no logs to
// miss and is complete.
func TestEvidenceNamesFailedReads(t *testing.T) {
	throttled := errors.New("ThrottlingException: Rate exceeded")
	tests := []struct {
		name            string
		metricErr, qErr error
		groups          bool
		want            []stage.Read
		wantErr         bool
	}{
		{"every read answered", nil, nil, true, nil, false},
		{"metrics throttled", throttled, nil, true, []stage.Read{IncompleteMetrics}, false},
		{"logs throttled", nil, throttled, true, []stage.Read{IncompleteLogs}, true},
		{"both throttled", throttled, throttled, true, []stage.Read{IncompleteMetrics, IncompleteLogs}, true},
		{"no log group to read", nil, nil, false, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewManual(t0)
			r := &region{account: "111", name: "us-east-1", cw: &fakeCW{err: tt.metricErr, value: func(string, string, string, time.Time, time.Time) ([]time.Time, []float64) { return nil, nil }},
				logs: &fakeInsights{err: tt.qErr}}
			st := restStage("111", "us-east-1", "billing")
			if tt.groups {
				st.ExecutionLogGroup = "API-Gateway-Execution-Logs_id-billing/prod"
			}
			c := testCollector(t, clk, DefaultThresholds(), map[*region][]Stage{r: {st}})
			c.opts.Logs.Insights = true
			ev, err := c.Evidence(context.Background(), st, t0, t0.Add(5*time.Minute))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, want an error: %v", err, tt.wantErr)
			}
			if ev == nil || !slices.Equal(ev.Incomplete, tt.want) {
				t.Fatalf("incomplete %v, want %v", ev.Incomplete, tt.want)
			}
			if tt.qErr == nil && tt.groups && len(ev.Events) != 1 {
				t.Errorf("%d lines read, want the query's 1", len(ev.Events))
			}
		})
	}
}

// flakyResults is a started query whose first GetQueryResults calls fail
// with err.
type flakyResults struct {
	fakeInsights
	fails int
	err   error
	calls int
}

func (f *flakyResults) GetQueryResults(ctx context.Context, in *cloudwatchlogs.GetQueryResultsInput, o ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetQueryResultsOutput, error) {
	f.calls++
	if f.calls <= f.fails {
		return nil, f.err
	}
	return f.fakeInsights.GetQueryResults(ctx, in, o...)
}

func (*flakyResults) StopQuery(context.Context, *cloudwatchlogs.StopQueryInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StopQueryOutput, error) {
	return &cloudwatchlogs.StopQueryOutput{}, nil
}

// TestInsightsResultsAskedAgain: a GetQueryResults call the SDK gave up
// retrying (throttled at every attempt) is asked again a second later,
// within logs.query_timeout, and the running query's result is read; an
// error the SDK did not retry ends the wait at once.
func TestInsightsResultsAskedAgain(t *testing.T) {
	gaveUp := &retry.MaxAttemptsError{Attempt: 12, Err: errors.New("ThrottlingException: Rate exceeded")}
	for _, tt := range []struct {
		name    string
		err     error
		wantErr bool
		calls   int
	}{
		{"throttled past the retries", gaveUp, false, 4},
		{"refused", errors.New("AccessDeniedException"), true, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewManual(t0)
			logs := &flakyResults{fails: 3, err: tt.err}
			r := &region{account: "111", name: "us-east-1", logs: logs}
			c := testCollector(t, clk, DefaultThresholds(), map[*region][]Stage{r: {restStage("111", "us-east-1", "billing")}})
			defer passTime(clk)()
			res, err := c.awaitInsights(context.Background(), r, "q1", clk.Now())
			if (err != nil) != tt.wantErr || logs.calls != tt.calls {
				t.Fatalf("err %v after %d calls, want an error: %v after %d", err, logs.calls, tt.wantErr, tt.calls)
			}
			if err == nil && len(res.events) != 1 {
				t.Errorf("%d lines, want the query's 1", len(res.events))
			}
		})
	}
}

// slowStart is a query whose StartQuery answers late (the SDK retrying a
// throttled call) and which runs one poll of it before it completes.
type slowStart struct {
	fakeInsights
	clk   *clock.Manual
	calls int
}

func (s *slowStart) StartQuery(ctx context.Context, in *cloudwatchlogs.StartQueryInput, o ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StartQueryOutput, error) {
	s.clk.Advance(70 * time.Second)
	return s.fakeInsights.StartQuery(ctx, in, o...)
}

func (s *slowStart) GetQueryResults(ctx context.Context, in *cloudwatchlogs.GetQueryResultsInput, o ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetQueryResultsOutput, error) {
	if s.calls++; s.calls == 1 {
		return &cloudwatchlogs.GetQueryResultsOutput{Status: logtypes.QueryStatusRunning}, nil
	}
	return s.fakeInsights.GetQueryResults(ctx, in, o...)
}

func (*slowStart) StopQuery(context.Context, *cloudwatchlogs.StopQueryInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StopQueryOutput, error) {
	return &cloudwatchlogs.StopQueryOutput{}, nil
}

// TestQueryTimeoutCountsFromTheStart: logs.query_timeout bounds the
// query's run from when StartQuery answered; a StartQuery that took longer
// than it to get through does not time the query out.
func TestQueryTimeoutCountsFromTheStart(t *testing.T) {
	clk := clock.NewManual(t0)
	logs := &slowStart{clk: clk}
	r := &region{account: "111", name: "us-east-1", logs: logs, cw: &fakeCW{value: func(string, string, string, time.Time, time.Time) ([]time.Time, []float64) { return nil, nil }}}
	st := restStage("111", "us-east-1", "billing")
	st.ExecutionLogGroup = "API-Gateway-Execution-Logs_id-billing/prod"
	c := testCollector(t, clk, DefaultThresholds(), map[*region][]Stage{r: {st}})
	c.opts.Logs.Insights = true
	if c.opts.Logs.QueryTimeout >= 70*time.Second {
		t.Fatalf("query timeout %s: the test needs one shorter than StartQuery's 70s", c.opts.Logs.QueryTimeout)
	}
	defer passTime(clk)()
	ev, err := c.Evidence(context.Background(), st, t0, t0.Add(5*time.Minute))
	if err != nil || len(ev.Events) != 1 || len(ev.Incomplete) > 0 {
		t.Fatalf("err %v, %d lines, incomplete %v; want the query's line", err, len(ev.Events), ev.Incomplete)
	}
}

// failingLambda refuses GetFunctionConfiguration with err.
type failingLambda struct {
	err   error
	calls int
}

func (f *failingLambda) GetFunctionConfiguration(context.Context, *lambda.GetFunctionConfigurationInput, ...func(*lambda.Options)) (*lambda.GetFunctionConfigurationOutput, error) {
	f.calls++
	return nil, f.err
}

// groupsInsights is fakeInsights recording the log groups queried.
type groupsInsights struct {
	fakeInsights
	groups []string
}

func (g *groupsInsights) StartQuery(ctx context.Context, in *cloudwatchlogs.StartQueryInput, o ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StartQueryOutput, error) {
	g.groups = in.LogGroupNames
	return g.fakeInsights.StartQuery(ctx, in, o...)
}

// TestEvidenceNamesFailedFunctionLookup: a Lambda GetFunctionConfiguration
// that fails (throttled past the retries, AccessDenied) marks the evidence
// incomplete with "functions", so the daemon reads it again; the
// function's default log group is still searched, and the failure is not
// cached: the next pull asks Lambda again.
func TestEvidenceNamesFailedFunctionLookup(t *testing.T) {
	const uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:orders/invocations"
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"throttled", &retry.MaxAttemptsError{Attempt: 3, Err: errors.New("TooManyRequestsException: Rate exceeded")}},
		{"access denied", errors.New("AccessDeniedException: User is not authorized to perform: lambda:GetFunctionConfiguration")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewManual(t0)
			fn := &failingLambda{err: tt.err}
			logs := &groupsInsights{}
			r := &region{account: "111122223333", name: "us-east-1", lambda: fn, logs: logs,
				cw: &fakeCW{value: func(string, string, string, time.Time, time.Time) ([]time.Time, []float64) { return nil, nil }}}
			st := restStage("111122223333", "us-east-1", "billing")
			st.Functions = stageFunctions([]string{uri}, nil)
			c := testCollector(t, clk, DefaultThresholds(), map[*region][]Stage{r: {st}})
			c.opts.Logs.Insights = true
			ev, err := c.Evidence(context.Background(), st, t0, t0.Add(5*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ev.Incomplete, []stage.Read{IncompleteFunctions}) {
				t.Errorf("incomplete %v, want [%s]", ev.Incomplete, IncompleteFunctions)
			}
			if !slices.Contains(logs.groups, "/aws/lambda/orders") {
				t.Errorf("log groups queried %v, want the default /aws/lambda/orders", logs.groups)
			}
			if len(ev.Events) != 1 {
				t.Errorf("%d lines read, want the query's 1", len(ev.Events))
			}
			if _, err := c.Evidence(context.Background(), st, t0, t0.Add(5*time.Minute)); err != nil {
				t.Fatal(err)
			}
			if fn.calls != 2 {
				t.Errorf("%d Lambda calls for two pulls after a failure, want 2", fn.calls)
			}
		})
	}
}
