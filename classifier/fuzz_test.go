package classifier

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedCorpus adds every fixture, whole and line by line, to a fuzz corpus.
func seedCorpus(f *testing.F, whole bool) {
	files, _ := filepath.Glob("testdata/cases/*.log")
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if whole {
			f.Add(raw)
			continue
		}
		for _, l := range strings.Split(string(raw), "\n") {
			f.Add([]byte(l))
		}
	}
}

// checkDiagnosis asserts what must hold for any input: a valid cause and
// status, the contract's caps, printable evidence, JSON that round-trips.
func checkDiagnosis(t *testing.T, d Diagnosis) {
	t.Helper()
	if d.Cause < 0 || d.Cause >= numCauses {
		t.Fatalf("cause out of range: %d", d.Cause)
	}
	if _, err := ParseStatus(d.Status.String()); err != nil {
		t.Fatal(err)
	}
	if len(d.Evidence) > maxEvidence || len(d.RequestIDs) > maxRequestIDs {
		t.Fatalf("evidence %d, ids %d", len(d.Evidence), len(d.RequestIDs))
	}
	for _, e := range d.Evidence {
		if len(e) > maxEvidenceBytes || !utf8.ValidString(e) || strings.ContainsAny(e, "\n\r\x00\x1b") {
			t.Fatalf("unsafe evidence line %q", e)
		}
	}
	if d.Confidence < 0 || d.Confidence > 1 {
		t.Fatalf("confidence %v", d.Confidence)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	if err := WriteText(&buf, d); err != nil {
		t.Fatal(err)
	}
}

func FuzzAddLine(f *testing.F) {
	seedCorpus(f, false)
	f.Fuzz(func(t *testing.T, line []byte) {
		s := NewSession(Hints{})
		s.AddLine(string(line))
		s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: string(line)})
		s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: string(line)})
		s.AddEvent(LogEvent{Group: "access", Message: string(line)})
		checkDiagnosis(t, s.Diagnose(LangEN))
	})
}

func FuzzReadFrom(f *testing.F) {
	seedCorpus(f, true)
	f.Add([]byte(`{"events":[{"message":"(a) Method completed with status: 502"}]}`))
	f.Add([]byte(`[[{"field":"@message","value":"x"}]]`))
	f.Add([]byte("> {\n>   \"status\": \"502\",\n>   \"requestId\": \"x\"\n> }\n{\n  \"open\": [\"never closed\"\n"))
	// binary after a line's first window, and test-invoke-method's log field
	f.Add([]byte(strings.Repeat("the body was ", 24) + "\xff\xfe\x00 433s \x9c\x01\xee\n"))
	f.Add([]byte("{\n    \"status\": 502,\n    \"body\": \"\",\n    \"log\": \"a\\nb \\u00e9\\ud83d\\ude00\\n\\\"\",\n    \"latency\": 4\n}\n"))
	// a Lambda proxy answer after its execution-log line, laid out, cut off
	f.Add([]byte("(a) Endpoint request body after transformations: {\"resource\":\"/\",\"httpMethod\":\"GET\"}\n(a) Endpoint response body before transformations:\n{\n  \"statusCode\": \"2\",\n  \"body\": {\"a\": [1, {\"b\": \"}\"}\n"))
	// table rows: the console's log events pasted as a table, an Insights
	// markdown export, a row cut after its time cell
	f.Add([]byte("  | 2024-08-08T01:25:24.460Z | RequestId: x Error: Runtime exited\n| @timestamp | @message |\n|---|---|\n| 2024-05-21 19:48:44.709 | (a) Method completed with status: 504 | 8f14e45fceea167a5a36dedd4bea2543 | 123456789012:g |\n| 1 | 1710238500000 |\n| 12 |\n|"))
	// log platforms' answers: a search API's hits, Datadog's events,
	// Splunk's export lines, each cut off
	f.Add([]byte(`{"took":3,"hits":{"hits":[{"_source":{"@message":"(a) Method completed with status: 502"}},{"_source":{"message":`))
	f.Add([]byte(`{"data":[{"attributes":{"message":"END RequestId: x"},"type":"log"},{"attributes":`))
	f.Add([]byte(`{"preview":false,"result":{"_raw":"(a) Method completed with status: 504"}}` + "\n" + `{"result":{"_raw":`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		checkDiagnosis(t, s.Diagnose(LangJA))
	})
}

func FuzzStripPrefixes(f *testing.F) {
	seedCorpus(f, false)
	f.Add([]byte("> - `&quot;message&quot;: \u201c(id) x\u201d,`"))
	f.Add([]byte("\x1b[32m2024-03-12T10:15:00.000000+00:00\x1b[0m 8f14e45fceea167a5a36dedd4bea2543 x"))
	f.Add([]byte(`2024-03-12 10:15:00.000,"a ""b"" c",8f14e45fceea167a5a36dedd4bea2543,123456789012:g`))
	f.Add([]byte(`"2024-03-12 10:15:00.000","(id) Method completed with status: 502"`))
	f.Add([]byte("2024-03-12 10:15:00.123000 5d4a5b START RequestId: x"))
	f.Add([]byte("2024-03-12 10:15:00 0c3e2f"))
	f.Add([]byte("||  37790000000000000000000000000000000000000000000000000001  |  1710238500040  |  8f14e45fceea167a5a36dedd4bea2543  |  x  |  1710238500000  ||"))
	f.Add([]byte("||  1710238500040  |"))
	f.Add([]byte("||  message  |"))
	f.Add([]byte("RESULTS\t@message\t"))
	f.Add([]byte("RESULTS\t@ptr"))
	f.Add([]byte("\"Thu May 04 19:50:21 UTC 2024 : x\n\"\".\n\"a\"b\""))
	f.Add([]byte(`2024-03-12T10:15:00.000Z {app="a \"b\"", k_1="\\"} x`))
	f.Add([]byte(`2024-03-12T10:15:00Z {app="a", `))
	f.Add([]byte("/aws/lambda/fn 2024/03/12/[$LATEST]5d4a5b0c3e2f4a1b9c8d7e6f5a4b3c2d 2024-03-12T10:15:00.000Z START RequestId: x"))
	f.Add([]byte("API-Gateway-Execution-Logs_ "))
	f.Fuzz(func(t *testing.T, line []byte) {
		folded := foldPresentation(line)
		if len(folded) > len(line) {
			t.Fatalf("folding grew: %q -> %q", line, folded)
		}
		out := stripPrefixes(folded)
		if len(out) > len(folded) {
			t.Fatalf("grew: %q -> %q", folded, out)
		}
		_, _, _ = execRequestID(out)
	})
}

func FuzzEscapeLine(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xff\x00\x1b[31mred\u2028"))
	f.Fuzz(func(t *testing.T, b []byte) {
		e := escapeLine(b)
		if !utf8.ValidString(e) || len(e) > maxEvidenceBytes || strings.ContainsAny(e, "\n\r\x00\x1b") {
			t.Fatalf("%q -> %q", b, e)
		}
	})
}
