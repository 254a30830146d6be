package classifier

import "bytes"

// controlPlaneCall is a deployment tool's report of a call to API Gateway's
// management API (the apigateway and apigatewayv2 services that create
// and change APIs, stages and deployments), in the general forms the tools
// and SDKs print it. Whoever shows the line (a person pasting a deploy's
// output, a CI log), it says what the management API answered the
// deployment: its status is no answer any client of the API got, and its
// TooManyRequestsException is the management API throttling the deployer,
// not Lambda throttling the gateway. (The @connections API's
// PostToConnection, which a WebSocket API's backend calls while serving,
// is not among them: its service is ApiGatewayManagementApi.)
var controlPlaneCall = guard(controlPlaneForms)

// controlPlaneForms is controlPlaneCall's pattern, which the rules of
// controlPlaneRules read beside the error's name.
const controlPlaneForms = `` +
	// the Terraform AWS provider's diagnostics for a resource of either
	// service: "Error: creating API Gateway Integration: ...", "creating
	// API Gateway v2 Stage (...): ...", and the older "Error creating API
	// Gateway Deployment: ..." and "error updating API Gateway Stage"
	`\b(?:creating|updating|deleting|reading|putting|importing) api gateway\b` +
	// the AWS SDK for Go v2's OperationError with the two services' ids
	// ("operation error API Gateway: PutIntegration, https response
	// error StatusCode: 400, ...", "operation error ApiGatewayV2:
	// CreateStage, ..."), as Terraform, Pulumi and SST quote it
	`|\boperation error (?:api gateway|apigatewayv2): [a-z]+, ` +
	// the AWS SDK for Java 1.x's AmazonServiceException message, as
	// CloudFormation's events, the CDK, SAM and the Serverless
	// Framework print it ("(Service: AmazonApiGateway; Status Code:
	// 400; Error Code: BadRequestException; Request ID: ...)"), and its
	// exception class ("com.amazonaws.services.apigateway.model.
	// BadRequestException: ...")
	`|\(service: amazonapigateway(?:v2)?; status code: |\bcom\.amazonaws\.services\.apigateway(?:v2)?\.model\.` +
	// the AWS SDK for Ruby's error classes (Aws::APIGateway::Errors::
	// BadRequestException, Aws::ApiGatewayV2::Errors::...) and the AWS SDK
	// for .NET's (Amazon.APIGateway.Model.BadRequestException,
	// Amazon.ApiGatewayV2.Model...), as a script's or a tool's trace
	// prints them
	`|\baws::apigateway(?:v2)?::errors::|\bamazon\.apigateway(?:v2)?\.model\.` +
	// the AWS SDK for Java 2.x's AwsServiceException message, as the
	// CloudFormation registry's resource handlers return it ("Resource
	// handler returned message: "... (Service: ApiGateway, Status
	// Code: 400, Request ID: ...)"")
	`|\(service: apigateway(?:v2)?, status code: ` +
	// botocore's ClientError, as the AWS CLI prints it, for the
	// operations a deployment makes of API Gateway (the API
	// references' operation names of both services, none of which
	// another service's refusals of these codes share)
	`|when calling the (?:createdeployment|createstage|updatestage|putintegration(?:response)?|putmethod(?:response)?|putrestapi|importrestapi|createrestapi|updaterestapi|` +
	`createresource|updateintegration(?:response)?|updatemethod(?:response)?|createauthorizer|updateaccount|createbasepathmapping|importapi|reimportapi|` +
	`createroute|updateroute|createintegration|createapimapping|putgatewayresponse|createrequestvalidator|createusageplan(?:key)?) operation`

// controlPlaneErrors are the errors the API Gateway API references list
// for the management API's operations (common to the apigateway and
// apigatewayv2 references), with the status each is answered with.
var controlPlaneErrors = []struct {
	code   string
	status int
}{
	{"badrequestexception", 400},
	{"unauthorizedexception", 401},
	{"notfoundexception", 404},
	{"conflictexception", 409},
	{"limitexceededexception", 429},
	{"toomanyrequestsexception", 429},
}

// controlPlaneWords pre-filter controlPlaneCall: each of its forms holds
// one of them.
var controlPlaneWords = [][]byte{[]byte(" api gateway"), []byte("apigateway"), []byte("when calling the ")}

// controlPlaneShown are literals of controlPlaneCall's forms for a rule's
// unlessAlso: a rule of the API's own failures does not read a line that
// holds one (the CLI's form by the operations a deployment makes most).
var controlPlaneShown = []string{
	"creating api gateway", "updating api gateway", "deleting api gateway", "operation error api gateway", "operation error apigatewayv2",
	"(service: amazonapigateway", "(service: apigateway", "services.apigateway", "aws::apigateway", "amazon.apigateway", "when calling the createdeployment operation",
	"when calling the createstage operation", "when calling the updatestage operation", "when calling the putintegration operation",
	"when calling the putmethod operation", "when calling the putrestapi operation", "when calling the importrestapi operation",
}

// isControlPlaneCall reports whether low is a deployment tool's report of
// a call to API Gateway's management API (controlPlaneCall). Most lines
// hold none of controlPlaneWords and are passed over at one scan.
func isControlPlaneCall(low []byte) bool {
	return containsAny(low, controlPlaneWords) && controlPlaneCall.Match(low)
}

// deployResourceType is a Pulumi resource type of either service
// ("aws:apigateway:Deployment", "aws:apigatewayv2:Stage", the Pulumi AWS
// provider's type tokens), as Pulumi and SST name the resource whose
// change failed on the line before its error.
var deployResourceType = guard(`\baws:apigateway(?:v2)?:[a-z]`)

// serviceLessRefusal is smithy-go's ResponseError as SST prints it, without
// the OperationError that names the service: "StatusCode: 400, RequestID:
// ..., BadRequestException: ..." ("https response error StatusCode: %d,
// RequestID: %s, %v" in aws-sdk-go-v2's transport/http).
var serviceLessRefusal = guard(`^statuscode: (4\d\d), requestid: [^,]*, ([a-z]+exception)\b`)

// deployContextLines is how far after the resource's name its error is
// read as that resource's.
const deployContextLines = 3

// noteDeployResource remembers the line where a deployment named an API
// Gateway resource of its own (deployResourceType).
func (s *Session) noteDeployResource(low []byte) {
	if bytes.Contains(low, []byte("aws:apigateway")) && deployResourceType.Match(low) {
		s.st.deployResourceAt = s.st.lines
	}
}

// deployRefusal reads a refusal printed without its service right after a
// deployment named an API Gateway resource (noteDeployResource) as the
// management API's (controlPlaneRules): not_5xx, weakly, with the error's
// status when it is one of controlPlaneErrors.
func (s *Session) deployRefusal(low []byte) hit {
	if s.st.deployResourceAt == 0 || s.st.lines-s.st.deployResourceAt > deployContextLines || !bytes.Contains(low, []byte("statuscode: 4")) {
		return hit{}
	}
	m := serviceLessRefusal.FindSubmatch(bytes.TrimLeft(low, " \t"))
	if m == nil {
		return hit{}
	}
	for _, e := range controlPlaneErrors {
		if string(m[2]) == e.code {
			return hit{cause: CauseNot5xx, weight: wWeak, implied: e.status}
		}
	}
	return hit{}
}
