package classifier

import "testing"

// The coverage of what API Gateway itself documents or is known to print,
// one row per message, each with the source that shows it and the cause
// the taxonomy gives it (docs/taxonomy.md): the gateway response types, the
// REST execution log's lines, the access logs' error variables of REST,
// HTTP and WebSocket APIs, the WebSocket frames, and the answers of the AWS
// services an integration calls, as the gateway logs them. Other tables
// test the same families in depth (TestDocumented*, the service
// integration tests); this one is the list to extend when the guide or a
// knowledge-center article adds a message.

// Sources, as the rows name them.
const (
	// the API Gateway developer guide's "Gateway response types" table
	srcGatewayResponses = "developer guide, gateway response types"
	// the developer guide's "Set up CloudWatch logging for REST APIs" and
	// the execution-log lines its examples and the console's test show
	srcExecutionLog = "developer guide, REST execution logs"
	// knowledge-center articles, by their path where it is known
	srcKCLambda502   = "knowledge center, malformed-502-api-gateway"
	srcKC5xx         = "knowledge center, 5xx errors of REST APIs and their Lambda integrations"
	srcKCVPC500      = "knowledge center, api-gateway-500-error-vpc"
	srcKCBackendSSL  = "knowledge center, backend SSL certificate errors"
	srcKCProxyPath   = "knowledge center, proxy path character errors"
	srcKCAuthorizer  = "developer guide, Lambda authorizers; knowledge center, api-gateway-401-error-lambda-authorizer"
	srcKCSQS         = "knowledge center, api-gateway-rest-api-sqs-errors"
	srcKCStageVar    = "knowledge center, stage variables and Lambda invoke permissions"
	srcKCmTLS        = "knowledge center, mutual TLS 403 errors"
	srcKCPrivateAPI  = "knowledge center, api-gateway-troubleshoot-403-forbidden (private APIs)"
	srcKCHTTPLambda  = "developer guide, troubleshooting HTTP API Lambda integrations"
	srcHTTPJWT       = "developer guide, troubleshooting HTTP API JWT authorizers"
	srcHTTPLogVars   = "developer guide, HTTP API logging variables"
	srcWebSocket     = "developer guide, WebSocket APIs (routes, $connect, logging)"
	srcLambdaInvoke  = "Lambda API reference, Invoke errors"
	srcServiceErrors = "AWS service API references, common errors, as the integration's endpoint response"
	srcMockIntegr    = "developer guide, mock integrations"
	srcBinary        = "developer guide, binary payload conversions"
)

// coverageRow is one documented message.
type coverageRow struct {
	src, name, text, cause, status string
}

func checkCoverage(t *testing.T, rows []coverageRow) {
	t.Helper()
	cases := make([]wording, 0, len(rows))
	for _, r := range rows {
		cases = append(cases, wording{r.src + ": " + r.name, r.text, r.cause, r.status})
	}
	checkWordings(t, cases)
}

const covID = "(6c6d6e6f-0000-4000-8000-00000000abcd) "

func covCfg(reason string) string {
	return covID + "Execution failed due to configuration error: " + reason
}

func covDone(code string) string { return "\n" + covID + "Method completed with status: " + code }

func covEndpoint(body string) string {
	return covID + "Endpoint response body before transformations: " + body
}

// covAccess is a REST access-log record with the gateway response's type
// and $context.error.message.
func covAccess(status, typ, msg string) string {
	return `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","status":"` + status + `","responseType":"` + typ + `","errorMessage":"` + msg + `"}`
}

// covHTTPAccess is an HTTP API access-log record with one more field.
func covHTTPAccess(status, field, value string) string {
	return `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"` + status + `","` + field + `":"` + value + `"}`
}

// Each gateway response type, as an access log records it with its default
// status and message: the 4xx types are the gateway's own refusals; a 5xx
// type names a cause only as far as the type does.
func TestCoverageGatewayResponseTypes(t *testing.T) {
	s := srcGatewayResponses
	checkCoverage(t, []coverageRow{
		{s, "ACCESS_DENIED", covAccess("403", "ACCESS_DENIED", "User is not authorized to access this resource with an explicit deny"), "not_5xx", "none"},
		{s, "API_CONFIGURATION_ERROR", covAccess("500", "API_CONFIGURATION_ERROR", "Internal server error"), "unknown", "500"},
		{s, "AUTHORIZER_CONFIGURATION_ERROR", covAccess("500", "AUTHORIZER_CONFIGURATION_ERROR", "null"), "authorizer_error", "500"},
		{s, "AUTHORIZER_FAILURE", covAccess("500", "AUTHORIZER_FAILURE", "null"), "authorizer_error", "500"},
		{s, "BAD_REQUEST_PARAMETERS", covAccess("400", "BAD_REQUEST_PARAMETERS", "Missing required request parameters: [petId]"), "not_5xx", "none"},
		{s, "BAD_REQUEST_BODY", covAccess("400", "BAD_REQUEST_BODY", "Invalid request body"), "not_5xx", "none"},
		{s, "DEFAULT_4XX", covAccess("403", "DEFAULT_4XX", "Forbidden"), "not_5xx", "none"},
		{s, "DEFAULT_5XX", covAccess("500", "DEFAULT_5XX", "Internal server error"), "unknown", "500"},
		{s, "EXPIRED_TOKEN", covAccess("403", "EXPIRED_TOKEN", "The security token included in the request is expired"), "not_5xx", "none"},
		// (every integration failure: a function's error, a response over a
		// limit and a backend out of reach alike)
		{s, "INTEGRATION_FAILURE", covAccess("504", "INTEGRATION_FAILURE", "Internal server error"), "unknown", "504"},
		{s, "INTEGRATION_FAILURE, a function's 502", covAccess("502", "INTEGRATION_FAILURE", "Internal server error"), "unknown", "502"},
		{s, "INTEGRATION_TIMEOUT", covAccess("504", "INTEGRATION_TIMEOUT", "Endpoint request timed out"), "integration_timeout", "504"},
		{s, "INVALID_API_KEY", covAccess("403", "INVALID_API_KEY", "Forbidden"), "not_5xx", "none"},
		{s, "INVALID_SIGNATURE", covAccess("403", "INVALID_SIGNATURE", "The request signature we calculated does not match the signature you provided."), "not_5xx", "none"},
		{s, "MISSING_AUTHENTICATION_TOKEN", covAccess("403", "MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token"), "not_5xx", "none"},
		{s, "QUOTA_EXCEEDED", covAccess("429", "QUOTA_EXCEEDED", "Limit Exceeded"), "not_5xx", "none"},
		{s, "REQUEST_TOO_LARGE", covAccess("413", "REQUEST_TOO_LARGE", "Request Too Long"), "not_5xx", "none"},
		{s, "RESOURCE_NOT_FOUND", covAccess("404", "RESOURCE_NOT_FOUND", "Not Found"), "not_5xx", "none"},
		{s, "THROTTLED", covAccess("429", "THROTTLED", "Too Many Requests"), "not_5xx", "none"},
		{s, "UNAUTHORIZED", covAccess("401", "UNAUTHORIZED", "Unauthorized"), "not_5xx", "none"},
		{s, "UNSUPPORTED_MEDIA_TYPE", covAccess("415", "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"), "not_5xx", "none"},
		{s, "WAF_FILTERED", covAccess("403", "WAF_FILTERED", "Forbidden"), "not_5xx", "none"},
		// the same types as a client receives them (the x-amzn-ErrorType
		// header and the default body)
		{s, "WAF_FILTERED, client", "HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: ForbiddenException\n{\"message\":\"Forbidden\"}", "not_5xx", "none"},
		{s, "INTEGRATION_TIMEOUT, client", "HTTP/1.1 504 Gateway Timeout\nx-amzn-ErrorType: InternalServerErrorException\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{s, "AUTHORIZER_CONFIGURATION_ERROR, client", "HTTP/1.1 500 Internal Server Error\nx-amzn-ErrorType: AuthorizerConfigurationException\n{\"message\": null}", "authorizer_error", "500"},
		{s, "DEFAULT_5XX, client", "HTTP/1.1 500 Internal Server Error\nx-amzn-ErrorType: InternalServerErrorException\n{\"message\": \"Internal server error\"}", "unknown", "500"},
	})
}

// The REST execution log's "Execution failed due to ..." lines and the
// lines around them, each as its source shows it.
func TestCoverageExecutionLog(t *testing.T) {
	checkCoverage(t, []coverageRow{
		{srcKCLambda502, "malformed proxy response", covCfg("Malformed Lambda proxy response") + covDone("502"), "lambda_malformed_proxy_response", "502"},
		{srcKC5xx, "invoke permission", covCfg("Invalid permissions on Lambda function") + covDone("500"), "lambda_invoke_permission", "500"},
		{srcKC5xx, "request template", covCfg("Unable to transform request") + covDone("500"), "mapping_template_error", "500"},
		{srcKC5xx, "response template", covCfg("Unable to transform response") + covDone("500"), "mapping_template_error", "500"},
		{srcExecutionLog, "no output mapping", covCfg("No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 502") + covDone("500"), "status_mapping_missing", "500"},
		{srcExecutionLog, "invalid method response", covCfg("Output mapping refers to an invalid method response: 201") + covDone("500"), "status_mapping_missing", "500"},
		{srcExecutionLog, "role not assumable", covCfg("API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/apigw-sqs") + covDone("500"), "credentials_role_error", "500"},
		{srcKC5xx, "timeout", covID + "Execution failed due to a timeout error" + covDone("504"), "integration_timeout", "504"},
		{srcKC5xx, "internal error", covID + "Execution failed due to an internal error" + covDone("500"), "internal_service_failure", "500"},
		{srcGatewayResponses, "invalid endpoint address", covCfg("Invalid endpoint address") + covDone("500"), "backend_connection_error", "500"},
		{srcExecutionLog, "network error", covID + "Execution failed due to a network error communicating with endpoint" + covDone("504"), "backend_connection_error", "504"},
		{srcKCVPC500, "vpc link internal error", covCfg("There was an internal error while executing your request") + covDone("500"), "private_integration_error", "500"},
		{srcKCVPC500, "vpc link host name", covCfg("Host name 'domain.example.com' does not match the certificate subject provided by the peer (CN=myinstance.example.com)") + covDone("500"), "backend_tls_error", "500"},
		{srcKCBackendSSL, "SSLEngine", covCfg("General SSLEngine problem") + covDone("500"), "backend_tls_error", "500"},
		{srcKCBackendSSL, "PKIX path", covCfg("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target") + covDone("500"), "backend_tls_error", "500"},
		{srcKCBackendSSL, "expired", covCfg("PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed") + covDone("500"), "backend_tls_error", "500"},
		{srcKCProxyPath, "illegal character", covCfg("Illegal character in path at index 27: http://example.com/{proxy}") + covDone("500"), "mapping_template_error", "500"},
		{srcKCStageVar, "stage variable left in the URI", covCfg("Illegal character in authority at index 8: https://${stageVariables.backendHost}/orders") + covDone("500"), "stage_variable_unresolved", "500"},
		{srcKCStageVar, "function ARN with an empty alias", covID + "Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders:/invocations\n" + covCfg("Invalid permissions on Lambda function") + covDone("500"), "stage_variable_unresolved", "500"},
		{srcKCStageVar, "function named by a stage variable", "The integration URI is arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations\n" + covCfg("Invalid permissions on Lambda function") + covDone("500"), "stage_variable_permission", "500"},
		{srcKCStageVar, "stage variable value", "Thu Apr 01 21:58:32 UTC 2021 : Execution failed due to configuration error: Invalid stage variable value: null. Please use a valid stage variable value", "stage_variable_unresolved", "500"},
		{srcExecutionLog, "access log, invoke permission", `{"requestId":"4edbb3b3-4088-40bf-81ad-b0b3cc72210e","status":"500","responseType":"API_CONFIGURATION_ERROR","errorMessage":"Internal server error","integrationError":"Invalid permissions on Lambda function"}`, "lambda_invoke_permission", "500"},
		{srcBinary, "base64", covCfg("Unable to base64 decode the body.") + covDone("500"), "mapping_template_error", "500"},
		{srcMockIntegr, "mock statusCode", covCfg("Unable to parse statusCode. It should be an integer that is defined in the request template.") + covDone("500"), "mapping_template_error", "500"},
		{srcKCAuthorizer, "authorizer error", covID + "Authorizer error" + covDone("500"), "authorizer_error", "500"},
		{srcKCAuthorizer, "authorizer answer not a policy", covCfg("Invalid JSON in response: Unrecognized field \"errorType\" , not marked as ignorable") + covDone("500"), "authorizer_error", "500"},
		{srcKCAuthorizer, "authorizer's permission", covID + "Starting authorizer: 62mgrc for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" + covCfg("Invalid permissions on Lambda function") + "\n" + covID + "Authorizer error" + covDone("500"), "authorizer_error", "500"},
		{srcKCAuthorizer, "authorizer refused the caller", covID + "Starting authorizer: 62mgrc for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" + covID + "Unauthorized request: 6c6d6e6f-0000-4000-8000-00000000abcd" + covDone("401"), "not_5xx", "none"},
		// REST access logs' $context.integration.error, as public reports
		// show it (DataBiosphere/azul's pull request 6624)
		{srcExecutionLog, "access log, function's response too large", `{"requestId":"4edbb3b3-4088-40bf-81ad-b0b3cc72210e","status":"502","responseType":"INTEGRATION_FAILURE","errorMessage":"Internal server error","integrationError":"Lambda Customer Function Error:Response payload size exceeded maximum allowed payload size (6291556 bytes)."}`, "lambda_payload_too_large", "502"},
		{srcExecutionLog, "access log, function error", `{"requestId":"4edbb3b3-4088-40bf-81ad-b0b3cc72210e","status":"502","responseType":"INTEGRATION_FAILURE","errorMessage":"Internal server error","integrationError":"Lambda Customer Function Error:'AZUL_S3_BUCKET'"}`, "lambda_function_error", "502"},
		{srcKC5xx, "customer function error", covID + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("502"), "lambda_function_error", "502"},
		{srcLambdaInvoke, "Lambda refused the call", covID + "Lambda invocation failed with status: 403. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("500"), "lambda_invoke_permission", "500"},
		{srcLambdaInvoke, "Lambda throttled the call", covID + "Lambda invocation failed with status: 429. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("500"), "lambda_throttled", "500"},
		{srcLambdaInvoke, "Lambda's own failure", covID + "Lambda invocation failed with status: 500. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("500"), "internal_service_failure", "500"},
		{srcLambdaInvoke, "Lambda unavailable", covID + "Lambda invocation failed with status: 503. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("500"), "internal_service_failure", "500"},
		{srcLambdaInvoke, "the event over Lambda's limit", covID + "Lambda invocation failed with status: 413. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd" + covDone("500"), "lambda_payload_too_large", "500"},
		{srcLambdaInvoke, "throttled, Lambda's body", covEndpoint(`{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}`) + covDone("500"), "lambda_throttled", "500"},
		{srcKC5xx, "integration timeout, client", "HTTP/1.1 504 Gateway Timeout\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{srcKCmTLS, "mutual TLS refusal", covID + "Access denied. Reason: Could not find issuer for certificate", "not_5xx", "none"},
		{srcExecutionLog, "usage plan throttle", covID + "API Key **********F0yrv6 exceeded throttle limit for API Stage rohkz08x02/dev: Key throttle limit exceeded for Usage Plan ID nnpegc. Limit: 1.00 Burst: 0", "not_5xx", "none"},
		// (the support runbook AWSSupport-TroubleshootAPIGatewayHttpErrors
		// reads "Invalid API Key identifier specified" as a 403 refusal)
		{srcExecutionLog, "api key unknown", covID + "API Key **********abcd not authorized because method 'POST /' requires API Key and API Key is not associated with a Usage Plan for API Stage abc123/prod: Invalid API Key identifier specified", "not_5xx", "none"},
		{srcExecutionLog, "request validator", covID + "Request body does not match model schema for content type application/json: [object has missing required properties ([\"name\"])]", "not_5xx", "none"},
		{srcExecutionLog, "gateway response type", covID + "Gateway response type: DEFAULT_5XX with status code: 500", "unknown", "500"},
		// (INTEGRATION_FAILURE is no timeout, whatever its status; a bare
		// REST 504 is still read as the integration timeout)
		{srcGatewayResponses, "integration failure", covID + "Gateway response type: INTEGRATION_FAILURE with status code: 504", "unknown", "504"},
		{srcKC5xx, "a bare 504", covID + "Method completed with status: 504", "integration_timeout", "504"},
		// the private API's resource policy refusing a caller (a 403 before
		// any integration), as the client and the execution log show it
		{srcKCPrivateAPI, "private API, resource policy", "HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: AccessDeniedException\n{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********1234:abc123/prod/GET/items\"}", "not_5xx", "none"},
	})
}

// What HTTP APIs write into $context.integrationErrorMessage,
// $context.authorizer.error and $context.error.message, and their own
// answers.
func TestCoverageHTTPAPI(t *testing.T) {
	h := srcKCHTTPLambda
	checkCoverage(t, []coverageRow{
		{h, "integration permission", covHTTPAccess("500", "integrationErrorMessage", "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."), "lambda_invoke_permission", "500"},
		{h, "role not assumable", covHTTPAccess("500", "integrationErrorMessage", "API Gateway doesn't have permissions to assume the IAM role configured on the integration. Check the permissions and try again."), "credentials_role_error", "500"},
		{h, "function error", covHTTPAccess("500", "integrationErrorMessage", "The Lambda function returned the following error: Unhandled. Check your Lambda function code and try again."), "lambda_function_error", "500"},
		{srcHTTPLogVars, "authorizer permission", covHTTPAccess("500", "authorizerError", "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again."), "authorizer_error", "500"},
		{srcHTTPLogVars, "authorizer answer", covHTTPAccess("500", "authorizerError", "The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Simple response did not include 'isAuthorized'"), "authorizer_error", "500"},
		{srcHTTPLogVars, "integration timeout", covHTTPAccess("503", "errorMessage", "Service Unavailable"), "integration_timeout", "503"},
		{srcHTTPLogVars, "no route", covHTTPAccess("404", "errorMessage", "Not Found"), "not_5xx", "none"},
		{srcHTTPJWT, "jwt audience", "HTTP/2 401\nwww-authenticate: Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
		{srcHTTPJWT, "jwt expired", "< www-authenticate: Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"", "not_5xx", "none"},
		// the error response types an HTTP API writes into
		// $context.error.responseType, as public reports' access logs show
		// them (middy's issue 1005; notes of VPC links and firewalls that
		// dropped the gateway's connections)
		{srcHTTPLogVars, "malformed proxy response type", covHTTPAccess("500", "errorResponseType", "MALFORMED_PROXY_RESPONSE"), "lambda_malformed_proxy_response", "500"},
		{srcHTTPLogVars, "function's answer unreadable", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","error":"Internal Server Error","errorResponseType":"MALFORMED_PROXY_RESPONSE","integrationError":"The response from the Lambda function doesn't match the format that API Gateway expects. Invalid status code","integrationStatus":"200","authorizerError":"-"}`, "lambda_malformed_proxy_response", "500"},
		{srcHTTPLogVars, "network failure type", covHTTPAccess("503", "errorResponseType", "INTEGRATION_NETWORK_FAILURE"), "backend_connection_error", "503"},
		// (the same field as a pasted record's line; and other programs'
		// error codes of the same spelling, an HTTP proxy client's and a
		// webhook sender's, which name no response type of the gateway's)
		{srcHTTPLogVars, "malformed proxy response type pasted", "HTTP/2 500\n  \"errorResponseType\": \"MALFORMED_PROXY_RESPONSE\",", "lambda_malformed_proxy_response", "500"},
		{srcHTTPLogVars, "network failure type pasted", "HTTP/2 503\n  \"errorResponseType\": \"INTEGRATION_NETWORK_FAILURE\",", "backend_connection_error", "503"},
		{srcHTTPLogVars, "a proxy client's own error code", "HTTP/1.1 502 Bad Gateway\nrequest failed: proxy CONNECT error: malformed_proxy_response", "unknown", "502"},
		{srcHTTPLogVars, "a person quoting a proxy's log", "Our API returns 502 since Monday.\nThe corporate proxy log shows: malformed_proxy_response", "unknown", "502"},
		{srcHTTPLogVars, "a webhook sender's own error code", "HTTP/1.1 502 Bad Gateway\nwebhook delivery failed: INTEGRATION_NETWORK_FAILURE (retryable)", "unknown", "502"},
		{srcHTTPLogVars, "client 500", "HTTP/2 500\napigw-requestid: RL2XYiwjPHcEMEQ=\n{\"message\":\"Internal Server Error\"}", "unknown", "500"},
	})
}

// The answers of the AWS services an integration calls, as the execution
// log's "Endpoint response body before transformations" shows them: the
// role refused (credentials_role_error), a request the template built
// that the service cannot read (mapping_template_error), the service's
// throttling and its own failure.
func TestCoverageServiceIntegrations(t *testing.T) {
	q := func(code, msg string) string {
		return covEndpoint(`<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>` + code + `</Code><Message>` + msg + `</Message><Detail/></Error><RequestId>9c786746-e3ce-51b2-92d5-3099f3bf49b6</RequestId></ErrorResponse>`)
	}
	j := func(typ, msg string) string {
		return covEndpoint(`{"__type":"` + typ + `","message":"` + msg + `"}`)
	}
	s := srcServiceErrors
	checkCoverage(t, []coverageRow{
		{srcKCSQS, "sqs role refused", q("AccessDenied", "Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/orders is denied.") + covDone("500"), "credentials_role_error", "500"},
		// (the same AccessDenied after a form whose message body went
		// unencoded, as the article gives it: the template did not
		// $util.urlEncode the body; after an encoded one it stays the role)
		{srcKCSQS, "sqs body not encoded", covID + "Endpoint request URI: https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			covID + `Endpoint request body after transformations: Action=SendMessage&MessageBody={"type": "test", "foo": "bar"}` + "\n" +
			covID + "Sending request to https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			covID + "Received response. Status: 403, Integration latency: 2 ms\n" +
			q("AccessDenied", "Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/orders is denied.") + covDone("500"), "mapping_template_error", "500"},
		{srcKCSQS, "sqs body over lines", covID + "Endpoint request URI: https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			covID + "Endpoint request body after transformations: Action=SendMessage&MessageBody=\n{\n    \"type\": \"test\"\n}\n" +
			covID + "Sending request to https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			q("AccessDenied", "Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/orders is denied.") + covDone("500"), "mapping_template_error", "500"},
		{srcKCSQS, "sqs body encoded", covID + "Endpoint request URI: https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			covID + "Endpoint request body after transformations: Action=SendMessage&MessageBody=%7B%22type%22%3A%22test%22%7D\n" +
			covID + "Sending request to https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" +
			q("AccessDenied", "Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/orders is denied.") + covDone("500"), "credentials_role_error", "500"},
		{srcKCSQS, "sqs kms refused", q("KMS.AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-sqs/BackplaneAssumeRoleSession is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd") + covDone("500"), "credentials_role_error", "500"},
		// (SQS reads no action from a body that is not a form: the
		// integration request's Content-Type header or its template; the
		// same exception from Lambda's Invoke API is the integration's
		// method, and from an endpoint not shown stays the method's)
		{srcKCSQS, "sqs no content type", covID + "Sending request to https://sqs.us-east-1.amazonaws.com/123456789012/orders\n" + covEndpoint("<UnknownOperationException/>") + covDone("500"), "mapping_template_error", "500"},
		{srcKCSQS, "sqs no action, console test", "Thu Apr 01 21:58:32 UTC 2021 : Endpoint request URI: https://sqs.us-east-1.amazonaws.com/123456789012/orders\nThu Apr 01 21:58:32 UTC 2021 : Endpoint response body before transformations: <UnknownOperationException/>\nThu Apr 01 21:58:32 UTC 2021 : Method completed with status: 500", "mapping_template_error", "500"},
		{s, "lambda called with GET", covID + "Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations\n" + covEndpoint("<UnknownOperationException/>") + covDone("500"), "integration_method_not_post", "500"},
		{s, "unknown operation, endpoint not shown", covEndpoint(`{"__type":"com.amazon.coral.service#UnknownOperationException"}`) + covDone("500"), "integration_method_not_post", "500"},
		{srcKCSQS, "sqs missing parameter", q("MissingParameter", "The request must contain the parameter MessageBody.") + covDone("500"), "mapping_template_error", "500"},
		{s, "sqs throttling", q("Throttling", "Rate exceeded") + covDone("500"), "backend_throttled", "500"},
		{s, "sns role refused", covEndpoint(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>User: arn:aws:sts::123456789012:assumed-role/apigw-sns/BackplaneAssumeRoleSession is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:orders</Message></Error></ErrorResponse>`) + covDone("500"), "credentials_role_error", "500"},
		{s, "sns invalid parameter", covEndpoint(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter</Message></Error></ErrorResponse>`) + covDone("500"), "mapping_template_error", "500"},
		{s, "dynamodb role refused", j("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-ddb/BackplaneAssumeRoleSession is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders") + covDone("500"), "credentials_role_error", "500"},
		{s, "dynamodb validation", j("com.amazon.coral.validate#ValidationException", "One or more parameter values were invalid: Missing the key id in the item") + covDone("500"), "mapping_template_error", "500"},
		{s, "dynamodb serialization", j("com.amazon.coral.service#SerializationException", "Start of structure or map found where not expected.") + covDone("500"), "mapping_template_error", "500"},
		{s, "dynamodb throughput", j("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.") + covDone("500"), "backend_throttled", "500"},
		{s, "dynamodb own failure", j("com.amazon.coral.service#InternalFailure", "The request processing has failed because of an unknown error, exception or failure.") + covDone("500"), "internal_service_failure", "500"},
		{s, "dynamodb unsigned call", j("com.amazon.coral.service#UnrecognizedClientException", "The security token included in the request is invalid.") + covDone("500"), "credentials_role_error", "500"},
		{s, "step functions role refused", j("com.amazonaws.swf.service.v2.model#AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-sfn/BackplaneAssumeRoleSession is not authorized to perform: states:StartExecution on resource: arn:aws:states:us-east-1:123456789012:stateMachine:orders") + covDone("500"), "credentials_role_error", "500"},
		{s, "step functions input", j("com.amazonaws.swf.service.v2.model#InvalidExecutionInput", "Invalid State Machine Execution Input: 'Unexpected character'") + covDone("500"), "mapping_template_error", "500"},
		{s, "step functions arn", j("com.amazonaws.swf.service.v2.model#InvalidArn", "Invalid Arn: 'Resource type not valid in this context: stateMachine'") + covDone("500"), "mapping_template_error", "500"},
		{s, "kinesis role refused", j("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-kinesis/BackplaneAssumeRoleSession is not authorized to perform: kinesis:PutRecord on resource: arn:aws:kinesis:us-east-1:123456789012:stream/orders") + covDone("500"), "credentials_role_error", "500"},
		{s, "kinesis throughput", j("ProvisionedThroughputExceededException", "Rate exceeded for shard shardId-000000000000 in stream orders under account 123456789012.") + covDone("500"), "backend_throttled", "500"},
		{s, "kinesis serialization", j("SerializationException", "Unable to parse the request body") + covDone("500"), "mapping_template_error", "500"},
		{s, "eventbridge role refused", j("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-events/BackplaneAssumeRoleSession is not authorized to perform: events:PutEvents on resource: arn:aws:events:us-east-1:123456789012:event-bus/default") + covDone("500"), "credentials_role_error", "500"},
		{s, "s3 refused", covEndpoint(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`) + covDone("500"), "credentials_role_error", "500"},
		{s, "signature refused", covEndpoint(`{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."}`) + covDone("500"), "credentials_role_error", "500"},
		// (look-alikes: the same codes in the function's own log are its
		// own calls failing)
		{s, "a function's own SQS call", "[ERROR] ClientError: An error occurred (AccessDenied) when calling the SendMessage operation: Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.", "lambda_function_error", "unknown"},
		{s, "a function's own DynamoDB call", "[ERROR] ClientError: An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key id in the item", "lambda_function_error", "unknown"},
	})
}

// WebSocket APIs: the frames a client receives on an open connection and
// the $connect handshake's statuses.
func TestCoverageWebSocket(t *testing.T) {
	w := srcWebSocket
	checkCoverage(t, []coverageRow{
		{w, "a route's integration failed", `< {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNDEUmvHcFYzw="}`, "unknown", "500"},
		{w, "no route for the message", `< {"message": "Forbidden", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SNDEUmvHcFYzw="}`, "not_5xx", "none"},
		{w, "$connect refused by its authorizer", "wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 401", "not_5xx", "none"},
		{w, "$connect integration failed", "wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 502", "unknown", "502"},
		{w, "idle connection closed", "Disconnected (code: 1001, reason: \"Going away\")", "not_5xx", "none"},
		{w, "message too big", "Disconnected (code: 1009, reason: \"\")", "not_5xx", "none"},
		{w, "internal error close", "Disconnected (code: 1011, reason: \"\")", "unknown", "500"},
		{w, "@connections, client gone", "[ERROR] GoneException: An error occurred (GoneException) when calling the PostToConnection operation: ", "lambda_function_error", "unknown"},
		{w, "@connections, the knowledge center's form", "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"GoneException\",\"errorMessage\":\"GoneException: 410\"}", "lambda_function_error", "unknown"},
		{w, "execution log, function error", "(L0SM9cOFvHcCIhw=) Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "lambda_function_error", "unknown"},
		{w, "execution log, invoke permission", "(L0SM9cOFvHcCIhw=) Execution failed due to configuration error: Invalid permissions on Lambda function", "lambda_invoke_permission", "500"},
	})
}

// The gateway refusing a caller before any integration ran, in the words
// the knowledge-center articles on API Gateway's 403, 401 and 429 errors
// give: no 5xx, whatever the refusal.
func TestCoverageRefusals(t *testing.T) {
	const k403 = "knowledge center, api-gateway-troubleshoot-403-forbidden"
	const k429 = "knowledge center, 429 errors"
	checkCoverage(t, []coverageRow{
		{k403, "missing token", "HTTP/1.1 403 Forbidden\n{\"message\":\"Missing Authentication Token\"}", "not_5xx", "none"},
		{k403, "authorizer's explicit deny", "HTTP/1.1 403 Forbidden\n{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}", "not_5xx", "none"},
		{k403, "authorizer's cached policy", `{"Message":"User is not authorized to access this resource"}`, "not_5xx", "none"},
		{k403, "resource policy, anonymous", `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********1234:abc123/prod/GET/items"}`, "not_5xx", "none"},
		{k403, "resource policy, explicit deny", `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********1234:abc123/prod/GET/items with an explicit deny"}`, "not_5xx", "none"},
		{k403, "IAM authorization", `{"Message":"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/items"}`, "not_5xx", "none"},
		{k403, "invalid security token", "HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: UnrecognizedClientException\n{\"message\":\"The security token included in the request is invalid.\"}", "not_5xx", "none"},
		{k403, "invalid security token, body", `{"message":"The security token included in the request is invalid."}`, "not_5xx", "none"},
		{k403, "signature expired", `{"message":"Signature expired: 20210310T174315Z is now earlier than 20210310T175002Z (20210310T180002Z - 10 min.)"}`, "not_5xx", "none"},
		{k403, "signature mismatch", `{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."}`, "not_5xx", "none"},
		{k403, "api key", "HTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}", "not_5xx", "none"},
		{k403, "waf", "HTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}\nx-amzn-ErrorType: ForbiddenException", "not_5xx", "none"},
		{k403, "mutual TLS", "(6c6d6e6f-0000-4000-8000-00000000abcd) Access denied. Reason: Client cert using an insecure Signature Algorithm", "not_5xx", "none"},
		{k429, "throttled", "HTTP/1.1 429 Too Many Requests\n{\"message\":\"Too Many Requests\"}", "not_5xx", "none"},
		{k429, "quota", "HTTP/1.1 429 Too Many Requests\n{\"message\":\"Limit Exceeded\"}", "not_5xx", "none"},
		{srcKCAuthorizer, "authorizer's 401", "HTTP/1.1 401 Unauthorized\nx-amzn-ErrorType: UnauthorizedException\n{\"message\":\"Unauthorized\"}", "not_5xx", "none"},
		{srcHTTPJWT, "jwt signing method", "< www-authenticate: Bearer scope=\"\" error=\"invalid_token\" error_description=\"signing method HS256 is invalid\"", "not_5xx", "none"},
		// (a refusal beside a 5xx the same report shows is no all-clear)
		{k403, "a refusal beside a 5xx", "{\"Message\":\"User is not authorized to access this resource\"}\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
	})
}

// The gateway's own words where another writer holds them: a function
// calling another API or an AWS service logs what its own call got (its
// failure, no answer of the API's), and a person quoting the execution log
// keeps the cause it names.
func TestCoverageGatewayWordsElsewhere(t *testing.T) {
	const fn = "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	const start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
	checkCoverage(t, []coverageRow{
		{srcKC5xx, "a function's call to another API timed out", start + fn + `partner API answered 504: {"message": "Endpoint request timed out"}`, "lambda_function_error", "unknown"},
		{srcKC5xx, "a function's call to another API failed", start + fn + `partner API answered: {"message": "Internal server error"}`, "lambda_function_error", "unknown"},
		{srcServiceErrors, "a function's invoke refused", "[ERROR] ClientError: An error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:sts::123456789012:assumed-role/orders-fn/orders-fn is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:billing", "lambda_function_error", "unknown"},
		{srcServiceErrors, "a function's own role assumption refused", "[ERROR] ClientError: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::123456789012:assumed-role/orders-fn/orders-fn is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/reader", "lambda_function_error", "unknown"},
		{srcServiceErrors, "a function's SQS call without an action", "[ERROR] ClientError: An error occurred (UnknownOperationException) when calling the SendMessage operation: ", "lambda_function_error", "unknown"},
		// an AWS SDK's error for a call its caller made (botocore's
		// ClientError, the AWS SDK for Go v2's and for Java's), pasted
		// without the function's columns: no role of the gateway's
		{srcServiceErrors, "an SDK's AssumeRole refused", "An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::123456789012:assumed-role/orders-fn-role/orders-fn is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/reader\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{srcServiceErrors, "an SDK's Invoke refused", "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:sts::123456789012:assumed-role/orders-fn-role/orders-fn is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:billing\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{srcServiceErrors, "the integration's role refused by Lambda, as the gateway logs it", covEndpoint(`{"Message":"User: arn:aws:sts::123456789012:assumed-role/apigw-invoke/BackplaneAssumeRoleSession is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders"}`) + covDone("500"), "lambda_invoke_permission", "500"},
		{srcServiceErrors, "an SDK's call refused, Go v2", "operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 0b59a014-da05-49a0-98c3-fe2ac06de4fd, api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/orders-fn-role/orders-fn is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{srcServiceErrors, "an SDK's call refused, Java", "com.amazonaws.services.sqs.model.AmazonSQSException: Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied. (Service: AmazonSQS; Status Code: 403; Error Code: AccessDenied; Request ID: 586aa9b5-fe97-585a-a765-fb72c2fc0746)\nHTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
		// (the integration's role, as the gateway's log quotes its refusal,
		// and a person quoting that, keep the role)
		{srcServiceErrors, "the integration's role quoted", "HTTP/1.1 500 Internal Server Error\nThe log says User: arn:aws:sts::123456789012:assumed-role/apigw-sqs/BackplaneAssumeRoleSession is not authorized to perform: sts:AssumeRole", "credentials_role_error", "500"},
		{srcKC5xx, "a person quoting the execution log", "Calling the API gives 500 and the execution log says: Execution failed due to configuration error: Invalid permissions on Lambda function", "lambda_invoke_permission", "500"},
		{srcKCVPC500, "a person quoting the VPC link error", "Our REST API returns 500 and the logs show Execution failed due to configuration error: There was an internal error while executing your request", "private_integration_error", "500"},
	})
}
