package classifier

import "testing"

// The messages AWS documents for each failure, as the layer that emits them
// writes them, with the diagnosis each must lead to. Sources: the API
// Gateway developer guide (gateway response types and their default
// statuses, the access-log variables of REST, HTTP and WebSocket APIs, the
// HTTP API Lambda troubleshooting page), the Lambda developer guide
// (invocation errors as API Gateway answers them: the Lambda API rejecting
// the invocation is a 500, a function that ran and failed a 502; the
// runtime and platform log lines) and the Lambda Invoke API reference.

// The gateway's own answers, as a client receives them: the default body
// and status of each gateway response type.
func TestDocumentedGatewayResponses(t *testing.T) {
	checkWordings(t, []wording{
		{"ACCESS_DENIED", `{"Message":"User is not authorized to access this resource with an explicit deny"}`, "not_5xx", "none"},
		{"ACCESS_DENIED implicit", `{"Message":"User is not authorized to access this resource"}`, "not_5xx", "none"},
		{"MISSING_AUTHENTICATION_TOKEN", `{"message":"Missing Authentication Token"}`, "not_5xx", "none"},
		{"INVALID_API_KEY", "HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: ForbiddenException\n{\"message\":\"Forbidden\"}", "not_5xx", "none"},
		{"EXPIRED_TOKEN", "x-amzn-ErrorType: ExpiredTokenException\n{\"message\":\"The security token included in the request is expired\"}", "not_5xx", "none"},
		{"INVALID_SIGNATURE", "x-amzn-ErrorType: InvalidSignatureException\n{\"message\":\"The request signature we calculated does not match the signature you provided.\"}", "not_5xx", "none"},
		// the same refusal in people's words
		{"signature does not match, a person's", "Signature does not match if uri segment contains a colon", "not_5xx", "none"},
		{"signatures don't match beside a 5xx", "The signatures don't match and then the API answers 502.", "unknown", "502"},
		{"incomplete signature", "x-amzn-ErrorType: IncompleteSignatureException\n{\"message\":\"Authorization header requires 'Credential' parameter.\"}", "not_5xx", "none"},
		// IncompleteSignatureException's words for an Authorization header
		// that is no signature, a SigV4-looking one and a bearer token
		{"no key=value pair", `{"message":"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): 'abc='."}`, "not_5xx", "none"},
		{"a bearer token as a signature", `{"message":"'eyJhbGciOi' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer eyJhbGciOi'."}`, "not_5xx", "none"},
		{"a bearer token beside a 5xx", "{\"message\":\"'eyJhbGciOi' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer eyJhbGciOi'.\"}\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"UNAUTHORIZED", "HTTP/1.1 401 Unauthorized\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
		{"THROTTLED", "HTTP/1.1 429 Too Many Requests\n{\"message\":\"Too Many Requests\"}", "not_5xx", "none"},
		{"QUOTA_EXCEEDED", "HTTP/1.1 429\n{\"message\":\"Limit Exceeded\"}", "not_5xx", "none"},
		{"RESOURCE_NOT_FOUND", "HTTP/1.1 404 Not Found\nx-amzn-ErrorType: NotFoundException\n{\"message\":\"Not Found\"}", "not_5xx", "none"},
		{"BAD_REQUEST_BODY", `{"message": "Invalid request body"}`, "not_5xx", "none"},
		{"BAD_REQUEST_PARAMETERS", `{"message": "Missing required request parameters: [petId]"}`, "not_5xx", "none"},
		{"REQUEST_TOO_LARGE", `{"message":"HTTP content length exceeded 10485760 bytes."}`, "not_5xx", "none"},
		{"UNSUPPORTED_MEDIA_TYPE", "HTTP/1.1 415 Unsupported Media Type\nx-amzn-ErrorType: UnsupportedMediaTypeException", "not_5xx", "none"},
		{"UNSUPPORTED_MEDIA_TYPE body", `{"message":"Unsupported Media Type"}`, "not_5xx", "none"},
		{"REQUEST_TOO_LARGE body", `{"message":"Request Too Long"}`, "not_5xx", "none"},
		{"INTEGRATION_TIMEOUT", "HTTP/1.1 504 Gateway Timeout\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{"AUTHORIZER_FAILURE", "HTTP/1.1 500 Internal Server Error\nx-amzn-ErrorType: AuthorizerConfigurationException\n{\"message\": null}", "authorizer_error", "500"},
		// (the error type is AUTHORIZER_CONFIGURATION_ERROR's, whose
		// default status is 500, wherever it is named)
		{"AUTHORIZER_CONFIGURATION_ERROR named", "Custom authorizer error => AuthorizerConfigurationException (message: null)", "authorizer_error", "500"},
		{"DEFAULT_5XX", "HTTP/1.1 502 Bad Gateway\nx-amzn-ErrorType: InternalServerErrorException\n{\"message\": \"Internal server error\"}", "unknown", "502"},
		{"HTTP API 500", "HTTP/2 500\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Internal Server Error\"}", "unknown", "500"},
		// (an HTTP API answers its integration timeout so: the likeliest cause)
		{"HTTP API 503", "HTTP/2 503\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Service Unavailable\"}", "integration_timeout", "503"},
	})
}

// $context.error.responseType as an access log records it: the 4xx types
// are the gateway's own refusals, the 5xx ones name a failure only as far
// as the type does (INTEGRATION_FAILURE is every integration failure).
func TestDocumentedResponseTypesInAccessLogs(t *testing.T) {
	rec := func(status, typ string) string {
		return `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","status":"` + status + `","responseType":"` + typ + `"}`
	}
	checkWordings(t, []wording{
		{"THROTTLED", rec("429", "THROTTLED"), "not_5xx", "none"},
		{"QUOTA_EXCEEDED", rec("429", "QUOTA_EXCEEDED"), "not_5xx", "none"},
		{"ACCESS_DENIED", rec("403", "ACCESS_DENIED"), "not_5xx", "none"},
		{"WAF_FILTERED", rec("403", "WAF_FILTERED"), "not_5xx", "none"},
		{"MISSING_AUTHENTICATION_TOKEN", rec("403", "MISSING_AUTHENTICATION_TOKEN"), "not_5xx", "none"},
		{"UNAUTHORIZED", rec("401", "UNAUTHORIZED"), "not_5xx", "none"},
		{"INTEGRATION_TIMEOUT", rec("504", "INTEGRATION_TIMEOUT"), "integration_timeout", "504"},
		{"AUTHORIZER_CONFIGURATION_ERROR", rec("500", "AUTHORIZER_CONFIGURATION_ERROR"), "authorizer_error", "500"},
		{"AUTHORIZER_FAILURE", rec("500", "AUTHORIZER_FAILURE"), "authorizer_error", "500"},
		{"API_CONFIGURATION_ERROR names no cause", rec("500", "API_CONFIGURATION_ERROR"), "unknown", "500"},
		{"DEFAULT_5XX names no cause", rec("500", "DEFAULT_5XX"), "unknown", "500"},
	})
}

// The REST execution log records the gateway response it answered with
// ("Gateway response type: DEFAULT_5XX with status code: 500"): its status
// is the client's, and its type names a cause as far as the access log's
// responseType does.
func TestDocumentedGatewayResponseTypesInExecutionLogs(t *testing.T) {
	line := func(typ, code string) string {
		return "(6c6d6e6f-0000-4000-8000-00000000abcd) Gateway response type: " + typ + " with status code: " + code
	}
	checkWordings(t, []wording{
		{"DEFAULT_5XX", line("DEFAULT_5XX", "500"), "unknown", "500"},
		{"AUTHORIZER_CONFIGURATION_ERROR", line("AUTHORIZER_CONFIGURATION_ERROR", "500"), "authorizer_error", "500"},
		{"INTEGRATION_TIMEOUT", line("INTEGRATION_TIMEOUT", "504"), "integration_timeout", "504"},
		{"ACCESS_DENIED", line("ACCESS_DENIED", "403"), "not_5xx", "none"},
		{"THROTTLED", line("THROTTLED", "429"), "not_5xx", "none"},
		{"UNAUTHORIZED", line("UNAUTHORIZED", "401"), "not_5xx", "none"},
		{"WAF_FILTERED", line("WAF_FILTERED", "403"), "not_5xx", "none"},
		{"MISSING_AUTHENTICATION_TOKEN", line("MISSING_AUTHENTICATION_TOKEN", "403"), "not_5xx", "none"},
		{"a customised DEFAULT_4XX", line("DEFAULT_4XX", "403"), "not_5xx", "none"},
		{"a 4xx type customised to a 5xx", line("ACCESS_DENIED", "503"), "unknown", "503"},
	})
}

// What HTTP APIs write into $context.integrationErrorMessage and
// $context.authorizer.error (HTTP API Lambda troubleshooting page and the
// knowledge-center article on its permission errors).
func TestDocumentedHTTPAPIIntegrationErrors(t *testing.T) {
	checkWordings(t, []wording{
		{"integration permission", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."}`, "lambda_invoke_permission", "500"},
		// the same message quoted in the singular, and the Lambda guide's
		// "permission to invoke your function" with other determiners
		{"integration permission quoted", "We get {\"message\":\"Internal Server Error\"} and the access log says API Gateway doesn't have permission to call the integration.", "lambda_invoke_permission", "500"},
		{"permission to invoke my function", "HTTP/2 500\nThe API Gateway did not have permission to invoke my Lambda function.", "lambda_invoke_permission", "500"},
		{"permission to invoke this function", "HTTP/2 500\nAPI Gateway has no permission to invoke this Lambda.", "lambda_invoke_permission", "500"},
		// (not another call the integration's backend makes, nor the
		// authorizer's permission)
		{"the integration's backend", "HTTP/2 500\nThe role needs permission to call the integration's backend service.", "unknown", "500"},
		{"permission to invoke the authorizer", "HTTP/2 500\nAPI Gateway did not have permission to invoke the Lambda authorizer.", "authorizer_error", "500"},
		{"authorizer permission", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","authorizerError":"The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again."}`, "authorizer_error", "500"},
		{"authorizer response shape", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","authorizerError":"The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Simple response did not include 'isAuthorized'"}`, "authorizer_error", "500"},
		{"authorizer response shape, invalid json", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","authorizerError":"The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Invalid json in authorizer response"}`, "authorizer_error", "500"},
		// (look-alikes: a person introducing the authorizer's answer they
		// show, and a denial that names no IAM action, are neither the
		// gateway's verdict on that answer nor a role it could not use)
		{"a person showing the authorizer's answer", "Here is an example response from the Lambda authorizer:", "unknown", "unknown"},
		{"a denial naming no action", "HTTP/1.1 500 Internal Server Error\nThe log says: \"The client is not authorized to perform this operation.\"", "unknown", "500"},
		{"integration timeout", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"503","integrationErrorMessage":"Integration timeout"}`, "integration_timeout", "503"},
		{"role not assumable", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"API Gateway doesn't have permissions to assume the IAM role configured on the integration. Check the permissions and try again."}`, "credentials_role_error", "500"},
		// the function's error quoted ("Your logs might include a different
		// error message that indicates that there's a problem with your
		// Lambda function code"), as HTTP API access logs word it
		{"function error", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The Lambda function returned the following error: Unhandled. Check your Lambda function code and try again."}`, "lambda_function_error", "500"},
		{"function timeout", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The Lambda function returned the following error: RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. Check your Lambda function code and try again."}`, "lambda_function_timeout", "500"},
		// the function's own DynamoDB call refused: no request template's fault
		{"function's call refused", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"POST /items","status":"500","integrationErrorMessage":"The Lambda function returned the following error: An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes. Check your Lambda function code and try again."}`, "lambda_function_error", "500"},
		{"cognito expired", "HTTP/1.1 401 Unauthorized\n{\"message\":\"The incoming token has expired\"}", "not_5xx", "none"},
		{"cognito expired body", `{"message":"The incoming token has expired"}`, "not_5xx", "none"},
		{"not a signature", `{"message":"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."}`, "not_5xx", "none"},
		// the IAM guide's credential scope errors (Troubleshoot signed
		// requests for AWS APIs), as the gateway answers a caller
		{"scoped to another region", `{"message": "Credential should be scoped to a valid region, not 'ap-northeast-1'. "}`, "not_5xx", "none"},
		{"scoped to another service", "HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: InvalidSignatureException\n{\"message\":\"Credential should be scoped to correct service: 'execute-api'. \"}", "not_5xx", "none"},
		{"signed in the future", `{"message":"Signature not yet current: 20240101T120000Z is still later than 20240101T115500Z (20240101T115000Z + 5 min.)"}`, "not_5xx", "none"},
		{"scope date", `{"message":"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240101' != '20240102', from '20240102T000000Z'."}`, "not_5xx", "none"},
		// (look-alikes: the function's own SDK call refused, whose answer is
		// no client's, is the function failing; and a caller's refusal
		// beside a 5xx it also got)
		{"the function's own call", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n2024-01-01T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tCredential should be scoped to a valid region, not 'us-east-1'.", "lambda_function_error", "unknown"},
		{"scoped, beside a 5xx", "{\"message\": \"Credential should be scoped to a valid region, not 'ap-northeast-1'. \"}\nHTTP/1.1 504 Gateway Timeout\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		// an HTTP API's IAM authorization refusing a request with no
		// signature: 403, its $context.authorizer.error (microapps-core's
		// troubleshooting notes), as the record, quoted alone and beside the
		// client's 403; not the function's answer out of the proxy format
		{"iam authorizer, unsigned", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"403","authorizerError":"The request for the IAM Authorizer doesn't match the format that API Gateway expects."}`, "not_5xx", "none"},
		{"iam authorizer, quoted", `"authorizerError": "The request for the IAM Authorizer doesn't match the format that API Gateway expects."`, "not_5xx", "none"},
		{"iam authorizer, with its 403", "HTTP/2 403\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Forbidden\"}\nThe access log says: The request for the IAM Authorizer doesn't match the format that API Gateway expects.", "not_5xx", "none"},
		// (look-alikes: the same refusal beside another request's 5xx, a
		// bare HTTP API 503 that the refusal does not explain, and the
		// function's answer that does not match the format)
		{"iam authorizer beside a 5xx", "\"authorizerError\": \"The request for the IAM Authorizer doesn't match the format that API Gateway expects.\"\nHTTP/2 503\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Service Unavailable\"}", "integration_timeout", "503"},
		{"the function's answer", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The response from the Lambda function doesn't match the format that API Gateway expects."}`, "lambda_malformed_proxy_response", "500"},
		// the same words quoted without their record (as a person pastes
		// them): the request failed, and they are an HTTP API's, so 500
		{"the function's answer, quoted alone", "The response from the Lambda function doesn’t match the format that API Gateway expects. Lambda body contains the wrong type for field \"isBase64Encoded\"", "lambda_malformed_proxy_response", "500"},
		{"the function's answer, retyped", "API Gateway says: The response from the Lambda function does not match the format that API Gateway expects.", "lambda_malformed_proxy_response", "500"},
		{"jwt expired", "HTTP/2 401\nwww-authenticate: Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
		// $context.error.message, the gateway's own words for what it answered
		{"error message 500", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","errorMessage":"Internal Server Error","integrationErrorMessage":"-"}`, "unknown", "500"},
		{"error message 404", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"-","status":"404","errorMessage":"Not Found"}`, "not_5xx", "none"},
		{"network error", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"503","integrationErrorMessage":"Network error communicating with endpoint"}`, "backend_connection_error", "503"},
		// $context.integration.integrationStatus and $context.integrationStatus:
		// Lambda's own status, not the function's (the HTTP API logging
		// variables); 429 is Lambda throttling the invocation, 413 a request
		// over its payload limit (the Lambda Invoke API's errors)
		{"lambda throttled", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationStatus":"429","integrationErrorMessage":"-"}`, "lambda_throttled", "500"},
		{"lambda throttled, nested", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integration":{"status":"-","integrationStatus":"429"}}`, "lambda_throttled", "500"},
		{"lambda request too large", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"POST /items","status":"500","integrationStatus":"413"}`, "lambda_payload_too_large", "500"},
		{"a backend's own 429 reaches the client", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"429","integrationStatus":"429"}`, "not_5xx", "none"},
	})
}

// Lambda's Invoke API errors as the gateway logs them (the execution log's
// "Lambda invocation failed with status" and the error body that follows).
// Lambda rejecting the invocation is a 500 to the client. Throttling of any
// kind (the Reason values of TooManyRequestsException, EC2 throttling the
// function's network setup) is lambda_throttled; Lambda's own failure is
// internal_service_failure; an environment Lambda cannot set up (its
// network interfaces, file system, key, package or runtime) is a cause the
// taxonomy does not hold, and stays unknown with the 500 it shows.
func TestDocumentedLambdaInvokeErrors(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	answered := func(body string) string {
		return id + "Endpoint response body before transformations: " + body + "\n" +
			id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502"
	}
	failed := func(code, body string) string {
		return id + "Lambda invocation failed with status: " + code + ". Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + "Execution failed due to configuration error: " + body + "\n" + id + "Method completed with status: 500"
	}
	checkWordings(t, []wording{
		{"concurrent invocations", failed("429", `{"Reason":"ConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}`), "lambda_throttled", "500"},
		{"reserved concurrency", failed("429", `{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}`), "lambda_throttled", "500"},
		{"function rate", `{"__type":"TooManyRequestsException","Reason":"FunctionInvocationRateLimitExceeded","Type":"User"}`, "lambda_throttled", "unknown"},
		{"reserved rate", `{"Reason":"ReservedFunctionInvocationRateLimitExceeded","Type":"User"}`, "lambda_throttled", "unknown"},
		{"caller rate", `{"Reason":"CallerRateLimitExceeded","Type":"User"}`, "lambda_throttled", "unknown"},
		{"ec2 throttled", failed("502", `{"Type":"User","message":"Lambda was throttled by EC2 while setting up the function's network interfaces."} EC2ThrottledException`), "lambda_throttled", "500"},
		{"service exception", failed("500", `{"Type":"Service","message":"An error occurred and the request cannot be processed."} ServiceException`), "internal_service_failure", "500"},
		{"eni limit", failed("502", `{"Type":"User","message":"Lambda was not able to create an ENI in the VPC of the Lambda function because the limit for Network Interfaces has been reached."} ENILimitReachedException`), "unknown", "500"},
		{"subnet addresses", failed("502", `{"Type":"User","message":"Lambda was not able to set up VPC access for the Lambda function because one or more configured subnets has no available IP addresses."} SubnetIPAddressLimitReachedException`), "unknown", "500"},
		{"kms", failed("502", `{"Type":"User","message":"Lambda was unable to decrypt the environment variables because KMS access was denied."} KMSAccessDeniedException`), "unknown", "500"},
		{"pending", failed("409", `{"Type":"User","message":"The operation cannot be performed at this time. The function is currently in the following state: Pending"} ResourceConflictException`), "unknown", "500"},
		{"inactive", failed("502", `{"Type":"User","message":"The function is inactive. Lambda is reclaiming the function's network interfaces."} ResourceNotReadyException`), "unknown", "500"},
		{"payload", id + "Lambda invocation failed with status: 413. Lambda request id: 0b59a014\n" + id + `Execution failed due to configuration error: {"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"} RequestTooLargeException`, "lambda_payload_too_large", "500"},
		{"not found", failed("404", `{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders"} ResourceNotFoundException`), "unknown", "500"},
		{"a function's own call is not the gateway's", "[ERROR] ClientError: An error occurred (ServiceException) when calling the Invoke operation: An error occurred and the request cannot be processed.", "lambda_function_error", "unknown"},
		// Lambda's error object logged as the proxy integration's answer:
		// the gateway calls it a malformed proxy response, but no function
		// answered, so that names no cause; Lambda's own status before it
		// says the same, and a function's answer is still judged
		{"refusal read as the answer", answered(`{"Message":"Lambda was not able to create an ENI in the VPC of the Lambda function because the limit for Network Interfaces has been reached.","Type":"User"}`), "unknown", "502"},
		{"refusal laid out", id + "Endpoint response body before transformations:\n{\n  \"Type\": \"User\",\n  \"message\": \"Lambda was unable to decrypt the environment variables because KMS access was denied.\"\n}\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", "unknown", "502"},
		{"refusal after Lambda's status", id + "Received response. Status: 502, Integration latency: 40 ms\n" + answered(`{"Type":"User","message":"The function is inactive."}`), "unknown", "502"},
		{"a function's answer", answered(`{"statusCode": 200, "body": {"id": 1}}`), "lambda_malformed_proxy_response", "502"},
	})
}

// The Lambda runtimes' and platform's words for a function that did not
// finish: the plain-text lines, the JSON log format and the Telemetry
// API's platform events.
func TestDocumentedLambdaRuntimeMessages(t *testing.T) {
	const req = "RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd "
	checkWordings(t, []wording{
		{"exit error", req + "Error: Runtime exited with error: exit status 1\nRuntime.ExitError", "lambda_runtime_crash", "unknown"},
		{"killed", req + "Error: Runtime exited with error: signal: killed\nRuntime.ExitError", "lambda_out_of_memory", "unknown"},
		{"no reason", req + "Error: Runtime exited without providing a reason\nRuntime.ExitError", "lambda_runtime_crash", "unknown"},
		{"process exited", req + "Process exited before completing request", "lambda_function_error", "unknown"},
		{"process exited out of memory", "REPORT " + req + "\tDuration: 2996.12 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\n" + req + "Process exited before completing request", "lambda_out_of_memory", "unknown"},
		{"oom type", "REPORT " + req + "\tDuration: 1.00 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory", "lambda_out_of_memory", "unknown"},
		{"task timed out", "2024-03-12T10:15:01.123Z 0b59a014-da05-49a0-98c3-fe2ac06de4fd Task timed out after 3.00 seconds", "lambda_function_timeout", "unknown"},
		{"report timeout", "REPORT " + req + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 31 MB\tStatus: timeout", "lambda_function_timeout", "unknown"},
		{"init timeout", "INIT_REPORT Init Duration: 3003.83 ms\tPhase: invoke\tStatus: timeout", "lambda_function_timeout", "unknown"},
		{"init error", "INIT_REPORT Init Duration: 154.03 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError", "lambda_runtime_crash", "unknown"},
		{"sandbox timeout", `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: 0b59a014 Error: Task timed out after 3.00 seconds"}`, "lambda_function_timeout", "unknown"},
		{"import", `{"errorType":"Runtime.ImportModuleError","errorMessage":"Unable to import module 'app': No module named 'app'"}`, "lambda_handler_misconfigured", "unknown"},
		{"handler not found", `{"errorType":"Runtime.HandlerNotFound","errorMessage":"index.handler is undefined or not exported"}`, "lambda_handler_misconfigured", "unknown"},
		{"entrypoint", `{"errorType":"Runtime.InvalidEntrypoint","errorMessage":"RequestId: 0b59a014 Error: Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]"}`, "lambda_runtime_crash", "unknown"},
		{"response size", `{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes)."}`, "lambda_payload_too_large", "unknown"},
		// the older errorMessage for the same limit, as the execution log
		// quotes a custom integration's endpoint response and as a person
		// quotes it beside the 200 the function meant to answer
		{"response size, older wording", "(6c6d6e6f-0000-4000-8000-00000000abcd) Endpoint response body before transformations: {\"errorMessage\":\"body size is too long\"}", "lambda_payload_too_large", "unknown"},
		{"response size, quoted", "The function builds the image (returning a 200 status code) but then throws a `body size is too long` message.", "lambda_payload_too_large", "unknown"},
		// the runtime API's own words for a response over the limit: its
		// 413 to the runtime posting the response, and aws-lambda-cpp's log
		// line for that 413 (the Node.js runtime's native client), with and
		// without the body, and the body's type quoted alone
		{"runtime api 413", "2025-01-23T09:03:56.474Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tLAMBDA_RUNTIME Failed to post handler success response. Http response code: 413.\n{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}", "lambda_payload_too_large", "unknown"},
		{"runtime api 413, its type alone", "LAMBDA_RUNTIME Failed to post handler success response. {\"errorType\":\"RequestEntityTooLarge\"}", "lambda_payload_too_large", "unknown"},
		{".NET's response buffer full", "Unable to expand length of this stream beyond its capacity.: NotSupportedException\nat System.IO.UnmanagedMemoryStream.Write(Byte[] buffer, Int32 offset, Int32 count)", "lambda_payload_too_large", "unknown"},
		{"a function's own fixed stream", "Memory stream is not expandable.: NotSupportedException\nat System.IO.MemoryStream.set_Capacity(Int32 value)", "unknown", "unknown"},
		{"runtime api 413, the line alone", "[ERROR] [1676162159910] LAMBDA_RUNTIME Failed to post handler success response. Http response code: 413.", "lambda_payload_too_large", "unknown"},
		{"runtime api 413 beside the REST body", "{\"message\": \"Internal server error\"}\n[ERROR] [1676162159910] LAMBDA_RUNTIME Failed to post handler success response. Http response code: 413.", "lambda_payload_too_large", "502"},
		// (another status posting the response is not the limit)
		{"runtime api 403", "[ERROR] [1737623036474] LAMBDA_RUNTIME Failed to post handler success response. Http response code: 403.", "lambda_function_error", "unknown"},
		{"platform report timeout", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.report","record":{"requestId":"0b59a014-da05-49a0-98c3-fe2ac06de4fd","metrics":{"durationMs":3000.0,"billedDurationMs":3000,"memorySizeMB":128,"maxMemoryUsedMB":31},"status":"timeout"}}`, "lambda_function_timeout", "unknown"},
		{"platform runtimeDone timeout", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.runtimeDone","record":{"requestId":"0b59a014-da05-49a0-98c3-fe2ac06de4fd","status":"timeout"}}`, "lambda_function_timeout", "unknown"},
		{"platform initReport error", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.initReport","record":{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ExitError"}}`, "lambda_runtime_crash", "unknown"},
		{"platform report oom", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.report","record":{"requestId":"0b59a014","status":"error","errorType":"Runtime.OutOfMemory"}}`, "lambda_out_of_memory", "unknown"},
	})
}

// WebSocket APIs: the frame a failing route answers, the handshake a
// failing $connect refuses, the gateway's refusal of a caller, and the
// close codes the gateway documents.
func TestDocumentedWebSocketMessages(t *testing.T) {
	checkWordings(t, []wording{
		{"route frame", `< {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNDEUmvHcFYzw="}`, "unknown", "500"},
		{"connect refused", "error: Unexpected server response: 502", "unknown", "502"},
		{"connect forbidden", `error: Unexpected server response: 403`, "not_5xx", "none"},
		{"closed idle", `Disconnected (code: 1001, reason: "Going away")`, "not_5xx", "none"},
		{"closed too big", `Disconnected (code: 1009, reason: "")`, "not_5xx", "none"},
		{"closed throttled", "websockets.exceptions.ConnectionClosedError: received 1008 (policy violation); then sent 1008 (policy violation)", "not_5xx", "none"},
		{"closed internal error", `Disconnected (code: 1011, reason: "")`, "unknown", "500"},
		{"python internal error", "websockets.exceptions.ConnectionClosedError: received 1011 (internal error); then sent 1011 (internal error)", "unknown", "500"},
		{"the client's own close", "websockets.exceptions.ConnectionClosedError: sent 1011 (internal error) keepalive ping timeout; no close frame received", "unknown", "unknown"},
		// the management API's answer to the backend shows nothing of the client's
		{"gone", "An error occurred (GoneException) when calling the PostToConnection operation: 410 GoneException", "lambda_function_error", "unknown"},
	})
}

// The 5xx statuses as the knowledge-center article on API Gateway 5xx
// errors names them in the catalog's four languages; its 504 is the
// gateway's "Endpoint request timed out", which names the integration
// timeout in any language.
func TestDocumentedStatusPhrasesInFourLanguages(t *testing.T) {
	checkWordings(t, []wording{
		{"ja 502", "API を呼び出すと不正ゲートウェイが返されます。", "unknown", "502"},
		// (a 503 alone, on an API not known to be REST, is most likely an
		// HTTP API's integration timeout: the fallback's answer)
		{"ja 503", "API を呼び出すと「サービスは利用できません」と表示されます。", "integration_timeout", "503"},
		{"ja 504", "API を呼び出すと「エンドポイントリクエストがタイムアウトしました」と表示されます。", "integration_timeout", "504"},
		{"zh-TW 502", "呼叫 API 時收到錯誤閘道器回應。", "unknown", "502"},
		{"zh-TW 504", "呼叫 API 時收到「端點請求已逾時」。", "integration_timeout", "504"},
		{"zh-CN 504", "调用 API 时收到“端点请求超时”。", "integration_timeout", "504"},
		{"pt-BR 502", "Ao chamar a API recebo gateway incorreto.", "unknown", "502"},
		{"pt-BR 504", "Ao chamar a API recebo tempo limite da solicitação do endpoint.", "integration_timeout", "504"},
	})
}

// "Internal server error" in the other order, as Chinese and Japanese
// message tables of web frameworks and applications name a 500: some 5xx,
// which no 4xx shown beside it turns into an all-clear.
func TestInternalServerErrorInOtherWordOrders(t *testing.T) {
	checkWordings(t, []wording{
		{"zh-CN", "调用接口返回服务器内部错误", "unknown", "500"},
		{"zh-TW", "呼叫 API 時收到伺服器內部錯誤", "unknown", "500"},
		{"ja", "API を呼ぶと「サーバー内部エラー」になります", "unknown", "500"},
		{"ja without the long vowel mark", "API を呼ぶとサーバ内部エラーが返ります", "unknown", "500"},
		// beside a 4xx another line shows: still no all-clear
		{"zh-CN beside a 403", "HTTP/1.1 403 Forbidden\n另一个接口返回服务器内部错误", "unknown", "500"},
		{"ja beside a 403", "HTTP/1.1 403 Forbidden\n別のAPIはサーバー内部エラーになります", "unknown", "500"},
	})
}

// The knowledge-center article on 500 errors of REST APIs with VPC link
// integrations, an Application Load Balancer's own 503 behind an
// integration, the HTTP API JWT authorizer's refusals, a WebSocket route
// the gateway refuses, and the Lambda REPORT of a function that used all
// its memory.
func TestDocumentedMoreMessages(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	checkWordings(t, []wording{
		{"invalid endpoint address", id + "Execution failed due to configuration error: Invalid endpoint address", "backend_connection_error", "500"},
		{"vpc link internal error", id + "Execution failed due to configuration error: There was an internal error while executing your request\n" + id + "Method completed with status: 500", "private_integration_error", "500"},
		{"vpc link certificate", id + "Execution failed due to configuration error: Host name 'domain.example.com' does not match the certificate subject provided by the peer (CN=myinstance.example.com)\n" + id + "Method completed with status: 500", "backend_tls_error", "500"},
		{"jwt scope", "HTTP/2 403\nwww-authenticate: Bearer scope=\"orders:write\" error=\"insufficient_scope\" error_description=\"access token has insufficient scopes\"\n{\"message\":\"Forbidden\"}", "not_5xx", "none"},
		{"http api no route", "HTTP/2 404\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Not Found\"}", "not_5xx", "none"},
		{"websocket route refused", `< {"message": "Forbidden", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNDEUmvHcFYzw="}`, "not_5xx", "none"},
		// an Application Load Balancer's own 503 (the Knowledge Center's
		// alb-troubleshoot-503-errors: "503 Service Temporarily
		// Unavailable" in the response is the load balancer's), through an
		// HTTP API's or a REST API's proxy integration, as curl shows it
		{"alb 503 through an http api", "HTTP/1.1 503 Service Temporarily Unavailable\napigw-requestid: RL2XYiwjPHcEMEQ=\n<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>", "backend_unavailable", "503"},
		{"alb 503 page alone", "<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n</body>\n</html>", "backend_unavailable", "503"},
		{"alb 503 through a rest api", "HTTP/1.1 503 Service Temporarily Unavailable\nx-amzn-RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\n<h1>503 Service Temporarily Unavailable</h1>", "backend_unavailable", "503"},
		// (look-alikes: the HTTP API's own 503 is its integration timeout,
		// and the page in the function's own log is its call to a service
		// behind a load balancer, no answer of the API's)
		{"http api's own 503", "HTTP/2 503\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Service Unavailable\"}", "integration_timeout", "503"},
		{"the function's own call", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n2024-01-01T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tupstream answered: <title>503 Service Temporarily Unavailable</title>", "lambda_function_error", "unknown"},
		{"memory used up", "REPORT RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\tDuration: 2503.11 ms\tBilled Duration: 2504 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB", "lambda_out_of_memory", "unknown"},
	})
}

// A person reporting the configuration error and the 502 of the
// knowledge-center article on 502 errors of Lambda proxy integrations, in
// its four editions; the 502 alone, or a configuration error with a 500,
// names nothing.
func TestDocumentedConfigurationErrorWith502(t *testing.T) {
	m := "lambda_malformed_proxy_response"
	checkWordings(t, []wording{
		{"en", "When I call my REST API, I receive a configuration error and an HTTP 502 status code.", m, "502"},
		{"ja", "REST API を呼び出すと、設定エラーおよび HTTP 502 ステータスコードが表示されます。", m, "502"},
		{"zh-TW", "當我呼叫 REST API 時，收到組態錯誤和 HTTP 502 狀態代碼。", m, "502"},
		{"pt-BR", "Quando chamo minha API REST, recebo um erro de configuração e um código de status HTTP 502.", m, "502"},
		{"502 alone", "When I call my REST API, I receive an HTTP 502 status code.", "unknown", "502"},
		{"with a 500", "When I call my REST API, I receive a configuration error and an HTTP 500 status code.", "unknown", "500"},
	})
}

// Every "Execution failed due to ..." form of the REST execution log, and
// the lines around it, with the cause each names and the status the client
// got. Each row names its source: the knowledge-center articles on 5xx
// errors of Lambda integrations, on proxy path character errors, on 500
// errors of VPC link integrations, on "Execution failed due to
// configuration" after a template or OpenAPI import, on Lambda
// integrations' errors, and the developer guide's execution-log and
// gateway-response pages.
func TestDocumentedExecutionFailures(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	cfg := func(reason string) string { return id + "Execution failed due to configuration error: " + reason }
	done := func(code string) string { return "\n" + id + "Method completed with status: " + code }
	checkWordings(t, []wording{
		// Lambda integrations' errors (KC): each alone shows some 5xx, and
		// the cause gives the code
		{"malformed proxy response", cfg("Malformed Lambda proxy response"), "lambda_malformed_proxy_response", "502"},
		{"invoke permission", cfg("Invalid permissions on Lambda function"), "lambda_invoke_permission", "500"},
		{"request template", cfg("Unable to transform request"), "mapping_template_error", "500"},
		{"response template", cfg("Unable to transform response"), "mapping_template_error", "500"},
		{"status mapping", cfg("No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 400"), "status_mapping_missing", "500"},
		{"method response", cfg("Output mapping refers to an invalid method response: 2xx"), "status_mapping_missing", "500"},
		{"role", cfg("API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/apigw-sqs"), "credentials_role_error", "500"},
		{"timeout", id + "Execution failed due to a timeout error" + done("504"), "integration_timeout", "504"},
		{"internal error", id + "Execution failed due to an internal error", "internal_service_failure", "500"},
		{"authorizer", cfg("Authorizer error"), "authorizer_error", "500"},
		{"authorizer alone", id + "Authorizer error", "authorizer_error", "500"},
		{"authorizer exception alone", id + "AuthorizerConfigurationException", "authorizer_error", "500"},
		{"authorizer exception, console test", "Thu Jun 08 15:09:51 UTC 2023 : AuthorizerConfigurationException", "authorizer_error", "500"},
		// an authorizer's test: its function answered an error object
		{"authorizer answer not a policy", "Thu Jun 08 15:09:51 UTC 2023 : Authorizer result body before parsing: {\"errorType\":\"Runtime.ImportModuleError\",\"errorMessage\":\"Error: Cannot find module 'okta'\"}\n" +
			"Thu Jun 08 15:09:51 UTC 2023 : Execution failed due to configuration error: Invalid JSON in response: Unrecognized field \"errorType\" , not marked as ignorable", "authorizer_error", "500"},
		{"authorizer timed out", id + `Authorizer result body before parsing: {"errorMessage":"2024-03-12T10:15:04.123Z 0b59a014 Task timed out after 3.00 seconds"}` + done("500"), "authorizer_error", "500"},
		{"authorizer's policy read", id + `Authorizer result body before parsing: {"principalId":"user","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]}}`, "unknown", "unknown"},
		// KC on proxy path character errors: {proxy} left in the URI for
		// want of a URL path parameter mapping; a stage variable left in it
		{"illegal character, KC words", "Execution failed due to configuration error: Illegal character in path", "mapping_template_error", "500"},
		{"illegal character in path", cfg("Illegal character in path at index 27: http://example.com/{proxy}"), "mapping_template_error", "500"},
		{"illegal character in query", cfg("Illegal character in query at index 40: https://example.com/orders?id={id}"), "mapping_template_error", "500"},
		{"stage variable left in the URI", cfg("Illegal character in authority at index 8: https://${stageVariables.backendHost}/orders"), "stage_variable_unresolved", "500"},
		{"a function's own URI", "java.net.URISyntaxException: Illegal character in path at index 27: http://example.com/{id}", "lambda_function_error", "unknown"},
		// the developer guide's binary payload conversions: a body that is
		// not base64 where the content handling decodes it
		{"base64", cfg("Unable to base64 decode the body."), "mapping_template_error", "500"},
		// the console's test output: each line after its date, no request id
		{"console test, path parameter", "Thu Apr 01 21:58:32 UTC 2021 : Execution failed due to configuration error: Illegal character in path at index 27: http://example.com/{proxy}\nThu Apr 01 21:58:32 UTC 2021 : Method completed with status: 500", "mapping_template_error", "500"},
		{"console test, a service's answer", "Thu Apr 01 21:58:32 UTC 2021 : Endpoint response body before transformations: <ErrorResponse><Error><Type>Sender</Type><Code>MissingParameter</Code><Message>The request must contain the parameter MessageBody.</Message></Error></ErrorResponse>", "mapping_template_error", "unknown"},
		// the developer guide's MOCK integration: the request template must
		// set an integer statusCode
		{"mock statusCode", cfg("Unable to parse statusCode. It should be an integer that is defined in the request template."), "mapping_template_error", "500"},
		// KC on 500 errors of VPC link integrations; HTTP integrations
		{"vpc link", cfg("There was an internal error while executing your request") + done("500"), "private_integration_error", "500"},
		{"vpc link error", id + "Execution failed due to an vpc link error", "private_integration_error", "500"},
		{"vpc link id", cfg("Invalid vpclink id 96czbs referenced in integration"), "private_integration_error", "500"},
		{"endpoint address", cfg("Invalid endpoint address"), "backend_connection_error", "500"},
		{"network error", id + "Execution failed due to a network error communicating with endpoint", "backend_connection_error", "504"},
		// KC on configuration errors after an import: a Lambda integration
		// called with GET
		{"not post", id + "Endpoint response body before transformations: <AccessDeniedException>\n" + id + "<Message>Unable to determine service/operation name to be authorized</Message>\n" +
			id + "Lambda invocation failed with status: 403. Lambda request id: abc1d2ef-34ab-56c7-de8f-90123a456789\n" + id + "Execution failed due to configuration error:" + done("500"), "integration_method_not_post", "500"},
		// Lambda refusing the invocation: the client gets the gateway's 5xx,
		// never Lambda's status
		{"lambda 403 alone", id + "Lambda invocation failed with status: 403. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "lambda_invoke_permission", "500"},
		{"lambda 429 alone", id + "Lambda invocation failed with status: 429. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "lambda_throttled", "500"},
		{"lambda 502 is Lambda's status", id + "Lambda invocation failed with status: 502. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "unknown", "500"},
		// a function that failed: its own status is 200, the client's 502 on
		// a proxy integration (and 200 on a custom one, so no status alone)
		{"customer function error", id + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 0b59a014", "lambda_function_error", "unknown"},
		{"customer function error and 502", id + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 0b59a014" + done("502"), "lambda_function_error", "502"},
		{"method completed alone", id + "Method completed with status: 502", "unknown", "502"},
		{"throttled request", id + "Method completed with status: 429", "not_5xx", "none"},
		{"endpoint request id", id + "AWS Integration Endpoint RequestId : 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "unknown", "unknown"},
	})
}

// A custom domain that requires mutual TLS refuses a client certificate it
// cannot trust with a 403, in the execution log's words (the
// knowledge-center article on mutual TLS 403 errors, its English and
// Chinese editions): the caller's certificate, no backend's TLS.
func TestDocumentedMutualTLSRefusals(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	checkWordings(t, []wording{
		{"issuer", id + "Access denied. Reason: Could not find issuer for certificate", "not_5xx", "none"},
		{"signature algorithm", id + "Access denied. Reason: Client cert using an insecure Signature Algorithm", "not_5xx", "none"},
		{"self signed", id + "Access denied. Reason: self signed certificate", "not_5xx", "none"},
		{"self signed, no space", id + "Access denied.Reason: self signed certificate", "not_5xx", "none"},
		{"with the client's 403", id + "Access denied. Reason: self signed certificate\nHTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}", "not_5xx", "none"},
		// a backend's self-signed certificate is still the integration's TLS
		{"a backend's certificate", id + "Execution failed due to configuration error: self signed certificate in certificate chain\n" + id + "Method completed with status: 500", "backend_tls_error", "500"},
	})
}

// The REST execution log's record of a request the gateway refused before
// any integration ran (the knowledge-center articles on API Gateway logs
// and on 429 errors; the developer guide's request validation pages).
func TestDocumentedExecutionLogRefusals(t *testing.T) {
	const id = "(fd443056-60d0-425f-874e-e93e5d61351e) "
	checkWordings(t, []wording{
		{"authorizer refused", id + "Starting authorizer: 62mgrc for request: fd443056-60d0-425f-874e-e93e5d61351e\n" + id + "Unauthorized request: fd443056-60d0-425f-874e-e93e5d61351e", "not_5xx", "none"},
		{"authorizer refused, pasted without the id", "Unauthorized request: fd443056-60d0-425f-874e-e93e5d61351e", "not_5xx", "none"},
		{"api key missing", id + "API Key not authorized because method 'GET /' requires API Key and API Key is not associated with a Usage Plan for API Stage abc123/prod: API Key was required but not present", "not_5xx", "none"},
		{"api key in no usage plan", id + "API Key ********abcd not authorized because method 'GET /' requires API Key and API Key is not associated with a Usage Plan for API Stage abc123/prod: No Usage Plan found for key and API Stage", "not_5xx", "none"},
		{"usage plan throttle", id + "API Key **********F0yrv6 exceeded throttle limit for API Stage rohkz08x02/dev: Key throttle limit exceeded for Usage Plan ID nnpegc. Limit: 1.00 Burst: 0", "not_5xx", "none"},
		{"usage plan quota", id + "API Key **********F0yrv6 exceeded quota limit for API Stage rohkz08x02/dev: Key quota exhausted for Usage Plan ID nnpegc. Limit: 500 Period: DAY", "not_5xx", "none"},
		{"request validator", id + "Request body does not match model schema for content type application/json: [object has missing required properties ([\"name\"])]", "not_5xx", "none"},
		// an authorizer's Deny policy or a resource policy refusing the
		// caller (several reports quote the gateway's words so, a WebSocket
		// $connect authorizer's and a cross-account caller's), and the
		// access log's $context.authorize.error holding them
		{"authorization refused", id + "Successfully completed authorizer execution\n" + id + "The client is not authorized to perform this operation.", "not_5xx", "none"},
		{"authorization refused, quoted", `The log from API GW is: "The client is not authorized to perform this operation."`, "not_5xx", "none"},
		{"authorization refused, access log", `{"requestId":"fd443056-60d0-425f-874e-e93e5d61351e","authorizeError":"The client is not authorized to perform this operation.","authorizeStatus":"403"}`, "not_5xx", "none"},
		{"request validator, console test", "Mon Nov 29 13:31:04 UTC 2021 : Request body does not match model schema for content type application/json: [Unknown error parsing request body]", "not_5xx", "none"},
		// look-alikes: the usage plan letting a request through, an
		// application's own "Unauthorized request" in the function's log,
		// and a refusal beside a 5xx another line shows
		{"api key not required", id + "API Key authorized because method 'GET /' does not require API Key. Request will not contribute to throttle or quota limits", "unknown", "unknown"},
		{"usage plan check passed", id + "Usage Plan check succeeded for API Key **********abcd and API Stage abc123/prod", "unknown", "unknown"},
		{"the function's own message", "2024-01-01T00:00:00.000Z\tfd443056-60d0-425f-874e-e93e5d61351e\tERROR\tUnauthorized request: fd443056-60d0-425f-874e-e93e5d61351e", "lambda_function_error", "unknown"},
		{"an application's words", "Unauthorized request: no user found with given email", "unknown", "unknown"},
		{"beside a 5xx", id + "Unauthorized request: fd443056-60d0-425f-874e-e93e5d61351e\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"authorization refused beside a 5xx", id + "The client is not authorized to perform this operation.\n{\"message\": \"Internal server error\"}", "unknown", "500"},
		// an AWS SDK's error for a call Lambda refused with the same words
		// (botocore's ClientError, the AWS SDK for Go v2's OperationError,
		// the AWS SDK for Java 1.x's and 2.x's service exceptions): a
		// person's or a function's own call, no client's answer from the API
		{"botocore, lambda invoke refused", "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Invoke operation: The client is not authorized to perform this operation.", "unknown", "unknown"},
		{"aws sdk for go v2, lambda invoke refused", "operation error Lambda: Invoke, https response error StatusCode: 403, RequestID: 0b59a014-da05-49a0-98c3-fe2ac06de4fd, api error AccessDeniedException: The client is not authorized to perform this operation.", "unknown", "unknown"},
		{"aws sdk for java 1.x, lambda invoke refused", "com.amazonaws.services.lambda.model.AWSLambdaException: The client is not authorized to perform this operation. (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: 0b59a014-da05-49a0-98c3-fe2ac06de4fd)", "lambda_function_error", "unknown"},
		{"aws sdk for java 2.x, lambda invoke refused", "software.amazon.awssdk.services.lambda.model.LambdaException: The client is not authorized to perform this operation. (Service: Lambda, Status Code: 403, Request ID: 0b59a014-da05-49a0-98c3-fe2ac06de4fd)", "lambda_function_error", "unknown"},
		{"authorization refused in the function's log", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tThe client is not authorized to perform this operation.\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown"},
	})
}
