package stage

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The CloudWatch console keeps its state in the URL fragment, encoded with
// JSURL (https://github.com/Sage/jsurl): objects are ~(key~value~...),
// strings start with ' and escape every character outside [A-Za-z0-9_.-] as
// *hh (or **hhhh beyond Latin-1); arrays are ~(~a~b), every value carrying
// its leading ~. Logs Insights additionally wraps its state
// as "logs-insights?queryDetail=" with ? and = percent-encoded and % written
// as $, which is how the console itself builds those links.

var regionRE = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)

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

// MetricsConsoleURL links to the stage's 5xx and request count graph from
// start to end; "" when the region is malformed.
func (id Identity) MetricsConsoleURL(start, end time.Time) string {
	base := consoleBase(id.Region)
	if base == "" {
		return ""
	}
	dim, value := id.MetricDimension()
	line := func(metric, stat string) string {
		parts := []string{jsurlString("AWS/ApiGateway"), jsurlString(metric),
			jsurlString(dim), jsurlString(value), jsurlString("Stage"), jsurlString(id.Stage)}
		return "~(~" + strings.Join(parts, "~") + "~(stat~" + jsurlString(stat) + "))"
	}
	traffic := "Count"
	if id.APIType == APIWebSocket {
		traffic = "MessageCount"
	}
	graph := "~(metrics~(" + line(id.ErrorMetric(), "Sum") + line(traffic, "Sum") + ")" +
		"~view~'timeSeries~stacked~false~region~" + jsurlString(id.Region) +
		"~start~" + jsurlTime(start) + "~end~" + jsurlTime(end) + "~period~60)"
	return base + "#metricsV2:graph=" + graph
}

// LogsInsightsURL links to a Logs Insights query over log groups of the
// stage's region from start to end; "" when the region is malformed or no
// group is given.
func (id Identity) LogsInsightsURL(groups []string, query string, start, end time.Time) string {
	base := consoleBase(id.Region)
	if base == "" || len(groups) == 0 {
		return ""
	}
	src := make([]string, 0, len(groups))
	for _, g := range groups {
		src = append(src, jsurlString(g))
	}
	detail := "~(end~" + jsurlTime(end) + "~start~" + jsurlTime(start) +
		"~timeType~'ABSOLUTE~tz~'UTC~editorString~" + jsurlString(query) +
		"~source~(~" + strings.Join(src, "~") + "))"
	return base + "#logsV2:logs-insights$3FqueryDetail$3D" + detail
}
