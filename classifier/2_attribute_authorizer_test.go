package classifier

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// A Lambda invocation whose log shows an authorizer's event or answer is
// the authorizer's: its "Unauthorized" is the documented denial, a 401 the
// client's status shows (never a "no 5xx" without it), and any other
// failure of it is the 500 API Gateway answers an authorizer's failure
// with. The same error in a function that shows no authorizer's event
// stays the function's.
func TestAuthorizerLogIsTheAuthorizers(t *testing.T) {
	const (
		id = "3f1c2a4e-1b2c-4d5e-8f90-123456789abc"
		// the developer guide's "Input to an API Gateway Lambda
		// authorizer": a TOKEN authorizer's event, as Node.js logs it
		tokenEvent = "2024-05-01T10:00:00.000Z\t" + id + "\tINFO\tevent {\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer abc\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/items\"}\n"
		// a REQUEST authorizer's, as Python prints the dict
		requestEvent = "[INFO]\t2024-05-01T10:00:00.000Z\t" + id + "\t{'type': 'REQUEST', 'methodArn': 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/items', 'headers': {}}\n"
		// an HTTP API authorizer's payload 2.0 ("Working with AWS Lambda
		// authorizers for HTTP APIs")
		v2Event = "2024-05-01T10:00:00.000Z\t" + id + "\tINFO\t{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/GET/items\",\"identitySource\":[\"Bearer abc\"]}\n"
		// the Node.js runtime's record of the documented denial,
		// callback("Unauthorized") or throw new Error("Unauthorized")
		nodeDenial = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\",\"stack\":[\"Error: Unauthorized\",\"    at Runtime.handler (/var/task/index.js:12:11)\"]}\n"
		// Python's, raise Exception('Unauthorized')
		pythonDenial = "[ERROR]\t2024-05-01T10:00:00.010Z\t" + id + "\tException: Unauthorized\n"
		// an authorizer that lets a JWT library's error escape
		jwtError = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"TokenExpiredError\",\"errorMessage\":\"jwt expired\",\"stack\":[\"TokenExpiredError: jwt expired\"]}\n"
		// a denial worded otherwise than exactly "Unauthorized", which
		// API Gateway answers as an authorizer error (500)
		lowerDenial = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"unauthorized: token invalid\"}\n"

		client401 = "HTTP/1.1 401 Unauthorized\n{\"message\":\"Unauthorized\"}"
		client500 = "HTTP/1.1 500 Internal Server Error"
		client502 = "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}"
	)
	checkWordings(t, []wording{
		{"TOKEN authorizer denies, client got 401", tokenEvent + nodeDenial + client401, "not_5xx", "none"},
		{"REQUEST authorizer denies in Python, client got 401", requestEvent + pythonDenial + client401, "not_5xx", "none"},
		// no client status: the denial alone says nothing about the answer
		{"authorizer denies, no client status", tokenEvent + nodeDenial, "unknown", "unknown"},
		{"TOKEN authorizer errors, client got 500", tokenEvent + jwtError + client500, "authorizer_error", "500"},
		{"HTTP API authorizer errors, client got 500", v2Event + jwtError + client500, "authorizer_error", "500"},
		{"authorizer denies in other words, client got 500", tokenEvent + lowerDenial + client500, "authorizer_error", "500"},
		// negatives: no authorizer's event in the function's log
		{"integration function throws Unauthorized, client got 502", nodeDenial + client502, "lambda_function_error", "502"},
		{"integration function errors, client got 502", jwtError + client502, "lambda_function_error", "502"},
		{"integration function logs its own isAuthorized, throws Unauthorized, client got 502",
			"2024-05-01T10:00:00.000Z\t" + id + "\tINFO\tuser {\"id\":\"u1\",\"isAuthorized\":false}\n" + nodeDenial + client502, "lambda_function_error", "502"},
	})
}

// The REST execution log's "Unauthorized request: <id>" (after "Starting
// authorizer:", then "Method completed with status: 401") is the
// authorizer's denial; a Lambda invocation beside it that failed with
// "Unauthorized", exactly, is that authorizer, before or after the
// gateway's lines, in the log or in the console's test (no ids). Any other
// failure beside the denial stays a function's.
func TestAuthorizerDenialJoinsTheExecutionLog(t *testing.T) {
	const (
		id   = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
		exec = id + "Starting authorizer: q8togz for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
			id + "Incoming identity: ***abc\n" +
			id + "Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations\n" +
			id + "Unauthorized request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
			id + "Method completed with status: 401\n"
		consoleTest = "Starting authorizer: q8togz for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
			"Unauthorized request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
			"Method completed with status: 401\n"
		nodeDenial = "2024-05-01T10:00:00.010Z\t3f1c2a4e-1b2c-4d5e-8f90-123456789abc\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\"}\n"
		typeError  = "2024-05-01T10:00:00.010Z\t3f1c2a4e-1b2c-4d5e-8f90-123456789abc\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'split')\"}\n"
	)
	checkWordings(t, []wording{
		{"execution log, then the authorizer's log", exec + nodeDenial, "not_5xx", "none"},
		{"the authorizer's log, then the execution log", nodeDenial + exec, "not_5xx", "none"},
		{"console test, then the authorizer's log", consoleTest + nodeDenial, "not_5xx", "none"},
		// negative: another function's failure beside the denial
		{"another error beside the denial", exec + typeError, "lambda_function_error", "unknown"},
	})
}

// An event of a log group the hints name as a Lambda authorizer's
// (/aws/lambda/NAME, Hints.AuthorizerFunctions, from the stage's routes,
// or a group of its own, Hints.AuthorizerLogGroups, or a group it shares
// with the integration's function whose stream names it, as Lambda names
// a custom group's streams: the Lambda developer guide's "Configuring
// CloudWatch log groups") is the authorizer's, though it logged no event
// of its own; the same events of an integration's log group, or stream,
// stay the function's.
func TestAuthorizerLogGroupHint(t *testing.T) {
	const (
		id       = "3f1c2a4e-1b2c-4d5e-8f90-123456789abc"
		denial   = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\"}"
		jwtError = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"TokenExpiredError\",\"errorMessage\":\"jwt expired\"}"
		access   = `{"requestId":"Abc123=","httpMethod":"GET","routeKey":"GET /items","status":"%s","authorizerError":"-","integrationErrorMessage":"-"}`
	)
	const (
		authStream = "2024/05/01/orders-auth[$LATEST]0a1b2c3d4e5f60718293a4b5c6d7e8f9"
		fnStream   = "2024/05/01/orders[$LATEST]1b2c3d4e5f60718293a4b5c6d7e8f90a"
	)
	for _, c := range []struct {
		name, group, stream, line, status, cause, want string
	}{
		{"authorizer denies, access log 401", "/aws/lambda/orders-auth", "", denial, "401", "not_5xx", "none"},
		{"authorizer errors, access log 500", "/aws/lambda/orders-auth", "", jwtError, "500", "authorizer_error", "500"},
		// a group of its own (Lambda's LoggingConfig.LogGroup)
		{"authorizer of its own group denies", "/orders/authorizer", "", denial, "401", "not_5xx", "none"},
		{"authorizer of its own group errors", "/orders/authorizer", "", jwtError, "500", "authorizer_error", "500"},
		// negatives: the integration's log group, default or its own
		{"integration throws Unauthorized, access log 500", "/aws/lambda/orders", "", denial, "500", "lambda_function_error", "500"},
		{"integration errors, access log 500", "/aws/lambda/orders", "", jwtError, "500", "lambda_function_error", "500"},
		{"integration of its own group errors", "/orders/function", "", jwtError, "500", "lambda_function_error", "500"},
		// a group the authorizer shares with the integration's function:
		// the stream says whose event it is
		{"authorizer of a shared group errors", "/orders/lambda", authStream, jwtError, "500", "authorizer_error", "500"},
		{"authorizer of a shared group denies", "/orders/lambda", authStream, denial, "401", "not_5xx", "none"},
		{"integration of a shared group errors", "/orders/lambda", fnStream, jwtError, "500", "lambda_function_error", "500"},
		{"integration of a shared group throws Unauthorized", "/orders/lambda", fnStream, denial, "500", "lambda_function_error", "500"},
		// the stream is what says whose event it is: the authorizer's in
		// another function's default group it was set to write to, another
		// function's in the authorizer's group
		{"authorizer writing to another's default group", "/aws/lambda/orders", authStream, jwtError, "500", "authorizer_error", "500"},
		{"another function writing to the authorizer's group", "/orders/authorizer", fnStream, jwtError, "500", "lambda_function_error", "500"},
		// (a default group's streams name no function)
		{"integration's default group, a stream of the default form", "/aws/lambda/orders", "2024/05/01/[$LATEST]1b2c3d4e5f60718293a4b5c6d7e8f90a", jwtError, "500", "lambda_function_error", "500"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(Hints{
				APIType: stage.APIHTTP, AuthorizerFunctions: []string{"orders-auth"},
				LambdaLogGroups: []string{"/orders/authorizer", "/orders/function", "/orders/lambda"}, AuthorizerLogGroups: []string{"/orders/authorizer"},
			})
			s.AddEvent(LogEvent{Group: c.group, Stream: c.stream, Message: c.line})
			s.AddEvent(LogEvent{Group: "orders-api-access", Message: fmt.Sprintf(access, c.status)})
			d := s.Diagnose(LangEN)
			if d.Cause.String() != c.cause || d.Status.String() != c.want {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.want, c.cause, d.Why)
			}
		})
	}
}

// A Lambda authorizer's invocation fails however its log shows it: the
// platform's REPORT ("Status: error" with its Error Type, or "Status:
// timeout", the Lambda developer guide's 2024 log format) and the
// runtime's init error without a request id are its failure as much as its
// own error line, and API Gateway answers them as an authorizer error
// (500). An HTTP API has no execution log: without this, the authorizer's
// failure read as the integration's function failing. The same lines of
// the integration's log group stay the function's.
func TestAuthorizerInvocationFailure(t *testing.T) {
	const (
		id     = "017c62a7-a207-4314-9eff-4bb2a217a8ad"
		start  = "START RequestId: " + id + " Version: $LATEST"
		end    = "END RequestId: " + id
		report = "REPORT RequestId: " + id + "\tDuration: 175.93 ms\tBilled Duration: 176 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\tInit Duration: 173.93 ms\tStatus: error\tError Type: Runtime.ImportModuleError"
		timed  = "REPORT RequestId: " + id + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\tStatus: timeout"
		init   = "2026-01-01T12:08:35.081Z\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"Runtime.ImportModuleError\",\"errorMessage\":\"Error: Cannot find module 'jsonwebtoken'\"}"
		access = `{"requestId":"Abc123=","httpMethod":"GET","routeKey":"GET /items","status":"500","integrationErrorMessage":"-"}`
	)
	for _, c := range []struct {
		name, group string
		lines       []string
		cause       string
	}{
		{"authorizer's REPORT, import error", "/aws/lambda/orders-auth", []string{start, end, report}, "authorizer_error"},
		{"authorizer's REPORT, timeout", "/aws/lambda/orders-auth", []string{start, end, timed}, "authorizer_error"},
		{"authorizer's init error alone", "/aws/lambda/orders-auth", []string{init}, "authorizer_error"},
		{"authorizer of its own group", "/orders/authorizer", []string{init, start, end, report}, "authorizer_error"},
		// negatives: the integration's log group
		{"integration's REPORT, import error", "/aws/lambda/orders", []string{start, end, report}, "lambda_handler_misconfigured"},
		{"integration's REPORT, timeout", "/aws/lambda/orders", []string{start, end, timed}, "lambda_function_timeout"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(Hints{
				APIType: stage.APIHTTP, AuthorizerFunctions: []string{"orders-auth"},
				LambdaLogGroups: []string{"/orders/authorizer"}, AuthorizerLogGroups: []string{"/orders/authorizer"},
			})
			for _, l := range c.lines {
				s.AddEvent(LogEvent{Group: c.group, Message: l})
			}
			s.AddEvent(LogEvent{Group: "orders-api-access", Message: access})
			d := s.Diagnose(LangEN)
			if d.Cause.String() != c.cause || d.Status != Status500 {
				t.Errorf("got %s/%s, want 500/%s (%s)", d.Status, d.Cause, c.cause, d.Why)
			}
			// the runtime's line names what failed; a REPORT only its type
			if c.cause == "authorizer_error" && slices.Contains(c.lines, init) && !slices.ContainsFunc(d.Evidence, func(l string) bool { return strings.Contains(l, "Cannot find module") }) {
				t.Errorf("evidence %q lacks the runtime's line naming the missing module", d.Evidence)
			}
		})
	}
}

// The REST execution log says only that the authorizer failed ("Authorizer
// error", AuthorizerConfigurationException); the authorizer's own log says
// why, and the diagnosis's evidence shows that line too.
func TestAuthorizerFailureExplained(t *testing.T) {
	const (
		req = "(c5f17071-71e7-4d80-8f1a-aef4b8239ff9) "
		why = "[ERROR] Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named 'jwt'"
	)
	s := NewSession(Hints{APIType: stage.APIREST, AuthorizerFunctions: []string{"orders-auth"}})
	for _, l := range []string{
		req + "Execution failed due to configuration error: Authorizer error",
		req + "AuthorizerConfigurationException",
		req + "Method completed with status: 500",
	} {
		s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_a1b2c3d4e5/prod", Message: l})
	}
	s.AddEvent(LogEvent{Group: "/aws/lambda/orders-auth", Message: why})
	d := s.Diagnose(LangEN)
	if d.Cause != CauseAuthorizerError || !slices.Contains(d.Evidence, why) {
		t.Errorf("got %s with evidence %q, want authorizer_error with the authorizer's own line", d.Cause, d.Evidence)
	}
}

// A Lambda authorizer that denies the documented way fails its invocation
// with "Unauthorized" (the developer guide's TOKEN and REQUEST authorizer
// examples), and the platform's REPORT then says "Status: error" as for
// any failed invocation (the Lambda developer guide's 2024 log format):
// the REPORT is the same denial, the client's 401, and no authorizer
// error. The authorizer is known by its log group (the hints) or by its
// own event (methodArn). Another error of the authorizer, with the same
// REPORT, stays an authorizer error.
func TestAuthorizerDenialReport(t *testing.T) {
	const (
		id     = "3f1c2a4e-1b2c-4d5e-8f90-123456789abc"
		start  = "START RequestId: " + id + " Version: $LATEST"
		event  = "2024-05-01T10:00:00.005Z\t" + id + "\tINFO\tevent {\"type\":\"TOKEN\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/GET/items\"}"
		denial = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\"}"
		pyDeny = "[ERROR] Exception: Unauthorized"
		jwt    = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"TokenExpiredError\",\"errorMessage\":\"jwt expired\"}"
		end    = "END RequestId: " + id
		report = "REPORT RequestId: " + id + "\tDuration: 10.00 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: error\tError Type: Runtime.Unknown"
		access = `{"requestId":"Abc123=","httpMethod":"GET","routeKey":"GET /items","status":"%s","authorizerError":"-","integrationErrorMessage":"-"}`
	)
	for _, c := range []struct {
		name, group string
		lines       []string
		status      string
		cause, want string
	}{
		{"Node.js denial and its REPORT, the hints' group", "/aws/lambda/orders-auth", []string{start, denial, end, report}, "401", "not_5xx", "none"},
		{"Python denial and its REPORT, the hints' group", "/aws/lambda/orders-auth", []string{start, pyDeny, end, report}, "401", "not_5xx", "none"},
		{"denial and its REPORT, known by its event", "/aws/lambda/other-auth", []string{start, event, denial, end, report}, "401", "not_5xx", "none"},
		{"another error and its REPORT", "/aws/lambda/orders-auth", []string{start, jwt, end, report}, "500", "authorizer_error", "500"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(Hints{APIType: stage.APIHTTP, AuthorizerFunctions: []string{"orders-auth"}})
			for _, l := range c.lines {
				s.AddEvent(LogEvent{Group: c.group, Message: l})
			}
			s.AddEvent(LogEvent{Group: "orders-api-access", Message: fmt.Sprintf(access, c.status)})
			d := s.Diagnose(LangEN)
			if d.Cause.String() != c.cause || d.Status.String() != c.want {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.want, c.cause, d.Why)
			}
		})
	}
}
