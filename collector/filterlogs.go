package collector

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/apigw-triage/apigw-triage/classifier"
)

const (
	// failurePattern is the FilterLogEvents pattern (any of the terms) for
	// failure lines when Insights is off.
	failurePattern = `?"Method completed with status: 5" ?"Execution failed" ?"Lambda execution failed" ?"Lambda invocation failed" ?"Task timed out" ?"Status: error" ?"Status: timeout" ?"Runtime." ?"errorMessage"`
	// filterMaxPages bounds one look-up: every page is one call against a
	// 5 TPS account quota.
	filterMaxPages = 5
)

// Lookup is a FilterLogEvents spot look-up in one log group of a stage's
// account and region (a request id, a pattern), at most a few pages,
// paced by the account's limiter.
func (c *Collector) Lookup(ctx context.Context, st Stage, group, pattern string, start, end time.Time) ([]classifier.LogEvent, error) {
	r := c.regionOf(st)
	if r == nil {
		return nil, fmt.Errorf("stage %s: account %s region %s is not watched", st.Key, st.Account, st.Region)
	}
	evs, _, err := c.filter(ctx, r, group, pattern, start, end)
	return evs, err
}

// failurePatterns returns the pattern each log group of the stage is read
// with when Insights is off: the access log group's picks its 5xx records
// by their status (accessFailurePattern), unless its format gives no such
// pattern, which is logged once per stage, or the group holds other logs
// too; every other group's is failurePattern. It is nil when Logs
// Insights reads the logs.
func (c *Collector) failurePatterns(st Stage, auths []Function) func(group string) string {
	if c.opts.Logs.Insights {
		return nil
	}
	access := ""
	if g := st.AccessLogGroup; g != "" && !sharedAccessGroup(st, auths) {
		var why string
		if access, why = accessFailurePattern(st.AccessLogFormat); why != "" && c.firstWarning("access log pattern "+st.Key) {
			c.log.Warn("access log records are matched by words, not by their status: "+why, "stage", st.Key, "group", g)
		}
	}
	return func(g string) string {
		if access != "" && g == st.AccessLogGroup {
			return access
		}
		return failurePattern
	}
}

// sharedAccessGroup reports whether the stage's access log goes to a group
// its execution log or a function's log goes to as well.
func sharedAccessGroup(st Stage, auths []Function) bool {
	if st.AccessLogGroup == st.ExecutionLogGroup {
		return true
	}
	for _, fs := range [][]Function{st.Functions, auths} {
		for _, f := range fs {
			if f.LogGroup == st.AccessLogGroup {
				return true
			}
		}
	}
	return false
}

// filterFailures looks for failure lines in each group, each with its
// pattern, the fallback when Insights is off, and returns the groups it
// read: those that exist (see startInsights), unless none does.
func (c *Collector) filterFailures(ctx context.Context, r *region, groups []string, patternOf func(string) string, start, end time.Time) ([]classifier.LogEvent, []string, bool, error) {
	var out []classifier.LogEvent
	var read []string
	var missing error
	truncated := false
	for _, g := range groups {
		evs, more, err := c.filter(ctx, r, g, patternOf(g), start, end)
		var nf *logtypes.ResourceNotFoundException
		if errors.As(err, &nf) {
			c.log.Warn("log group does not exist; the evidence is read without it", "account", r.account, "region", r.name, "group", g)
			missing = err
			continue
		}
		if err != nil {
			return nil, nil, false, err
		}
		out = append(out, evs...)
		read = append(read, g)
		truncated = truncated || more
	}
	if len(read) == 0 && missing != nil {
		return nil, nil, false, missing
	}
	return out, read, truncated, nil
}

// filter follows FilterLogEvents pages (which may be empty while a token
// remains) up to filterMaxPages; more reports pages left unread.
func (c *Collector) filter(ctx context.Context, r *region, group, pattern string, start, end time.Time) (evs []classifier.LogEvent, more bool, err error) {
	in := &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName:  aws.String(group),
		FilterPattern: aws.String(pattern),
		StartTime:     aws.Int64(start.UnixMilli()),
		EndTime:       aws.Int64(end.UnixMilli()),
	}
	p := cloudwatchlogs.NewFilterLogEventsPaginator(r.logs, in)
	for pages := 0; p.HasMorePages(); pages++ {
		if pages == filterMaxPages {
			return evs, true, nil
		}
		if err := r.filterLimit.Wait(ctx); err != nil {
			return nil, false, err
		}
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, false, fmt.Errorf("FilterLogEvents %s: %w", group, err)
		}
		for _, e := range page.Events {
			evs = append(evs, classifier.LogEvent{
				Group: group, Stream: aws.ToString(e.LogStreamName),
				Time: time.UnixMilli(aws.ToInt64(e.Timestamp)).UTC(), Message: aws.ToString(e.Message),
			})
		}
	}
	return evs, false, nil
}
