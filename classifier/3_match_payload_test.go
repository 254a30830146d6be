package classifier

import "testing"

// Lambda's 6 MB synchronous payload limit and API Gateway's 10 MB one, in
// each layer that can show them: Lambda's answer to the gateway as the
// execution log and the access logs quote it, the runtime API's 413 as
// each runtime client logs it, the quotas pages' words in the guide's
// languages. Look-alikes: the same limits hit by the function's own calls,
// other services' size limits, and people asking about the quota.
func TestPayloadLimitForms(t *testing.T) {
	const (
		p   = "lambda_payload_too_large"
		b   = "backend_payload_too_large"
		id  = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
		big = `{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}`
	)
	checkWordings(t, []wording{
		// a REST API's Lambda proxy integration: Lambda's answer to an
		// invocation whose response was over 6 MB (the Lambda guide's
		// "Invocation payload" quota; the error type is the one the Invoke
		// API returns with X-Amz-Function-Error: Unhandled), then the
		// gateway's own verdict on that answer, which is no proxy response
		{"rest proxy, response over 6 MB", id + "Endpoint response body before transformations: " + big + "\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", p, "502"},
		// a REST API's custom Lambda integration, as the execution log
		// words a function error
		{"rest custom, response over 6 MB", id + "Lambda execution failed with status 200 due to customer function error: Response payload size exceeded maximum allowed payload size (6291556 bytes).. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", p, "unknown"},
		// the same answer through a custom integration with no selection
		// pattern for it: Lambda's error object passed on with 200, as a
		// function's own error is (lambda_error_masked_as_200)
		{"rest custom, masked as 200", id + "Endpoint response body before transformations: " + big + "\n" + id + "Method response body after transformations: " + big + "\n" + id + "Method completed with status: 200", "lambda_error_masked_as_200", "none"},
		// the same object as the body curl printed: only a custom
		// integration answers with it, and with 200
		{"curl got lambda's error object", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/export\n" + big, "lambda_error_masked_as_200", "none"},
		// an HTTP API's access record ($context.integrationErrorMessage, the
		// HTTP API guide's "The Lambda function returned the following
		// error: ... Check your Lambda function code and try again.")
		{"http api access record", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /export","status":"500","integrationStatus":"200","integrationErrorMessage":"The Lambda function returned the following error: Response payload size exceeded maximum allowed payload size (6291556 bytes).. Check your Lambda function code and try again."}`, p, "500"},
		// a REST API's access record with $context.integration.error, in a
		// project's own field names, as its issue tracker quotes it
		// (DataBiosphere/azul issue 8192)
		{"rest access record", `{"error_message":"Internal server error","error_responseType":"INTEGRATION_FAILURE","integration_error":"Lambda Customer Function Error:Response payload size exceeded maximum allowed payload size (6291556 bytes).","integration_integrationStatus":"200","status":"502"}`, p, "502"},
		// the older errorMessage as people paraphrase it ("body size too
		// long", "body size too big": aws-solutions/serverless-image-handler
		// issue 35, amazon-archives/aws-vpc-flow-log-appender issue 4)
		{"older wording paraphrased", "Transforming a large gif causes a `body size too long` error.", p, "unknown"},
		{"older wording, too big", "Failing due to \"body size too big\"", p, "unknown"},
		// the REST API's request over 6 MB: Lambda refuses the invocation
		// (the Invoke API's RequestTooLargeException, HTTP 413)
		{"rest request over 6 MB", id + "Lambda invocation failed with status: 413. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" + id + "Method completed with status: 500", p, "500"},
		// the runtime API's error object as Python prints a dict, and its
		// type as a field
		{"runtime api error type, python repr", "{'errorType': 'RequestEntityTooLarge'}", p, "unknown"},
		{"runtime api error type as a field", "errorType: RequestEntityTooLarge", p, "unknown"},
		// (.NET's HttpStatusCode name for the 413 the function's own call
		// to another API got)
		{"dotnet status name of a dependency", "2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tfail: Upload failed. StatusCode: RequestEntityTooLarge, ReasonPhrase: 'Request Entity Too Large'", "unknown", "unknown"},
		// aws-lambda-cpp's run_handler (runtime.cpp's handle_post_outcome),
		// under a C++ custom runtime: the runtime API's 413, no client's
		{"cpp custom runtime", "[INFO] [1683579065572] LAMBDA_RUNTIME HTTP Request for invocation 8476a536-e9f4-11e8-9739-2dfe598c3fcd was not successful. HTTP response code: 413.", p, "unknown"},
		{"cpp custom runtime, without the tag", "HTTP Request for invocation 8476a536-e9f4-11e8-9739-2dfe598c3fcd was not successful. HTTP response code: 413.", p, "unknown"},
		// Lambda refusing the invocation, then the "Malformed Lambda proxy
		// response" a proxy integration logs for Lambda's error body, as
		// it does after Lambda's 403 and 429
		{"request over 6 MB, then malformed", id + "Lambda invocation failed with status: 413. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", p, "502"},
		{"invoke api refusal in the body, then malformed", id + `Endpoint response body before transformations: {"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}` + "\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", p, "502"},
		// Amazon.Lambda.RuntimeSupport (InternalClientAdapted.cs):
		// RuntimeApiClientException "Payload Too Large" for the runtime
		// API's 413, its message followed by "Status: 413" and the body
		{"dotnet runtime support", "Unhandled exception. Amazon.Lambda.RuntimeSupport.RuntimeApiClientException: Payload Too Large\n\nStatus: 413\nResponse: \n{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}", p, "unknown"},
		{"dotnet runtime support, message alone", "Amazon.Lambda.RuntimeSupport.RuntimeApiClientException: Payload Too Large", p, "unknown"},
		// the same client before it named the 413 (RuntimeApiClient.cs's
		// switch, any other status "was not expected")
		{"dotnet runtime support, older", "Amazon.Lambda.RuntimeSupport.RuntimeApiClientException: The HTTP status code of the response was not expected (413).", p, "unknown"},
		// awslambdaric's native client (runtime_client.cpp): aws-lambda-cpp
		// logs the runtime API's status (runtime.cpp's "Failed to post
		// handler success response. Http response code: %ld."), then
		// post_invocation_result raises RuntimeError without it; the 413
		// on aws-lambda-cpp's line or the error's own is the limit
		{"python native client, after the cpp line", "[ERROR] [1737623036474] LAMBDA_RUNTIME Failed to post handler success response. Http response code: 413.\nTraceback (most recent call last):\n  File \"/var/lang/lib/python3.12/site-packages/awslambdaric/lambda_runtime_client.py\", line 176, in post_invocation_result\n    runtime_client.post_invocation_result(\nRuntimeError: Failed to post invocation response", p, "unknown"},
		{"python native client, the 413 on its line", "RuntimeError: Failed to post invocation response: 413 Payload Too Large", p, "unknown"},
		{"runtime api error type on the line", `Failed to post invocation response {"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}`, p, "unknown"},
		// (look-alikes: the same RuntimeError and the multi-concurrency
		// mode's warning, LambdaMultiConcurrentRuntimeClient.handle_exception,
		// are raised for any refused post, and the Runtime API reference
		// lists 400, 403 and 500 beside 413 for the response endpoint: no
		// size named, no payload limit)
		{"python native client, no code", "Traceback (most recent call last):\n  File \"/var/lang/lib/python3.12/site-packages/awslambdaric/lambda_runtime_client.py\", line 176, in post_invocation_result\n    runtime_client.post_invocation_result(\nRuntimeError: Failed to post invocation response", wantFnErr, "unknown"},
		{"python multi-concurrency, no code", "[WARNING]\t2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tFailed to post invocation response: This won't kill the Runtime loop", "unknown", "unknown"},
		{"cpp line with 403, then the RuntimeError", "[ERROR] [1737623036474] LAMBDA_RUNTIME Failed to post handler success response. Http response code: 403.\nRuntimeError: Failed to post invocation response", wantFnErr, "unknown"},
		// the quotas pages of the API Gateway guide in its editions:
		// "Payload size 10 MB", ペイロードサイズ, 페이로드 크기, 负载大小
		{"gateway quota, japanese", "HTTP/1.1 500 Internal Server Error\nAPI Gatewayのペイロードサイズの上限10MBを超えていました。", b, "500"},
		{"gateway quota, korean", "HTTP/1.1 500 Internal Server Error\nAPI Gateway 페이로드 크기 10MB 제한을 넘었습니다.", b, "500"},
		{"gateway quota, chinese", "HTTP/1.1 500 Internal Server Error\nAPI Gateway 的负载大小上限为 10MB，响应超过了它。", b, "500"},
		// (the limit named as a setting or with a size under it is every
		// request's, none reaching it; one exceeded still names it)
		{"gateway limit doubted", "HTTP/1.1 500 Internal Server Error\nI am not sure whether the payload size limit of 10 MB applies here.", "unknown", "500"},
		{"a size far below the gateway limit", "HTTP/1.1 500 Internal Server Error\nThe response is 200 KB, far below the 10 MB payload limit.", "unknown", "500"},
		{"the gateway limit exceeded", "HTTP/1.1 500 Internal Server Error\nThe response exceeds the 10 MB payload limit.", b, "500"},
		// (look-alikes: the function's own calls and other services' limits)
		{"function's own upload check", "2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tValueError: File size 20971520 exceeds maximum 10485760 bytes (10 MB).", wantFnErr, "unknown"},
		// API Gateway's limit as people and messages give it in bytes, and
		// (a look-alike) as a setting's value: a WAF rule's size
		// constraint, no failure
		{"gateway limit in bytes", "HTTP/1.1 500 Internal Server Error\nThe backend answer was larger than the limit of 10485760 bytes.", b, "500"},
		{"gateway limit beside its word", "HTTP/1.1 500 Internal Server Error\nThe payload limit is 10485760, and our report is bigger.", b, "500"},
		{"waf size constraint", `"SizeConstraintStatement": {"FieldToMatch": {"Body": {"OversizeHandling": "MATCH"}}, "ComparisonOperator": "GT", "Size": 10485760}`, "unknown", "unknown"},
		// the Lambda API refusing a deployment package over its quota with
		// the same exception (the CLI, a framework publishing a layer): no
		// request to the API failed
		{"deploy refused, cli", "An error occurred (RequestEntityTooLargeException) when calling the UpdateFunctionCode operation: Request must be smaller than 69905067 bytes for the UpdateFunctionCode operation", "unknown", "unknown"},
		{"layer refused", "Error: RequestEntityTooLargeException: Request must be smaller than 69905067 bytes for the PublishLayerVersion operation", "unknown", "unknown"},
		{"function's own 10 MB check", "2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tError: upload rejected: the request body is larger than 10 MB", wantFnErr, "unknown"},
		{"s3 entity too large", pyRuntimeErr + "ClientError: An error occurred (EntityTooLarge) when calling the PutObject operation: Your proposed upload exceeds the maximum allowed size", wantFnErr, "unknown"},
		{"another service's 413", "2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tError: Request failed with status code 413\n    at createError (/var/task/node_modules/axios/lib/core/createError.js:16:15)", wantFnErr, "unknown"},
		// (NSwag's generated clients word every unexpected status so: the
		// function's own call to another API)
		{"another generated client's 413", "2025-11-30T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tUnhandled exception. MyCompany.Orders.ApiException: The HTTP status code of the response was not expected (413).", wantFnErr, "unknown"},
		// (awslambdaric's post of an error, not of a response)
		{"python error post", "RuntimeError: Failed to post invocation error", wantFnErr, "unknown"},
		// the client's side of a request over API Gateway's 10 MB: REST's
		// REQUEST_TOO_LARGE gateway response (413 "Request Too Long") and
		// the HTTP API's 413, a 4xx
		{"rest request over 10 MB", "HTTP/1.1 413 Request Entity Too Large\nx-amzn-ErrorType: RequestTooLargeException\n\n{\"message\":\"Request Too Long\"}", "not_5xx", "none"},
		// the same two refusals through an edge-optimized API's CloudFront
		// distribution, as a project's issue records them
		// (koki-develop/lgtm-generator issue 10): over 10 MB, over 6 MB
		{"edge request over 10 MB", "HTTP/2 413\ncontent-type: text; charset=utf-8\nx-cache: Error from cloudfront\n\nHTTP content length exceeded 10485760 bytes.", "not_5xx", "none"},
		{"edge request over 6 MB", "HTTP/2 413\ncontent-type: application/json\nx-amzn-errortype: BadRequestException\nx-cache: Error from cloudfront\n\n{\"message\": \"Request Too Long\"}", "not_5xx", "none"},
		{"http api request over 10 MB", "HTTP/2 413\napigw-requestid: RL2XYiwjPHcEMEQ=\n\n{\"message\":\"Request Entity Too Large\"}", "not_5xx", "none"},
		{"a question about the quota", "What is the maximum response size of a Lambda function behind API Gateway? Is it 6 MB?", "unknown", "unknown"},
	})
}
