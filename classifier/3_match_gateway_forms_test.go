package classifier

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// The gateway's own failures (the integration it could not call, a role
// it could not use, a response type that names every integration failure)
// in the forms the API Gateway developer guide and the knowledge-center
// articles give them, with the look-alikes that must not name them.

// INTEGRATION_FAILURE is "the gateway response for an integration failed
// error" (the developer guide's gateway response types): REST access logs
// record it for a Lambda function's error as for any other integration
// failure, so the type names no cause; the integration error beside it may.
func TestIntegrationFailureNamesNoCause(t *testing.T) {
	rec := func(status, integrationError string) string {
		return `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","status":"` + status + `","responseType":"INTEGRATION_FAILURE","errorMessage":"Internal server error","integrationError":"` + integrationError + `"}`
	}
	checkWordings(t, []wording{
		{"the type alone", rec("502", "-"), "unknown", "502"},
		// (the integration error the same record holds names the cause)
		{"a function's error beside it", rec("502", "Lambda Customer Function Error:'AZUL_S3_BUCKET'"), "lambda_function_error", "502"},
		{"the type as a person quotes it", "We get 502s and the access log says INTEGRATION_FAILURE.", "unknown", "502"},
	})
}

// The developer guide's and the knowledge-center articles' words for the
// gateway's missing invoke permission: "you must grant permissions for API
// Gateway to invoke the function" (HTTP API Lambda troubleshooting),
// "permissions for the API to invoke the integrated Lambda function" (the
// console's Add Permission to Lambda Function step), "doesn't include
// permissions for your API to invoke the function" (the article on 500s of
// Lambda integrations defined with a stage variable); the authorizer's
// ("grant API Gateway permission to invoke your authorizer") is the
// authorizer's failure.
func TestInvokePermissionInTheGuidesWords(t *testing.T) {
	checkWordings(t, []wording{
		{"for API Gateway", "HTTP/1.1 500 Internal Server Error\nThe fix was to grant permissions for API Gateway to invoke the function.", "lambda_invoke_permission", "500"},
		{"for the API, integrated", "HTTP/1.1 500 Internal Server Error\nThe stack never set up permissions for the API to invoke the integrated Lambda function.", "lambda_invoke_permission", "500"},
		{"for your API", "HTTP/1.1 500 Internal Server Error\nThe function's resource-based policy doesn't include permissions for your API to invoke the function.", "lambda_invoke_permission", "500"},
		{"for the service principal", "HTTP/1.1 500 Internal Server Error\nThere was no permission for apigateway.amazonaws.com to invoke the Lambda.", "lambda_invoke_permission", "500"},
		{"the authorizer", "HTTP/1.1 500 Internal Server Error\nWe forgot the permission for API Gateway to invoke the authorizer.", "authorizer_error", "500"},
		// (look-alikes: a caller's permission to invoke the API is IAM
		// authorization of the request, no integration's)
		{"the caller's permission", "HTTP/1.1 500 Internal Server Error\nThe caller has permission to invoke the API method.", "unknown", "500"},
		{"a permission for the API's callers", "HTTP/1.1 500 Internal Server Error\nI added a permission for the users to invoke the API.", "unknown", "500"},
	})
}

// The gateway's TLS handshake with an HTTP or private integration's
// backend, as its execution log and the console's test give it: the
// knowledge-center article on backend SSL certificate errors (a
// self-signed, an expired, an untrusted and a mismatched certificate
// against badssl.com), and the JDK's own words for the handshake failures
// the gateway's Java TLS stack reports after "configuration error:"
// (sun.security.ssl's "Unrecognized SSL message, plaintext connection?"
// and "Received fatal alert: ...", sun.security.util.HostnameChecker's "No
// subject alternative DNS name matching ... found."). The same words in a
// function's own log are its call to a dependency.
func TestBackendTLSInTheGatewaysWords(t *testing.T) {
	const at = "Thu Dec 15 16:06:02 UTC 2022 : "
	cfg := func(reason string) string {
		return at + "Sending request to https://expired.badssl.com/\n" + at + "Execution failed due to configuration error: " + reason
	}
	const tls = "backend_tls_error"
	checkWordings(t, []wording{
		{"self-signed", cfg("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target"), tls, "500"},
		{"expired", cfg("PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed"), tls, "500"},
		{"host name", cfg("Host name 'wrong.host.badssl.com' does not match the certificate subject provided by the peer (CN=*.badssl.com, O=Lucas Garron, L=Walnut Creek, ST=California, C=US)"), tls, "500"},
		{"plain HTTP on a TLS port", cfg("Unrecognized SSL message, plaintext connection?"), tls, "500"},
		{"a fatal alert", cfg("Received fatal alert: handshake_failure"), tls, "500"},
		{"a protocol alert", cfg("Received fatal alert: protocol_version"), tls, "500"},
		{"no matching name", cfg("No subject alternative DNS name matching api.internal.example.com found."), tls, "500"},
		// (look-alikes: the same exceptions in a Java function's own log,
		// its call to a dependency; a client's own TLS failure)
		{"a function's call, validation", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			"2024-01-01T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tsun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed\n" +
			"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown"},
		{"a function's call, plaintext", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			"2024-01-01T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tjavax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?\n" +
			"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown"},
		{"a client's alert", "curl: (35) error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure", "unknown", "unknown"},
	})
}

// An integration request's header mapping that sets a header the gateway
// sets itself (Content-Length, Transfer-Encoding) fails the request before
// it is sent, with the HTTP client's "Content-Length header already
// present" after the configuration error (LocalStack's integration
// request, checked against AWS, logs the same words); the mapping is the
// integration request's, a mapping_template_error. The HTTP client's own
// exception in a Java function's log is its call failing.
func TestHeaderMappingTheGatewaySetsItself(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	checkWordings(t, []wording{
		{"content-length", id + "Execution failed due to configuration error: Content-Length header already present\n" + id + "Method completed with status: 500", "mapping_template_error", "500"},
		{"transfer-encoding", id + "Execution failed due to configuration error: Transfer-encoding header already present", "mapping_template_error", "500"},
		{"a function's own client", "org.apache.http.ProtocolException: Content-Length header already present\n\tat org.apache.http.protocol.RequestContent.process(RequestContent.java:96)\n\tat com.example.Handler.handleRequest(Handler.java:42)", "lambda_function_error", "unknown"},
	})
}

// An access record's integration status is "the status code returned from
// AWS Lambda, not from the backend Lambda function code" (the access-log
// variables of the developer guide, $context.integration.status and
// $context.integrationStatus): Lambda answers an invocation it refuses for
// its caller's permission 403, which the execution log words "Lambda
// invocation failed with status: 403", and the gateway answers its client
// with a 5xx. A 403 the client got is the client's own refusal.
func TestLambdaRefusalInTheAccessRecord(t *testing.T) {
	checkWordings(t, []wording{
		{"REST", `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","resourcePath":"/items","status":"500","integrationStatus":"403","integrationLatency":"12"}`, "lambda_invoke_permission", "500"},
		{"HTTP API", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationStatus":"403"}`, "lambda_invoke_permission", "500"},
		{"nested", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integration":{"integrationStatus":"403","status":"-"}}`, "lambda_invoke_permission", "500"},
		// (look-alikes: the client's own 403, and a 403 beside a function's
		// error the same record names)
		{"the client's 403", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"403","integrationStatus":"403"}`, "not_5xx", "none"},
		{"Lambda's 200", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationStatus":"200"}`, "unknown", "500"},
	})
}

// The integration status is Lambda's only where the integration is Lambda's.
// An AWS service integration's is the service's answer: S3, SQS and SNS
// refuse a role that lacks a permission with 403 (AccessDenied,
// AuthorizationError), which an integration response may map to a 5xx; that
// is the integration's credentials, no Lambda invoke permission. When the
// stage's configuration names such an integration the status names no
// Lambda cause; a Lambda integration's, or one not known, still does.
func TestIntegrationStatusOfAnotherIntegration(t *testing.T) {
	const rec = `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","resourcePath":"/files/{key}","status":"500","integrationStatus":"%s","integrationLatency":"12"}`
	s3 := Hints{APIType: stage.APIREST, IntegrationType: "AWS", IntegrationURI: "arn:aws:apigateway:us-east-1:s3:path/uploads/{key}"}
	sqs := Hints{APIType: stage.APIREST, IntegrationType: "AWS", IntegrationURI: "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"}
	lambdaCustom := Hints{APIType: stage.APIREST, IntegrationType: "AWS", IntegrationURI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:files/invocations"}
	proxy := Hints{APIType: stage.APIREST, IntegrationType: "AWS_PROXY"}
	tests := []struct {
		name   string
		hints  Hints
		status string
		cause  Cause
	}{
		{"S3's 403", s3, "403", CauseUnknown},
		{"SQS's 403", sqs, "403", CauseUnknown},
		{"an HTTP integration's 429", Hints{APIType: stage.APIREST, IntegrationType: "HTTP", IntegrationURI: "https://backend.example.com/files"}, "429", CauseUnknown},
		{"a custom Lambda integration's 403", lambdaCustom, "403", CauseLambdaInvokePermission},
		{"a proxy integration's 403", proxy, "403", CauseLambdaInvokePermission},
		{"a proxy integration's 429", proxy, "429", CauseLambdaThrottled},
		{"not known", Hints{APIType: stage.APIREST}, "403", CauseLambdaInvokePermission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diagnoseWith(t, tt.hints, fmt.Sprintf(rec, tt.status))
			if d.Cause != tt.cause || d.Status.String() != "500" {
				t.Errorf("got %s/%s, want 500/%s (%s)", d.Status, d.Cause, tt.cause, d.Why)
			}
		})
	}
}

// The execution log's "Endpoint response body before transformations" is
// the integration's answer. Where the request's endpoint was Lambda's
// Invoke API ("Endpoint request URI: https://lambda.<region>.amazonaws.com/
// 2015-03-31/functions/.../invocations") and Lambda answered 200
// ("Received response. Status: 200"), the function ran and the answer is
// its own: a permission, network or TLS failure it reports is its own call
// to a dependency, as in its own log. Lambda's refusal of the invocation
// (its 403) and another endpoint's answer (an AWS service integration's)
// keep what they name.
func TestAFunctionsAnswerReportsItsOwnCalls(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	req := func(uri, status, body, code string) string {
		return id + "Endpoint request URI: " + uri + "\n" +
			id + "Received response. Status: " + status + ", Integration latency: 120 ms\n" +
			id + "Endpoint response body before transformations: " + body + "\n" +
			id + "Method completed with status: " + code
	}
	const lambda = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
	const denied = `User: arn:aws:sts::123456789012:assumed-role/orders-role/orders is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders`
	checkWordings(t, []wording{
		{"a denied call in a proxy answer", req(lambda, "200", `{"statusCode":500,"body":"{\"message\":\"`+denied+`\"}"}`, "500"), "lambda_function_error", "500"},
		{"a refused connection in a proxy answer", req(lambda, "200", `{"statusCode":502,"body":"connect ECONNREFUSED 10.0.0.5:5432"}`, "502"), "lambda_function_error", "502"},
		{"an access denied in a custom answer", req(lambda, "200", `{"error":"AccessDeniedException","detail":"not allowed to read the table"}`, "500"), "lambda_function_error", "500"},
		// an AWS service refusing the function's own call's request, which
		// the function reports: its call, no template of the integration's
		// (DynamoDB's ValidationException; the JSON protocol's constraint
		// message)
		{"a service's validation in a proxy answer", req(lambda, "200", `{"statusCode":500,"body":"{\"error\":\"ValidationException: One or more parameter values were invalid: Missing the key id in the item\"}"}`, "500"), "lambda_function_error", "500"},
		{"a constraint in a proxy answer", req(lambda, "200", `{"statusCode":500,"body":"1 validation error detected: Value null at 'id' failed to satisfy constraint: Member must not be null"}`, "500"), "lambda_function_error", "500"},
		// (the function still answered: a proxy integration that cannot read
		// the answer says so, and the dependency it reports is no failed
		// invocation, group.unanswered)
		{"a denied call in an answer that is no proxy response", strings.Replace(req(lambda, "200", `{"message":"`+denied+`"}`, "502"),
			id+"Method", id+"Execution failed due to configuration error: Malformed Lambda proxy response\n"+id+"Method", 1), "lambda_malformed_proxy_response", "502"},
		// Lambda's own refusal, and an AWS service integration's answer
		{"Lambda refused the invocation", req(lambda, "403", `{"Message":"User: arn:aws:sts::123456789012:assumed-role/apigw-invoke/BackplaneAssumeRoleSession is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders"}`, "500"), "lambda_invoke_permission", "500"},
		// the console's test, and an excerpt that keeps "Sending request
		// to" (the line before Lambda's answer) for the endpoint
		{"the console's test", "Thu Apr 05 11:07:54 UTC 2018 : Sending request to " + lambda + "\n" +
			"Thu Apr 05 11:07:54 UTC 2018 : Received response. Status: 200, Integration latency: 120 ms\n" +
			"Thu Apr 05 11:07:54 UTC 2018 : Endpoint response body before transformations: {\"statusCode\":502,\"body\":\"connect ECONNREFUSED 10.0.0.5:5432\"}\n" +
			"Thu Apr 05 11:07:54 UTC 2018 : Method completed with status: 502", "lambda_function_error", "502"},
		// an excerpt without the endpoint's lines: an answer in the proxy
		// response format (its statusCode) is a Lambda proxy function's
		{"a proxy answer alone", id + `Endpoint response body before transformations: {"statusCode":500,"body":"{\"message\":\"` + denied + `\"}"}` + "\n" + id + "Method completed with status: 500", "lambda_function_error", "500"},
		{"a service's answer alone", id + `Endpoint response body before transformations: {"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:sts::123456789012:assumed-role/apigw-ddb/BackplaneAssumeRoleSession is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders"}` + "\n" + id + "Method completed with status: 500", "credentials_role_error", "500"},
		{"a service integration's template", req("https://sqs.us-east-1.amazonaws.com/123456789012/orders", "400", `<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type><Code>MissingParameter</Code><Message>The request must contain the parameter MessageBody.</Message></Error></ErrorResponse>`, "500"), "mapping_template_error", "500"},
		{"a service integration's role", req("https://dynamodb.us-east-1.amazonaws.com/?Action=PutItem", "400", `{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"`+strings.Replace(denied, "orders-role/orders", "apigw-ddb/BackplaneAssumeRoleSession", 1)+`"}`, "500"), "credentials_role_error", "500"},
	})
}

// The gateway quotes a function's own error (REST's "Lambda execution
// failed with status 200 due to customer function error: ...", its access
// logs' "Lambda Customer Function Error:...", an HTTP API's "The Lambda
// function returned the following error: ..."): an AWS service refusing
// the function's credentials or signature there is the function's own call
// failing, no role or signature of the gateway's (the HTTP API Lambda
// troubleshooting page: "a problem with your Lambda function code").
func TestAQuotedFunctionErrorIsNoGatewayCredential(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	quoted := func(msg string) string {
		return id + "Lambda execution failed with status 200 due to customer function error: " + msg + ". Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" + id + "Method completed with status: 502"
	}
	const fn = "lambda_function_error"
	checkWordings(t, []wording{
		{"invalid token, execution log", quoted("The security token included in the request is invalid."), fn, "502"},
		{"expired token, execution log", quoted("The security token included in the request is expired"), fn, "502"},
		{"signature mismatch, execution log", quoted("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."), fn, "502"},
		{"denied action, execution log", quoted("User: arn:aws:sts::123456789012:assumed-role/orders-role/orders is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/abc"), fn, "502"},
		{"expired token, HTTP API", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The Lambda function returned the following error: The security token included in the request is expired. Check your Lambda function code and try again."}`, fn, "500"},
		{"signature expired, REST access log", `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","resourcePath":"/items","status":"502","integrationError":"Lambda Customer Function Error:Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z"}`, fn, "502"},
		{"a login refused, execution log", quoted("Invalid credentials"), fn, "502"},
		{"a login refused, HTTP API", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"POST /login","status":"500","integrationErrorMessage":"The Lambda function returned the following error: Invalid credentials. Check your Lambda function code and try again."}`, fn, "500"},
		{"a login refused, the function's error as the answer", id + `Endpoint response body before transformations: {"errorMessage": "Invalid credentials", "errorType": "AuthError"}` + "\n" + id + "Method completed with status: 500", fn, "500"},
		{"access denied, REST access log", `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","resourcePath":"/items","status":"502","integrationError":"Lambda Customer Function Error:AccessDenied: Access Denied"}`, fn, "502"},
		// (an AWS service integration's own answer refusing the gateway's
		// signature stays the integration's credentials)
		{"a service integration's answer", id + "Endpoint response body before transformations: <ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>\n" + id + "Method completed with status: 500", "credentials_role_error", "500"},
	})
}

// The Japanese editions of the knowledge-center articles on 500s of
// Lambda integrations defined with a stage variable and on REST API
// internal server errors word the gateway's message "Lambda 関数のアクセス許可
// が無効です" (and "... が無効というエラー"), and the missing permission "関数を
// 呼び出すアクセス許可" / "関数を呼び出すためのアクセス許可"; the authorizer's
// ("オーソライザーを呼び出す...") stays the authorizer's.
func TestJapaneseEditionsOfThePermissionArticles(t *testing.T) {
	const inv = "lambda_invoke_permission"
	checkWordings(t, []wording{
		{"stage variable article, the message", "API Gateway の実行ログを確認します。「Lambda 関数のアクセス許可が無効です」と同様のエラーメッセージが表示された場合、アクセス許可が不足しているためにエラーが発生しています。", inv, "unknown"},
		{"internal server error article, the message", "Lambda 関数のアクセス許可が無効というエラーは、API ゲートウェイに Lambda 関数を呼び出すアクセス許可がない場合に発生します。", inv, "unknown"},
		{"the missing permission", "Lambda 関数のリソースベースのポリシーに、API が関数を呼び出すためのアクセス許可が含まれていない場合\nHTTP/1.1 500 Internal Server Error", inv, "500"},
		{"the console adds it", "API Gateway に Lambda 関数を呼び出すアクセス許可を付与しました。\nHTTP/1.1 500 Internal Server Error", inv, "500"},
		{"the authorizer's", "オーソライザーを呼び出すためのアクセス許可がありません\nHTTP/1.1 500 Internal Server Error", "authorizer_error", "500"},
	})
}

// A deployment that CloudFormation refused (a stack event's CREATE_FAILED,
// UPDATE_FAILED or DELETE_FAILED, and the registry resource handlers'
// "Resource handler returned message: ...", as the console, the CLI, the
// CDK and SAM print stack events) is a change refused, which no request
// met: the IAM denial of the deployment's own role names no role of the
// integration's, as an IAM user's own call does not (see
// TestIAMUserDenialIsNoGatewayPermission). The deployment's failure is a
// look-alike whose status no line shows (deployFailureForms).
func TestADeploymentsDenialIsNoIntegrationRole(t *testing.T) {
	checkWordings(t, []wording{
		{"CloudFormation, a role", `CREATE_FAILED AWS::IAM::Role ApiSqsRole Resource handler returned message: "User: arn:aws:sts::123456789012:assumed-role/cdk-hnb659fds-cfn-exec-role-123456789012-us-east-1/AWSCloudFormation is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/apigw-sqs"`, "not_5xx", "unknown"},
		{"CDK, a role passed", `OrdersApi | 3/9 | 10:15:01 AM | UPDATE_FAILED | AWS::ApiGateway::Method | OrdersApi/Default/POST (OrdersApiPOST1A2B3C4D) Resource handler returned message: "User: arn:aws:sts::123456789012:assumed-role/cdk-hnb659fds-cfn-exec-role-123456789012-us-east-1/AWSCloudFormation is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/apigw-sqs"`, "not_5xx", "unknown"},
		{"a stack event's AccessDenied", `DELETE_FAILED AWS::S3::Bucket Assets Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 4442587FB7D0A2F9)`, "not_5xx", "unknown"},
		// (the gateway's own refusal of its integration's role stays the
		// role's, whatever a deployment printed before it)
		{"the gateway's own line", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/apigw-sqs", "credentials_role_error", "500"},
	})
}

// An AWS service integration's answer refusing the request its template
// built, by the error's message where the body was cut before its code or
// the service answered without one: SQS's "The request must contain the
// parameter MessageBody." (MissingParameter) and "Value ... for parameter
// MessageBody is invalid. Reason: ..." (InvalidParameterValue), Step
// Functions' "Invalid State Machine Execution Input: ..." (InvalidExecutionInput),
// and the JSON protocol's validation message "N validation error(s)
// detected: Value ... at '<field>' failed to satisfy constraint: ..."
// (ValidationException, as Kinesis and EventBridge answer it). Lambda's
// validation of the function name or qualifier the integration URI gave it
// is the URI's, and a function's own call refused is its own.
func TestServiceIntegrationRefusalsByTheirMessage(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	ep := func(body string) string {
		return id + "Endpoint response body before transformations: " + body + "\n" + id + "Method completed with status: 500"
	}
	const tpl = "mapping_template_error"
	checkWordings(t, []wording{
		{"sqs missing parameter", ep(`<ErrorResponse><Error><Message>The request must contain the parameter MessageBody.</Message></Error></ErrorResponse>`), tpl, "500"},
		{"sqs invalid value", ep(`Value  for parameter MessageBody is invalid. Reason: Empty message.`), tpl, "500"},
		{"step functions input", ep(`{"message":"Invalid State Machine Execution Input: 'Unexpected character (''' (code 39))'"}`), tpl, "500"},
		{"kinesis validation", ep(`{"message":"1 validation error detected: Value null at 'data' failed to satisfy constraint: Member must not be null"}`), tpl, "500"},
		{"eventbridge validation", ep(`{"message":"2 validation errors detected: Value null at 'entries' failed to satisfy constraint: Member must not be null"}`), tpl, "500"},
		// (look-alikes: Lambda refusing the name or qualifier the URI gave
		// it, and the function's own call refused)
		{"a qualifier refused", id + `Execution failed due to configuration error: {"message":"1 validation error detected: Value '' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)"}` + "\n" + id + "Method completed with status: 500", "unknown", "500"},
		{"the function's own call", "[ERROR] ClientError: An error occurred (ValidationException) when calling the PutRecord operation: 1 validation error detected: Value null at 'data' failed to satisfy constraint: Member must not be null", "lambda_function_error", "unknown"},
	})
}

// Lambda answers an invocation by another method than POST with
// "Unable to determine service/operation name to be authorized" (the
// knowledge-center article on configuration errors after an import), and
// an AWS JSON service an action it does not know with
// UnknownOperationException: the integration's method. The same exception
// from a function's own SDK call, in its log or as the gateway quotes its
// error, is the function's call failing.
func TestUnknownOperationOfAFunctionsOwnCall(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	checkWordings(t, []wording{
		{"Lambda called with GET", id + "Endpoint response body before transformations: <AccessDeniedException>\n" + id + "<Message>Unable to determine service/operation name to be authorized</Message>\n" +
			id + "Lambda invocation failed with status: 403. Lambda request id: abc1d2ef-34ab-56c7-de8f-90123a456789\n" + id + "Method completed with status: 500", "integration_method_not_post", "500"},
		{"a service integration", id + `Endpoint response body before transformations: {"__type":"com.amazon.coral.service#UnknownOperationException"}` + "\n" + id + "Method completed with status: 500", "integration_method_not_post", "500"},
		{"the function's own call, Node.js", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			"2024-01-01T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"UnknownOperationException\",\"errorMessage\":\"UnknownError\",\"name\":\"UnknownOperationException\"}\n" +
			"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown"},
		{"the function's own call, Python", "[ERROR] ClientError: An error occurred (UnknownOperationException) when calling the GetItem operation: ", "lambda_function_error", "unknown"},
		{"the function's own call, quoted by the gateway", id + "Lambda execution failed with status 200 due to customer function error: An error occurred (UnknownOperationException) when calling the GetItem operation: . Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" + id + "Method completed with status: 502", "lambda_function_error", "502"},
	})
}

// The Java TLS stack's words for a failed handshake name the gateway's
// backend only where the gateway (or a person quoting it) wrote them: a
// client program's own trace ("Exception in thread "main" ...", a script's
// frames in a home folder) is its own connection to the API failing, which
// names no cause (docs/taxonomy.md, "Who said what").
func TestAClientsOwnTLSFailureNamesNoCause(t *testing.T) {
	checkWordings(t, []wording{
		{"a Java client", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n" +
			"\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n" +
			"\tat com.example.client.ApiClient.call(ApiClient.java:88)", "unknown", "unknown"},
		// (the gateway's own words, and a person quoting them, keep it)
		{"the gateway's", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: General SSLEngine problem", "backend_tls_error", "500"},
		{"a person quoting the gateway", "HTTP/1.1 500 Internal Server Error\nThe execution log says General SSLEngine problem.", "backend_tls_error", "500"},
	})
}

// Lambda refuses a custom integration's payload that is not JSON with
// InvalidRequestContentException, "Could not parse request body into json:
// Could not parse payload into json: ..." (its 400, which the gateway
// answers with a 500): the payload the integration request built. The
// gateway's own refusal of a client's body that is not JSON ("Could not
// parse request body into json: ..." alone, its 400) and a person's own
// invoke refused so are neither.
func TestLambdaRefusesTheTemplatesPayload(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	const refused = `{"Type":"User","message":"Could not parse request body into json: Could not parse payload into json: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"}`
	checkWordings(t, []wording{
		{"Lambda's answer", id + "Endpoint response body before transformations: " + refused + "\n" +
			id + "Lambda invocation failed with status: 400. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" + id + "Method completed with status: 500", "mapping_template_error", "500"},
		{"the configuration error", id + "Lambda invocation failed with status: 400. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + "Execution failed due to configuration error: Could not parse request body into json: Could not parse payload into json: Unexpected character", "mapping_template_error", "500"},
		{"the gateway's own 400", "HTTP/1.1 400 Bad Request\n{\"message\": \"Could not parse request body into json: Unexpected character (\\'a\\' (code 97)): expected a valid value\"}", "not_5xx", "none"},
		{"a person's own invoke", "$ aws lambda invoke --function-name orders --payload '{bad' out.json\nAn error occurred (InvalidRequestContentException) when calling the Invoke operation: Could not parse request body into json: Could not parse payload into json: Unexpected character", "unknown", "unknown"},
	})
}
