package collector

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/apigw-triage/apigw-triage/classifier"
)

const (
	// insightsLimit is the most rows one query returns (StartQuery limit,
	// 10,000 per page).
	insightsLimit = 10000
	// insightsMaxGroups is StartQuery's cap on logGroupNames.
	insightsMaxGroups = 50
	// insightsPollFirst and insightsPollMost bound the clock time between
	// GetQueryResults calls: a query takes seconds to tens of seconds, and
	// each call is free but counts against the account's Logs request rate,
	// shared by every query the daemon has running (an outage trips many
	// stages at once). The wait doubles from the first to the most, so a
	// quick query is read within a second and a slow one costs a call every
	// few seconds, not every second.
	insightsPollFirst = time.Second
	insightsPollMost  = 2 * time.Second
	// insightsQuery returns the window's lines newest first, less those
	// that never show a cause: the per-request INFO chatter of REST
	// execution logs (usage plans, request headers, the success tail), the
	// access-log records and Lambda START/END lines of requests below 500.
	// Without it a busy INFO stage fills the 10,000 rows with successes and
	// the failures fall off the end. The lines that can show a cause stay:
	// "Endpoint request URI" (stage variables), "Endpoint response headers"
	// (X-Amz-Function-Error) and "body before transformations" (malformed
	// proxy responses), every error line, every REPORT. The filter does not
	// change the bytes scanned (only the groups and the window do).
	insightsQuery = "fields @timestamp, @message, @logStream, @log" +
		" | filter @message not like /" + insightsNoise + "/" +
		" | sort @timestamp desc | limit 10000"
	insightsNoise = `Extended Request Id: |Verifying Usage Plan for request|API Key authorized because|Usage Plan check succeeded|` +
		`Starting execution for request|HTTP Method: \w+, Resource Path|Method request (path|query string|headers|body before)|` +
		`Endpoint request (headers|body after)|Sending request to|Method response (body after|headers)|Successfully completed execution|` +
		`Method completed with status: [1-4]\d\d|AWS Integration Endpoint RequestId|X-ray Tracing ID|` +
		`^(START|END) RequestId: |"status"\s*:\s*"?[1-4]\d\d"?\s*[,}]|" [1-4]\d\d \d`
)

// insightsQueryMasked keeps the 2xx completion lines too, for stages whose
// custom Lambda integrations can answer a function's error with 200: the
// evidence must show what the clients got (lambda_error_masked_as_200).
var insightsQueryMasked = strings.Replace(insightsQuery, `Method completed with status: [1-4]\d\d`, `Method completed with status: [134]\d\d`, 1)

// insightsQueryFor is the query of one stage's evidence.
func insightsQueryFor(st Stage) string {
	if len(st.CustomFunctions) > 0 {
		return insightsQueryMasked
	}
	return insightsQuery
}

// insightsResult is what one query returned.
type insightsResult struct {
	events    []classifier.LogEvent
	bytes     int64
	truncated bool
}

// startInsights starts one Logs Insights query and returns its id and
// the groups it reads. The query runs on AWS's side while the caller
// reads the evidence metrics; awaitInsights then waits for its result.
//
// StartQuery refuses the whole query when one of its groups does not
// exist ("Log group 'NAME' does not exist for account ID 'ID'"): a
// function never invoked, or one whose role may not create its group, has
// none, and neither does an authorizer that never ran. Such a group holds
// no line, so it is left out and the query asked again without it, rather
// than the stage's evidence being lost for a group that could add nothing;
// a group past StartQuery's cap then takes its place. Each group is left
// out once at most, so the calls are bounded by the groups.
func (c *Collector) startInsights(ctx context.Context, r *region, query string, groups []string, start, end time.Time) (string, []string, error) {
	var missing []string
	for {
		asked := queryGroups(groups, missing)
		sq, err := r.logs.StartQuery(ctx, &cloudwatchlogs.StartQueryInput{
			LogGroupNames: asked,
			QueryString:   aws.String(query),
			StartTime:     aws.Int64(start.Unix()),
			EndTime:       aws.Int64(end.Unix()),
			Limit:         aws.Int32(insightsLimit),
		})
		if err == nil {
			return aws.ToString(sq.QueryId), asked, nil
		}
		g, ok := missingGroup(err, asked)
		if !ok || len(asked) == 1 {
			return "", asked, fmt.Errorf("StartQuery: %w", err)
		}
		c.log.Warn("log group does not exist; the evidence is read without it", "account", r.account, "region", r.name, "group", g)
		missing = append(missing, g)
	}
}

// queryGroups are the first insightsMaxGroups of groups that are not
// missing.
func queryGroups(groups, missing []string) []string {
	out := make([]string, 0, min(len(groups), insightsMaxGroups))
	for _, g := range groups {
		if len(out) == insightsMaxGroups {
			break
		}
		if !slices.Contains(missing, g) {
			out = append(out, g)
		}
	}
	return out
}

// missingGroup is the group of groups a ResourceNotFoundException says
// does not exist, as CloudWatch Logs names it: in single quotes after
// "Log group".
func missingGroup(err error, groups []string) (string, bool) {
	var nf *logtypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		return "", false
	}
	_, rest, ok := strings.Cut(nf.ErrorMessage(), "Log group '")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "'")
	if !ok || !slices.Contains(groups, name) {
		return "", false
	}
	return name, true
}

// awaitInsights waits on the clock for a started query, stopping it when
// ctx ends or Logs.QueryTimeout has passed since began. A GetQueryResults
// call that the SDK gave up retrying (throttled or refused by AWS at every
// attempt) is asked again at the next tick until then: the query runs on,
// and its result, already billed, stays retrievable.
func (c *Collector) awaitInsights(ctx context.Context, r *region, id string, began time.Time) (*insightsResult, error) {
	deadline := began.Add(c.opts.Logs.QueryTimeout)
	wait := insightsPollFirst
	for {
		out, err := r.logs.GetQueryResults(ctx, &cloudwatchlogs.GetQueryResultsInput{QueryId: aws.String(id)})
		var gaveUp *retry.MaxAttemptsError
		switch {
		case err != nil && (!errors.As(err, &gaveUp) || !c.clk.Now().Before(deadline)):
			c.stopQuery(r, id)
			return nil, fmt.Errorf("GetQueryResults: %w", err)
		case err != nil:
			c.log.Warn("insights results unread; asking again", "account", r.account, "region", r.name, "query", id, "err", err)
		case out.Status == logtypes.QueryStatusComplete:
			return c.insightsDone(out), nil
		case out.Status == logtypes.QueryStatusFailed, out.Status == logtypes.QueryStatusCancelled, out.Status == logtypes.QueryStatusTimeout:
			return nil, fmt.Errorf("insights query %s: %s", id, out.Status)
		}
		if !c.clk.Now().Before(deadline) {
			c.stopQuery(r, id)
			return nil, fmt.Errorf("insights query %s: no result within %s (logs.query_timeout)", id, c.opts.Logs.QueryTimeout)
		}
		select {
		case <-ctx.Done():
			c.stopQuery(r, id)
			return nil, ctx.Err()
		case <-c.clk.After(wait):
		}
		wait = min(2*wait, insightsPollMost)
	}
}

// insightsDone converts the rows and accounts for the bytes scanned.
func (c *Collector) insightsDone(out *cloudwatchlogs.GetQueryResultsOutput) *insightsResult {
	res := &insightsResult{truncated: len(out.Results) >= insightsLimit}
	if out.Statistics != nil {
		res.bytes = int64(out.Statistics.BytesScanned)
		c.countBytes(res.bytes)
	}
	res.events = make([]classifier.LogEvent, 0, len(out.Results))
	for _, row := range out.Results {
		res.events = append(res.events, rowEvent(row))
	}
	return res
}

// stopQuery cancels a running query on a context of its own: the
// caller's has usually ended, and a forgotten query keeps scanning (and
// billing) for up to 60 minutes.
func (c *Collector) stopQuery(r *region, id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.logs.StopQuery(ctx, &cloudwatchlogs.StopQueryInput{QueryId: aws.String(id)}); err != nil {
		c.log.Warn("stop insights query failed", "account", r.account, "region", r.name, "query", id, "err", err)
	}
}

// rowEvent reads one result row. @log is "account:group".
func rowEvent(row []logtypes.ResultField) classifier.LogEvent {
	var ev classifier.LogEvent
	for _, f := range row {
		v := aws.ToString(f.Value)
		switch aws.ToString(f.Field) {
		case "@timestamp":
			ev.Time = parseInsightsTime(v)
		case "@message":
			ev.Message = strings.TrimRight(v, "\n")
		case "@logStream":
			ev.Stream = v
		case "@log":
			if _, g, ok := strings.Cut(v, ":"); ok {
				v = g
			}
			ev.Group = v
		}
	}
	return ev
}

// parseInsightsTime reads "2006-01-02 15:04:05.000" (UTC), the form
// Insights returns @timestamp in.
func parseInsightsTime(v string) time.Time {
	for _, layout := range []string{"2006-01-02 15:04:05.000", time.RFC3339Nano} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// errNoLogGroups is returned when a stage has nowhere to look.
var errNoLogGroups = errors.New("stage has no execution, access or function log group")
