package classifier

import "testing"

// IAM's denial names the principal that made the call (the IAM user
// guide's access-denied messages). The gateway calls with its service
// principal or with the role the integration assumes, an assumed-role
// session; an IAM user's denial outside the gateway's logs is a person's
// own CLI or SDK call, or a deployment tool's, and no permission of the
// API's. In the gateway's log it is the caller's credentials the
// integration passed on, and counts.
func TestIAMUserDenialIsNoGatewayPermission(t *testing.T) {
	checkWordings(t, []wording{
		{"aws lambda invoke refused", "$ aws lambda invoke --function-name orders out.json\nAn error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders because no identity-based policy allows the lambda:InvokeFunction action", "unknown", "unknown"},
		{"a CDK deployment's role", "current credentials could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account. Proceeding anyway.\nUser: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1", "unknown", "unknown"},
		{"a developer's scan refused", "An error occurred (AccessDeniedException) when calling the Scan operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders", "unknown", "unknown"},
		// the integration's role, and the caller's credentials the
		// gateway passed on, as the gateway logs them
		{"the integration's role", "(6c6d6e6f-0000-4000-8000-00000000abcd) Endpoint response body before transformations: {\"Message\":\"User: arn:aws:sts::123456789012:assumed-role/apigw-invoke/BackplaneAssumeRoleSession is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders\"}", "lambda_invoke_permission", "unknown"},
		{"the caller's credentials passed on", "(6c6d6e6f-0000-4000-8000-00000000abcd) Endpoint response body before transformations: {\"Message\":\"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders\"}\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "lambda_invoke_permission", "500"},
		{"a role's session quoted by a person", "HTTP/1.1 500 Internal Server Error\nThe log says User: arn:aws:sts::123456789012:assumed-role/apigw-sqs/BackplaneAssumeRoleSession is not authorized to perform: sts:AssumeRole", "credentials_role_error", "500"},
	})
}

// "Rate exceeded" is Lambda's word for throttling an invocation ("Rate
// Exceeded." with TooManyRequestsException), and the query APIs' (SSM, STS,
// CloudFormation, SNS) with their own error code, Throttling: the AWS SDKs
// print the code beside it, naming the service that throttled the call
// (the SDKs' error formats; the Lambda Invoke API reference).
func TestRateExceededNamesWhoThrottled(t *testing.T) {
	checkWordings(t, []wording{
		{"botocore, a client's call", "botocore.exceptions.ClientError: An error occurred (Throttling) when calling the GetParameters operation (reached max retries: 4): Rate exceeded\nHTTP/1.1 502 Bad Gateway", "backend_throttled", "502"},
		{"botocore, the function's call", "[ERROR] ClientError: An error occurred (Throttling) when calling the GetParameters operation (reached max retries: 4): Rate exceeded\nHTTP/1.1 502 Bad Gateway", "backend_throttled", "502"},
		{"SDK for JavaScript v2", "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tThrottling: Rate exceeded\n    at Request.extractError (/var/runtime/node_modules/aws-sdk/lib/protocol/query.js:50:29)", "backend_throttled", "unknown"},
		{"SDK for Go", "Throttling: Rate exceeded\n\tstatus code: 400, request id: 4e8a2f1c-2b3d-4c5e-8f9a-0b1c2d3e4f5a\nHTTP/2 500", "backend_throttled", "500"},
		// the other SDKs' forms of the same code, the function's call
		// throttled (the SDK for JavaScript v3's ServiceException as the
		// Node.js runtime logs it, the SDK for Java 1.x's
		// AmazonServiceException message and 2.x's AwsServiceException
		// message, the SDK for .NET's Amazon<Service>Exception,
		// aws-sdk-go-v2's smithy GenericAPIError "api error <code>: <message>")
		{"SDK for JavaScript v3", "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"Throttling\",\"errorMessage\":\"Rate exceeded\",\"name\":\"Throttling\",\"$fault\":\"client\"}", "backend_throttled", "unknown"},
		{"SDK for JavaScript, util.inspect", "  name: 'Throttling',", "backend_throttled", "unknown"},
		{"SDK for Java 1.x", "com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: Rate exceeded (Service: AWSSecurityTokenService; Status Code: 400; Error Code: Throttling; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", "backend_throttled", "unknown"},
		{"SDK for Java 2.x", "software.amazon.awssdk.services.ssm.model.SsmException: Rate exceeded (Service: Ssm, Status Code: 400, Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d)", "backend_throttled", "unknown"},
		{"SDK for .NET", "Amazon.SecurityToken.AmazonSecurityTokenServiceException: Rate exceeded", "backend_throttled", "unknown"},
		{"SDK for Go v2", "operation error STS: AssumeRole, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: 4e8a2f1c-2b3d-4c5e-8f9a-0b1c2d3e4f5a, api error Throttling: Rate exceeded", "backend_throttled", "unknown"},
		// the gateway quoting the function's own error message: Lambda ran
		// the invocation, so a call the function made was throttled
		{"the function's message, as the gateway quotes it", "(6c6d6e6f-0000-4000-8000-00000000abcd) Lambda execution failed with status 200 due to customer function error: Rate exceeded. Lambda request id: 4e8a2f1c-2b3d-4c5e-8f9a-0b1c2d3e4f5a\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 502", "backend_throttled", "502"},
		// Lambda's own refusal in the SDK for Java 2.x is a 429, and not
		// another service's throttling: in the function's log it is its
		// invoke of another function, which the layer rules read as the
		// function failing
		{"SDK for Java 2.x, Lambda's own", "software.amazon.awssdk.services.lambda.model.TooManyRequestsException: Rate Exceeded. (Service: Lambda, Status Code: 429, Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d)", "lambda_function_error", "unknown"},
		// Lambda's own throttling of the gateway's invocation stays Lambda's
		{"Lambda throttled the gateway", "(6c6d6e6f-0000-4000-8000-00000000abcd) Endpoint response body before transformations: {\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "lambda_throttled", "500"},
		{"Lambda's message alone", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Rate Exceeded.", "lambda_throttled", "500"},
		// TooManyRequestsException is Lambda's throttling only with Lambda's
		// words: API Gateway's management API throttling a deployment
		// tool's calls says "Too Many Requests" (the API Gateway API
		// reference's common errors), as a deployment prints it: the
		// deployment was refused with 429, no request to the API failed
		// (controlPlaneRules)
		{"a deployment throttled, CloudFormation", "ApiGatewayDeployment CREATE_FAILED Too Many Requests (Service: AmazonApiGateway; Status Code: 429; Error Code: TooManyRequestsException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", "not_5xx", "none"},
		{"a deployment throttled, CLI", "An error occurred (TooManyRequestsException) when calling the CreateDeployment operation (reached max retries: 4): Too Many Requests", "not_5xx", "none"},
		{"a deployment throttled, Terraform", "Error: error creating API Gateway Deployment: TooManyRequestsException: Too Many Requests", "not_5xx", "none"},
		{"Lambda throttling a script's invoke", "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.", "lambda_throttled", "unknown"},
		{"Lambda's answer in the execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) Endpoint response headers: {x-amzn-RequestId=a5e453c2-8d59-11e8-bf58-f5dde8cf91a3, x-amzn-ErrorType=TooManyRequestsException, Content-Type=application/json}", "lambda_throttled", "unknown"},
	})
}

// The AWS CLI's report of a call a service throttled is a person's own
// call from their machine, and names no cause of the API's 5xx; the same
// words after a function's level column, in the gateway's log or from
// Lambda refusing an invocation keep their layer's cause. Sources: botocore's
// ClientError.MSG_TEMPLATE (botocore/exceptions.py), aws-cli's clidriver.py
// writing it on a line of its own, AWS CLI v2's "aws: [ERROR]: " opening,
// and the API Gateway developer guide's throttling page for the gateway's
// own 429.
func TestCLICallThrottledNamesNoCause(t *testing.T) {
	checkWordings(t, []wording{
		{"CLI, SSM's Throttling", "$ aws ssm get-parameters --names /app/db\n\nAn error occurred (Throttling) when calling the GetParameters operation (reached max retries: 4): Rate exceeded", "unknown", "unknown"},
		{"CLI v2, ThrottlingException", "aws: [ERROR]: An error occurred (ThrottlingException) when calling the GetSecretValue operation (reached max retries: 2): Rate exceeded", "unknown", "unknown"},
		{"CLI, DynamoDB's throughput", "An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 9): The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.", "unknown", "unknown"},
		{"CLI, EC2's RequestLimitExceeded", "An error occurred (RequestLimitExceeded) when calling the DescribeInstances operation (reached max retries: 4): Request limit exceeded.", "unknown", "unknown"},
		{"CLI, a 502 beside it", "An error occurred (Throttling) when calling the AssumeRole operation: Rate exceeded\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		// the same text as the function's own call, after its runtime's
		// level column or the exception's name
		{"Python runtime's error line", "[ERROR] ClientError: An error occurred (Throttling) when calling the GetParameters operation (reached max retries: 4): Rate exceeded\nHTTP/1.1 502 Bad Gateway", "backend_throttled", "502"},
		{"function's DynamoDB call", "[ERROR] ProvisionedThroughputExceededException: An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 9): The level of configured provisioned throughput for the table was exceeded.", "backend_throttled", "unknown"},
		// the same text a function printed without its runtime's columns
		// (a Python print of the ClientError), between its invocation's
		// START and END: the function's call, not the CLI's
		{"function's print between START and END", "START RequestId: 5f0e3c2a-1111-4222-8333-444455556666 Version: $LATEST\nAn error occurred (ThrottlingException) when calling the PutItem operation (reached max retries: 4): Rate exceeded\nEND RequestId: 5f0e3c2a-1111-4222-8333-444455556666", "backend_throttled", "unknown"},
		{"function's print of SSM's Throttling between START and END", "START RequestId: 5f0e3c2a-1111-4222-8333-444455556666 Version: $LATEST\nAn error occurred (Throttling) when calling the GetParameters operation (reached max retries: 4): Rate exceeded\nEND RequestId: 5f0e3c2a-1111-4222-8333-444455556666", "backend_throttled", "unknown"},
		// after the END, the line is no longer the function's
		{"CLI after an invocation's END", "START RequestId: 5f0e3c2a-1111-4222-8333-444455556666 Version: $LATEST\nEND RequestId: 5f0e3c2a-1111-4222-8333-444455556666\nAn error occurred (ThrottlingException) when calling the PutItem operation (reached max retries: 4): Rate exceeded", "unknown", "unknown"},
		// Lambda refusing an invocation stays Lambda's, the CLI's Invoke
		// included, and the gateway's own 429 to its client is no 5xx
		{"CLI invoke, Lambda throttled", "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.", "lambda_throttled", "unknown"},
		{"Lambda's 429 to the gateway", "(6c6d6e6f-0000-4000-8000-00000000abcd) Lambda invocation failed with status: 429. Lambda request id: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "lambda_throttled", "500"},
		{"the gateway's 429 to its client", "< HTTP/1.1 429 Too Many Requests\n< x-amzn-ErrorType: TooManyRequestsException\n{\"message\":\"Too Many Requests\"}", "not_5xx", "none"},
	})
}

// A function's call throttled with LimitExceededException (429) reads as
// backend_throttled whatever SDK printed it, also beside the gateway's
// "customer function error" that the function's failure on it shows, as
// ThrottlingException does. Sources, one a row: the API Gateway
// management API reference (PostToConnection's LimitExceededException,
// 429), the SDK for JavaScript v2's error object (aws-sdk's
// lib/protocol/json.js extractError: code, statusCode) as the Node.js
// runtime logs it, v3's ServiceException (name, $fault, $metadata) and its
// generated de_LimitExceededExceptionRes, aws-sdk-go-v2's OperationError,
// botocore's ClientError, the SDK for Java's AmazonServiceException
// message and the SDK for .NET's Model exception.
func TestConnectionsThrottlingReadsAsBackendThrottled(t *testing.T) {
	const gw = "(L0SM9cOFvHcCIhw=) Lambda execution failed with status 200 due to customer function error: Too Many Requests. Lambda request id: 4e8a2f1c-2b3d-4c5e-8f9a-0b1c2d3e4f5a\n"
	const fn = "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\t"
	const bt = "backend_throttled"
	checkWordings(t, []wording{
		{"SDK for JavaScript v2", gw + fn + `Invoke Error 	{"errorType":"LimitExceededException","errorMessage":"Too Many Requests","code":"LimitExceededException","message":"Too Many Requests","statusCode":429,"retryable":false}`, bt, "unknown"},
		{"SDK for JavaScript v3", gw + fn + `Invoke Error 	{"errorType":"LimitExceededException","errorMessage":"UnknownError","name":"LimitExceededException","$fault":"client","$metadata":{"httpStatusCode":429,"attempts":1}}`, bt, "unknown"},
		{"SDK for JavaScript v3, its stack", gw + fn + "LimitExceededException: UnknownError\n    at de_LimitExceededExceptionRes (/var/runtime/node_modules/@aws-sdk/client-apigatewaymanagementapi/dist-cjs/index.js:390:21)", bt, "unknown"},
		{"SDK for Go v2", gw + "operation error ApiGatewayManagementApi: PostToConnection, https response error StatusCode: 429, RequestID: 965ae9ea-c537-43d0-ae5c-3a458ccbc069, LimitExceededException: ", bt, "unknown"},
		{"botocore", gw + "[ERROR] LimitExceededException: An error occurred (LimitExceededException) when calling the PostToConnection operation: Too Many Requests", bt, "unknown"},
		{"SDK for Java", gw + "com.amazonaws.services.apigatewaymanagementapi.model.LimitExceededException: Too Many Requests (Service: AmazonApiGatewayManagementApi; Status Code: 429; Error Code: LimitExceededException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", bt, "unknown"},
		{"SDK for .NET", gw + "Amazon.ApiGatewayManagementApi.Model.LimitExceededException: Too Many Requests", bt, "unknown"},
		// the gateway's own 429 to its caller is no 5xx, and the CLI's
		// call from a person's machine names no cause
		{"the gateway's 429 to its client", "< HTTP/1.1 429 Too Many Requests\n< x-amzn-ErrorType: LimitExceededException\n{\"message\":\"Limit Exceeded\"}", "not_5xx", "none"},
		{"CLI, post-to-connection", "An error occurred (LimitExceededException) when calling the PostToConnection operation: Too Many Requests", "unknown", "unknown"},
	})
}

// ThrottlingException from a call the function made reads as
// backend_throttled in every AWS SDK's words, also beside the gateway's
// "customer function error" that the function's failure on it shows.
// Sources, one a row: botocore's ClientError.MSG_TEMPLATE
// (botocore/exceptions.py), the SDK for JavaScript v2's error object
// (code, statusCode, retryable) and v3's ServiceException (name, $fault,
// $metadata) as the Node.js runtime's "Invoke Error" line logs them, the
// SDK for Java 1.x's AmazonServiceException message ("(Service: ...;
// Status Code: ...; Error Code: ...; Request ID: ...)"), smithy-go's
// OperationError and GenericAPIError ("operation error %s: %s, %v", "api
// error %s: %s", errors.go) under aws-sdk-go-v2, and the SDK for .NET's
// Amazon<Service>Exception.
func TestThrottlingExceptionInEverySDK(t *testing.T) {
	const gw = "(6c6d6e6f-0000-4000-8000-00000000abcd) Lambda execution failed with status 200 due to customer function error: could not load the secret. Lambda request id: 4e8a2f1c-2b3d-4c5e-8f9a-0b1c2d3e4f5a\n"
	const fn = "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\t"
	const bt = "backend_throttled"
	checkWordings(t, []wording{
		{"botocore", gw + "[ERROR] ClientError: An error occurred (ThrottlingException) when calling the GetSecretValue operation (reached max retries: 4): Rate exceeded", bt, "unknown"},
		{"SDK for JavaScript v2", gw + fn + `Invoke Error 	{"errorType":"ThrottlingException","errorMessage":"Rate exceeded","code":"ThrottlingException","message":"Rate exceeded","statusCode":400,"retryable":true}`, bt, "unknown"},
		{"SDK for JavaScript v3", gw + fn + `Invoke Error 	{"errorType":"ThrottlingException","errorMessage":"Rate exceeded","name":"ThrottlingException","$fault":"client","$metadata":{"httpStatusCode":400,"attempts":3}}`, bt, "unknown"},
		{"SDK for Java 1.x", gw + "com.amazonaws.services.secretsmanager.model.AWSSecretsManagerException: Rate exceeded (Service: AWSSecretsManager; Status Code: 400; Error Code: ThrottlingException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", bt, "unknown"},
		{"SDK for Go v2", gw + "operation error Secrets Manager: GetSecretValue, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: 965ae9ea-c537-43d0-ae5c-3a458ccbc069, api error ThrottlingException: Rate exceeded", bt, "unknown"},
		{"SDK for .NET", gw + "Amazon.SecretsManager.AmazonSecretsManagerException: Rate exceeded", bt, "unknown"},
	})
}

// An AWS service integration's error as the execution log shows the
// endpoint's answer, with the layer at fault. Sources, one a row: the API
// references' error codes and their wire forms (SQS's and SNS's query
// protocol <ErrorResponse>, the JSON protocols' "__type" of DynamoDB,
// Step Functions, Kinesis and EventBridge, S3's <Error>; SQS's common
// errors of every action), and the
// knowledge-center articles on AWS service integrations' 4xx and 5xx
// answers.
func TestDocumentedServiceIntegrationErrors(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	ep := func(body string) string { return id + "Endpoint response body before transformations: " + body }
	query := func(code, msg string) string {
		return ep(`<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>` + code + `</Code><Message>` + msg + `</Message><Detail/></Error><RequestId>8d1c2a0e-5b8f-5d7c-9f0a-2b1c8e4d6a7f</RequestId></ErrorResponse>`)
	}
	jsonErr := func(typ, msg string) string { return ep(`{"__type":"` + typ + `","message":"` + msg + `"}`) }
	const role = "credentials_role_error"
	const tpl = "mapping_template_error"
	checkWordings(t, []wording{
		// the role the integration assumes may not call the action
		{"sqs access denied", query("AccessDenied", "Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/orders is denied."), role, "unknown"},
		{"sqs json access denied", jsonErr("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-sqs/BackplaneAssumeRoleSession is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:123456789012:orders"), role, "unknown"},
		{"sns authorization error", query("AuthorizationError", "User: arn:aws:sts::123456789012:assumed-role/apigw-sns/BackplaneAssumeRoleSession is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:alerts"), role, "unknown"},
		{"sns authorization error, message cut", query("AuthorizationError", "User: arn:aws:sts::123456789012:assumed-role/apigw-sns/Backpla [TRUNCATED]"), role, "unknown"},
		{"dynamodb access denied", jsonErr("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-ddb/BackplaneAssumeRoleSession is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders"), role, "unknown"},
		{"step functions access denied", jsonErr("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-sfn/BackplaneAssumeRoleSession is not authorized to perform: states:StartExecution on resource: arn:aws:states:us-east-1:123456789012:stateMachine:orders"), role, "unknown"},
		{"s3 access denied", ep(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`), role, "unknown"},
		{"eventbridge access denied", jsonErr("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/apigw-events/BackplaneAssumeRoleSession is not authorized to perform: events:PutEvents on resource: arn:aws:events:us-east-1:123456789012:event-bus/default"), role, "unknown"},
		// the request the template built is not one the action takes
		{"sqs invalid parameter value", query("InvalidParameterValue", "Value  for parameter MessageBody is invalid. Reason: Empty message."), tpl, "unknown"},
		{"sqs missing parameter", query("MissingParameter", "The request must contain the parameter MessageBody."), tpl, "unknown"},
		{"sqs invalid action", query("InvalidAction", "The action SendMesage is not valid for this endpoint."), tpl, "unknown"},
		{"sqs missing action", query("MissingAction", "No action was supplied with this request."), tpl, "unknown"},
		{"sqs parameter combination", query("InvalidParameterCombination", "Two parameters were specified that cannot be used together."), tpl, "unknown"},
		{"sqs malformed query", query("MalformedQueryString", "Keys may not contain <"), tpl, "unknown"},
		{"sns invalid parameter", query("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"), tpl, "unknown"},
		{"dynamodb validation", jsonErr("com.amazon.coral.validate#ValidationException", "One or more parameter values were invalid: Missing the key id in the item"), tpl, "unknown"},
		// the same code in a function's error the gateway quotes is the
		// function's own call failing
		{"function's call, execution log", id + "Lambda execution failed with status 200 due to customer function error: An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key id in the item. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "lambda_function_error", "unknown"},
		{"function's call, REST access log", `{"requestId":"4edbb3b3-4088-40bf-81ad-b0b3cc72210e","resourcePath":"/items","status":"502","integrationError":"Lambda Customer Function Error:An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid"}`, "lambda_function_error", "502"},
		{"dynamodb validation, type cut", ep(`{"message":"One or more parameter values were invalid: Type mismatch for key id expected: S actual: N"}`), tpl, "unknown"},
		{"dynamodb serialization", jsonErr("com.amazon.coral.service#SerializationException", "Start of structure or map found where not expected."), tpl, "unknown"},
		{"step functions input", jsonErr("com.amazonaws.swf.service.v2.model#InvalidExecutionInput", "Invalid State Machine Execution Input: 'Unexpected character'"), tpl, "unknown"},
		{"step functions arn", jsonErr("com.amazonaws.swf.service.v2.model#InvalidArn", "Invalid Arn: 'Resource type not valid in this context: stateMachine'"), tpl, "unknown"},
		{"kinesis serialization", jsonErr("SerializationException", "Unable to parse the request body"), tpl, "unknown"},
		{"kinesis validation", jsonErr("ValidationException", "1 validation error detected: Value null at 'data' failed to satisfy constraint: Member must not be null"), tpl, "unknown"},
		{"eventbridge validation", jsonErr("ValidationException", "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null"), tpl, "unknown"},
		// a custom Lambda integration's payload that is not JSON: Lambda
		// refuses it and the gateway answers 500
		{"lambda request content", id + "Lambda invocation failed with status: 400. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + `Execution failed due to configuration error: {"Type":"User","message":"Could not parse request body into json: Could not parse payload into json: Unexpected character ('}' (code 125))"} InvalidRequestContentException`, tpl, "500"},
		// the client's status, when the method response shows it
		{"a template's request refused, 500 mapped", query("MissingParameter", "The request must contain the parameter MessageBody.") + "\n" + id + "Method completed with status: 500", tpl, "500"},
		// the service's own side
		{"dynamodb throughput", jsonErr("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded."), "backend_throttled", "unknown"},
		{"sns throttling, not Lambda's", ep(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>`), "backend_throttled", "unknown"},
		{"dynamodb unknown operation", jsonErr("com.amazon.coral.service#UnknownOperationException", ""), "integration_method_not_post", "unknown"},
		// the same codes from the function's own SDK call are the function's
		{"a function's own call", "[ERROR] ClientError: An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key id in the item", "lambda_function_error", "unknown"},
		// a custom Lambda integration's endpoint response is the function's
		// answer: its error object is its own call failing
		{"a function's error as the endpoint response", ep(`{"errorMessage":"One or more parameter values were invalid: Missing the key id in the item","errorType":"ValidationException","stackTrace":["at Request.extractError (/var/runtime/node_modules/aws-sdk/lib/protocol/json.js:52:27)"]}`), "lambda_function_error", "unknown"},
		{"a function's denied call as the endpoint response", ep(`{"errorMessage":"User: arn:aws:sts::123456789012:assumed-role/orders-fn-role/orders-fn is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders","errorType":"AccessDeniedException"}`), "lambda_function_error", "unknown"},
		// Lambda's validation of a function name is the integration URI's
		{"a function name refused", id + `Execution failed due to configuration error: {"message":"1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:function:my orders' at 'functionName' failed to satisfy constraint"} ValidationException`, "unknown", "500"},
	})
}

// The same refusals as the client got them, the service's answer passed
// through the integration: the query APIs' error body in its JSON form
// (SNS and SQS answer JSON to the integration's Accept header) and its XML
// form, and the JSON protocols' Coral "__type". How an SDK prints the
// same code (a function's call, or a person's own CLI) is no answer the
// integration passed on.
func TestServiceRefusalAsTheClientGotIt(t *testing.T) {
	const tpl = "mapping_template_error"
	checkWordings(t, []wording{
		{"SNS's JSON body in Postman", "But when I make the request via Postman I have this error:\n```\n{\n    \"Error\": {\n        \"Code\": \"MalformedInput\",\n        \"Message\": \"Start of list found where not expected\",\n        \"Type\": \"Sender\"\n    },\n```", tpl, "unknown"},
		{"SNS's JSON body, code on its own line", "{\n\"Error\": {\n\"Code\": \"InvalidParameter\",\n\"Message\": \"Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter\",\n\"Type\": \"Sender\"\n}}", tpl, "unknown"},
		{"SQS's XML body from curl", "$ curl -i -X POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders\nHTTP/2 400\n\n<ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><Error><Type>Sender</Type><Code>MissingParameter</Code><Message>The request must contain the parameter MessageBody.</Message></Error></ErrorResponse>", "not_5xx", "none"},
		{"a 500 the integration response mapped", "HTTP/1.1 500 Internal Server Error\n<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>Value for parameter MessageBody is invalid.</Message></Error></ErrorResponse>", tpl, "500"},
		{"the Coral type a person quotes", "Using single quotes in the body results in a serialization exception from API Gateway (`com.amazon.coral.service#SerializationException`).", tpl, "unknown"},
		// guards: an SDK's own print of the code
		{"botocore's error dict", "{'Error': {'Code': 'InvalidParameter', 'Message': 'Invalid parameter: TopicArn', 'Type': 'Sender'}}", "unknown", "unknown"},
		{"a function's SDK error", "2024-03-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\t{\"message\":\"Invalid parameter: TopicArn\",\"code\":\"InvalidParameter\",\"statusCode\":400}", "lambda_function_error", "unknown"},
		// (an exception's name and message, read as an error raised)
		{"the SDK's exception name", "SerializationException: Start of structure or map found where not expected", "lambda_function_error", "unknown"},
	})
}
