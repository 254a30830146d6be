package classifier

import (
	"path/filepath"
	"strings"
	"testing"
)

// allClears are reports answered none, one row for each way the
// classifier reaches that answer, each as the table test of its form
// writes it (the test named in the comment): the evidence that the client
// got something other than a 5xx. (TestNoAllClearForAnyPairOfForms pairs
// one-line forms; these are whole reports of each path.)
var allClears = []wording{
	// the gateway's own word on the request: Method completed (the REST
	// execution log) and an access record's $context.status
	// (TestNoAllClearBesideOtherRequests, TestAccessLogPresets)
	{"execution log, Method completed 200", "(11111111-2222-3333-4444-555555555555) Method completed with status: 200", "not_5xx", "none"},
	{"access record, CLF 404", presetID + ` 203.0.113.1 - - [12/Mar/2024:10:15:01 +0000] "GET /items HTTP/1.1" 404 36`, "not_5xx", "none"},
	// a client's status line and the gateway's 4xx bodies
	// (TestDocumentedGatewayResponses)
	{"curl 401 and its body", "HTTP/1.1 401 Unauthorized\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
	{"curl 429", "HTTP/1.1 429 Too Many Requests\n{\"message\":\"Too Many Requests\"}", "not_5xx", "none"},
	{"MISSING_AUTHENTICATION_TOKEN body", `{"message":"Missing Authentication Token"}`, "not_5xx", "none"},
	{"EXPIRED_TOKEN error type", "x-amzn-ErrorType: ExpiredTokenException\n{\"message\":\"The security token included in the request is expired\"}", "not_5xx", "none"},
	// client libraries' errors for a 4xx and CloudFront's own page
	// (TestClientFormsJavaScript, TestClientFormsPython,
	// TestClientFormsJVMDotNetGo, TestClientFormsCloudFront)
	{"axios 403", "AxiosError: Request failed with status code 403", "not_5xx", "none"},
	{"requests 403", "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: " + apiURL, "not_5xx", "none"},
	{"okhttp 403", "java.io.IOException: Unexpected code Response{protocol=http/1.1, code=403, message=Forbidden, url=" + apiURL + "}", "not_5xx", "none"},
	{"cloudfront 403 page", "403 ERROR\nThe request could not be satisfied.\nBad request. We can't connect to the server for this app or website at this time.", "not_5xx", "none"},
	// a Lambda authorizer's documented denial, and the 401 the client got
	// (TestAuthorizerLogIsTheAuthorizers)
	{"authorizer denies, client got 401", "2024-05-01T10:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tINFO\t{\"type\":\"TOKEN\",\"authorizationToken\":\"deny\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/items\"}\n" +
		"2024-05-01T10:00:00.010Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\"}\n" +
		"HTTP/1.1 401 Unauthorized\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
	// a WebSocket connection the gateway ended without failing: the close
	// code a client got, and people's words for the idle timeout
	// (TestWebSocketCloseCodes, TestWebSocketLimitsInWords)
	{"wscat 1001", `Disconnected (code: 1001, reason: "Going away")`, "not_5xx", "none"},
	{"idle timeout in a person's words", "Our WebSocket clients get disconnected after 10 minutes idle.", "not_5xx", "none"},
	// a function's failure under a 2xx: the status a client got, and the
	// function's error object as the body a custom integration sends
	// (TestFunctionErrorObjectByWhereItWasPrinted)
	{"error object under curl's 200", "HTTP/1.1 200 OK\n" + errObject, "lambda_error_masked_as_200", "none"},
	{"error object as the console test's body", "Response Body\n" + errObjectPretty, "lambda_error_masked_as_200", "none"},
	{"person: 200 although the function fails", "Lambda 函数出错时 API Gateway 仍然返回 200。", "lambda_error_masked_as_200", "none"},
	// a person naming the 4xx they got, in the catalog's four languages
	// (TestNoAllClearForAnyPairOfForms's person, and the phrases of
	// TestShown5xxInOtherLanguages with a 4xx)
	{"person en", "I get a 403 Forbidden when I call the API.", "not_5xx", "none"},
	{"person ja", "APIを呼ぶと403エラーが返ってきます。", "not_5xx", "none"},
	{"person ko", "API를 호출하면 403 에러가 발생합니다.", "not_5xx", "none"},
	{"person zh", "调用接口返回403错误。", "not_5xx", "none"},
}

// serverErrorsShown are the ways a 5xx shows where the client's answer can
// show, one of each layer and of each language of a person's words: each
// must keep any report it joins from being answered none.
var serverErrorsShown = []struct{ name, text string }{
	{"curl -v status line", "< HTTP/1.1 502 Bad Gateway"},
	// the access log's $context.status, as a JSON record
	{"access record", `{"requestId":"7d4c2f1e-3b5a-4c6d-8e9f-0a1b2c3d4e5f","status":"504","integrationStatus":"-"}`},
	{"execution log", "Method completed with status: 500"},
	// the REST API's DEFAULT_5XX body (the developer guide's gateway
	// response types)
	{"gateway 5xx body", `{"message": "Internal server error"}`},
	// the gateway's own failures without a code: an authorizer's failure
	// (its body, and the error type of the 500), and the execution log's
	// configuration error (the Knowledge Center's 500 and 502 articles)
	{"authorizer failure body", `{"message": null}`},
	{"5xx error type", "x-amzn-ErrorType: AuthorizerConfigurationException"},
	{"execution failure", "Execution failed due to configuration error: Malformed Lambda proxy response"},
	{"wscat", "error: Unexpected server response: 502"},
	{"axios", "AxiosError: Request failed with status code 503"},
	{"person en", "I get a 502 when I call the API."},
	{"person ja", "APIを呼ぶと502エラーが返ってきます。"},
	{"person ko", "API를 호출하면 502 에러가 발생합니다."},
	{"person zh", "调用接口返回502错误。"},
}

// noneReports returns every report the tests expect none for: allClears,
// controlPlaneRefusals, the fixtures of testdata/cases that want none and
// the training reports of testdata/real labelled none, each with whether
// it must be answered none alone (a training report the classifier still
// misses is kept for the pairs, not for that check).
func noneReports(t *testing.T) (reports []wording, mustBeNone []bool) {
	t.Helper()
	add := func(rows []wording, must bool) {
		for _, r := range rows {
			if r.status == "none" {
				reports, mustBeNone = append(reports, r), append(mustBeNone, must)
			}
		}
	}
	add(allClears, true)
	add(controlPlaneRefusals, true)
	for _, side := range []struct {
		glob string
		must bool
	}{{"testdata/cases/*.log", true}, {"testdata/real/train/*.log", false}} {
		files, err := filepath.Glob(side.glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			want, body := readCase(t, f)
			if !side.must {
				_, _, _, body = realHeader(body)
			}
			add([]wording{{filepath.Base(f), string(body), want.cause, want.status}}, side.must)
		}
	}
	return reports, mustBeNone
}

// TestNoAllClearBesideA5xx: every report answered none, joined by any line
// that shows a 5xx (before it or after it), is no longer answered none; a
// 5xx shown anywhere beats every word that the answer was below 500.
func TestNoAllClearBesideA5xx(t *testing.T) {
	reports, mustBeNone := noneReports(t)
	if len(reports) < 100 {
		t.Fatalf("only %d reports answered none to pair", len(reports))
	}
	for i, r := range reports {
		alone := diagnoseText(t, r.text)
		if alone.Status != StatusNone {
			if mustBeNone[i] {
				t.Errorf("%s alone: got %s/%s, want none", r.name, alone.Status, alone.Cause)
			}
			continue
		}
		body := strings.TrimRight(r.text, "\n")
		for _, e := range serverErrorsShown {
			for _, in := range []string{e.text + "\n" + body, body + "\n" + e.text} {
				if d := diagnoseText(t, in); d.Status == StatusNone {
					t.Errorf("%s with %s: answered none/%s (%s)", r.name, e.name, d.Cause, d.Why)
					break
				}
			}
		}
	}
}

// TestNoAllClearOnAPersonsWordAgainstA5xx: when only a person's words say
// the answer was below 500, a 500 to 504 the same person names in words no
// status form reads keeps the answer from being none; a number that is a
// quantity, an issue's, a setting or a wish does not. A program's status
// line outweighs the person's number.
func TestNoAllClearOnAPersonsWordAgainstA5xx(t *testing.T) {
	const told = "We got a 403 Forbidden from the API at first."
	tests := []struct{ name, in, want string }{
		{"en, now a 502", told + " After fixing the policy, now a 502.", "unknown"},
		{"en, still 502", "The API returned 403 Forbidden yesterday; today it is still 502.", "unknown"},
		{"ja", "最初は403が返っていましたが、今は接口502。", "unknown"},
		{"zh", "一开始返回403，现在接口502", "unknown"},
		// (a timeout and its code is a status form of its own: the 504 is read)
		{"zh, a timeout", "调用接口返回403，后来504超时", "504"},
		{"ko", "처음에는 403이 반환되었는데 지금은 계속 502입니다.", "unknown"},
		// negatives: the number is no status
		{"a count", "The API returns 403 Forbidden when I send 500 requests per second.", "none"},
		{"a latency", "The API returns 403 Forbidden with a 500 ms latency.", "none"},
		{"a setting", "The API returns 403 Forbidden. The function timeout: 504 seconds.", "none"},
		{"an issue", "The API returns 403 Forbidden, see issue #502 for details.", "none"},
		{"a version", "The API returns 403 Forbidden, version 5.0.4 of the SDK.", "none"},
		{"a wish", "The API returns 403 Forbidden, though it should return 502.", "none"},
		{"a handler's code", "The API returns 403 Forbidden; my code does res.status(500) on errors.", "none"},
		// a program showed the 403: the person's number does not outweigh it
		{"curl's 403", "HTTP/1.1 403 Forbidden\nand now a 502", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := diagnoseText(t, tt.in); d.Status.String() != tt.want {
				t.Errorf("got %s/%s, want status %s (%s)", d.Status, d.Cause, tt.want, d.Why)
			}
		})
	}
}

// TestNamesServerCode covers the reading behind it, line by line.
func TestNamesServerCode(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"and now a 502.", true},
		{"still 502", true},
		{"occasional 503", true},
		{"接口502", true},
		{"504超时", true},
		{"(502)", true},
		{"sent 500 requests", false},
		{"a 500 ms delay", false},
		{"500mb of memory", false},
		{"10:15:01,502", false},
		{"v5.0.4", false},
		{"5020 ms", false},
		{"limit=500", false},
		{"timeout: 504", false},
		{`"statuscode": "500",`, false},
		{"status_code = '502'", false},
		{`the api says "502"`, true},
		{"issue #502", false},
		{"$500 a month", false},
		{"it should return 502", false},
		{"res.status(500)", false},
		{`"statuscode": 502`, false},
	}
	for _, tt := range tests {
		if got := namesServerCode([]byte(tt.line), nil); got != tt.want {
			t.Errorf("namesServerCode(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestNoAllClearAgainstTheMetrics: a stage whose metrics counted 5xx
// answers in the window (5XXError, 5xx; the collector's Hints.Errors5xx) is
// not answered none whatever its lines show below 500: the lines missed
// the failed requests, and which 5xx nor why is shown, so status and
// cause are unknown. The same lines without the metrics stay none.
func TestNoAllClearAgainstTheMetrics(t *testing.T) {
	for _, r := range allClears {
		t.Run(r.name, func(t *testing.T) {
			if d := diagnoseWith(t, Hints{Errors5xx: 3}, r.text); d.Status != StatusUnknown || d.Cause != CauseUnknown || d.Failed < 3 {
				t.Errorf("with 3 5xx counted: got %s/%s, %d failed (%s)", d.Status, d.Cause, d.Failed, d.Why)
			}
			if d := diagnoseWith(t, Hints{}, r.text); d.Status != StatusNone {
				t.Errorf("alone: got %s/%s, want none", d.Status, d.Cause)
			}
		})
	}
}

// TestNoneIsNoDefault: none is a code below 500 some line showed, never
// what no code, or a row of no request, falls back to.
func TestNoneIsNoDefault(t *testing.T) {
	for _, tt := range []struct {
		code int
		want Status
	}{{0, StatusUnknown}, {-1, StatusUnknown}, {404, StatusNone}, {200, StatusNone}, {implied5xx, Status500}, {502, Status502}} {
		if got := toStatus(tt.code); got != tt.want {
			t.Errorf("toStatus(%d) = %s, want %s", tt.code, got, tt.want)
		}
	}
	empty := &causeRow{statuses: map[Status]int{}}
	if got := empty.status(); got != StatusUnknown {
		t.Errorf("a row of no request: %s, want unknown", got)
	}
	shown := &causeRow{statuses: map[Status]int{StatusNone: 2, StatusUnknown: 1}}
	if got := shown.status(); got != StatusNone {
		t.Errorf("a row whose requests showed none: %s, want none", got)
	}
}
