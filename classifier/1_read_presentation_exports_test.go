package classifier

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// serverlessTabbed splits a Lambda runtime line the way the Serverless
// Framework's format-lambda-log-event.js does: "<date>\t<id>\t<text>"
// (Node.js) or "<level>\t<date>\t<id>\t<text>" (Python), else ok is false.
func serverlessTabbed(l string) (date time.Time, id, level, text string, ok bool) {
	parts := strings.Split(l, "\t")
	if len(parts) < 3 {
		return date, "", "", "", false
	}
	if d, err := time.Parse(time.RFC3339Nano, parts[0]); err == nil {
		return d, parts[1], "", strings.Join(parts[2:], "\t"), true
	}
	if d, err := time.Parse(time.RFC3339Nano, parts[1]); err == nil && len(parts) > 3 {
		return d, parts[2], parts[0] + "\t", strings.Join(parts[3:], "\t"), true
	}
	return date, "", "", "", false
}

func platformLine(l string) bool {
	for _, p := range []string{"START", "INIT_START", "END", "REPORT"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// serverlessV3 is `serverless logs` of Serverless Framework v1 to v3
// (lib/plugins/aws/utils/format-lambda-log-event.js): platform lines as
// they are, runtime lines as dayjs "YYYY-MM-DD HH:mm:ss.SSS (Z)", tab, the
// request id, tab, the level and text.
func serverlessV3(_ int, l string) string {
	l = strings.TrimRight(l, " \t")
	if platformLine(l) {
		return l
	}
	date, id, level, text, ok := serverlessTabbed(l)
	if !ok {
		return l
	}
	return date.Format("2006-01-02 15:04:05.000 (-07:00)") + "\t" + id + "\t" + level + text
}

// serverlessV4 is the same file in Serverless Framework v4: platform lines
// with "RequestId:" replaced by "-", "Version:" by "- Version:" and the
// REPORT's durations on a line of their own; runtime lines as a header
// "YYYY-MM-DD HH:mm:ss.SSS - <id> - <level>" and the text on the next line.
// (v4 cuts a Python line's text at "<level>\t\t", which loses it; the text
// is kept here, as the code means to.)
func serverlessV4(_ int, l string) string {
	if !strings.HasPrefix(l, "REPORT") {
		l = strings.TrimRight(l, " \t")
	}
	if platformLine(l) {
		l = strings.Replace(l, "RequestId:", "-", 1)
		l = strings.Replace(l, "Version:", "- Version:", 1)
		return strings.ReplaceAll(l, "\tDuration:", "\nDuration:")
	}
	date, id, level, text, ok := serverlessTabbed(l)
	if !ok {
		return l
	}
	return date.Format("2006-01-02 15:04:05.000") + " - " + id + " - " + level + "\n" + text
}

// filterLogEventsText is `aws logs filter-log-events --output text`
// (awscli/formatter.py TextFormatter): "EVENTS" and the event's scalars in
// key order, tab-separated.
func filterLogEventsText(i int, l string) string {
	ms := eventTime(i).UnixMilli()
	return fmt.Sprintf("EVENTS\t%d\t%d\t%s\t%s\t%d", 37000000000000000+i, ms+40, execStream, l, ms)
}

// cliJSON writes a value as the AWS CLI's JSON output does (awscli/
// formatter.py JSONFormatter: json.dump(indent=4, ensure_ascii=False)).
func cliJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// awslogs is the awslogs command (`awslogs get GROUP`): each event's log
// group and stream before its message (-G drops the group, -S the
// stream), and with --timestamp the event's time after them.
func awslogs(columns string, timestamp bool) func(int, string) string {
	return func(i int, l string) string {
		if timestamp {
			return columns + eventTime(i).Format("2006-01-02T15:04:05.000Z") + " " + l
		}
		return columns + l
	}
}

// zappaTail is `zappa tail`: each event's time in epoch milliseconds in
// brackets before its message (six training reports hold it).
func zappaTail(i int, l string) string {
	return fmt.Sprintf("[%d] %s", eventTime(i).UnixMilli(), l)
}

// messages are the excerpt's non-blank lines, each one event.
func messages(excerpt []byte) []string {
	var out []string
	for _, l := range lines(excerpt) {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// filterLogEventsJSON is `aws logs filter-log-events` (CloudWatch Logs API
// FilterLogEvents: events of logStreamName, timestamp, message,
// ingestionTime, eventId, then searchedLogStreams).
func filterLogEventsJSON(excerpt []byte) []byte {
	type event struct {
		LogStreamName string `json:"logStreamName"`
		Timestamp     int64  `json:"timestamp"`
		Message       string `json:"message"`
		IngestionTime int64  `json:"ingestionTime"`
		EventID       string `json:"eventId"`
	}
	var evs []event
	for i, m := range messages(excerpt) {
		ms := eventTime(i).UnixMilli()
		evs = append(evs, event{execStream, ms, m, ms + 40, fmt.Sprint(37000000000000000 + i)})
	}
	return cliJSON(struct {
		Events   []event  `json:"events"`
		Searched []string `json:"searchedLogStreams"`
	}{evs, []string{}})
}

// getLogEventsJSON is `aws logs get-log-events` (GetLogEvents: events of
// timestamp, message, ingestionTime, and the two paging tokens).
func getLogEventsJSON(excerpt []byte) []byte {
	type event struct {
		Timestamp     int64  `json:"timestamp"`
		Message       string `json:"message"`
		IngestionTime int64  `json:"ingestionTime"`
	}
	var evs []event
	for i, m := range messages(excerpt) {
		ms := eventTime(i).UnixMilli()
		evs = append(evs, event{ms, m, ms + 40})
	}
	return cliJSON(struct {
		Events   []event `json:"events"`
		Forward  string  `json:"nextForwardToken"`
		Backward string  `json:"nextBackwardToken"`
	}{evs, "f/38139591287468017930000000000000000000000000000000000000", "b/38139591287468017930000000000000000000000000000000000000"})
}

// insightsTime is how Logs Insights prints @timestamp.
func insightsTime(i int) string { return eventTime(i).Format("2006-01-02 15:04:05.000") }

// insightsCSV is the Logs Insights console's "Download table (CSV)" of the
// default query's fields: a header row, RFC 4180 quoting. A Lambda event's
// message ends with its newline, so its closing quote opens the next line
// (lambdaEOL; public logs-insights-results.csv files show both shapes).
func insightsCSV(lambdaEOL bool) func([]byte) []byte {
	return func(excerpt []byte) []byte {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		rows := [][]string{{"@timestamp", "@message", "@logStream", "@log"}}
		for i, m := range messages(excerpt) {
			if lambdaEOL {
				m += "\n"
			}
			rows = append(rows, []string{insightsTime(i), m, execStream, "123456789012:orders-api-logs"})
		}
		if err := w.WriteAll(rows); err != nil {
			panic(err)
		}
		return b.Bytes()
	}
}

// insightsJSON is the console's "Download table (JSON)": an array of
// objects keyed by field, a message that is itself JSON as an object.
func insightsJSON(excerpt []byte) []byte {
	var rows []map[string]any
	for i, m := range messages(excerpt) {
		var msg any = m
		if obj := json.RawMessage(strings.TrimSpace(m)); json.Valid(obj) && obj[0] == '{' {
			msg = obj
		}
		rows = append(rows, map[string]any{"@timestamp": insightsTime(i), "@message": msg})
	}
	return cliJSON(rows)
}

// getQueryResultsJSON is `aws logs get-query-results` (GetQueryResults:
// rows of field/value pairs, @ptr last, then statistics and status).
func getQueryResultsJSON(excerpt []byte) []byte {
	type field struct {
		Field string `json:"field"`
		Value string `json:"value"`
	}
	var rows [][]field
	for i, m := range messages(excerpt) {
		rows = append(rows, []field{{"@timestamp", insightsTime(i)}, {"@message", m},
			{"@ptr", fmt.Sprintf("CmAKJwojMTIzNDU2Nzg5MDEyOm9yZGVycy1hcGktbG9ncxAHEgQIARAAEiUaGAIGZP%04d", i)}})
	}
	return cliJSON(struct {
		Results    [][]field      `json:"results"`
		Statistics map[string]int `json:"statistics"`
		Status     string         `json:"status"`
	}{rows, map[string]int{"recordsMatched": len(rows), "recordsScanned": len(rows), "bytesScanned": 4096}, "Complete"})
}

// consoleBars is the CloudWatch console's log events table pasted into an
// issue as a table: the expander's empty cell, the time, the message, no
// closing bar (a training report, sst-ion-822, holds one).
func consoleBars(i int, l string) string {
	return "  | " + eventTime(i).Format("2006-01-02T15:04:05.000Z07:00") + " | " + l
}

// insightsMarkdown is Logs Insights results as a markdown table of the
// default query's fields: a header row, the delimiter row, a row per event
// (a training report, azul-6284, holds one).
func insightsMarkdown(excerpt []byte) []byte {
	var b strings.Builder
	b.WriteString("| @timestamp | @message | @logStream | @log |\n|---|---|---|---|\n")
	for i, m := range messages(excerpt) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", insightsTime(i), m, execStream, "123456789012:orders-api-logs")
	}
	return []byte(b.String())
}

// filterLogEventsTable is `aws logs filter-log-events --output table`
// (awscli/formatter.py TableFormatter, awscli/table.py MultiTable): the
// operation's title, then the events as a section one level in, "|" on
// each side, its columns the event's fields in key order, each cell
// align_left with two spaces before the text. Several events stay a row
// each however wide the table (only one-row sections turn vertical). A
// Lambda event's message ends with its newline, which breaks its row.
func filterLogEventsTable(lambdaEOL bool) func([]byte) []byte {
	return func(excerpt []byte) []byte {
		rows := [][]string{{"eventId", "ingestionTime", "logStreamName", "message", "timestamp"}}
		for i, m := range messages(excerpt) {
			if lambdaEOL {
				m += "\n"
			}
			ms := eventTime(i).UnixMilli()
			rows = append(rows, []string{fmt.Sprint(37000000000000000 + i), fmt.Sprint(ms + 40), execStream, m, fmt.Sprint(ms)})
		}
		widths := make([]int, len(rows[0]))
		for _, r := range rows {
			for c, cell := range r {
				widths[c] = max(widths[c], len(cell)+4)
			}
		}
		total := 2
		for _, w := range widths {
			total += w
		}
		rule := "|+" + strings.Repeat("-", total-4) + "+|\n"
		var b strings.Builder
		b.WriteString(strings.Repeat("-", total+2) + "\n" + centred("|", "FilterLogEvents", total) + "\n+" + strings.Repeat("-", total) + "+\n")
		b.WriteString(centred("||", "events", total) + "\n" + rule)
		for n, r := range rows {
			b.WriteString("|")
			for c, cell := range r {
				if c == 0 {
					b.WriteString("|")
				}
				b.WriteString("  " + cell + strings.Repeat(" ", max(0, widths[c]-len(cell)-3)) + "|")
			}
			b.WriteString("|\n")
			if n == 0 {
				b.WriteString(rule)
			}
		}
		b.WriteString(rule)
		return []byte(b.String())
	}
}

// centred is a table.py title: the text centred between edges, the line
// width+2 wide.
func centred(edge, text string, width int) string {
	left := (width+2)/2 - len(text)/2 - len(edge)
	return edge + strings.Repeat(" ", left) + text + strings.Repeat(" ", max(0, width+2-2*len(edge)-left-len(text))) + edge
}

// getQueryResultsText is `aws logs get-query-results --output text`
// (awscli/text.py): the status, then each field/value pair of each row a
// line, "RESULTS", the field and the value tab-separated, then the
// statistics.
func getQueryResultsText(excerpt []byte) []byte {
	var b strings.Builder
	b.WriteString("Complete\n")
	ms := messages(excerpt)
	for i, m := range ms {
		fmt.Fprintf(&b, "RESULTS\t@timestamp\t%s\nRESULTS\t@message\t%s\nRESULTS\t@ptr\tCmAKJwojMTIzNDU2Nzg5MDEyOm9yZGVycy1hcGktbG9ncxAHEgQIARAAEiUaGAIGZP%04d\n", insightsTime(i), m, i)
	}
	fmt.Fprintf(&b, "STATISTICS\t4096.0\t%d.0\t%d.0\n", len(ms), len(ms))
	return []byte(b.String())
}
