package classifier

import "testing"

// Lambda validates the function name the gateway built from the integration
// URI. A name that ends in ":" has an empty qualifier: the alias or version
// came from a stage variable the stage (or the console's test, which has no
// stage) does not define. A name that breaks the pattern otherwise is no
// stage variable's doing.
func TestLambdaValidatesAnEmptyQualifier(t *testing.T) {
	const pattern = `' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws:lambda:)?([a-z]{2}-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"`
	checkWordings(t, []wording{
		{"empty alias", `{"message": "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:function:orders:` + pattern + "}", "stage_variable_unresolved", "unknown"},
		{"pretty body", "{\n  \"message\": \"1 validation error detected: Value 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api:" + pattern + "\n}", "stage_variable_unresolved", "unknown"},
		{"a name with a space", `{"message": "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:function:my orders` + pattern + "}", "unknown", "unknown"},
	})
}

// API Gateway's management API refuses a stage variable whose name or
// value breaks its character rules (the Stage resource's variables: names
// of word characters, values of [A-Za-z0-9-._~:/?#&=,]), with a
// BadRequestException, whatever tool made the call: a change refused, not
// a request that failed (public issue reports of the AWS SDK for
// JavaScript's, the Serverless Framework's and the CLI's output). The
// execution log's words for a request are the stage variable's failure;
// the same words without the refusal's error code (the console test's
// body with the management API's "logref") show neither.
func TestStageVariableRefusedByTheManagementAPI(t *testing.T) {
	const rules = "  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','."
	checkWordings(t, []wording{
		{"SDK for JavaScript", "message: 'Invalid stage variable value: ." + rules + "',\n  code: 'BadRequestException',\n  statusCode: 400,\n  retryable: false } 'BadRequestException: Invalid stage variable value: ." + rules + "'", "not_5xx", "none"},
		{"Serverless Framework", "  Serverless Error ---------------------------------------\n\n  Invalid stage variable name: owner:application-name.  Please use names with only word characters.", "not_5xx", "none"},
		{"CLI", "An error occurred (BadRequestException) when calling the CreateDeployment operation: Invalid stage variable value: arn:aws:lambda:us-east-1:123456789012:function:orders$LATEST." + rules, "not_5xx", "none"},
		{"CloudFormation", "ApiGatewayStage CREATE_FAILED Invalid stage variable value: ." + rules + " (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException)", "not_5xx", "none"},
		// the console test's refusal: the test did not run
		{"console test refused", "{\n  \"logref\": \"9f1c2a0e-5b8f-4d7c-9f0a-2b1c8e4d6a7f\",\n  \"message\": \"Invalid stage variable value: null." + rules + "\"\n}", "unknown", "unknown"},
		// the execution log's, a request failing
		{"execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid stage variable value: null." + rules + "\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "stage_variable_unresolved", "500"},
		// the function's own call to the management API (a custom
		// resource, a deployer) refused: its failure, no client's answer
		{"in the function's log", "[ERROR] BadRequestException: An error occurred (BadRequestException) when calling the CreateStage operation: Invalid stage variable name: owner:app.  Please use names with only word characters.", "lambda_function_error", "unknown"},
		{"in the function's error object", "ERROR\tInvoke Error\t{\"errorType\":\"BadRequestException\",\"errorMessage\":\"Invalid stage variable value: ." + rules + "\"}", "lambda_function_error", "unknown"},
		// a refused change beside a request that failed for another cause
		{"refusal beside a 500", "Invalid stage variable name: owner:app.  Please use names with only word characters.\n(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid permissions on Lambda function\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "lambda_invoke_permission", "500"},
	})
}

// Lambda refusing the gateway's invocation ("Lambda invocation failed with
// status: 429" or "403", Lambda's status: the Lambda Invoke API's
// TooManyRequestsException and AccessDeniedException) leaves a proxy
// integration nothing of the function's to read: the "Malformed Lambda
// proxy response" it logs next is Lambda's error body read as the
// function's answer, as in a public project's notes of a throttled
// function, and the refusal names the cause.
func TestLambdaRefusalOutweighsTheMalformedResponseAfterIt(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	refused := func(status string) string {
		return id + "Lambda invocation failed with status: " + status + ". Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" +
			id + "Method completed with status: 502"
	}
	checkWordings(t, []wording{
		{"throttled", refused("429"), "lambda_throttled", "502"},
		{"not allowed", refused("403"), "lambda_invoke_permission", "502"},
		// a function that answered and broke the format stays malformed
		{"the function's answer", id + "Endpoint response body before transformations: \"hello world\"\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", "lambda_malformed_proxy_response", "502"},
	})
}

// The knowledge-center article on "Invalid permissions on Lambda function"
// shows a Lambda authorizer the gateway may not invoke as that line, within
// the authorizer's part of the request ("Starting authorizer" up to its
// verdict or the method's request), before "Authorizer error"; an HTTP API
// words it "doesn't have permissions to call the authorizer". Either is the
// authorizer failing, with or without the line that follows; the same
// words after the authorizer let the request through are the
// integration's function.
func TestAuthorizerInvokePermission(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	start := id + "Starting authorizer: 62mgrc for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
		id + "Incoming identity: ***\n" +
		id + "Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations\n"
	denied := id + "Execution failed due to configuration error: Invalid permissions on Lambda function\n"
	checkWordings(t, []wording{
		{"the article's lines", start + denied + id + "Execution failed due to configuration error: Authorizer error\n" + id + "Gateway response type: AUTHORIZER_CONFIGURATION_ERROR with status code: 500", "authorizer_error", "500"},
		{"cut after the permission", start + denied, "authorizer_error", "500"},
		{"the integration's function after the authorizer", start + id + "Using valid authorizer policy\n" + id + "Method request path: {}\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
		{"no authorizer", id + "Method request path: {}\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
		// the console's authorizer test, its lines without ids
		{"the console's authorizer test", "Thu Aug 04 17:48:21 UTC 2022 : Starting authorizer: 62mgrc for request: test-request\nThu Aug 04 17:48:21 UTC 2022 : Incoming identity: ***\nThu Aug 04 17:48:21 UTC 2022 : Execution failed due to configuration error: Invalid permissions on Lambda function", "authorizer_error", "500"},
		{"the console's method test, no authorizer", "Thu Aug 04 17:48:21 UTC 2022 : Method request path: {}\nThu Aug 04 17:48:21 UTC 2022 : Execution failed due to configuration error: Invalid permissions on Lambda function\nThu Aug 04 17:48:21 UTC 2022 : Method completed with status: 500", "lambda_invoke_permission", "500"},
		// another request's authorizer is not this one's
		{"another request's authorizer", "(11111111-0000-4000-8000-00000000abcd) Starting authorizer: 62mgrc for request: 11111111-0000-4000-8000-00000000abcd\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
	})
}

// "Malformed Lambda proxy response" ends the execution log's "Execution
// failed due to configuration error: ..." that fails the request with a
// REST 502 (the knowledge-center article malformed-502-api-gateway shows
// "Method completed with status: 502" after it): quoted alone, by a person
// or from the console's test, it still shows a 5xx, the cause's usual one.
// Not in the function's own log, and a status shown keeps its code.
func TestMalformedMessageShowsAFailedRequest(t *testing.T) {
	const (
		start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end   = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	)
	checkWordings(t, []wording{
		// people quoting the execution log (alphagov's
		// di-authentication-api issue 1512: "We are still seeing Malformed
		// Lambda proxy response in the logs.")
		{"a person quoting the log", "We are still seeing Malformed Lambda proxy response in the logs.", "lambda_malformed_proxy_response", "502"},
		{"the message alone", "Malformed Lambda proxy response", "lambda_malformed_proxy_response", "502"},
		// the console test's log line without its request id
		{"the console test's line", "Thu Oct 17 23:48:34 UTC 2019 : Execution failed due to configuration error: Malformed Lambda proxy response", "lambda_malformed_proxy_response", "502"},
		// a status line beside it keeps its code
		{"beside a status line", "HTTP/1.1 500 Internal Server Error\nMalformed Lambda proxy response", "lambda_malformed_proxy_response", "500"},
		// look-alike: the words in the function's own log (a function
		// that logs what it was told about its answer) show no request
		{"the function's own log", start + "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tINFO\tavoiding a Malformed Lambda proxy response: returning statusCode 200" + end, "lambda_malformed_proxy_response", "unknown"},
	})
}
