package notifier

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	requestRE  = regexp.MustCompile(`^[A-Za-z0-9=_-]{8,64}$`)
	logGroupRE = regexp.MustCompile(`^[A-Za-z0-9_./#-]{1,512}$`)
)

// evidenceWindow returns the window to show: the evaluated window widened
// by five minutes each side, since CloudWatch data arrives late.
func evidenceWindow(inc Snapshot) (start, end time.Time) {
	start, end = inc.WindowStart, inc.WindowEnd
	if start.IsZero() {
		start = inc.OpenedAt
	}
	if end.IsZero() || end.Before(start) {
		end = start.Add(15 * time.Minute)
	}
	return start.Add(-5 * time.Minute), end.Add(5 * time.Minute)
}

// MetricsConsoleURL links to the stage's 5xx and request count graph over
// the evidence window; "" when the region is malformed.
func MetricsConsoleURL(inc Snapshot) string {
	return inc.MetricsConsoleURL(evidenceWindow(inc))
}

// LogGroupsFor returns the incident's log groups, or the REST execution log
// group API Gateway writes to when none were recorded.
func LogGroupsFor(inc Snapshot) []string {
	var out []string
	for _, g := range inc.LogGroups {
		if logGroupRE.MatchString(g) {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		if g := inc.RESTExecutionLogGroup(); logGroupRE.MatchString(g) {
			out = append(out, g)
		}
	}
	return out
}

// InsightsQuery is the Logs Insights query behind the evidence link: the
// failing requests when their ids are known, otherwise the latest lines.
func InsightsQuery(inc Snapshot) string {
	var ids []string
	for _, id := range inc.Diagnosis.RequestIDs {
		if requestRE.MatchString(id) && len(ids) < 10 {
			ids = append(ids, id)
		}
	}
	q := "fields @timestamp, @logStream, @message\n"
	if len(ids) > 0 {
		q += "| filter @message like /" + strings.Join(ids, "|") + "/\n"
	}
	return q + "| sort @timestamp asc\n| limit " + strconv.Itoa(1000)
}

// LogsInsightsURL links to a Logs Insights query over the evidence window
// and log groups; "" when the region is malformed or no group is known.
func LogsInsightsURL(inc Snapshot) string {
	start, end := evidenceWindow(inc)
	return inc.LogsInsightsURL(LogGroupsFor(inc), InsightsQuery(inc), start, end)
}
