package classifier

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// testInvokeOutput is `aws apigateway test-invoke-method` output as the AWS
// CLI prints it (its JSON, indented four spaces, fields in the order of the
// TestInvokeMethod response: status, body, headers, multiValueHeaders, log,
// latency), with body and log as given.
func testInvokeOutput(status int, body, log string) string {
	return "{\n    \"status\": " + strconv.Itoa(status) + ",\n    \"body\": " + strconv.Quote(body) +
		",\n    \"headers\": {\n        \"Content-Type\": \"application/json\",\n        \"X-Amzn-Trace-Id\": \"Root=1-65f02a55-3c0e1f2a4b5c6d7e8f901234;Sampled=0\"\n    },\n" +
		"    \"multiValueHeaders\": {\n        \"Content-Type\": [\n            \"application/json\"\n        ]\n    },\n" +
		"    \"log\": " + strconv.Quote(log) + ",\n    \"latency\": 48\n}\n"
}

// testInvokeLog is a test request's execution log as the log field holds
// it ("Execution log for request ...", then each line after its time),
// padded before its end with the request and endpoint lines a large body
// makes long, to n bytes or more.
func testInvokeLog(n int, last ...string) string {
	var b strings.Builder
	b.WriteString("Execution log for request 5c7e2a4b-1f3d-4c2e-9a8b-7d6e5f4a3b2c\n")
	b.WriteString("Tue Mar 12 10:15:01 UTC 2024 : Starting execution for request: 5c7e2a4b-1f3d-4c2e-9a8b-7d6e5f4a3b2c\n")
	for b.Len() < n {
		b.WriteString("Tue Mar 12 10:15:01 UTC 2024 : Method request body before transformations: {\"items\": [\"" + strings.Repeat("x", 900) + "\"]}\n")
	}
	for _, l := range last {
		b.WriteString("Tue Mar 12 10:15:02 UTC 2024 : " + l + "\n")
	}
	return b.String()
}

// The log field of test-invoke-method's output is one JSON string: its
// lines are read however long it is (a large request body makes it
// hundreds of kilobytes), as they stream, and its status still shows.
func TestTestInvokeLongLog(t *testing.T) {
	failed := []string{
		"Execution failed due to configuration error: Malformed Lambda proxy response",
		"Method completed with status: 502",
	}
	for _, size := range []int{1 << 10, 70 << 10} {
		in := testInvokeOutput(502, `{"message": "Internal server error"}`, testInvokeLog(size, failed...))
		d := diagnoseText(t, in)
		if d.Cause != CauseLambdaMalformedProxyResponse || d.Status != Status502 {
			t.Errorf("log of %d KiB: got %s/%s, want 502/lambda_malformed_proxy_response (%s)", size>>10, d.Status, d.Cause, d.Why)
		}
	}
	// a body longer than a line before the log: the object still closes
	big := testInvokeOutput(502, `{"message": "Internal server error", "pad": "`+strings.Repeat("p", 100<<10)+`"}`, testInvokeLog(1<<10, failed...))
	if d := diagnoseText(t, big); d.Cause != CauseLambdaMalformedProxyResponse || d.Status != Status502 {
		t.Errorf("long body: got %s/%s, want 502/lambda_malformed_proxy_response (%s)", d.Status, d.Cause, d.Why)
	}
	// the escapes JSON writes in a string: a quote, a backslash, a tab,
	// \u forms (a surrogate pair among them); the line after them is read
	esc := testInvokeOutput(500, `{"message": "Internal server error"}`,
		testInvokeLog(70<<10, `Endpoint response body before transformations: {"m": "a \"quoted\" \\ path\tand \u00e9 \U0001F600"}`,
			"Execution failed due to configuration error: Invalid permissions on Lambda function", "Method completed with status: 500"))
	if d := diagnoseText(t, esc); d.Cause != CauseLambdaInvokePermission || d.Status != Status500 {
		t.Errorf("escaped log: got %s/%s, want 500/lambda_invoke_permission (%s)", d.Status, d.Cause, d.Why)
	}
}

// TestTestInvokeLogStreams reads a test-invoke-method output whose log is
// far larger than any bound (32 MiB in one JSON string: a line of 24 MiB,
// as a body logged whole makes one, then lines of the execution log) and
// checks that the heap stays small: the log is read as it streams, never
// held, and the lines after the long one are read.
func TestTestInvokeLogStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 32 MiB")
	}
	full := testInvokeOutput(502, `{"message": "Internal server error"}`, "@@")
	head, tail, _ := strings.Cut(full, "@@")
	long := "Tue Mar 12 10:15:01 UTC 2024 : Method request body before transformations: "
	end := strconv.Quote("\nTue Mar 12 10:15:02 UTC 2024 : Execution failed due to configuration error: Malformed Lambda proxy response\nTue Mar 12 10:15:02 UTC 2024 : Method completed with status: 502\n")
	const total = 32 << 20 // whole 16-byte chunks
	r := io.MultiReader(strings.NewReader(head+long), &repeatReader{chunk: []byte(`{\"k\": \"xy\"} `), left: total}, strings.NewReader(end[1:len(end)-1]+tail))
	s := NewSession(Hints{})
	// The growth is measured, not the heap: the package's compiled rules
	// and what other tests left take 12 to 14 MiB that vary by build.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := s.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 8<<20 {
		t.Errorf("heap in use grew %d MiB while streaming a 32 MiB log, want < 8", grown>>20)
	}
	if d := s.Diagnose(LangEN); d.Cause != CauseLambdaMalformedProxyResponse || d.Status != Status502 {
		t.Errorf("got %s/%s, want 502/lambda_malformed_proxy_response (%s)", d.Status, d.Cause, d.Why)
	}
}
