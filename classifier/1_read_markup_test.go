package classifier

import "testing"

// TestStripLinePrefixes pins the layers the reader peels off a pasted line,
// and the look-alikes it must leave: what curl -v sent, the gateway's own
// body, a line that only looks like a CSV row.
func TestStripLinePrefixes(t *testing.T) {
	cases := []struct {
		name, in string
		ctx      pasteContext
		want     string
	}{
		{"quote of a list item", "> - (id) Method completed with status: 502", pasteContext{}, "(id) Method completed with status: 502"},
		{"quoted header-like line", "> Error: Runtime exited", pasteContext{}, "Error: Runtime exited"},
		{"curl request line", "> GET /prod/items HTTP/2", pasteContext{}, "> GET /prod/items HTTP/2"},
		{"curl header after it", "> Host: abc.execute-api.us-east-1.amazonaws.com", pasteContext{curl: true}, "> Host: abc.execute-api.us-east-1.amazonaws.com"},
		{"quoted curl request", "> > GET /prod HTTP/1.1", pasteContext{}, "> GET /prod HTTP/1.1"},
		{"wscat frame", `> {"action":"send"}`, pasteContext{wscat: true}, `> {"action":"send"}`},
		{"wscat frame, an array", `> ["a",1]`, pasteContext{wscat: true}, `> ["a",1]`},
		// where no wscat ran, "> {" and "> [" open a quoted record
		{"quoted object, no wscat", `> {"errorMessage":"handler is nil","errorType":"errorString"}`, pasteContext{}, `{"errorMessage":"handler is nil","errorType":"errorString"}`},
		{"quoted bracketed record, no wscat", "> [2024-03-12T10:15:01Z ERROR my_api::db] Connection refused", pasteContext{}, "[2024-03-12T10:15:01Z ERROR my_api::db] Connection refused"},
		{"quoted body", `> {"message":"Gateway timeout"}`, pasteContext{quoted: 1}, `{"message":"Gateway timeout"}`},
		{"quoted curl header", "> > Host: x", pasteContext{curl: true, quoted: 1}, "> Host: x"},
		{"code fence", "```json", pasteContext{}, ""},
		{"code span", "`Task timed out after 3.00 seconds`", pasteContext{}, "Task timed out after 3.00 seconds"},
		{"gutter", " 12 │ (id) Endpoint request timed out", pasteContext{}, "(id) Endpoint request timed out"},
		{"numbered list", "3. Execution failed due to a timeout error", pasteContext{}, "Execution failed due to a timeout error"},
		{"curl -w code", "502", pasteContext{}, "502"},
		{"tail of a runtime line", "2024-03-12T10:15:00.123000+00:00 2024/03/12/[$LATEST]5d4a5b0c3e2f4a1b9c8d7e6f5a4b3c2d 2024-03-12T10:15:00.120Z\t5d4a5b0c-3e2f-4a1b-9c8d-7e6f5a4b3c2d\tTask timed out",
			pasteContext{}, "5d4a5b0c-3e2f-4a1b-9c8d-7e6f5a4b3c2d\tTask timed out"},
		{"sam logs", "2024/03/12/[12]5d4a5b0c3e2f4a1b9c8d7e6f5a4b3c2d 2024-03-12T10:15:00.123000 END RequestId: x", pasteContext{}, "END RequestId: x"},
		{"serverless zone", "2024-03-12 10:15:00.123 (+00:00)\tabc\tINFO\thi", pasteContext{}, "abc\tINFO\thi"},
		{"python logging comma", "2024-03-12 10:15:00,123 ERROR failed, retrying", pasteContext{}, "ERROR failed, retrying"},
		{"insights CSV", `2024-03-12 10:15:00.000,"{""message"": ""Internal server error""}",8f14e45fceea167a5a36dedd4bea2543,123456789012:g`,
			pasteContext{}, `{"message": "Internal server error"}`},
		{"insights CSV, typographic quotes folded", `2024-03-12 10:15:00.000,"curl -sw "\n%{http_code}" -H "a: b" c,d",8f14e45fceea167a5a36dedd4bea2543,123456789012:g`,
			pasteContext{}, `curl -sw "\n%{http_code}" -H "a: b" c,d`},
		{"nested quoted body", `> > {"message":"Gateway timeout"}`, pasteContext{quoted: 2}, `{"message":"Gateway timeout"}`},
		{"CSV with every field quoted", `"2024-03-12 10:15:00.000","(id) Method completed with status: 502"`, pasteContext{}, "(id) Method completed with status: 502"},
		{"CSV of epoch milliseconds, quoted", `"1710238500040","(id) Method completed with status: 502"`, pasteContext{}, "(id) Method completed with status: 502"},
		{"insights CSV unquoted", "2024-03-12 10:15:00.000,502,8f14e45fceea167a5a36dedd4bea2543,123456789012:g", pasteContext{}, "502"},
		{"insights CSV unquoted, a code opening the message", "2024-03-12 10:15:00.000,502 errors are returned,8f14e45fceea167a5a36dedd4bea2543,123456789012:g", pasteContext{}, "502 errors are returned"},
		{"CSV field closing a Lambda event", `",2024/03/12/[$LATEST]5d4a,123456789012:/aws/lambda/fn`, pasteContext{}, ""},
		{"text output with tabs", "EVENTS\t37\t1710238500040\t8f14e45fceea167a5a36dedd4bea2543\t2024-03-12T10:15:00.120Z\tabc\tERROR\tboom\t1710238500000",
			pasteContext{}, "abc\tERROR\tboom"},
		{"event fragment", `"message": "(id) Execution failed due to configuration error: Invalid mapping expression specified: $input.params(\"id\")",`,
			pasteContext{eventField: true}, `(id) Execution failed due to configuration error: Invalid mapping expression specified: $input.params("id")`},
		{"another JSON's message", `"message": "(id) Method completed with status: 502",`, pasteContext{}, `"message": "(id) Method completed with status: 502",`},
		{"the gateway's body", `"message": "Forbidden"`, pasteContext{}, `"message": "Forbidden"`},
		// the CloudWatch console's log events table pasted as a table, without
		// a closing bar (a training report, sst-ion-822, holds one)
		{"console table row", "  | 2024-08-08T01:25:24.460Z | RequestId: 241e55a7-b81d-40b8-ae68-9d226336b2c7 Error: Runtime exited with error: exit status 2 Runtime.ExitError",
			pasteContext{}, "RequestId: 241e55a7-b81d-40b8-ae68-9d226336b2c7 Error: Runtime exited with error: exit status 2 Runtime.ExitError"},
		// Logs Insights results as a markdown table: @timestamp in Insights'
		// form, @message, then the default query's @logStream and @log
		{"insights markdown row", "| 2024-05-21 19:48:44.709 | (id) Method completed with status: 504 | 8f14e45fceea167a5a36dedd4bea2543 | 123456789012:g |",
			pasteContext{}, "(id) Method completed with status: 504"},
		{"insights markdown, @timestamp and @message", "| 2024-03-12 10:15:00.000 | (id) Endpoint request timed out |", pasteContext{}, "(id) Endpoint request timed out"},
		{"row number and epoch", "| 3 | 1710238500000 | Task timed out after 3.00 seconds |", pasteContext{}, "Task timed out after 3.00 seconds"},
		{"table row in a quote", "> | 2024-08-08T01:25:24.460Z | END RequestId: x", pasteContext{}, "END RequestId: x"},
		{"message with its own bars", "| 2024-03-12 10:15:00.000 | GET /items | 502 | 31ms | 8f14e45fceea167a5a36dedd4bea2543 |", pasteContext{}, "GET /items | 502 | 31ms"},
		{"people's own table", "| MemorySize (MB) | 200 OK | 502 Bad Gateway|", pasteContext{}, "| MemorySize (MB) | 200 OK | 502 Bad Gateway|"},
		// `chalice logs` (chalice/logs.py display_logs): str(datetime), the
		// stream's short id, the message
		{"chalice logs", "2024-03-12 10:15:00.123000 5d4a5b REPORT RequestId: x\tDuration: 3.1 ms", pasteContext{}, "REPORT RequestId: x\tDuration: 3.1 ms"},
		{"chalice logs, whole second", "2024-03-12 10:15:00 0c3e2f Task timed out after 3.00 seconds", pasteContext{}, "Task timed out after 3.00 seconds"},
		{"a hex word after a time", "2024-03-12 10:15:00.000 facade built", pasteContext{}, "facade built"},
		{"short hex after an ISO time", "2024-03-12T10:15:00.000Z 5d4a5b x", pasteContext{}, "5d4a5b x"},
		// `aws logs filter-log-events --output table` (awscli/table.py): the
		// event's fields in key order between "||" and "||"; get-log-events
		// has no eventId or stream; a single event is laid out a field a row
		{"CLI table row", "||  37790000000000000000000000000000000000000000000000000000  |  1710238500040  |  8f14e45fceea167a5a36dedd4bea2543  |  (id) Method completed with status: 502  |  1710238500000  ||",
			pasteContext{}, "(id) Method completed with status: 502"},
		// a message that quotes a bracketed "$" variable is no stream name
		// (serverless 7016: a WebSocket stage's access log format refused)
		{"CLI table row, a message with [$...]", "||  37790000000000000000000000000000000000000000000000000000  |  1710238500040  |  8f14e45fceea167a5a36dedd4bea2543  |  The following context variables are not supported: [$context.status]  |  1710238500000  ||",
			pasteContext{}, "The following context variables are not supported: [$context.status]"},
		{"CLI table row, get-log-events", "||  1710238500040  |  Task timed out after 3.00 seconds  |  1710238500000  ||", pasteContext{}, "Task timed out after 3.00 seconds"},
		{"CLI table, a Lambda message's newline", "||  37790000000000000000000000000000000000000000000000000001  |  1710238500040  |  2024/03/12/[$LATEST]5d4a5b0c3e2f4a1b9c8d7e6f5a4b3c2d  |  END RequestId: x",
			pasteContext{}, "END RequestId: x"},
		{"CLI table, the row's end after that newline", "  |  1710238500000  ||", pasteContext{}, ""},
		{"CLI table, one event", "||  message       |  (id) Endpoint request timed out  ||", pasteContext{}, "(id) Endpoint request timed out"},
		{"CLI table header", "||  eventId  |  ingestionTime  |  logStreamName  |  message  |  timestamp  ||", pasteContext{},
			"||  eventId  |  ingestionTime  |  logStreamName  |  message  |  timestamp  ||"},
		{"CLI table, another field of one event", "||  timestamp     |  1710238500000  ||", pasteContext{}, "||  timestamp     |  1710238500000  ||"},
		{"people's table of numbers", "|| 128 | 146 | 3454 ||", pasteContext{}, "|| 128 | 146 | 3454 ||"},
		// `aws logs get-query-results --output text` (awscli/text.py)
		{"query results text", "RESULTS\t@message\t(id) Execution failed due to a timeout error", pasteContext{}, "(id) Execution failed due to a timeout error"},
		{"query results text, its time", "RESULTS\t@timestamp\t2024-03-12 10:15:00.000", pasteContext{}, ""},
		{"query results text, its pointer", "RESULTS\t@ptr\tCmAKJwojMTIz", pasteContext{}, ""},
		{"query results text, a field of the query's", "RESULTS\tstatus\t502", pasteContext{}, "RESULTS\tstatus\t502"},
		{"query results text, a field like @message", "RESULTS\t@messageCount\t3", pasteContext{}, "RESULTS\t@messageCount\t3"},
		// a log line quoted in prose, as Knowledge Center articles quote the
		// execution log and the console's test log
		{"quoted line", `"Execution failed due to configuration error: General SSLEngine problem"`, pasteContext{}, "Execution failed due to configuration error: General SSLEngine problem"},
		{"quoted line and a full stop", `"Execution failed due to configuration error: Output mapping refers to an invalid method response: 2xx/4xx/5xx".`, pasteContext{},
			"Execution failed due to configuration error: Output mapping refers to an invalid method response: 2xx/4xx/5xx"},
		{"quoted console block opens", `"Thu May 04 19:50:21 UTC 2024 : Execution failed due to configuration error: Host name 'a.b' does not match`, pasteContext{},
			"Execution failed due to configuration error: Host name 'a.b' does not match"},
		{"quoted console block closes", `Thu May 04 19:50:21 UTC 2024 : Method completed with status: 500"`, pasteContext{}, `Method completed with status: 500"`},
		{"JSON string with quotes inside", `"errorMessage": "boom",`, pasteContext{}, `"errorMessage": "boom",`},
		{"opening quote of prose", `"Endpoint request timed out" is what we get`, pasteContext{}, `"Endpoint request timed out" is what we get`},
		{"table header", "| @timestamp | @message |", pasteContext{}, "| @timestamp | @message |"},
		{"time with no cell after it", "| 2024-03-12 10:15:00.000 Task timed out", pasteContext{}, "| 2024-03-12 10:15:00.000 Task timed out"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := stripLinePrefixes([]byte(c.in), c.ctx); string(got) != c.want {
				t.Errorf("stripLinePrefixes(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestFoldPresentation pins what a page, a word processor or a terminal put
// in place of the logged bytes.
func TestFoldPresentation(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain (id) line", "plain (id) line"},
		{"{\u201cmessage\u201d:\u00a0\u201cInternal server error\u201d}", `{"message": "Internal server error"}`},
		{"doesn\u2019t", "doesn't"},
		{"arn:aws:lambda:us-east-1:123:function:\u200bfn", "arn:aws:lambda:us-east-1:123:function:fn"},
		{"&quot;errorType&quot;: &#39;x&#x27; &lt;b&gt; &amp;amp; &nbsp;&unknown; a & b", `"errorType": 'x' <b> &amp;  &unknown; a & b`},
		{"\x1b[32m2024-03-12T10:15:00\x1b[0m msg", "2024-03-12T10:15:00 msg"},
		{"日本語 \xff", "日本語 \xff"},
	}
	for _, c := range cases {
		if got := string(foldPresentation([]byte(c.in))); got != c.want {
			t.Errorf("foldPresentation(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStripPrefixesAllocs pins that peeling a tool's or a table's cells off
// a line copies nothing: the reader runs it on every line.
func TestStripPrefixesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumentation may allocate")
	}
	for _, in := range []string{
		"  | 2024-08-08T01:25:24.460Z | RequestId: x Error: Runtime exited with error: exit status 2",
		"| 2024-05-21 19:48:44.709 | (id) Method completed with status: 504 | 8f14e45fceea167a5a36dedd4bea2543 | 123456789012:g |",
		"||  37790000000000000000000000000000000000000000000000000000  |  1710238500040  |  8f14e45fceea167a5a36dedd4bea2543  |  (id) x  |  1710238500000  ||",
		"EVENTS\t37\t1710238500040\t8f14e45fceea167a5a36dedd4bea2543\t2024-03-12T10:15:00.120Z\tabc\tERROR\tboom\t1710238500000",
		"RESULTS\t@message\t(id) Execution failed due to a timeout error",
		"2024-03-12 10:15:00.123000 5d4a5b REPORT RequestId: x",
		`"Execution failed due to configuration error: General SSLEngine problem".`,
	} {
		b := []byte(in)
		if n := testing.AllocsPerRun(100, func() { stripPrefixes(b) }); n != 0 {
			t.Errorf("stripPrefixes(%q): %v allocations", in, n)
		}
	}
}

// TestQuotedRecordOrWscatFrame: "> [...]" is a record someone quoted,
// unless wscat ran earlier in the paste, whose sent frames it prints so.
func TestQuotedRecordOrWscatFrame(t *testing.T) {
	record := "> [2024-03-12T10:15:01Z ERROR my_api::db] Connection refused (os error 111)"
	if d := readText(t, []byte(record)).Diagnose(LangEN); d.Cause != CauseLambdaFunctionError {
		t.Errorf("quoted record: got %s, want lambda_function_error", d.Cause)
	}
	for _, opening := range []string{
		"$ wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/dev",
		"Connected (press CTRL+C to quit)",
	} {
		s := readText(t, []byte(opening+"\n"+record))
		if d := s.Diagnose(LangEN); d.Cause != CauseUnknown {
			t.Errorf("after %q: got %s, want the frame wscat sent read as no cause", opening, d.Cause)
		}
	}
}
