package notifier

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// The CloudWatch console keeps its state in the URL fragment, encoded with
// JSURL (https://github.com/Sage/jsurl): objects are ~(key~value~...),
// strings start with ' and escape every character outside [A-Za-z0-9_.-] as
// *hh (or **hhhh beyond Latin-1); arrays are ~(~a~b), every value carrying
// its leading ~. Logs Insights additionally wraps its state
// as "logs-insights?queryDetail=" with ? and = percent-encoded and % written
// as $, which is how the console itself builds those links.

var (
	regionRE   = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	requestRE  = regexp.MustCompile(`^[A-Za-z0-9=_-]{8,64}$`)
	logGroupRE = regexp.MustCompile(`^[A-Za-z0-9_./#-]{1,512}$`)
)

// consoleBase returns the CloudWatch console home for a region, in the
// partition the region belongs to; "" for a malformed region.
func consoleBase(region string) string {
	if !regionRE.MatchString(region) {
		return ""
	}
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "https://" + region + ".console.amazonaws.cn/cloudwatch/home?region=" + region
	case strings.HasPrefix(region, "us-gov-"):
		return "https://console.amazonaws-us-gov.com/cloudwatch/home?region=" + region
	}
	return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
}

// jsurlString encodes a string value in JSURL.
func jsurlString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '.', r == '-':
			b.WriteRune(r)
		case r == '$':
			b.WriteByte('!')
		case r < 0x100:
			fmt.Fprintf(&b, "*%02x", r)
		default:
			fmt.Fprintf(&b, "**%04x", r)
		}
	}
	return b.String()
}

// jsurlTime encodes an instant as the console expects absolute times.
func jsurlTime(t time.Time) string {
	return jsurlString(t.UTC().Format("2006-01-02T15:04:05.000Z"))
}

// metricDims returns the namespace's 5xx metric name and the dimensions
// that identify the stage: REST APIs are keyed by ApiName, HTTP APIs by ApiId.
func metricDims(inc Incident) (errMetric string, dims []string) {
	if inc.APIType == classifier.APIHTTP {
		return "5xx", []string{"ApiId", inc.APIID, "Stage", inc.Stage}
	}
	return "5XXError", []string{"ApiName", inc.APIName, "Stage", inc.Stage}
}

// evidenceWindow returns the window to show: the evaluated window widened
// by five minutes each side, since CloudWatch data arrives late.
func evidenceWindow(inc Incident) (start, end time.Time) {
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
func MetricsConsoleURL(inc Incident) string {
	base := consoleBase(inc.Region)
	if base == "" {
		return ""
	}
	errMetric, dims := metricDims(inc)
	line := func(metric, stat string) string {
		parts := []string{jsurlString("AWS/ApiGateway"), jsurlString(metric)}
		for _, d := range dims {
			parts = append(parts, jsurlString(d))
		}
		return "~(~" + strings.Join(parts, "~") + "~(stat~" + jsurlString(stat) + "))"
	}
	start, end := evidenceWindow(inc)
	graph := "~(metrics~(" + line(errMetric, "Sum") + line("Count", "Sum") + ")" +
		"~view~'timeSeries~stacked~false~region~" + jsurlString(inc.Region) +
		"~start~" + jsurlTime(start) + "~end~" + jsurlTime(end) + "~period~60)"
	return base + "#metricsV2:graph=" + graph
}

// LogGroupsFor returns the incident's log groups, or the REST execution log
// group API Gateway writes to when none were recorded.
func LogGroupsFor(inc Incident) []string {
	var out []string
	for _, g := range inc.LogGroups {
		if logGroupRE.MatchString(g) {
			out = append(out, g)
		}
	}
	if len(out) == 0 && inc.APIType != classifier.APIHTTP && inc.APIID != "" {
		g := "API-Gateway-Execution-Logs_" + inc.APIID + "/" + inc.Stage
		if logGroupRE.MatchString(g) {
			out = append(out, g)
		}
	}
	return out
}

// InsightsQuery is the Logs Insights query behind the evidence link: the
// failing requests when their ids are known, otherwise the latest lines.
func InsightsQuery(inc Incident) string {
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
func LogsInsightsURL(inc Incident) string {
	base := consoleBase(inc.Region)
	groups := LogGroupsFor(inc)
	if base == "" || len(groups) == 0 {
		return ""
	}
	start, end := evidenceWindow(inc)
	src := make([]string, 0, len(groups))
	for _, g := range groups {
		src = append(src, jsurlString(g))
	}
	detail := "~(end~" + jsurlTime(end) + "~start~" + jsurlTime(start) +
		"~timeType~'ABSOLUTE~tz~'UTC~editorString~" + jsurlString(InsightsQuery(inc)) +
		"~source~(~" + strings.Join(src, "~") + "))"
	return base + "#logsV2:logs-insights$3FqueryDetail$3D" + detail
}
