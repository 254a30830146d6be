package classifier

import "testing"

// The SAM CLI's local gateway reports the failures the deployed gateway
// would answer for.
func TestLocalEmulatorWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"keys outside the shape", "Invalid lambda response received: Invalid API Gateway Response Keys: {'data'} in {'data': 'x', 'statusCode': 200}", "lambda_malformed_proxy_response", "unknown"},
		{"no body", "Lambda returned empty body!", "lambda_malformed_proxy_response", "unknown"},
		// older releases print the keys without the prefix
		{"keys outside the shape, alone", "`Invalid API Gateway Response Keys: {'error'} in {'statusCode': 200, 'body': 'x', 'headers': {'Access-Control-Allow-Origin': '*'}, 'error': None}`", "lambda_malformed_proxy_response", "unknown"},
		{"status code no integer", "Invalid lambda response received: statusCode must be a positive int", "lambda_malformed_proxy_response", "unknown"},
		// the message of any output it cannot read, as start-api prints it
		{"invalid response", "2019-04-30 17:59:30 Function returned an invalid response (must include one of: body, headers or statusCode in the response object). Response received: ", "lambda_malformed_proxy_response", "unknown"},
		{"invalid response, bare list", "Function returned an invalid response (must include one of: body, headers or statusCode in the response object). Response received: [", "lambda_malformed_proxy_response", "unknown"},
		// a failed function's error object is no proxy response either: the
		// function's failure is the cause
		{"keys of a failed function", "2020-12-03 19:09:09,022 | Invalid API Gateway Response Keys: {'errorMessage', 'errorType'} in {'errorMessage': 'boom', 'errorType': 'Error'}", "unknown", "unknown"},
		{"keys of a failed function, newer", "Invalid lambda response received: Invalid API Gateway Response Keys: {'errorMessage', 'errorType'} in {'errorMessage': 'boom', 'errorType': 'Error'}", "unknown", "unknown"},
		// its local server's access line (werkzeug's, without a request
		// id) shows the emulator's own status, beside the words that name
		// the cause: no deployed API's (the status is unknown)
		{"with its access line", "Invalid lambda response received: Invalid API Gateway Response Keys: {'base64Encoded'} in {'statusCode': 200, 'body': '{}', 'base64Encoded': False}\n2020-09-27 10:31:22 127.0.0.1 - - [27/Sep/2020 10:31:22] \"POST /book HTTP/1.1\" 502 -", "lambda_malformed_proxy_response", "unknown"},
		{"invalid response after a function error", "{\"errorType\": \"Error\", \"errorMessage\": \"boom\"}\nFunction returned an invalid response (must include one of: body, headers, multiValueHeaders or statusCode in the response object). Response received:", "lambda_function_error", "unknown"},
		{"timeout", "Function 'HelloWorldFunction' timed out after 3 seconds", "lambda_function_timeout", "unknown"},
	})
}

// serverless-offline's local gateway, in its source's words
// (src/events/http/HttpServer.js, src/lambda/LambdaFunction.js), as its
// console and its error body show them.
func TestServerlessOfflineWordings(t *testing.T) {
	const offlineInfo = `"offlineInfo":"If you believe this is an issue with serverless-offline please submit it, thanks. https://github.com/dherault/serverless-offline/issues"`
	checkWordings(t, []wording{
		{"body not a string", "According to the API Gateway specs, the body content must be stringified. Check your Lambda response and make sure you are invoking JSON.stringify(YOUR_CONTENT) on your body object", "lambda_malformed_proxy_response", "unknown"},
		{"body not a string, its error body", `{"errorMessage":"According to the API Gateway specs, the body content must be stringified. Check your Lambda response and make sure you are invoking JSON.stringify(YOUR_CONTENT) on your body object","errorType":"Object",` + offlineInfo + `,"stackTrace":[]}`, "lambda_malformed_proxy_response", "unknown"},
		{"request template", `Error while parsing template "application/json" for hello`, "mapping_template_error", "unknown"},
		{"response template", "Error while parsing responseTemplate 'application/json' for lambda hello:", "mapping_template_error", "unknown"},
		{"timeout", "✖ [504] - Lambda timeout.", "lambda_function_timeout", "unknown"},
		{"handler threw", "✖ Unhandled exception in handler 'hello'.", "lambda_function_error", "unknown"},
	})
}

// Lambda's JSON-format platform events and the Node.js runtime's Invoke
// Error record: an init that failed serves the invocations after it, and
// what an Invoke Error holds is the function's own failure.
func TestLambdaRuntimeRecords(t *testing.T) {
	checkWordings(t, []wording{
		{"init failed on an import", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.initRuntimeDone","record":{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ImportModuleError"}}`, "lambda_handler_misconfigured", "unknown"},
		{"init failed without a type", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.initReport","record":{"initializationType":"on-demand","phase":"init","status":"error","metrics":{"durationMs":120.5}}}`, "lambda_runtime_crash", "unknown"},
		{"a denied call inside the function", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"AccessDeniedException\",\"errorMessage\":\"User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/t\"}", "lambda_function_error", "unknown"},
	})
}

// A process's exit status is not a status a client got: a runtime that
// exited with 137 did not answer anyone 137.
func TestExitStatusIsNotAClientStatus(t *testing.T) {
	checkWordings(t, []wording{
		{"quoted runtime exit", "> {\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: d88fc138-1756-4e8f-b887-d44851c12b84 Error: Runtime exited with error: exit status 137\"}", "lambda_runtime_crash", "unknown"},
	})
}

// A CSV export of a log group or a Logs Insights table quotes the message
// column; the quoted execution-log lines stay one request.
func TestCSVExportReadsAsTheLog(t *testing.T) {
	checkWordings(t, []wording{
		{"log group export", "timestamp,message\n" +
			`1579627365978,"(d0a6c3bf-f5ee-4153-be2d-493031a7c885) Endpoint response body before transformations: {""statusCode"": 200, ""body"": {""a"": 1}}"` + "\n" +
			"1579627365978,(d0a6c3bf-f5ee-4153-be2d-493031a7c885) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
			`1579627365979,"(d0a6c3bf-f5ee-4153-be2d-493031a7c885) Method completed with status: 502"`, "lambda_malformed_proxy_response", "502"},
		{"insights table", `2020-01-21 17:22:45.972,"(d0a6c3bf-f5ee-4153-be2d-493031a7c885) Execution failed due to a timeout error"` + "\n" +
			`2020-01-21 17:22:45.973,"(d0a6c3bf-f5ee-4153-be2d-493031a7c885) Method completed with status: 504"`, "integration_timeout", "504"},
	})
}

// A signed request refused is the caller's 403, unless the gateway logged
// it as its AWS service integration's answer: then the integration's
// credentials are the cause of the client's 500.
func TestSignedRequestRefusedByLayer(t *testing.T) {
	checkWordings(t, []wording{
		{"the client's", "HTTP/1.1 403 Forbidden\n{\"message\":\"The security token included in the request is invalid.\"}", "not_5xx", "none"},
		{"the integration's", "(a1b2c3d4-0000-4000-8000-000000000001) Endpoint response body before transformations: {\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}\n" +
			"(a1b2c3d4-0000-4000-8000-000000000001) Method completed with status: 500", "credentials_role_error", "500"},
	})
}

// LocalStack's API Gateway, in its source's words
// (services/apigateway/next_gen/execute_api/integrations/aws.py).
func TestLocalStackWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"proxy response", `WARN --- [et.reactor-0] l.s.a.n.e.i.aws : Lambda output should follow the next JSON format: { "isBase64Encoded": true|false, "statusCode": httpStatusCode, "headers": { "headerName": "headerValue", ... },"body": "..."} but was: b'"hello"'`, "lambda_malformed_proxy_response", "unknown"},
		{"not POST", "WARN --- [et.reactor-0] l.s.a.n.e.i.aws : The 'AWS_PROXY' integration can only be used with the POST integration method.", "integration_method_not_post", "unknown"},
	})
}
