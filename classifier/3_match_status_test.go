package classifier

import (
	"regexp"
	"strings"
	"testing"
)

// TestStatusWhereClientsPrintIt covers the ways client output shows the
// status that the corpus taught: each report is a few lines as people
// paste them, and the status is what the diagnosis must carry.
func TestStatusWhereClientsPrintIt(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"curl -w http_code", "$ curl -s -o /dev/null -w '%{http_code}\\n' https://x.execute-api.us-east-1.amazonaws.com/prod/a\n502", "502"},
		{"bare code without curl -w", "$ curl https://x.execute-api.us-east-1.amazonaws.com/prod/a\n502", "unknown"},
		{"browser reason in parentheses", "GET https://x.execute-api.us-east-1.amazonaws.com/prod/a 503 (Service Unavailable)", "503"},
		{"the code in parentheses after the body", "Returns {\"message\": \"Internal server error\"} (502)", "502"},
		{"reason after the code", "the job log says: 504 Server Error: Gateway Timeout for url: https://x/prod", "504"},
		{"go sdk", "operation error Lambda: Invoke, https response error StatusCode: 502, RequestID: 1, api error", "502"},
		{"pretty-printed access record", "{\n    \"requestId\": \"abc\",\n    \"status\": \"504\",\n    \"routeKey\": \"GET /a\"\n}", "504"},
		{"korean reason phrase", "API를 호출하면 게이트웨이 시간 초과가 발생합니다", "504"},
		// the console's method test copied, each label over its value (the
		// developer guide's "Use the API Gateway console to test a REST API
		// method": Request, Status, Latency (ms), Response body; ステータス,
		// 状态, 狀態, 상태 in its editions)
		{"console test copied", "Request\n/items\nStatus\n502\nLatency (ms)\n29123\nResponse body\n{\"message\": \"Internal server error\"}", "502"},
		{"console test copied, a 403", "Request\n/items\nLatency (ms)\n312\nStatus\n403\nResponse body\n{\"message\":\"Forbidden\"}", "none"},
		{"console test copied, ja", "リクエスト\n/items\nステータス\n504\nレイテンシー (ミリ秒)\n29015", "504"},
		{"console test copied, zh-CN", "状态\n502", "502"},
		{"console test copied, ko", "상태\n502", "502"},
		// a REPL's value of a response's status on the line after the
		// expression: the requests quickstart's ">>> r.status_code", IPython's
		// "Out[3]:", Node.js's REPL, and a print of it
		{"python repl", ">>> r = requests.get('https://x.execute-api.us-east-1.amazonaws.com/prod/a')\n>>> r.status_code\n502", "502"},
		{"python repl, a 403", ">>> r.status_code\n403", "none"},
		{"ipython", "In [3]: r.status_code\nOut[3]: 504", "504"},
		{"node repl", "> res.statusCode\n502", "502"},
		{"printed", "print(resp.status_code)\n503", "503"},
		{"logged", "console.log(response.status);\n502", "502"},
		// a statement that reads a status is code, and the number after it no value of it
		{"a return", "    return r.status_code\n502", "unknown"},
		{"a condition", "if r.status_code\n502", "unknown"},
		// a bare code after another line is no status
		{"bare code after a sentence", "Status\nThe request failed and we saw\n502", "unknown"},
		{"bare code after a label that is no status's", "Latency (ms)\n504", "unknown"},
		// "Internal server error" as people shorten it, after a verb of
		// getting it: some 5xx (REST's usual 500 when no cause is named);
		// the words alone are a service's or a function's own message
		{"a person gets an internal error", "When calling sendMessage I get an internal error.", "500"},
		{"a URL produces one", "Deployment succeeds, however invocation of the API Gateway URL produces an Internal Error.", "500"},
		{"calls fail with one", "All methods that are MockIntegrations will fail with an Internal Error message.", "500"},
		{"a service's own message", "We encountered an internal error. Please try again.", "unknown"},
		{"a function's failure", "The handler hit an internal error while parsing the body.", "unknown"},
	}
	checkStatuses(t, cases)
}

// TestNoAllClearWhenA5xxShows: a 4xx and a 5xx in one report are two
// requests, or one that failed later; either way the report is not an
// all-clear.
func TestNoAllClearWhenA5xxShows(t *testing.T) {
	in := "HTTP/1.1 403 Forbidden\n{\"message\":\"Missing Authentication Token\"}\n" +
		"(11111111-2222-3333-4444-555555555555) Method completed with status: 200\n" +
		"after fixing the path the deployed stage answers 502 Bad Gateway"
	d := diagnoseWith(t, Hints{}, in)
	if d.Status != Status502 || d.Confidence >= 0.8 {
		t.Errorf("got %s/%s (%.2f), want 502 below 0.8", d.Status, d.Cause, d.Confidence)
	}
	// the why of a 5xx is not the all-clear's it replaced
	d = diagnoseWith(t, Hints{}, "HTTP/1.1 403 Forbidden\n<Response [502]>")
	if d.Status != Status502 || strings.Contains(d.Why, "No request ended in 5xx") || !strings.Contains(d.Why, "403 Forbidden") {
		t.Errorf("got %s, why %q: want 502, the 403 quoted as no explanation", d.Status, d.Why)
	}
}

// TestNoContextHidesA5xx: a 5xx a client, a gateway body or a person shows
// stays the answer's status whatever other evidence comes before or after
// it: another request's 200 status line (the answer below 500 is then no
// all-clear, and the 5xx no "nothing to diagnose"), a 4xx, the function's
// log, a CORS refusal, or a function's trace in the next code block.
func TestNoContextHidesA5xx(t *testing.T) {
	shown := []string{
		"error: Unexpected server response: 502",
		"GET https://abc123.execute-api.us-east-1.amazonaws.com/prod/b 502 (Bad Gateway)",
		"< HTTP/2 504",
		"HTTP/1.1 503 Service Unavailable",
		"AxiosError: Request failed with status code 500",
		"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://abc123.execute-api.us-east-1.amazonaws.com/prod/b",
		"Failed to load resource: the server responded with a status of 502 ()",
		`{"message": "Internal server error"}`,
		`{"message":"Endpoint request timed out"}`,
		"we get a 502 Bad Gateway from the API",
		"API Gatewayから502エラーが返ってきます",
		"Status Code: 504 Gateway Timeout",
	}
	trace := "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 3, in handler\n    raise ValueError(\"x\")\nValueError: x"
	context := []string{
		"HTTP/1.1 200 OK",
		"< HTTP/2 200\n< content-type: application/json\n<\n{\"ok\":true}",
		"HTTP/1.1 200 Connection established",
		"GET https://abc123.execute-api.us-east-1.amazonaws.com/prod/a 200 (OK)",
		"HTTP/1.1 403 Forbidden\n{\"message\":\"Missing Authentication Token\"}",
		"(11111111-2222-3333-4444-555555555555) Method completed with status: 200",
		"START RequestId: 8f5e2c1a-1111-2222-3333-444455556666 Version: $LATEST\nEND RequestId: 8f5e2c1a-1111-2222-3333-444455556666",
		"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/a' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
		`{"requestId":"abc","status":"200","routeKey":"GET /a"}`,
		"```\n```\n" + trace,
		"\n" + trace,
	}
	for _, c := range context {
		for _, f := range shown {
			for _, in := range []string{c + "\n" + f, f + "\n" + c} {
				s := readText(t, []byte(in))
				if d := s.Diagnose(LangEN); !d.Status.Is5xx() || !s.SawEvidence() {
					t.Errorf("%q: got %s/%s (evidence seen: %v), want a 5xx", in, d.Status, d.Cause, s.SawEvidence())
				}
			}
		}
	}
}

// TestCausesFromBodiesAndLayers covers the gateway's and frameworks' own
// bodies and the layer a logger's level word marks.
func TestCausesFromBodiesAndLayers(t *testing.T) {
	cases := []struct{ name, in, status, cause string }{
		{"authorizer failure body", "HTTP/1.1 500 Internal Server Error\n{\"message\":null}", "500", "authorizer_error"},
		{"chalice's own 500", `{"Code":"InternalServerError","Message":"An internal server error occurred."}`, "500", "lambda_function_error"},
		{"level word in the function's log", "{\"message\":\"Internal Server Error\"}\nERROR Failed to parse event: missing field `body`", "500", "lambda_function_error"},
		{"level word with a status is a client's", "ERROR request failed: HTTP error: 503 Service Unavailable", "503", "integration_timeout"},
		{"throttling in the function's log", "ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded.", "unknown", "backend_throttled"},
		{"usage-plan throttling header", "x-amzn-ErrorType: LimitExceededException", "none", "not_5xx"},
		{"the gateway's own 429", "HTTP/1.1 429\nx-amzn-ErrorType: TooManyRequestsException", "none", "not_5xx"},
		{"go binary the handler names is missing", "2024-01-01T00:00:00.000Z 6bc28136-1a2b-4365-b021-0ce6b2e64ab0 fork/exec /var/task/main: no such file or directory", "unknown", "lambda_handler_misconfigured"},
		{"execution log's SSLEngine", "Execution failed due to configuration error: General SSLEngine problem", "500", "backend_tls_error"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := diagnoseWith(t, Hints{}, c.in)
			if d.Status.String() != c.status || d.Cause.String() != c.cause {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.status, c.cause, d.Why)
			}
		})
	}
}

// TestStatusAsClientLibrariesPrintIt covers the documented wordings of the
// HTTP and WebSocket client libraries for a status they received. The AWS
// SDKs' response metadata (httpStatusCode, HTTPStatusCode) is left out on
// purpose: it is the status of an AWS call, most often one the function
// made behind the gateway.
func TestStatusAsClientLibrariesPrintIt(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"python requests", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://x.execute-api.us-east-1.amazonaws.com/prod/a", "502"},
		{"python urllib", "urllib.error.HTTPError: HTTP Error 504: Gateway Timeout", "504"},
		{"axios", "AxiosError: Request failed with status code 504", "504"},
		{"chrome console", "Failed to load resource: the server responded with a status of 502 ()", "502"},
		{"java urlconnection", "java.io.IOException: Server returned HTTP response code: 502 for URL: https://x.execute-api.us-east-1.amazonaws.com/prod/a", "502"},
		{"dotnet httpclient", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).", "503"},
		{"spring webclient", "org.springframework.web.reactive.function.client.WebClientResponseException$GatewayTimeout: 504 Gateway Timeout from GET https://x.execute-api.us-east-1.amazonaws.com/prod/a", "504"},
		{"spring resttemplate", "org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway: [no body]", "502"},
		{"node got", "HTTPError: Response code 502 (Bad Gateway)", "502"},
		{"curl -f", "curl: (22) The requested URL returned error: 502", "502"},
		{"browser websocket", "WebSocket connection to 'wss://x.execute-api.us-east-1.amazonaws.com/prod' failed: Error during WebSocket handshake: Unexpected response code: 500", "500"},
		// Chromium's net/websockets words a handshake answered 401 without its code
		{"browser websocket 401", "WebSocket connection to 'wss://x.execute-api.us-east-1.amazonaws.com/prod?token=x' failed: HTTP Authentication failed; no valid credentials available", "none"},
		{"browser websocket, no reason", "WebSocket connection to 'wss://x.execute-api.us-east-1.amazonaws.com/prod' failed: ", "unknown"},
		// `aws apigateway test-invoke-authorizer` (the TestInvokeAuthorizer
		// API): clientStatus is the status the client would have got, 0
		// when the authorizer allowed the request
		{"authorizer test refused", "{\n    \"clientStatus\": 401,\n    \"log\": \"Execution log for request test-request\",\n    \"latency\": 12\n}", "none"},
		{"authorizer test, one line", `{"clientStatus":403,"log":"","latency":0,"principalId":"user","policy":"{}"}`, "none"},
		{"authorizer test failed", "{\n    \"clientStatus\": 500,\n    \"log\": \"Execution log for request test-request\",\n    \"latency\": 12\n}", "500"},
		{"authorizer test allowed", "{\n    \"clientStatus\": 0,\n    \"latency\": 12,\n    \"principalId\": \"user\"\n}", "unknown"},
		// the generated client's exception in the function's own log is its own call's
		{"generated client in the function's log", "2024-01-01T00:00:00.000Z\tfd443056-60d0-425f-874e-e93e5d61351e\tERROR\tcom.amazonaws.mobileconnectors.apigateway.ApiClientException: {\"message\":\"Forbidden\"} (Service: PartnerClient; Status Code: 403; Error Code: null; Request ID: null)", "unknown"},
		// a WebSocket dial refused in the function's own log is its own call's
		{"go websocket dial in the function's log", "2024-01-01T00:00:00.000Z\tfd443056-60d0-425f-874e-e93e5d61351e\tERROR\tfailed to WebSocket dial: expected handshake response status code 101 but got 403", "unknown"},
		{"python websockets", "websockets.exceptions.InvalidStatusCode: server rejected WebSocket connection: HTTP 502", "502"},
		{"aws sdk java v2", "software.amazon.awssdk.services.apigateway.model.ApiGatewayException: Internal server error (Service: ApiGateway, Status Code: 502, Request ID: abc)", "502"},
		{"postman", "Status: 502 Bad Gateway Time: 29.1 s Size: 300 B", "502"},
		{"k6", "request failed: status=504", "504"},
		{"rust reqwest", "HTTP status server error (502 Bad Gateway) for url (https://x/prod/a)", "502"},
		{"sdk error type after the code", "I get a \"410 GoneException\" error when I post a message to the connection.", "none"},
		{"sdk throttling type after the code", "the client logs 429 TooManyRequestsException on every retry", "none"},
		// the same library inside the function's own log is the function's
		// dependency failing, which shows nothing of what the client got
		{"requests in the function's log", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\t[ERROR]\trequests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://partner.example.com/v1/a", "unknown"},
	}
	checkStatuses(t, cases)
}

// statusCase is one input and the status the diagnosis must give.
type statusCase = struct{ name, in, want string }

// checkStatuses diagnoses each case's input alone and compares its status.
func checkStatuses(t *testing.T, cases []statusCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := diagnoseWith(t, Hints{}, c.in).Status.String(); got != c.want {
				t.Errorf("status %s, want %s", got, c.want)
			}
		})
	}
}

// TestStatusPatternsHoldACode keeps statusShown's shortcut sound: a line
// without three digits in a row skips every pattern (the test runners' and
// the prose forms too; JMeter's diff-marked code is read apart), so each
// pattern must need a code to match.
func TestStatusPatternsHoldACode(t *testing.T) {
	var all []*regexp.Regexp
	for _, g := range append(append([]*guardedRegexp{}, statusPhrases...), sdkResponseError...) {
		all = append(all, g.Regexp)
	}
	for _, f := range append(append(append([]litForm{}, harnessForms...), proseForms...), clientErrorForms...) {
		all = append(all, f.re)
	}
	for _, re := range all {
		src := re.String()
		if !strings.Contains(src, `([1-5]\d\d)`) && !strings.Contains(src, `([45]\d\d)`) && !strings.Contains(src, `(4\d\d)`) && !strings.Contains(src, `(50\d)`) {
			t.Errorf("pattern %s has no three-digit code group", src)
		}
	}
}

// TestCodesThatAreNotTheClients: a code in a context that is another
// party's (a proxy response the function built, an AWS call the function
// made) shows nothing, and cutting the context out must not leave a word
// that makes the code look like the client's ("httpStatusCode: 403" less
// "statuscode:" read "http 403", a 4xx, and so an all-clear). The SDK
// forms that are the client's stay.
func TestCodesThatAreNotTheClients(t *testing.T) {
	checkStatusShown(t, []shownRow{
		// the AWS SDK for JavaScript v3 prints an error's $metadata so
		{"      httpStatusCode: 403,", 0},
		{"  '$metadata': { httpStatusCode: 403, requestId: 'ABCD', attempts: 1 }", 0},
		{`{"statusCode": 403 , "body": "denied"}`, 0},
		{"statusCode: 400 error from the handler", 0},
		{"operation error Lambda: Invoke, https response error StatusCode: 502, RequestID: 1", 502},
		{"StatusCode: 504, ReasonPhrase: 'Gateway Timeout', Version: 1.1", 504},
	})
	in := "2024-05-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tAccessDeniedException: not authorized to perform: dynamodb:PutItem\n" +
		"    '$metadata': {\n      httpStatusCode: 403,\n      requestId: 'ABCD',\n      attempts: 1\n    }"
	if d := diagnoseWith(t, Hints{}, in); d.Status == StatusNone {
		t.Errorf("a function's own AWS call refused with 403 answered none/%s: %s", d.Cause, d.Why)
	}
}

// firstShown stops at the first settled 5xx; that is only sound while
// mergeImplied keeps such a code whatever is merged into it after, so
// every combination of codes must give what merging them all gives.
func TestFirstShownIsTheMergeOfAll(t *testing.T) {
	codes := []int{0, implied5xx, 200, 403, 404, 500, 502, 504}
	reader := func(code int) func([]byte) int { return func([]byte) int { return code } }
	for _, best := range codes {
		for _, a := range codes {
			for _, b := range codes {
				for _, c := range codes {
					want := mergeImplied(best, mergeImplied(a, mergeImplied(b, c)))
					if got := firstShown(best, nil, reader(a), reader(b), reader(c)); got != want {
						t.Errorf("firstShown(%d; %d, %d, %d) = %d, merging all gives %d", best, a, b, c, got, want)
					}
				}
			}
		}
	}
}
