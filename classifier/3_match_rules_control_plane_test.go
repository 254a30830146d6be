package classifier

import (
	"strings"
	"testing"
)

// controlPlaneRefusals are API Gateway's management API refusing a
// deployment's call, one row per documented form of the tool or SDK that
// prints it: the deployment was refused, no request to the API got a 5xx.
var controlPlaneRefusals = []wording{
	// the Terraform AWS provider's diagnostics (v5's "creating API Gateway
	// <Resource>: ...", the older provider's "Error creating API Gateway
	// <Resource>: ..." with aws-sdk-go's "status code: 400, request id:"
	// line, and v2 resources' "creating API Gateway v2 <Resource> (...)")
	{"Terraform v5, NotFoundException", "Error: creating API Gateway Integration: NotFoundException: Invalid Method identifier specified", "not_5xx", "none"},
	{"Terraform, older provider", "Error creating API Gateway Deployment: BadRequestException: No integration defined for method\n\tstatus code: 400, request id: 12301c92-ada9-11e6-8ead-0f532d1c87f2", "not_5xx", "none"},
	{"Terraform, v2 stage with smithy-go's error", "Error: creating API Gateway v2 Stage (prod): operation error ApiGatewayV2: CreateStage, https response error StatusCode: 400, RequestID: 2866fa7c-f79b-4f31-8d07-affcb534831e, BadRequestException: CloudWatch Logs role ARN must be set in account settings to enable logging", "not_5xx", "none"},
	// the AWS SDK for Go v2's OperationError (smithy-go) with the API
	// Gateway service id, as Terraform and Pulumi quote it
	{"SDK for Go v2, API Gateway", "operation error API Gateway: PutIntegration, https response error StatusCode: 400, RequestID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, BadRequestException: Invalid mapping expression specified", "not_5xx", "none"},
	{"SDK for Go v2, concurrent modification", "operation error API Gateway: CreateDeployment, https response error StatusCode: 409, RequestID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, ConflictException: Unable to complete operation due to concurrent modification. Please try again later.", "not_5xx", "none"},
	// the AWS SDK for Java 1.x's AmazonServiceException message in a
	// CloudFormation stack event, as the console, the CDK, SAM and the
	// Serverless Framework print it
	{"CloudFormation event, AmazonApiGateway", "MyApiDeployment1234 CREATE_FAILED No integration defined for method (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", "not_5xx", "none"},
	{"CDK, AmazonApiGatewayV2", "allow-credentials is not supported if 'allow-origin' is * (Service: AmazonApiGatewayV2; Status Code: 400; Error Code: BadRequestException; Request ID: 371db535-2268-45c0-a3f7-5a71bf03c089; Proxy: null)", "not_5xx", "none"},
	{"Serverless Framework", "An error occurred: ApiGatewayDeployment1700000000000 - The REST API doesn't contain any methods (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null).", "not_5xx", "none"},
	{"CloudFormation, throttled", "ApiGatewayMethod UPDATE_FAILED Too Many Requests (Service: AmazonApiGateway; Status Code: 429; Error Code: TooManyRequestsException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", "not_5xx", "none"},
	// the AWS SDK for Java 1.x's exception class, as a Java tool's stack
	// trace prints it
	{"SDK for Java 1.x exception", "com.amazonaws.services.apigateway.model.NotFoundException: Invalid Resource identifier specified (Service: AmazonApiGateway; Status Code: 404; Error Code: NotFoundException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d)", "not_5xx", "none"},
	// the AWS SDK for Java 2.x's message, as CloudFormation's registry
	// resource handlers return it
	{"CloudFormation resource handler", `Resource handler returned message: "Unable to complete operation due to concurrent modification. Please try again later. (Service: ApiGateway, Status Code: 409, Request ID: cf213ad4-e67e-433f-afb8-39ec66a4bf42)" (RequestToken: f868444f-c9a5-79e1-09d4-656b26fd17dc, HandlerErrorCode: AlreadyExists)`, "not_5xx", "none"},
	// (and cut after its status, as the CDK quotes it)
	{"SDK for Java 2.x, status only", "`Invalid stage identifier specified (Service: ApiGateway, Status Code: 400, Request ID:`", "not_5xx", "none"},
	// the management API's own messages for an integration, a mapping or
	// a domain's mapping it refuses, quoted without the tool's words
	{"an integration URI refused", "[aws-apigateway] Invalid integration URI specified with ProxyResource and VPC_LINK", "not_5xx", "none"},
	{"an HTTP endpoint refused", "we were receiving a runtime error of `Invalid HTTP endpoint specified for URI`", "not_5xx", "none"},
	{"a mapping parameter refused", "I spent 4 hours with that problem [Invalid mapping expression parameter specified: method.response.header.Content-Type].", "not_5xx", "none"},
	// botocore's ClientError as the AWS CLI prints it
	{"AWS CLI, CreateDeployment", "An error occurred (BadRequestException) when calling the CreateDeployment operation: No integration defined for method", "not_5xx", "none"},
	{"AWS CLI, UpdateStage throttled", "An error occurred (LimitExceededException) when calling the UpdateStage operation: Too Many Requests", "not_5xx", "none"},
	// botocore's modeled exception in a Python traceback, the AWS SDK for
	// Ruby's and for .NET's error classes, and the Terraform provider's
	// refused OpenAPI import
	{"boto3 traceback", "botocore.errorfactory.BadRequestException: An error occurred (BadRequestException) when calling the ImportRestApi operation: Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/': Invalid HTTP endpoint specified for URI", "not_5xx", "none"},
	{"SDK for Ruby", "Aws::ApiGatewayV2::Errors::BadRequestException: Invalid stage identifier specified (Aws::ApiGatewayV2::Errors::BadRequestException)", "not_5xx", "none"},
	{"SDK for .NET", "Amazon.APIGateway.Model.ConflictException: Stage already exists", "not_5xx", "none"},
	{"Terraform, OpenAPI import", "Error: updating API Gateway REST API (ok4xle1rld) specification: BadRequestException: Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/': Invalid ARN specified in the request", "not_5xx", "none"},
	// SST's output, which prints smithy-go's error without the service:
	// the management API's own message shows it
	// Pulumi's and SST's output: the failing resource by its Pulumi type
	// token, then smithy-go's ResponseError without the service
	// (deployRefusal)
	{"SST, the resource then the error", "   WebsocketAPI sst:aws:ApiGatewayWebSocket → WebsocketAPIStage aws:apigatewayv2:Stage\n   StatusCode: 404, RequestID: 2866fa7c-f79b-4f31-8d07-affcb534831e, NotFoundException: Invalid stage identifier specified", "not_5xx", "none"},
	{"Pulumi, a REST API's deployment", "  aws:apigateway:Deployment (api-deployment):\n    StatusCode: 409, RequestID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, ConflictException: Deployment is in progress", "not_5xx", "none"},
	// the AWS SDK for JavaScript v2's request log line, then the error it
	// throws with the SDK's frames, and the Serverless Framework's line
	// for a throttled call it waits out
	{"SDK for JavaScript v2 log", "[AWS apigateway 429 0.403s 0 retries] createRestApi({ name: 'orders-test' })\n\n     TooManyRequestsException: Too Many Requests\n      at Object.extractError (node_modules/aws-sdk/lib/protocol/json.js:43:27)\n      at Request.extractError (node_modules/aws-sdk/lib/protocol/rest_json.js:37:8)", "not_5xx", "none"},
	{"Serverless Framework waiting", "Serverless: 'Too many requests' received, sleeping 5 seconds", "not_5xx", "none"},
	// the refusal quoted bare, as a person pastes the line of a deploy's
	// output that says what went wrong: the management API's model in its
	// message shows whose refusal it is
	{"bare, an integration type", "```\nBadRequestException: HttpMethod must be POST for AWS_PROXY IntegrationType\n```", "not_5xx", "none"},
	{"bare, an access log format", "`BadRequestException: Access Log format must be single line, new line character is allowed only at end of the format`", "not_5xx", "none"},
	{"bare, a VPC link's URI", "BadRequestException: For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a Cloud Map service ARN", "not_5xx", "none"},
	{"bare, a Java class cut short", "# Experienced Error Resulting in ...model.BadRequestException: Invalid AWS URI", "not_5xx", "none"},
	{"SST, the message alone", "   WebsocketAPI sst:aws:ApiGatewayWebSocket → WebsocketAPIStage aws:apigatewayv2:Stage\n   StatusCode: 400, RequestID: 2866fa7c-f79b-4f31-8d07-affcb534831e, BadRequestException: CloudWatch Logs role ARN must be set in account settings to enable logging", "not_5xx", "none"},
}

func TestControlPlaneRefusals(t *testing.T) {
	checkWordings(t, controlPlaneRefusals)
}

// Look-alikes: the same errors from another API, or from a layer where
// they are no deployment's refusal.
func TestControlPlaneLookAlikes(t *testing.T) {
	checkWordings(t, []wording{
		// the @connections API a WebSocket backend calls while serving
		// (the developer guide's "Use @connections commands in your backend
		// service"): the function's call, not a deployment
		{"PostToConnection refused", "operation error ApiGatewayManagementApi: PostToConnection, https response error StatusCode: 410, RequestID: 965ae9ea-c537-43d0-ae5c-3a458ccbc069, GoneException", "lambda_function_error", "unknown"},
		// the function's own call of the management API (a custom
		// resource's), in its runtime's error record: the function failed
		// on it, which shows nothing of what the API's clients got
		{"a function's call, Node.js runtime", "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tBadRequestException: No integration defined for method (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException)", "lambda_function_error", "unknown"},
		// another service's BadRequestException (AppSync) through the
		// same SDK form: no API Gateway deployment, so not the management
		// API's 400; Terraform's failed change, whose status no line shows
		{"another service's refusal", "Error: creating AppSync Resolver: operation error AppSync: CreateResolver, https response error StatusCode: 400, RequestID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, BadRequestException: The resolver is invalid", "not_5xx", "unknown"},
		// another service's refusal quoted bare names none of the
		// management API's model, and the management API's own refusal in
		// a runtime's error record is a function's call that failed
		{"another service's bare refusal", "BadRequestException: Missing ApplicationId", "lambda_function_error", "unknown"},
		{"a function's call, bare refusal in its error record", "2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tBadRequestException: HttpMethod must be POST for AWS_PROXY IntegrationType", "lambda_function_error", "unknown"},
		// the same service-less error with no API Gateway resource before
		// it, or another service's
		{"a service-less error alone", "StatusCode: 400, RequestID: 2866fa7c-f79b-4f31-8d07-affcb534831e, BadRequestException: Invalid request provided", "unknown", "unknown"},
		{"a service-less error of another resource", "  aws:appsync:Resolver (resolver):\n    StatusCode: 400, RequestID: 2866fa7c-f79b-4f31-8d07-affcb534831e, BadRequestException: The resolver is invalid", "unknown", "unknown"},
		// the same SDK log line of another service's call, and of a 5xx,
		// which is no all-clear
		{"SDK for JavaScript v2 log, DynamoDB", "[AWS dynamodb 400 0.052s 0 retries] putItem({ TableName: 'orders' })", "unknown", "unknown"},
		{"SDK for JavaScript v2 log, a 5xx", "[AWS apigateway 500 0.052s 3 retries] createDeployment({ restApiId: 'abc' })", "unknown", "500"},
		// Lambda's own throttling keeps its cause
		{"Lambda throttling a script's invoke", "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.", "lambda_throttled", "unknown"},
		// the execution log's mapping failure is a request failing
		{"the execution log's configuration error", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid mapping expression specified: method.request.header.X\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "mapping_template_error", "500"},
	})
}

// A refusal beside any 5xx of the API, in either order, is no all-clear:
// the deployment's refusal says nothing of the requests that failed.
func TestControlPlaneRefusalBesideA5xxIsNoAllClear(t *testing.T) {
	fivexx := []string{
		"HTTP/1.1 502 Bad Gateway",
		"< HTTP/2 500",
		`{"message": "Internal server error"}`,
		"(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 504",
		"Since the deploy every call to the API returns 503 Service Unavailable.",
	}
	for _, r := range controlPlaneRefusals {
		for _, f := range fivexx {
			for _, text := range []string{r.text + "\n" + f, f + "\n" + r.text} {
				d := diagnoseText(t, text)
				if d.Status == StatusNone {
					t.Errorf("%s beside %q: got none/%s, want no all-clear", r.name, f, d.Cause)
				}
				if strings.Contains(strings.ToLower(r.text), "toomanyrequests") && d.Cause == CauseLambdaThrottled {
					t.Errorf("%s beside %q: the management API's throttling read as Lambda's", r.name, f)
				}
			}
		}
	}
}

// The status a deployment tool prints for the management API's answer is
// never read as what a client of the API got, in any of the forms that
// print one (controlPlaneCall), while a client's own status line still is.
func TestControlPlaneStatusIsNoClientStatus(t *testing.T) {
	rows := []struct {
		name, line string
		want       int
	}{
		// the AWS SDK for Java 1.x's message, in a CloudFormation event
		{"Java 1.x", "MyApiDeployment CREATE_FAILED No integration defined for method (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException; Request ID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d; Proxy: null)", 0},
		// the AWS SDK for Java 2.x's message, from a resource handler
		{"Java 2.x", `Resource handler returned message: "Invalid Method identifier specified (Service: ApiGateway, Status Code: 404, Request ID: cf213ad4-e67e-433f-afb8-39ec66a4bf42)"`, 0},
		// smithy-go's OperationError
		{"Go v2", "operation error API Gateway: CreateDeployment, https response error StatusCode: 429, RequestID: 5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, TooManyRequestsException: Too Many Requests", 0},
		// the Terraform provider with aws-sdk-go's status line on the line
		{"Terraform", "Error creating API Gateway Deployment: ConflictException: Unable to complete operation due to concurrent modification. status code: 409, request id: 12301c92-ada9-11e6-8ead-0f532d1c87f2", 0},
		// a client's status line stays the client's
		{"curl", "< HTTP/2 404", 404},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			s := NewSession(Hints{})
			low := []byte(strings.ToLower(r.line))
			if got := s.clientStatus(low, attribute(low)); got != r.want {
				t.Errorf("clientStatus = %d, want %d", got, r.want)
			}
		})
	}
}
