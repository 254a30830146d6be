package classifier

import (
	"encoding/json"
	"strings"
	"testing"
)

// A client library's words inside a stack trace, or on the exception line
// directly before or after its frames, are what the function's own call to
// a dependency got: the function failed, and no status of the API's client
// shows. Each runtime's trace is written as it prints it, pasted without
// the Lambda runtime's columns.
func TestClientWordsInARuntimesTrace(t *testing.T) {
	fn, unknown := "lambda_function_error", "unknown"
	checkWordings(t, []wording{
		// Throwable.printStackTrace: the exception, then "\tat" frames,
		// "Caused by:" and "\t... n more"
		{"java retrofit (function's)", "retrofit2.HttpException: HTTP 503 \n" +
			"\tat retrofit2.KotlinExtensions$await$2$2.onResponse(KotlinExtensions.kt:53)\n" +
			"\tat retrofit2.OkHttpCall$1.onResponse(OkHttpCall.java:161)\n" +
			"\tat com.example.orders.OrdersHandler.handleRequest(OrdersHandler.java:42)", fn, unknown},
		{"java spring (function's)", "org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway: [no body]\n" +
			"\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:100)\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:31)", fn, unknown},
		{"java caused by feign (function's)", "java.lang.RuntimeException: partner call failed\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:40)\n" +
			"Caused by: feign.FeignException$ServiceUnavailable: [503 Service Unavailable] during [GET] to [https://partner.example.com/v1/a] [PartnerClient#get()]: []\n" +
			"\tat feign.FeignException.serverErrorStatus(FeignException.java:256)\n" +
			"\t... 12 more", fn, unknown},
		// traceback.print_exception: header, "  File" frames with their
		// source lines (3.11 adds carets), the exception line last
		{"python requests (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 14, in lambda_handler\n" +
			"    resp.raise_for_status()\n" +
			"  File \"/var/task/requests/models.py\", line 1021, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://partner.example.com/v1/orders", fn, unknown},
		{"python requests by short name (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 14, in lambda_handler\n" +
			"    resp.raise_for_status()\n" +
			"HTTPError: 502 Server Error: Bad Gateway for url: https://partner.example.com/v1/orders", fn, unknown},
		{"python httpx with carets (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 9, in lambda_handler\n" +
			"    r = httpx.get(URL).raise_for_status()\n" +
			"        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
			"  File \"/var/lang/lib/python3.12/site-packages/httpx/_models.py\", line 829, in raise_for_status\n" +
			"    raise HTTPStatusError(message, request=request, response=self)\n" +
			"httpx.HTTPStatusError: Server error '503 Service Unavailable' for url 'https://partner.example.com/v1/a'", fn, unknown},
		{"python urllib3 retries (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/urllib3/connectionpool.py\", line 948, in urlopen\n" +
			"    retries = retries.increment(method, url, response=response, _pool=self)\n" +
			"urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='partner.example.com', port=443): Max retries exceeded with url: /v1/a (Caused by ResponseError('too many 502 error responses'))", fn, unknown},
		// Node.js's Error.stack ("    at" frames) and util.inspect of the
		// error's own properties after them
		{"node axios (function's)", "AxiosError: Request failed with status code 502\n" +
			"    at settle (/var/task/node_modules/axios/dist/node/axios.cjs:1966:12)\n" +
			"    at IncomingMessage.handleStreamEnd (/var/task/node_modules/axios/dist/node/axios.cjs:3065:11)\n" +
			"    at IncomingMessage.emit (node:events:529:35)\n" +
			"    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {\n" +
			"  code: 'ERR_BAD_RESPONSE',\n" +
			"  response: {\n" +
			"    status: 502,\n" +
			"    statusText: 'Bad Gateway',\n" +
			"    data: { message: 'Internal server error' }\n" +
			"  }\n" +
			"}", fn, unknown},
		{"node got (function's)", "HTTPError: Response code 504 (Gateway Timeout)\n" +
			"    at Request.<anonymous> (/var/task/node_modules/got/dist/source/as-promise/index.js:118:42)\n" +
			"    at Object.<anonymous> (/var/task/index.js:3:9)", fn, unknown},
		// V8 names a method called through another name "[as name]": the
		// socket's failure to connect is the function's own dependency
		{"node connection refused (function's)", "Error: connect ECONNREFUSED 10.0.3.17:5432\n" +
			"    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n" +
			"  errno: -111,\n" +
			"  code: 'ECONNREFUSED',\n" +
			"  syscall: 'connect'\n" +
			"}\n" +
			"{\"message\": \"Internal server error\"}", fn, "502"},
		{"node handler alias (function's)", "HTTPError: Response code 503 (Service Unavailable)\n" +
			"    at Runtime.exports.handler [as handler] (/var/task/index.js:10:3)", fn, unknown},
		// Exception.ToString: "   at" frames, " in <file>:line n" with symbols
		{"dotnet httpclient (function's)", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).\n" +
			"   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n" +
			"   at Orders.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context) in /src/Orders/Function.cs:line 42", fn, unknown},
		{"dotnet inner exception (function's)", "System.AggregateException: One or more errors occurred.\n" +
			" ---> Flurl.Http.FlurlHttpException: Call failed with status code 504 (Gateway Timeout): GET https://partner.example.com/v1/a\n" +
			"   at Flurl.Http.FlurlClient.HandleExceptionAsync(FlurlCall call, Exception ex, CancellationToken token)\n" +
			"   --- End of inner exception stack trace ---", fn, unknown},
		// the same trace between the platform's START and END lines
		{"node axios in an invocation (function's)", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			"AxiosError: Request failed with status code 503\n" +
			"    at settle (/var/task/node_modules/axios/lib/core/settle.js:19:12)\n" +
			"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", fn, unknown},
		// the Go runtime's panic: the value, a blank line, then each goroutine
		{"go websocket dial (function's)", "panic: failed to WebSocket dial: expected handshake response status code 101 but got 502\n\n" +
			"goroutine 1 [running]:\n" +
			"main.notify({0x4f2a10, 0xc000012345})\n" +
			"\t/src/cmd/notify/main.go:27 +0x1d4\n" +
			"main.main()\n" +
			"\t/src/cmd/notify/main.go:12 +0x25", fn, unknown},
		// Ruby's uncaught exception: the top frame holds the message and
		// the class, "\tfrom" frames follow
		{"ruby net/http (function's)", "/var/task/function.rb:12:in `lambda_handler': 502 \"Bad Gateway\" (Net::HTTPFatalError)\n" +
			"\tfrom /var/lang/lib/ruby/3.3.0/net/http/response.rb:171:in `error!'\n" +
			"\tfrom /var/task/function.rb:12:in `lambda_handler'", fn, unknown},
		{"ruby faraday (function's)", "/var/task/vendor/bundle/ruby/3.3.0/gems/faraday-2.9.0/lib/faraday/response/raise_error.rb:42:in 'on_complete': the server responded with status 503 (Faraday::ServerError)\n" +
			"\tfrom /var/task/app.rb:8:in 'handler'", fn, unknown},
	})
}

// The same words without frames are a client's output (a test script, a
// console), and so is what follows or precedes a trace past a blank line
// or a person's sentence; a browser console's trace runs in the browser,
// the API's client.
func TestClientWordsBesideARuntimesTrace(t *testing.T) {
	checkWordings(t, []wording{
		{"requests alone (client's)", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
		{"retrofit alone (client's)", "retrofit2.HttpException: HTTP 503 ", "integration_timeout", "503"},
		// IPython and Jupyter print an exception by its short name
		{"requests by short name (client's)", "HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
		{"urllib by short name (client's)", "HTTPError: HTTP Error 504: Gateway Timeout", "integration_timeout", "504"},
		{"a script's output then a sentence (client's)", "requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout for url: " + apiURL + "\n" +
			"This happens on every call after a minute.", "integration_timeout", "504"},
		{"curl, a blank line, the function's trace", "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}\n\n" +
			"java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:18)", "lambda_function_error", "502"},
		{"a person after the frames", "java.lang.IllegalStateException: no orders table\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:18)\n" +
			"Calling the API from Postman I get 502 Bad Gateway every time.", "lambda_function_error", "502"},
		{"a script's output, a blank line, a go trace", "aiohttp.client_exceptions.ClientResponseError: 504, message='Gateway Timeout', url=URL('" + apiURL + "')\n\n" +
			"goroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x25", "lambda_function_error", "504"},
		// the JVM, .NET and Node.js print the exception before the frames,
		// and chain the next with "Caused by: ": a client's line right under
		// the last frame is the client's, not the trace's
		{"curl right under the frames", "java.lang.IllegalStateException: no orders table\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:18)\n" +
			"HTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
		{"a gateway body right under the frames", "java.lang.IllegalStateException: no orders table\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:18)\n" +
			"{\"message\": \"Internal server error\"}", "lambda_function_error", "502"},
		{"wscat right under node's frames", "TypeError: Cannot read properties of undefined (reading 'id')\n" +
			"    at Runtime.handler (/var/task/index.js:12:20)\n" +
			"error: Unexpected server response: 502", "lambda_function_error", "502"},
		// Chrome's console: the source-mapped files of the page's bundle
		{"browser console axios (client's)", "AxiosError: Request failed with status code 502\n" +
			"    at settle (settle.js:19:12)\n" +
			"    at XMLHttpRequest.onloadend (xhr.js:55:7)", "unknown", "502"},
		{"browser console bundle (client's)", "AxiosError: Request failed with status code 504\n" +
			"    at settle (https://app.example.com/static/js/main.3f2a1b.js:2:88123)", "integration_timeout", "504"},
	})
}

// Java's Lambda runtime writes each line a function prints to stdout or
// stderr as an event of its own (e.printStackTrace() without the runtime's
// LambdaLogger or its log4j2 appender): the exception line heads a trace
// whose frames come as the next events, so its client library's words are
// the function's call failing, as in one multi-line event.
func TestTraceOneLinePerEvent(t *testing.T) {
	trace := []string{
		"START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST",
		"retrofit2.HttpException: HTTP 503 ",
		"\tat retrofit2.KotlinExtensions$await$2$2.onResponse(KotlinExtensions.kt:53)",
		"\tat com.example.orders.OrdersHandler.handleRequest(OrdersHandler.java:42)",
		"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11",
	}
	for _, each := range []bool{false, true} {
		s := NewSession(Hints{})
		if each {
			for _, l := range trace {
				s.AddEvent(LogEvent{Group: "/aws/lambda/orders", Message: l})
			}
		} else {
			s.AddEvent(LogEvent{Group: "/aws/lambda/orders", Message: strings.Join(trace, "\n")})
		}
		d := s.Diagnose(LangEN)
		if d.Cause != CauseLambdaFunctionError || d.Status != StatusUnknown {
			t.Errorf("one event a line %v: got %s/%s, want unknown/lambda_function_error (%s)", each, d.Status, d.Cause, d.Why)
		}
	}
}

// A trace whose lines are rows of a Logs Insights JSON download, or JSON
// lines of CloudWatch events, reads as its lines do: the object around a
// message is no line of its own, so it neither moves the trace's window on
// nor decides a held line, and a row whose message is itself JSON (a
// function's structured log) counts as one line too.
func TestTraceAcrossExportRows(t *testing.T) {
	structured := `{"level":"INFO","message":"calling partner"}`
	traces := map[string][]string{
		"python": {structured, "Traceback (most recent call last):",
			"  File \"/var/task/app.py\", line 14, in lambda_handler", "    resp.raise_for_status()",
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://partner.example.com/v1/orders"},
		"java": {structured, "retrofit2.HttpException: HTTP 503 ",
			"\tat retrofit2.KotlinExtensions$await$2$2.onResponse(KotlinExtensions.kt:53)",
			"\tat com.example.orders.OrdersHandler.handleRequest(OrdersHandler.java:42)"},
	}
	for name, rows := range traces {
		var events strings.Builder
		for i, r := range rows {
			b, _ := json.Marshal(map[string]any{"timestamp": eventTime(i).UnixMilli(), "message": r})
			events.Write(append(b, '\n'))
		}
		for form, text := range map[string]string{
			"lines": strings.Join(rows, "\n"), "Insights JSON": string(insightsJSON([]byte(strings.Join(rows, "\n")))),
			"event JSON lines": events.String(),
		} {
			s := NewSession(Hints{})
			if _, err := s.ReadFrom(strings.NewReader(text)); err != nil {
				t.Fatal(err)
			}
			d := s.Diagnose(LangEN)
			if d.Cause != CauseLambdaFunctionError || d.Status != StatusUnknown || s.st.lines != int64(len(rows)) {
				t.Errorf("%s as %s: got %s/%s over %d lines, want unknown/lambda_function_error over %d (%s)",
					name, form, d.Status, d.Cause, s.st.lines, len(rows), d.Why)
			}
		}
	}
}

// TestRuntimeLineTraceJoinsItsInvocation: a runtime writes a request id on
// the first line of a message only, so the stack trace under it is the same
// invocation's, one failed request however many lines it takes.
func TestRuntimeLineTraceJoinsItsInvocation(t *testing.T) {
	const a, b = "3f1b2c4d-1111-4222-8333-944455556666", "7a2e9c10-2222-4333-8444-a55566667777"
	pyTrace := "Traceback (most recent call last):\n" +
		"  File \"/var/task/app.py\", line 10, in lambda_handler\n" +
		"    body = event[\"body\"]\n" +
		"KeyError: 'body'\n"
	for _, tc := range []struct {
		name, text     string
		requests, fail int
	}{
		// awslambdaric bootstrap.py, _setup_logging's text format:
		// "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s";
		// logger.exception puts the traceback in the message
		{"python logger.exception", "[ERROR]\t2024-05-01T10:00:00.123Z\t" + a + "\tKeyError: 'body'\n" + pyTrace, 1, 1},
		{"python logger.exception, a message of its own", "[ERROR]\t2024-05-01T10:00:00.123Z\t" + a + "\tcould not read the order\n" + pyTrace, 1, 1},
		// the same, pasted with its tabs as spaces
		{"python, pasted", "[ERROR] 2024-05-01T10:00:00.123Z " + a + " KeyError: 'body'\n" + pyTrace, 1, 1},
		// aws-lambda-nodejs-runtime-interface-client LogPatch.js:
		// "<time>\t<id>\t<LEVEL>\t<util.format of the arguments>", an
		// Error's stack on the lines after
		{"node console.error(err)", "2024-05-01T10:00:00.123Z\t" + a + "\tERROR\tTypeError: Cannot read properties of undefined (reading 'id')\n" +
			"    at Runtime.handler (/var/task/index.js:5:24)\n" +
			"    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)\n", 1, 1},
		// awslambdaric lambda_runtime_log_utils.py JsonFormatter and
		// bootstrap.py log_error with AWS_LAMBDA_LOG_FORMAT=JSON: the
		// trace is the record's stackTrace, on its one line
		{"python JSON logger.exception", `{"timestamp":"2024-05-01T10:00:00.123Z","level":"ERROR","message":"could not read the order","logger":"root","stackTrace":["  File \"/var/task/app.py\", line 10, in lambda_handler\n    body = event[\"body\"]\n"],"errorType":"KeyError","errorMessage":"'body'","requestId":"` + a + `","location":"/var/task/app.py:lambda_handler:10"}` + "\n", 1, 1},
		{"python JSON runtime's error", `{"timestamp":"2024-05-01T10:00:00Z","level":"ERROR","errorMessage":"'body'","errorType":"KeyError","requestId":"` + a + `","stackTrace":["  File \"/var/task/app.py\", line 10, in lambda_handler\n    body = event[\"body\"]\n"]}` + "\n", 1, 1},
		// two invocations' errors: each trace joins its own, not the other's
		{"two invocations", "[ERROR]\t2024-05-01T10:00:00.123Z\t" + a + "\tKeyError: 'body'\n" + pyTrace +
			"[ERROR]\t2024-05-01T10:00:01.456Z\t" + b + "\tKeyError: 'body'\n" + pyTrace, 2, 2},
	} {
		d := diagnoseText(t, tc.text)
		if d.Requests != tc.requests || d.Failed != tc.fail {
			t.Errorf("%s: %d seen, %d failed; want %d seen, %d failed", tc.name, d.Requests, d.Failed, tc.requests, tc.fail)
		}
		if d.Cause != CauseLambdaFunctionError {
			t.Errorf("%s: cause %s, want %s", tc.name, d.Cause, CauseLambdaFunctionError)
		}
	}
}
