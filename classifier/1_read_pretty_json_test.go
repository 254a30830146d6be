package classifier

import (
	"strings"
	"testing"
)

// TestPrettyJSON checks that an object laid out over several lines reads
// as the one line it was logged as, and that lines which only look like the
// start of one are still read one by one.
func TestPrettyJSON(t *testing.T) {
	record := `{"requestId": "Vwc2MGFUrPEFV_g=", "routeKey": "GET /orders", "status": "503", "integrationStatus": "-", "integrationErrorMessage": "Network error communicating with endpoint", "integrationLatency": "9"}`
	pretty := "{\n" + strings.Join([]string{
		`    "requestId": "Vwc2MGFUrPEFV_g=",`, `    "routeKey": "GET /orders",`, `    "status": "503",`,
		`    "integrationStatus": "-",`, `    "integrationErrorMessage": "Network error communicating with endpoint",`,
		`    "integrationLatency": "9"`}, "\n") + "\n}\n"
	one := diagnoseWith(t, Hints{}, record)
	if one.Cause == CauseUnknown || one.Status != Status503 {
		t.Fatalf("the record on one line: %s/%s", one.Status, one.Cause)
	}
	cases := []struct{ name, text string }{
		{"pretty", pretty},
		{"quoted", "> " + strings.ReplaceAll(strings.TrimSuffix(pretty, "\n"), "\n", "\n> ") + "\n"},
		{"after a tool's prefix", "2024-03-12T10:15:00.000000+00:00 8f14e45fceea167a5a36dedd4bea2543\n" + pretty},
	}
	for _, c := range cases {
		d := diagnoseWith(t, Hints{}, c.text)
		if d.Cause != one.Cause || d.Status != one.Status {
			t.Errorf("%s: %s/%s, one line gives %s/%s", c.name, d.Status, d.Cause, one.Status, one.Cause)
		}
	}
	// an object never closed: its lines are read one by one, the status
	// line among them
	open := "{\n  \"note\": \"cut here\"\nHTTP/1.1 502 Bad Gateway\n"
	if d := diagnoseWith(t, Hints{}, open); d.Status != Status502 {
		t.Errorf("unclosed object: status %s, want 502", d.Status)
	}
	// added line by line, the object is gathered until the diagnosis
	s := NewSession(Hints{})
	for _, l := range strings.Split(pretty, "\n") {
		s.AddLine(l)
	}
	if d := s.Diagnose(LangEN); d.Cause != one.Cause {
		t.Errorf("line by line: %s, one line gives %s", d.Cause, one.Cause)
	}
}

// TestPrettyJSONBound checks that lines adding nothing to a gathered
// object's text (blank ones, long as a line may be) still count against
// what is kept: the object is given up and its lines read one by one.
func TestPrettyJSONBound(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine("{")
	blank := strings.Repeat(" ", maxLineBytes)
	for range maxPrettyRaw/maxLineBytes + 1 {
		s.AddLine(blank)
	}
	if s.pretty != nil {
		t.Errorf("still gathering after %d raw bytes, %d lines", s.pretty.raw, len(s.pretty.raws))
	}
}

// TestPrettyJSONEndsWithItsEvent checks that an access-log event whose
// record never closes (cut at the line bound) does not gather the next
// events' records into it: each event is whole.
func TestPrettyJSONEndsWithItsEvent(t *testing.T) {
	s := NewSession(Hints{})
	s.AddEvent(LogEvent{Group: "orders-api-access", Message: `{"requestId": "a", "status": "200", "path": "/orders/`})
	s.AddEvent(LogEvent{Group: "orders-api-access", Message: `{"requestId": "b", "status": "503", "integrationErrorMessage": "-", "responseLatency": "9"}`})
	if s.pretty != nil || s.st.accessLines != 1 {
		t.Errorf("the second event's record was not read at once (%d access lines, gathering %t)", s.st.accessLines, s.pretty != nil)
	}
}

// TestQueryResultsValue checks that a "value" is read as a log message in
// the shape of `aws logs get-query-results` output alone: right after its
// pair's `"field": "@message",`, pasted without the rest of the document.
// Any other JSON's "value" (a function's pretty-printed object, an ECS task
// definition's environment, the pair of another field) stays a line of
// that JSON.
func TestQueryResultsValue(t *testing.T) {
	report := "REPORT RequestId: 8f14e45f-ceea-467a-9a36-dedd4bea2543\\tDuration: 3003.00 ms\\tBilled Duration: 3000 ms\\tMemory Size: 128 MB\\tMax Memory Used: 80 MB\\tStatus: timeout"
	exec := "(5a5b5c5d-0000-4000-8000-000000000001) Method completed with status: 504"
	pair := func(field, value string) string {
		return "      {\n        \"field\": \"" + field + "\",\n        \"value\": \"" + value + "\"\n      },\n"
	}
	cases := []struct {
		name, text             string
		execLines, lambdaLines int64
	}{
		{"query results rows", pair("@timestamp", "2024-03-12 10:15:00.000") + pair("@message", report) +
			"    ],\n    [\n" + pair("@message", exec) + "    ],\n", 1, 1},
		{"a row", "[\n" + pair("@timestamp", "2024-03-12 10:15:00.000") + pair("@message", report) + "]\n", 0, 1},
		{"quoted query results", "> " + strings.ReplaceAll(strings.TrimSuffix(pair("@message", exec), "\n"), "\n", "\n> ") + "\n", 1, 0},
		{"another field's value", pair("@logStream", report), 0, 0},
		{"a function's object", "{\n  \"metric\": \"last_invocation\",\n  \"value\": \"" + report + "\"\n}\n", 0, 0},
		{"a task definition's environment", "\"environment\": [\n  {\n    \"name\": \"LAST_STATUS\",\n    \"value\": \"" + exec + "\"\n  }\n]\n", 0, 0},
	}
	for _, c := range cases {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(strings.NewReader(c.text)); err != nil {
			t.Fatal(err)
		}
		if s.st.execLines != c.execLines || s.st.lambdaLines != c.lambdaLines {
			t.Errorf("%s: %d execution and %d Lambda lines, want %d and %d", c.name, s.st.execLines, s.st.lambdaLines, c.execLines, c.lambdaLines)
		}
	}
}

// TestEventMessage checks that a "message" line is read as a log message
// in a CloudWatch event's shape alone (filter-log-events, get-log-events,
// a tool that sorts the keys), pasted without the rest of the document:
// any other JSON's "message" (a program's error object, a function's
// pretty-printed body) stays a line of that JSON.
func TestEventMessage(t *testing.T) {
	exec := "(5a5b5c5d-0000-4000-8000-000000000001) Method completed with status: 504"
	cases := []struct {
		name, text string
		execLines  int64
	}{
		{"filter-log-events fragment", "            \"logStreamName\": \"e369853df766fa44e1ed0ff613f563bd\",\n            \"timestamp\": 1710238500000,\n" +
			"            \"message\": \"" + exec + "\",\n            \"ingestionTime\": 1710238500400,\n", 1},
		{"get-log-events fragment", "        {\n            \"timestamp\": 1710238500000,\n            \"message\": \"" + exec + "\",\n            \"ingestionTime\": 1710238500400\n        },\n", 1},
		{"keys sorted", "    \"eventId\": \"37000000000000000000000000000000000000000000000000000000\",\n    \"ingestionTime\": 1710238500400,\n" +
			"    \"logStreamName\": \"e369853df766fa44e1ed0ff613f563bd\",\n    \"message\": \"" + exec + "\",\n    \"timestamp\": 1710238500000\n", 1},
		{"a program's error object", "\"error\": {\n  \"code\": \"E_UPSTREAM\",\n  \"message\": \"" + exec + "\",\n  \"retryable\": false\n}\n", 0},
		{"a Lambda JSON log record", "  \"timestamp\": \"2024-03-12T10:15:00.120Z\",\n  \"level\": \"ERROR\",\n  \"message\": \"" + exec + "\",\n  \"requestId\": \"x\"\n", 0},
		{"a function's body", "{\n  \"status\": \"error\",\n  \"message\": \"" + exec + "\",\n  \"items\": [\n  ]\n}\n", 0},
	}
	for _, c := range cases {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(strings.NewReader(c.text)); err != nil {
			t.Fatal(err)
		}
		if s.st.execLines != c.execLines {
			t.Errorf("%s: %d execution lines, want %d", c.name, s.st.execLines, c.execLines)
		}
	}
}

// TestEventShapeEndsWithItsInput checks that an input of CloudWatch events
// does not make a "message" in the next input of the same report an
// event's: a program's error object there stays the program's.
func TestEventShapeEndsWithItsInput(t *testing.T) {
	exec := "(5a5b5c5d-0000-4000-8000-000000000001) Method completed with status: 504"
	s := NewSession(Hints{})
	for _, text := range []string{
		"    \"timestamp\": 1710238500000,\n    \"message\": \"" + exec + "\",\n    \"ingestionTime\": 1710238500400\n",
		"\"error\": {\n  \"code\": \"E_UPSTREAM\",\n  \"message\": \"" + exec + "\",\n  \"retryable\": false\n}\n",
	} {
		if _, err := s.ReadFrom(strings.NewReader(text)); err != nil {
			t.Fatal(err)
		}
	}
	if s.st.execLines != 1 {
		t.Errorf("%d execution lines, want 1 (the event's alone)", s.st.execLines)
	}
}

// TestPrettyObjectCountsOneLine checks that an object a tool pretty-printed
// after its timestamp (`aws logs tail --format json`, on the prefix's line
// or on the lines after a prefix alone) counts one line, as the same event
// on one line does, and that an object read line by line counts each of
// its lines once.
func TestPrettyObjectCountsOneLine(t *testing.T) {
	stamp := "2024-03-12T10:15:00.000000+00:00 8f14e45fceea167a5a36dedd4bea2543"
	record := "{\n  \"requestId\": \"5a5b5c5d-0000-4000-8000-000000000001\",\n  \"status\": \"502\"\n}\n"
	cases := []struct {
		name, text         string
		lines, accessLines int64
	}{
		{"on one line", stamp + ` {"requestId": "5a5b5c5d-0000-4000-8000-000000000001", "status": "502"}` + "\n", 1, 1},
		{"after the prefix", stamp + " " + record, 1, 1},
		{"after a prefix alone", stamp + "\n" + record, 1, 1},
		{"two events", stamp + " " + record + stamp + "\n" + record, 2, 2},
		{"no prefix", record, 1, 1},
		{"an object read line by line", "{\n  \"a\": \"x\",\n  \"b\": \"502\"\n}\n", 4, 0},
		{"an object never closed", "{\n  \"a\": \"x\",\n  \"b\": \"502\"\n", 3, 0},
	}
	for _, c := range cases {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(strings.NewReader(c.text)); err != nil {
			t.Fatal(err)
		}
		if s.st.lines != c.lines || s.st.accessLines != c.accessLines {
			t.Errorf("%s: %d lines, %d access lines; want %d and %d", c.name, s.st.lines, s.st.accessLines, c.lines, c.accessLines)
		}
	}
}
