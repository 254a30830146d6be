package classifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// Tools that print CloudWatch Logs events (awslogs, zappa tail) and log
// platforms that CloudWatch Logs is shipped to, as their command-line tools
// and search APIs print events: an on-call engineer pipes them to classify
// as they come.

// A log group's name comes off a line only where awslogs puts it.
func TestLogGroupLen(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"/aws/lambda/orders-api 2024/03/12/[$LATEST]5d4a x", len("/aws/lambda/orders-api ")},
		{"API-Gateway-Execution-Logs_abc123/prod  (id) x", len("API-Gateway-Execution-Logs_abc123/prod  ")},
		{"/aws/lambda/ x", 0},
		{"/aws/lambda/orders-api", 0},
		{"/aws/lambda/orders-api   ", 0},
		{"/var/task/handler.py line 3", 0},
		{"API Gateway answered 502", 0},
	} {
		if got := logGroupLen([]byte(c.in)); got != c.want {
			t.Errorf("logGroupLen(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// zappa tail's time comes off a line; a level or a shorter number in
// brackets stays.
func TestBracketedEpochLen(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"[1509032914734] Traceback (most recent call last):", 16},
		{"[1509032914] x", 13},
		{"[ERROR] x", 0},
		{"[12] x", 0},
		{"[1509032914734]x", 0},
		{"[1509032914734]", 0},
	} {
		if got := bracketedEpochLen([]byte(c.in)); got != c.want {
			t.Errorf("bracketedEpochLen(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// lokiLogcli is Grafana Loki's `logcli query` (default output): the
// entry's time, its stream labels in braces, the line.
func lokiLogcli(i int, l string) string {
	return eventTime(i).Format("2006-01-02T15:04:05.000Z07:00") + ` {log_group="/aws/lambda/orders-api", region="us-east-1"} ` + l
}

// splunkExport is Splunk's search export (output_mode=json): one object a
// line, the event's text as "_raw" in "result".
func splunkExport(excerpt []byte) []byte {
	type result struct {
		Raw        string `json:"_raw"`
		Time       string `json:"_time"`
		Host       string `json:"host"`
		Source     string `json:"source"`
		Sourcetype string `json:"sourcetype"`
	}
	var b bytes.Buffer
	for i, m := range messages(excerpt) {
		line, err := json.Marshal(struct {
			Preview bool   `json:"preview"`
			Offset  int    `json:"offset"`
			Result  result `json:"result"`
		}{false, i, result{m, eventTime(i).Format("2006-01-02T15:04:05.000-07:00"), "orders-api", "us-east-1:/aws/lambda/orders-api", "aws:cloudwatchlogs"}})
		if err != nil {
			panic(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// searchHits is an Elasticsearch or OpenSearch _search answer ("took",
// "timed_out", then "hits" and its own "hits" array), each hit's event in
// "_source" under the field its shipper names: "message" (Beats'
// aws-cloudwatch input), "@message" (the function CloudWatch Logs'
// OpenSearch subscription creates). pretty is ?pretty's indentation.
func searchHits(messageField string, pretty bool) func([]byte) []byte {
	return func(excerpt []byte) []byte {
		type hit struct {
			Index  string            `json:"_index"`
			ID     string            `json:"_id"`
			Score  *float64          `json:"_score"`
			Source map[string]string `json:"_source"`
		}
		type hits struct {
			MaxScore *float64 `json:"max_score"`
			Hits     []hit    `json:"hits"`
		}
		var hs []hit
		for i, m := range messages(excerpt) {
			id := fmt.Sprint(37000000000000000 + i)
			hs = append(hs, hit{"cwl-2024.03.12", id, nil, map[string]string{"@id": id,
				"@timestamp": eventTime(i).Format("2006-01-02T15:04:05.000Z"), messageField: m, "@log_group": "/aws/lambda/orders-api"}})
		}
		answer := struct {
			Took     int  `json:"took"`
			TimedOut bool `json:"timed_out"`
			Hits     hits `json:"hits"`
		}{3, false, hits{nil, hs}}
		if pretty {
			return cliJSON(answer)
		}
		b, err := json.Marshal(answer)
		if err != nil {
			panic(err)
		}
		return append(b, '\n')
	}
}

// datadogLogsAPI is Datadog's Logs API v2 search answer: "data", each
// event's id, type and attributes, the message among them.
func datadogLogsAPI(excerpt []byte) []byte {
	type attributes struct {
		Service   string   `json:"service"`
		Host      string   `json:"host"`
		Message   string   `json:"message"`
		Status    string   `json:"status"`
		Timestamp string   `json:"timestamp"`
		Tags      []string `json:"tags"`
	}
	type event struct {
		ID         string     `json:"id"`
		Type       string     `json:"type"`
		Attributes attributes `json:"attributes"`
	}
	var evs []event
	for i, m := range messages(excerpt) {
		evs = append(evs, event{fmt.Sprintf("AQAAAY5xyz%04d", i), "log", attributes{"orders-api", "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
			m, "info", eventTime(i).Format("2006-01-02T15:04:05.000Z"), []string{"source:lambda"}}})
	}
	return cliJSON(struct {
		Data []event        `json:"data"`
		Meta map[string]any `json:"meta"`
	}{evs, map[string]any{"status": "done"}})
}

// Stream labels come off a logcli line, and nothing else that opens with
// a brace after a time.
func TestSkipLabelSet(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{app="orders"} Method completed with status: 502`, "Method completed with status: 502"},
		{`{log_group="/aws/lambda/x", level="error", k8s_1="a \"b\" c"} END RequestId: 1`, "END RequestId: 1"},
		{`{"status":"502","requestId":"a"}`, `{"status":"502","requestId":"a"}`},
		{`{app=orders} text`, `{app=orders} text`},
		{`{app="unclosed} text`, `{app="unclosed} text`},
		{`{app="a";b="c"} text`, `{app="a";b="c"} text`},
		{`{1app="a"} text`, `{1app="a"} text`},
		{`{} Method completed with status: 502`, "Method completed with status: 502"},
		{`{}`, `{}`},
		{`{}x`, `{}x`},
	} {
		if got := string(skipLabelSet([]byte(c.in))); got != c.want {
			t.Errorf("skipLabelSet(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A pasted body that opens with "data" is read as lines; Datadog's answer
// is a document whether its events open with their attributes or not.
func TestDatadogLogsDocument(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     bool
	}{
		{"GraphQL answer", `{"data": {"user": null}, "errors": [{"message": "Internal server error"}]}`, false},
		{"JSON:API collection", `{"data": [{"type": "articles", "id": "1"}]}`, false},
		{"empty array", `{"data": []}`, false},
		{"attributes first", `{"data": [{"attributes": {"message": "x"}, "id": "a", "type": "log"}]}`, true},
		{"type in the head", `{"data":[{"id":"a","type":"log","attributes":{"message":"x"}}]}`, true},
	} {
		head := []byte(c.in)
		if got := datadogLogs(trimSpace(head[1:]), head); got != c.want {
			t.Errorf("%s: datadogLogs = %v, want %v", c.name, got, c.want)
		}
	}
}
