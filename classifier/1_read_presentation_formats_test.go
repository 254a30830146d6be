package classifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
)

// presentation is one way people paste the same evidence.
type presentation struct {
	name  string
	apply func(excerpt []byte) []byte
}

// Stream names as CloudWatch names them: a REST execution log's stream is a
// 32-hex id, a Lambda function's "date/[version]id".
const (
	execStream   = "8f14e45fceea167a5a36dedd4bea2543"
	lambdaStream = "2024/03/12/[$LATEST]5d4a5b0c3e2f4a1b9c8d7e6f5a4b3c2d"
)

// eventTime is the time of the i-th line of an excerpt when a tool prints
// it: a fixed base, 7 ms apart, so every run presents the same bytes.
func eventTime(i int) time.Time {
	return time.Date(2024, 3, 12, 10, 15, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Millisecond)
}

// presentations are the shapes a pasted excerpt takes, each with where its
// format comes from.
var presentations = []presentation{
	// markdown (CommonMark): a quoted block, a quote in a quote (a reply
	// quoting a quote), list items, indented code, fenced code with an info
	// string, inline code spans
	{"markdown quote", markdownQuote},
	{"markdown nested quote", everyLine(func(_ int, l string) string { return strings.TrimRight("> > "+l, " ") })},
	{"list item -", eachLine(func(_ int, l string) string { return "- " + l })},
	{"list item *", eachLine(func(_ int, l string) string { return "* " + l })},
	{"numbered list", eachLine(func(i int, l string) string { return fmt.Sprintf("%d. %s", i+1, l) })},
	{"indent 4 spaces", eachLine(func(_ int, l string) string { return "    " + l })},
	{"indent tab", eachLine(func(_ int, l string) string { return "\t" + l })},
	{"code fence", func(b []byte) []byte { return []byte("```log\n" + string(b) + "```\n") }},
	{"inline code", eachLine(func(_ int, l string) string { return "`" + l + "`" })},
	// a Windows editor or clipboard
	{"CRLF", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
	// a file saved on Windows (1_read_presentation_encodings_test.go)
	{"UTF-8 BOM (Notepad)", utf8BOMFile},
	{"UTF-16LE BOM (PowerShell >)", powerShellOut},
	{"UTF-16BE BOM (Notepad)", utf16BEFile},
	// text taken from a page's HTML source or an HTML-escaping export: the
	// five characters HTML escapes, as PHP's htmlspecialchars(ENT_QUOTES)
	// and GitHub's rendered markdown write them
	{"HTML entities", htmlSource},
	// word processors and CMS pages: typographic quotes, non-breaking
	// spaces, zero-width spaces at the break opportunities of long words
	{"typographic quotes", typographic},
	{"non-breaking spaces", noBreakSpaces},
	{"zero-width spaces", eachLine(func(_ int, l string) string { return "\u200b" + zeroWidth.Replace(l) })},
	// an editor's or a pager's gutter ("bat", GitHub's blame view)
	{"line numbers", everyLine(func(i int, l string) string { return strings.TrimRight(fmt.Sprintf("%3d | %s", i+1, l), " ") })},
	// a CI job's log as GitHub Actions downloads it: an RFC 3339 time
	// with seven fractional digits before every line
	{"CI log timestamps", ciLogTimestamps},
	// a rendered page copied (a blog, an issue): its tabs come back as
	// spaces; and GitHub's collapsed section around a long log
	{"tabs as spaces", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\t"), []byte("    ")) }},
	{"GitHub details", func(b []byte) []byte {
		return []byte("<details>\n<summary>Logs</summary>\n\n" + string(b) + "\n</details>\n")
	}},
	{"aws logs tail (detailed)", eachLine(tailDetailed(execStream, false))},
	{"aws logs tail (Lambda)", eachLine(tailDetailed(lambdaStream, false))},
	{"aws logs tail --color on", eachLine(tailDetailed(execStream, true))},
	{"aws logs tail --format short", eachLine(tailShort)},
	{"aws logs tail --format json", eachLine(tailJSON)},
	{"awslogs", eachLine(awslogs("API-Gateway-Execution-Logs_abc123/prod "+execStream+" ", false))},
	{"awslogs --timestamp", eachLine(awslogs("/aws/lambda/orders-api "+lambdaStream+" ", true))},
	{"awslogs -S", eachLine(awslogs("/aws/lambda/orders-api ", false))},
	{"awslogs -G", eachLine(awslogs(lambdaStream+" ", false))},
	{"sam logs", eachLine(samLogs)},
	{"sam logs, JSON message", eachLine(samLogsJSON)},
	{"sam logs --output json", eachLine(samLogsOutputJSON)},
	{"chalice logs", eachLine(chaliceLogs)},
	{"zappa tail", eachLine(zappaTail)},
	{"serverless logs v3", eachLine(serverlessV3)},
	{"serverless logs v4", eachLine(serverlessV4)},
	{"console table, tab", eachLine(consoleTab)},
	{"console table, rows", consoleRows},
	{"filter-log-events JSON", filterLogEventsJSON},
	{"get-log-events JSON", getLogEventsJSON},
	{"filter-log-events text", eachLine(filterLogEventsText)},
	{"filter-log-events table", filterLogEventsTable(false)},
	{"filter-log-events table, Lambda EOLs", filterLogEventsTable(true)},
	{"Insights CSV", insightsCSV(false)},
	{"Insights CSV, Lambda EOLs", insightsCSV(true)},
	{"Insights JSON download", insightsJSON},
	{"get-query-results JSON", getQueryResultsJSON},
	{"get-query-results text", getQueryResultsText},
	{"console table, bars", eachLine(consoleBars)},
	{"Insights markdown", insightsMarkdown},
	// log platforms CloudWatch Logs is shipped to
	// (1_read_presentation_tools_test.go)
	{"Loki logcli", eachLine(lokiLogcli)},
	{"Splunk export JSON", splunkExport},
	{"Elasticsearch hits", searchHits("message", true)},
	{"Elasticsearch hits, compact", searchHits("message", false)},
	{"OpenSearch subscription hits", searchHits("@message", true)},
	{"Datadog Logs API", datadogLogsAPI},
	// the layers combine: a reply that quotes a tool's output, a page's
	// source holding a console copy, a document holding a terminal's
	{"quoted aws logs tail", then(eachLine(tailDetailed(lambdaStream, false)), markdownQuote)},
	{"HTML source of a console copy", then(eachLine(consoleTab), htmlSource)},
	{"word processor of sam logs", then(eachLine(samLogs), typographic, noBreakSpaces)},
	{"PowerShell > of filter JSON", then(filterLogEventsJSON, powerShellOut)},
	// what people do to a paste before they post it, and what a thread
	// does to it (1_read_presentation_edits_test.go)
	{"pasted twice", pastedTwice},
	{"first block last", firstBlockLast},
	{"account id XXXXXXXXXXXX", masked(accountID, "XXXXXXXXXXXX")},
	{"account id ************", masked(accountID, "************")},
	{"account id <account-id>", masked(accountID, "<account-id>")},
	{"API id <api-id>", masked(apiHostID, "<api-id>.execute-api.")},
	{"API id xxxxxxxxxx", masked(apiHostID, "xxxxxxxxxx.execute-api.")},
	{"API id ***", masked(apiHostID, "***.execute-api.")},
}

var (
	ciLogTimestamps = everyLine(func(i int, l string) string { return eventTime(i).Format("2006-01-02T15:04:05.0000000Z") + " " + l })
	markdownQuote   = everyLine(func(_ int, l string) string { return strings.TrimRight("> "+l, " ") })
	htmlSource      = eachLine(func(_ int, l string) string { return htmlEscaper.Replace(l) })
	typographic     = eachLine(func(_ int, l string) string { return curlyQuotes(l) })
	noBreakSpaces   = eachLine(func(_ int, l string) string { return strings.ReplaceAll(l, " ", "\u00a0") })
)

// then applies presentations one after the other, the first innermost.
func then(ps ...func([]byte) []byte) func([]byte) []byte {
	return func(b []byte) []byte {
		for _, p := range ps {
			b = p(b)
		}
		return b
	}
}

// everyLine re-presents every line with f, blank ones too (a quote's ">",
// a gutter's number mark them); see eachLine for the others.
func everyLine(f func(i int, l string) string) func([]byte) []byte {
	return func(excerpt []byte) []byte {
		var b strings.Builder
		for i, l := range lines(excerpt) {
			b.WriteString(f(i, l))
			b.WriteByte('\n')
		}
		return []byte(b.String())
	}
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// zeroWidth puts a zero-width space after the characters where pages let
// long identifiers (ARNs, UUIDs, paths) wrap.
var zeroWidth = strings.NewReplacer("/", "/\u200b", "-", "-\u200b", "_", "_\u200b")

// curlyQuotes turns straight quotes into the typographic ones a word
// processor or a CMS substitutes: “ and ” alternately, ’ for '.
func curlyQuotes(l string) string {
	var b strings.Builder
	open := true
	for _, r := range l {
		switch r {
		case '"':
			b.WriteString(map[bool]string{true: "\u201c", false: "\u201d"}[open])
			open = !open
		case '\'':
			b.WriteString("\u2019")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tailDetailed is `aws logs tail`'s default format (aws-cli,
// awscli/customizations/logs/tail.py, DetailedLogEventsFormatter):
// timestamp.isoformat(timespec='microseconds') in UTC, the stream name, the
// message; with colour, colorama's green and cyan around the first two.
func tailDetailed(stream string, colour bool) func(int, string) string {
	return func(i int, l string) string {
		ts, name := eventTime(i).Format("2006-01-02T15:04:05.000000-07:00"), stream
		if colour {
			ts, name = "\x1b[32m"+ts+"\x1b[0m", "\x1b[36m"+name+"\x1b[0m"
		}
		return ts + " " + name + " " + l
	}
}

// tailShort is `aws logs tail --format short` (ShortLogEventsFormatter):
// strftime("%Y-%m-%dT%H:%M:%S") and the message.
func tailShort(i int, l string) string {
	return eventTime(i).Format("2006-01-02T15:04:05") + " " + l
}

// tailJSON is `aws logs tail --format json` (PrettyJSONLogEventsFormatter):
// as detailed, but a message that is JSON printed on the lines after,
// json.dumps(indent=4).
func tailJSON(i int, l string) string {
	ts := eventTime(i).Format("2006-01-02T15:04:05.000000-07:00")
	if pretty, ok := pythonJSON(l, 4); ok {
		return ts + " " + execStream + " \n" + pretty
	}
	return ts + " " + execStream + " " + l
}

// samLogsJSON is `sam logs` on a message that is JSON (CWJsonFormatter:
// json.dumps(indent=2) when the message starts with "{"), then the stream
// and time before it.
func samLogsJSON(i int, l string) string {
	if pretty, ok := pythonJSON(l, 2); ok && strings.HasPrefix(l, "{") {
		l = pretty
	}
	return samLogs(i, l)
}

// samLogsOutputJSON is `sam logs --output json` (aws-sam-cli,
// cw_log_formatters.py CWLogEventJSONMapper): json.dumps of the event as
// FilterLogEvents returned it, one line, Python's ", " and ": "
// separators, non-ASCII escaped.
func samLogsOutputJSON(i int, l string) string {
	msg, err := json.Marshal(l)
	if err != nil {
		panic(err)
	}
	ms := eventTime(i).UnixMilli()
	return asciiJSON(fmt.Sprintf(`{"logStreamName": %q, "timestamp": %d, "message": %s, "ingestionTime": %d, "eventId": "%d"}`,
		lambdaStream, ms, htmlUnescaped(msg), ms+40, 37000000000000000+i))
}

// htmlUnescaped undoes encoding/json's escaping of <, > and &, which
// Python's json.dumps does not do.
func htmlUnescaped(b []byte) string {
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
}

// pythonJSON re-indents a message that is one JSON object as Python's
// json.dumps(indent=n) does: keys in their order, ", " never at a line's
// end, non-ASCII escaped.
func pythonJSON(l string, n int) (string, bool) {
	l = strings.TrimSpace(l)
	if !strings.HasPrefix(l, "{") || !json.Valid([]byte(l)) {
		return "", false
	}
	var b bytes.Buffer
	if json.Indent(&b, []byte(l), "", strings.Repeat(" ", n)) != nil {
		return "", false
	}
	return asciiJSON(b.String()), true
}

// asciiJSON escapes non-ASCII characters as \uXXXX, as json.dumps's
// ensure_ascii does.
func asciiJSON(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, "\\u%04x\\u%04x", r1, r2)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

// samLogs is `sam logs` (aws-sam-cli, samcli/lib/observability/cw_logs/
// cw_log_formatters.py CWPrettyPrintFormatter): the stream name, then
// timestamp_to_iso (utcfromtimestamp(...).isoformat(), no zone), then the
// message.
func samLogs(i int, l string) string {
	return lambdaStream + " " + eventTime(i).Format("2006-01-02T15:04:05.000000") + " " + l
}

// chaliceLogs is `chalice logs` (aws/chalice, chalice/logs.py
// display_logs): str() of the event's datetime, the stream's short id (six
// characters after its "]"), the message stripped.
func chaliceLogs(i int, l string) string {
	return eventTime(i).Format("2006-01-02 15:04:05.000000") + " 5d4a5b " + strings.TrimSpace(l)
}

// consoleTab is a row copied from the CloudWatch console's log events
// table into a text editor: the time column (local ISO with offset), a
// tab, the message.
func consoleTab(i int, l string) string {
	return eventTime(i).Format("2006-01-02T15:04:05.000-07:00") + "\t" + l
}

// consoleRows is the same table copied from the page rather than as cells:
// the time on a line of its own, the message, a blank line (a training
// report holds such a paste).
func consoleRows(excerpt []byte) []byte {
	var b strings.Builder
	for i, l := range lines(excerpt) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		b.WriteString(eventTime(i).Format("2006-01-02T15:04:05.000-07:00") + "\n" + l + "\n\n")
	}
	return []byte(b.String())
}
