package classifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// The lines of the tests below: an API type's mark, "some 5xx" as a client
// or a person shows it, and a cause's line.
const (
	markREST      = "MyApi:\n  Type: AWS::ApiGateway::RestApi"
	markHTTP      = "MyApi:\n  Type: AWS::Serverless::HttpApi"
	markWebSocket = "$ wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod"
	markQuoted    = `The logs say "Execution failed due to configuration error".`
	some5xxWords  = "the API answers internal server error on every call"
	some5xxREST   = `{"message": "Internal server error"}`
	some5xxHTTP   = `{"message":"Internal Server Error"}`
	lineFnError   = "2024-05-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\"}"
	lineTimeout   = "2024-05-01T10:00:30.000Z 0b59a014-da05-49a0-98c3-fe2ac06de4fd Task timed out after 30.03 seconds"
	lineImport    = "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'requests'"
	linePermitted = "(c0ffee00-0000-4000-8000-000000000000) Execution failed due to configuration error: Invalid permissions on Lambda function"
)

// A cause known from its line and "some 5xx" shown without a code take the
// cause's usual status for the API type the evidence shows (docs/
// taxonomy.md's columns: REST, HTTP, WebSocket); with no 5xx shown the
// status is unknown (classifier/testdata/real/README.md: a line naming the
// cause does not show what the client got).
func TestUsualStatusOfTheInferredAPIType(t *testing.T) {
	for _, r := range []struct {
		name, mark, some5xx, line string
		cause                     Cause
		api                       stage.APIType
	}{
		{"REST function error", markREST, some5xxWords, lineFnError, CauseLambdaFunctionError, stage.APIREST},
		{"REST function error, REST body", markREST, some5xxREST, lineFnError, CauseLambdaFunctionError, stage.APIREST},
		{"HTTP function error", markHTTP, some5xxWords, lineFnError, CauseLambdaFunctionError, stage.APIHTTP},
		{"HTTP function error, HTTP body", "", some5xxHTTP, lineFnError, CauseLambdaFunctionError, stage.APIHTTP},
		{"REST function timeout", markREST, some5xxWords, lineTimeout, CauseLambdaFunctionTimeout, stage.APIREST},
		{"HTTP function timeout", markHTTP, some5xxWords, lineTimeout, CauseLambdaFunctionTimeout, stage.APIHTTP},
		{"REST handler not loaded", "", some5xxREST, lineImport, CauseLambdaHandlerMisconfigured, stage.APIREST},
		{"HTTP handler not loaded", markHTTP, some5xxHTTP, lineImport, CauseLambdaHandlerMisconfigured, stage.APIHTTP},
		{"REST from a quoted execution log", markQuoted, some5xxWords, lineFnError, CauseLambdaFunctionError, stage.APIREST},
		{"REST invoke permission", "", some5xxREST, linePermitted, CauseLambdaInvokePermission, stage.APIREST},
		// the type unknown: REST's column
		{"unknown type, function error", "", some5xxWords, lineFnError, CauseLambdaFunctionError, stage.APIUnknown},
		// no 5xx shown
		{"REST function error, no 5xx shown", markREST, "", lineFnError, CauseLambdaFunctionError, stage.APIREST},
		{"HTTP function error, no 5xx shown", markHTTP, "", lineFnError, CauseLambdaFunctionError, stage.APIHTTP},
	} {
		t.Run(r.name, func(t *testing.T) {
			d := diagnoseText(t, strings.Join([]string{r.mark, r.some5xx, r.line}, "\n"))
			want := r.cause.Status(r.api)
			if r.some5xx == "" {
				want = StatusUnknown
			}
			if d.APIType != r.api || d.Cause != r.cause || d.Status != want {
				t.Errorf("got %s %s %s, want %s %s %s", d.APIType, d.Cause, d.Status, r.api, r.cause, want)
			}
		})
	}
}

// On a WebSocket API, a failure people or a client show as "Internal server
// error" is a message route's, answered with the gateway's 500 frame
// whatever the cause (docs/taxonomy.md, API types).
func TestWebSocketMessageFailureIs500(t *testing.T) {
	for _, r := range []struct{ name, some5xx, line string }{
		{"function error, words", some5xxWords, lineFnError},
		{"function timeout, frame", `< {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SM9GRfvHcFxFA="}`, lineTimeout},
	} {
		t.Run(r.name, func(t *testing.T) {
			d := diagnoseText(t, strings.Join([]string{markWebSocket, r.some5xx, r.line}, "\n"))
			if d.APIType != stage.APIWebSocket || d.Status != Status500 {
				t.Errorf("got %s %s, want WEBSOCKET 500", d.APIType, d.Status)
			}
		})
	}
}

// TestSymptomBesideItsLogIsOneFailure checks that a failure pasted without
// a request id and without a cause (the gateway's body a person quotes, a
// curl's status line) is the failure the execution log identifies, not a
// second request the log's cause would explain only in part; without an
// identified 5xx it stays a failure of its own.
func TestSymptomBesideItsLogIsOneFailure(t *testing.T) {
	const log = "(c0ffee12-3456) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
		"(c0ffee12-3456) Method completed with status: 502\n"
	for _, symptom := range []string{
		"After the upgrade my endpoints return `" + some5xxREST + "`.",
		"HTTP/1.1 502 Bad Gateway",
		some5xxREST,
	} {
		d := diagnoseText(t, symptom+"\n"+log)
		if d.Requests != 1 || d.Failed != 1 || len(d.Breakdown) != 1 || d.Confidence < 0.9 {
			t.Errorf("%q: %d seen, %d failed, breakdown %v, confidence %.2f; want one failure, explained whole", symptom, d.Requests, d.Failed, d.Breakdown, d.Confidence)
		}
	}
	d := diagnoseText(t, "HTTP/1.1 504 Gateway Timeout\n(c0ffee12-3456) Method completed with status: 200\n")
	if d.Failed != 1 || d.Status != Status504 {
		t.Errorf("a 504 beside a request that succeeded: %d failed, status %s; want the 504 counted", d.Failed, d.Status)
	}
}

// TestFunctionThatDiedBesideA4xxIsNoAllClear checks that a client's 4xx
// beside an invocation Lambda reports as timed out, crashed or out of
// memory is no all-clear: the dead invocation is another request's, whose
// answer no line shows, so its cause is given with the status unknown. A
// function's own error beside the 4xx stays the 4xx's (its handled error,
// answered 400).
func TestFunctionThatDiedBesideA4xxIsNoAllClear(t *testing.T) {
	for _, died := range []string{lineTimeout, "RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd Error: Runtime exited with error: signal: killed\nRuntime.ExitError"} {
		d := diagnoseText(t, "HTTP/1.1 400 Bad Request\n"+died+"\n")
		if d.Status == StatusNone || d.Cause == CauseNot5xx {
			t.Errorf("%q beside a 400: %s/%s, want the failure with status unknown", died, d.Cause, d.Status)
		}
	}
	d := diagnoseText(t, "HTTP/1.1 400 Bad Request\n"+lineFnError+"\n")
	if d.Status != StatusNone {
		t.Errorf("a function's error beside a 400: %s/%s, want none", d.Cause, d.Status)
	}
}
