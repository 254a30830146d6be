package classifier

import (
	"strings"
	"testing"
	"time"
)

const (
	cleanInvocation = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
		"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\n" +
		"REPORT RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tDuration: 12.30 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\n"
	failedInvocation = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
		"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is undefined\"}\n" +
		"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\n" +
		"REPORT RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tDuration: 12.30 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\n"
)

// A function that ran to its end without an error while the client got
// the proxy integration's 5xx for an unreadable answer: the gateway
// refused the answer. Other statuses and failing invocations keep their
// own diagnosis, and so does a WebSocket API, which reads no answer shape.
func TestCleanInvocationAndProxyFailure(t *testing.T) {
	checkWordings(t, []wording{
		{"rest 502", cleanInvocation + "HTTP/2 502\n{\"message\": \"Internal server error\"}", "lambda_malformed_proxy_response", "502"},
		{"http api 500", cleanInvocation + "HTTP/2 500\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Internal Server Error\"}", "lambda_malformed_proxy_response", "500"},
		{"rest 504 is the integration timeout", cleanInvocation + "HTTP/2 504\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{"rest 500 names nothing", cleanInvocation + "HTTP/2 500\n{\"message\": \"Internal server error\"}", "unknown", "500"},
		{"a failing invocation is the function's error", failedInvocation + "HTTP/2 502\n{\"message\": \"Internal server error\"}", "lambda_function_error", "502"},
		{"serverless v4 logs", strings.NewReplacer("RequestId:", "-", "Version:", "- Version:", "\tDuration:", "\nDuration:").Replace(cleanInvocation) + "HTTP/2 502\n{\"message\": \"Internal server error\"}", "lambda_malformed_proxy_response", "502"},
		{"websocket", cleanInvocation + "wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 502", "unknown", "502"},
		// a line that counts answers of both kinds is about many requests,
		// some of which succeeded: the clean invocation may be theirs
		{"a load test's results", cleanInvocation + "Load test: 146 responses 200 OK and 3454 responses 502 Bad Gateway", "unknown", "502"},
		{"a person's table of results", cleanInvocation + "| MemorySize (MB) | 200 OK | 502 Bad Gateway |\n|--:|--:|--:|\n| 128 | 146 | 3454 |", "unknown", "502"},
		{"a 200 only wished for", cleanInvocation + "The smoke test should return 200 OK but got 502 Bad Gateway.", "lambda_malformed_proxy_response", "502"},
	})
}

// A browser's CORS refusal reads as an answer below 500 only while no 5xx
// shows: beside one it is the gateway's error answer, which carries no
// CORS headers, and the 5xx's own fallback still holds (a bare REST 504 is
// the integration timeout).
func TestCORSRefusalBesideA5xx(t *testing.T) {
	const cors = "Access to XMLHttpRequest at 'https://abc123.execute-api.us-east-1.amazonaws.com/dev/calculate' from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
	checkWordings(t, []wording{
		{"a 504", cors + "abc123.execute-api.us-east-1.amazonaws.com/dev/calculate:1 Failed to load resource: the server responded with a status of 504 ()", "integration_timeout", "504"},
		{"a 502 after a clean invocation", cleanInvocation + cors + "Failed to load resource: the server responded with a status of 502 ()", "lambda_malformed_proxy_response", "502"},
		{"alone", cors, "not_5xx", "unknown"},
	})
}

// People say the same: the function succeeded, the client got a 5xx.
func TestSucceededFunctionAndProxyFailureInWords(t *testing.T) {
	checkWordings(t, []wording{
		{"invocations successful", "The API returns 502 Bad Gateway for some requests, even though the lambdas were successful.", "lambda_malformed_proxy_response", "502"},
		{"logs show success", "Every call answers 502 Bad Gateway. The CloudWatch logs show full success for each request.", "lambda_malformed_proxy_response", "502"},
		{"healthy", "We see 502 Bad Gateway on about 3% of requests while the Lambda function looked healthy in every dashboard.", "lambda_malformed_proxy_response", "502"},
		{"a 504 is the gateway giving up first", "The API returns 504 Gateway Timeout, yet the Lambda function logs show it was successful after 35 seconds.", "integration_timeout", "504"},
		// an authorizer's function succeeding says nothing of the answer
		{"an authorizer's success", "The API returns 502 Bad Gateway, though the custom authorizer function is successful every time.", "unknown", "502"},
		{"successfully triggered, no 5xx", "We were able to connect with wscat and trigger the onconnect lambda successfully, then got 403 Forbidden.", "not_5xx", "none"},
	})
}

// A timeout and the status the client got name the layer that timed out:
// REST answers its own integration timeout with 504 and a function's
// timeout with 502; an HTTP API answers its integration timeout with 503.
func TestTimeoutLayerFromStatus(t *testing.T) {
	checkWordings(t, []wording{
		{"rest 504", "The request hits the 29 second integration timeout.\nHTTP/1.1 504 Gateway Timeout", "integration_timeout", "504"},
		{"rest 502", "The request hits the 29 second integration timeout.\nHTTP/1.1 502 Bad Gateway", "lambda_function_timeout", "502"},
		{"function timeout and 504", "2024-03-12T10:15:31.123Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 30.03 seconds\nHTTP/1.1 504 Gateway Timeout", "integration_timeout", "504"},
		{"http api 503", "The request hits the 30 second integration timeout.\nHTTP/1.1 503 Service Unavailable\napigw-requestid: RL2XYiwjPHcEMEQ=", "integration_timeout", "503"},
	})
}

// An API whose authorizer people name, failing with the 500 an
// authorizer's failure answers, when no line names another step.
func TestAuthorizerFallback(t *testing.T) {
	checkWordings(t, []wording{
		{"500 with an authorizer", "We attached a Lambda authorizer to the API last week.\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		{"japanese", "先週 API にオーソライザーを設定しました。\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		{"502 is not the authorizer's", "We attached a Lambda authorizer to the API last week.\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		// another route's 200 in a block of its own takes nothing from it
		{"beside another route's 200", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/2 200\n\n{\"status\":\"ok\"}\n\n" +
			"Our Lambda authorizer now answers with a policy object, and the secured route logs:\nExecution failed due to configuration error: Unable to parse the policy it was given", "authorizer_error", "500"},
		{"a named cause wins", "Since we attached the Lambda authorizer every call fails.\n" +
			"(6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11) Execution failed due to configuration error: Invalid permissions on Lambda function\n" +
			"(6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11) Method completed with status: 500", "lambda_invoke_permission", "500"},
		// A WebSocket API's authorizer runs on $connect alone (the developer
		// guide's Lambda authorizers for WebSocket APIs): a handshake refused
		// with 500 may be its failure, a message answered with the internal
		// error frame on an open connection never is.
		{"websocket handshake", "The $connect route has a Lambda authorizer.\nwscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 500", "authorizer_error", "500"},
		{"websocket message frame", "The $connect route has a Lambda authorizer.\nwscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nConnected (press CTRL+C to quit)\n> {\"action\":\"sendmessage\"}\n" +
			`< {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNBG3dvHcFQ5w="}`, "unknown", "500"},
		{"websocket message words", "We use a Lambda authorizer on $connect of our WebSocket API. Connecting works, but every message sent is answered with Internal server error.", "unknown", "500"},
		// a person's word for it, in a sentence, or a resource's name in one
		{"the authorizer fails", "Since the deploy the authorizer fails.\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		{"the Lambda authorizer times out", "I think the Lambda authorizer times out.\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		{"a resource's name as a sentence's word", "LambdaAuthorizer returns an error for every token.\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		{"a word beside a name", "The authorizer fails; the access log's $context.authorizer.error is empty.\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
		// a name a program or a configuration spells says only that the
		// API has an authorizer, as a healthy API's configuration does: a
		// mapping template's and an access-log format's $context variables,
		// Terraform's resource and setting, a lowerCamelCase field, a file
		// a comment names, serverless.yml's keys, a JSON key
		{"mapping template's context variable", "#set($inputRoot = $input.path('$'))\n{\n  \"customerId\": \"$context.authorizer.claims.sub\"\n}\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"terraform resource and settings", "resource \"aws_apigatewayv2_authorizer\" \"lambda_auth\" {\n  authorizer_type = \"REQUEST\"\n  authorizer_uri  = aws_lambda_function.authorizer.invoke_arn\n}\nresource \"aws_apigatewayv2_route\" \"get\" {\n  authorizer_id = aws_apigatewayv2_authorizer.lambda_auth.id\n}\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"access-log format's field", "format = jsonencode({\n  status          = \"$context.status\"\n  authorizerError = \"$context.authorizer.error\"\n})\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"a comment naming a file", "// authorizer.js\nconst customAuthorizer = require('./auth');\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"serverless.yml keys", "functions:\n  getOrder:\n    handler: src/orders.get\n    events:\n      - http:\n          path: /orders/{id}\n          method: get\n          authorizer:\n            name: jwtAuth\nresources:\n  authorizers:\n    jwtAuth: {}\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"a JSON key", "{\"requestContext\": {\"authorizer\": {\"principalId\": \"u1\"}}}\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
	})
}

// A person's description names a cause and not a status: unknown unless a
// line shows one; a program's line names both.
func TestStatusOfADescribedCause(t *testing.T) {
	checkWordings(t, []wording{
		{"described", "I think the Lambda function is timing out before it can answer.", "lambda_function_timeout", "unknown"},
		{"described with a status", "I think the Lambda function is timing out before it can answer.\nHTTP/1.1 502 Bad Gateway", "lambda_function_timeout", "502"},
		{"a program's line", "2024-03-12T10:15:31.123Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 3.00 seconds", "lambda_function_timeout", "unknown"},
	})
}

// A configuration error with no reason beside a REST 502 is most likely
// the malformed proxy response; one whose reason no rule knows (a Lambda
// Invoke API error, a message AWS added) is not: the tool abstains and
// quotes the reason instead of guessing.
func TestConfigurationErrorWithoutAndWithReason(t *testing.T) {
	const id = "(4de9e78d-6629-46e0-8e6a-37da5362b83b) "
	bare := id + "Execution failed due to configuration error:\n" + id + "Method completed with status: 502\n"
	odd := id + "Execution failed due to configuration error: Something this tool has never seen\n" + id + "Method completed with status: 502\n"
	checkWordings(t, []wording{
		{"no reason", bare, "lambda_malformed_proxy_response", "502"},
		{"a reason no rule knows", odd, "unknown", "502"},
	})
	if d := diagnoseWith(t, Hints{}, odd); !strings.Contains(d.Why, "has never seen") {
		t.Errorf("why %q does not quote the reason the gateway gave", d.Why)
	}
}

// TestWhyNamesOnlyMetricsGiven: a cause no kept line named is explained by
// the metric that decided it when the metrics were given, and never by a
// metric nobody gave ("IntegrationLatency reached 0s" for a bare 504).
func TestWhyNamesOnlyMetricsGiven(t *testing.T) {
	for _, c := range []struct {
		cause  Cause
		hints  Hints
		metric string
	}{
		{CauseIntegrationTimeout, Hints{IntegrationLatencyMax: 29 * time.Second}, "IntegrationLatency"},
		{CauseLambdaThrottled, Hints{LambdaThrottles: 3}, "throttled 3"},
		{CauseLambdaFunctionTimeout, Hints{LambdaDurationMax: 3 * time.Second, LambdaTimeout: 3 * time.Second}, "Duration reached"},
	} {
		if why := NewSession(c.hints).contextWhy(c.cause); !strings.Contains(why, c.metric) {
			t.Errorf("%s with its metric: %q", c.cause, why)
		}
		if why := NewSession(Hints{}).contextWhy(c.cause); strings.Contains(why, c.metric) || !strings.Contains(why, c.cause.String()) {
			t.Errorf("%s without metrics: %q", c.cause, why)
		}
	}
}

// The REST APIs of 2017 and 2018 logged "Malformed Lambda proxy response"
// for an invocation that failed, having read Lambda's error object as the
// function's answer (aws-lambda-go issue 72, a Go handler returning a
// non-nil error; the API Gateway console's test log). When the same
// request shows its invocation failed, by Lambda's X-Amz-Function-Error
// header on the answer (the Invoke API reference) or by the Lambda log of
// the invocation it made, the failure is the cause. An answer the log
// shows breaking the format, a person's words, a function's weak error
// line and a failed invocation beside several requests leave the
// malformed response standing.
func TestMalformedMessageOfAFailedInvocation(t *testing.T) {
	const (
		rid      = "(4c2a7b1e-0c8e-11e8-9c1a-3b5d6f7a8b9c) "
		lid      = "0b59a014-da05-49a0-98c3-fe2ac06de4fd"
		headers  = rid + "Endpoint response headers: {Date=Tue, 06 Feb 2018 10:00:00 GMT, Content-Type=application/json, x-amzn-RequestId=" + lid + ", X-Amz-Function-Error=Unhandled"
		failed   = rid + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + rid + "Method completed with status: 502\n"
		report   = "REPORT RequestId: " + lid + "\tDuration: 2931.54 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\n"
		console  = "Fri Apr 13 18:05:24 UTC 2018 : "
		conFail  = console + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + console + "Method completed with status: 502\n"
		timedOut = "START RequestId: " + lid + " Version: $LATEST\n2018-02-06T10:00:03.012Z " + lid + " Task timed out after 3.00 seconds\nEND RequestId: " + lid + "\n"
	)
	checkWordings(t, []wording{
		{"function error header", console + "Endpoint response headers: {X-Amz-Executed-Version=$LATEST, Connection=keep-alive, X-Amz-Function-Error=Unhandled, Content-Type=application/json}\n" + conFail, "lambda_function_error", "502"},
		{"function error header, the error object quoted", console + "Endpoint response body before transformations: {\"errorMessage\":\"2018-02-06T10:00:03.012Z " + lid + " Task timed out after 3.00 seconds\"}\n" + console + "Endpoint response headers: {X-Amz-Function-Error=Unhandled}\n" + conFail, "lambda_function_timeout", "502"},
		{"the invocation it made ran out of memory", headers + "}\n" + failed + "START RequestId: " + lid + " Version: $LATEST\nEND RequestId: " + lid + "\n" + report, "lambda_out_of_memory", "502"},
		{"one request, the invocation beside it timed out", conFail + "\n" + timedOut, "lambda_function_timeout", "502"},
		{"the header, and the invocation beside it that timed out", console + "Endpoint response headers: {X-Amz-Function-Error=Unhandled}\n" + conFail + "\n" + timedOut, "lambda_function_timeout", "502"},
		// (the function answered, and the log shows the answer breaking the format)
		{"an answer read", console + "Endpoint request body after transformations: {\"resource\":\"/\",\"path\":\"/\",\"httpMethod\":\"GET\"}\n" + console + "Endpoint response body before transformations: {\"statusCode\": 200, \"body\": {\"ok\": true}}\n" + conFail + "\n" + timedOut, "lambda_malformed_proxy_response", "502"},
		{"a person's words", conFail + "I think the function threw an error.", "lambda_malformed_proxy_response", "502"},
		{"a function's weak error line", conFail + "START RequestId: " + lid + " Version: $LATEST\n2018-02-06T10:00:03.012Z\t" + lid + "\tERROR\tcould not reach the cache\nEND RequestId: " + lid + "\n", "lambda_malformed_proxy_response", "502"},
		{"a failed invocation beside several requests", failed + strings.ReplaceAll(failed, "4c2a7b1e", "5d3b8c2f") + "\n" + timedOut, "lambda_malformed_proxy_response", "502"},
	})
}
