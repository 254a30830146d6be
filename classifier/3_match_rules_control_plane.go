package classifier

import (
	"strconv"
	"strings"
)

// controlPlaneRules read API Gateway's management API refusing a
// deployment's call (a configuration it will not accept, a resource that
// does not exist yet, a concurrent change, its own throttling): the API was
// not changed, and no request to it got a 5xx from the refusal. They are
// not_5xx, weakly, implying the management API's own status, so that an
// all-clear follows only where nothing else shows a 5xx (any 5xx shown
// anywhere keeps the answer from none: noFalseAllClear). Not on the
// gateway's logs, which never log the management API, nor where a Lambda
// runtime's marks show the refused call was a function's own (a custom
// resource's, a deployer's: runtimeErrorMarks), which failed the function
// and says nothing of the API's clients. A Java tool's stack trace opens
// with the exception's class as a function's would, and carries none of
// those marks.
func controlPlaneRules() []ruleSpec {
	javaCodes := []int{400, 401, 403, 404, 409, 429}
	// three forms per error name, one per code of the SDK for Java's
	// status-only message, one per message
	rs := make([]ruleSpec, 0, 3*len(controlPlaneErrors)+len(javaCodes)+len(controlPlaneMessages))
	for _, e := range controlPlaneErrors {
		// the error's name beside a form of controlPlaneCall, on either
		// side of it (Terraform and Go name the call first, Java and the
		// CLI the error)
		re := `(?:` + controlPlaneForms + `).*` + e.code + `|` + e.code + `.*(?:` + controlPlaneForms + `)`
		rs = append(rs, ruleSpec{lit: e.code, re: re, cause: CauseNot5xx, weight: wWeak, implied: e.status, unlessAlso: runtimeErrorMarks, layers: notGatewayLogged})
	}
	for _, e := range controlPlaneErrors {
		// the AWS SDK for JavaScript v2's request log ("[AWS apigateway 429
		// 0.403s 0 retries] createRestApi({...})"), its logger's line for
		// each call, with the management API's status: the error the SDK
		// prints after it ("TooManyRequestsException: Too Many Requests" and
		// the SDK's frames) is that answer, so the line outweighs what the
		// error alone would name
		re := `^\[aws apigateway(?:v2)? ` + strconv.Itoa(e.status) + ` [\d.]+s \d+ retries\] [a-z]+\(`
		rs = append(rs, ruleSpec{lit: "[aws apigateway", re: re, cause: CauseNot5xx, weight: wWeak + 5, implied: e.status, unlessAlso: runtimeErrorMarks, layers: notGatewayLogged})
	}
	for _, code := range javaCodes {
		// the AWS SDK for Java's message with its status and no error
		// name, as the CloudFormation registry's handlers and the CDK
		// print it ("Invalid stage identifier specified (Service:
		// ApiGateway, Status Code: 400, Request ID: ...)"): the code is
		// the management API's answer to the deployment
		re := `\(service: (?:amazon)?apigateway(?:v2)?[,;] status code: ` + strconv.Itoa(code) + `\b`
		rs = append(rs, ruleSpec{lit: "status code: " + strconv.Itoa(code), re: re, cause: CauseNot5xx, weight: wWeak, implied: code, unlessAlso: runtimeErrorMarks, layers: notGatewayLogged})
	}
	for _, m := range controlPlaneMessages {
		rs = append(rs, ruleSpec{lit: m.text, cause: CauseNot5xx, weight: wWeak, implied: m.status, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGatewayLogged})
	}
	for _, e := range controlPlaneErrors {
		// the error quoted bare, without the tool's or SDK's words
		// ("BadRequestException: HttpMethod must be POST for AWS_PROXY
		// IntegrationType"), whose message names the management API's own
		// model: it outweighs the reading of a bare exception line as the
		// function's (a function's own BadRequestException, from AppSync or
		// Pinpoint, names none of these), and not in a runtime's error
		// record, where it is a function's call of the management API
		re := `\b` + e.code + `\b:? .*\b(?:` + managementModelWords + `)`
		rs = append(rs, ruleSpec{lit: e.code, re: re, cause: CauseNot5xx, weight: wWeak + 5, implied: e.status, unlessAlso: runtimeErrorMarks, layers: notGatewayLogged})
	}
	for _, re := range deployFailureForms {
		// a deployment tool's own report of a change that failed, with no
		// status of the management API's: no request to the API was
		// answered by it, and which status the clients get is the last
		// deployment's, which no line shows. A deployment tool is no
		// function, so not on the function's log either
		rs = append(rs, ruleSpec{lit: re.lit, re: re.re, cause: CauseNot5xx, weight: wWeak, unlessAlso: runtimeErrorMarks, layers: callerSide})
	}
	return rs
}

// deployFailureForms are how deployment tools report a change of the
// API's resources that failed: Terraform's AWS provider ("Error: creating
// API Gateway VPC Link (x): waiting for completion: FAILED: NLB ARN is
// malformed", after the box drawing its diagnostics open with), the
// Serverless Framework's "An error occurred: <logical id> - <the
// CloudFormation event's reason>", and CloudFormation's resource events
// (CREATE_FAILED, UPDATE_FAILED, as the console, the CLI and the CDK
// print them).
var deployFailureForms = []struct{ lit, re string }{
	{"error: ", `^(?:│\s*)?error: (?:creating|updating|deleting) [a-z]`},
	{"an error occurred: ", `\ban error occurred: [a-z][a-z0-9]* - `},
	{"_failed", `\b(?:create|update|delete)_failed\b`},
}

// deployFailure tells a look-alike's deciding line that is a deployment
// tool's failure (lookAlikeWhy), wherever on the line as pasted.
var deployFailure = func() *guardedRegexp {
	forms := make([]string, len(deployFailureForms))
	for i, f := range deployFailureForms {
		forms[i] = strings.TrimPrefix(f.re, "^")
	}
	return guard(strings.Join(forms, "|"))
}()

// managementModelWords are names of the API Gateway management API's own
// model (its integration types and fields, access log settings, VPC links,
// parameter mappings, stage variables, route keys) as its refusals quote
// them: "HttpMethod must be POST for AWS_PROXY IntegrationType", "Access
// Log format must be single line", "Invalid mapping expression specified",
// "Invalid stage variable value", "Invalid AWS URI", "For VpcLink VPC_LINK,
// integration uri should be a valid ELB listener ARN". No request to an
// API is answered with them.
const managementModelWords = `integrationtype|aws_proxy|http_proxy|access log format|vpclink|vpc_link|mapping expression|stage variable|integration uri|aws uri|routekey|route key|payloadformatversion|authorizeruri|httpmethod must`

// controlPlaneMessages are the management API's own messages for a
// deployment it refuses, which no request to an API is ever answered
// with, so that they show the refusal whatever tool printed them (SST
// prints smithy-go's "StatusCode: 400, RequestID: ..., BadRequestException:
// ..." without the service's name), each with the error it comes with.
var controlPlaneMessages = []struct {
	text   string
	status int
}{
	// CreateDeployment of a REST API with a method that has no
	// integration, or with no method at all (the developer guide's
	// "Deploy a REST API"; the Terraform provider's aws_api_gateway_deployment
	// page tells to depend on the integrations for this reason)
	{"no integration defined for method", 400},
	{"the rest api doesn't contain any methods", 400},
	// a stage's execution or access logging turned on while the account
	// has no CloudWatch Logs role (the developer guide's "Set up CloudWatch
	// logging for REST APIs in API Gateway", and the same for WebSocket
	// APIs)
	{"cloudwatch logs role arn must be set in account settings", 400},
	// a method or resource identifier that does not exist (yet), as
	// PutIntegration, PutMethodResponse and the others answer with
	// NotFoundException
	{"invalid method identifier specified", 404},
	{"invalid resource identifier specified", 404},
	// an OpenAPI definition ImportRestApi or PutRestApi refuses, before the
	// list of what it refused ("Errors found during import:\n\tUnable to
	// put integration on 'GET' for resource at path '/': ...")
	{"errors found during import", 400},
	// the Serverless Framework's own line when an AWS API it calls while
	// deploying throttles it ("Serverless: 'Too many requests' received,
	// sleeping 5 seconds"): the deployment waits and carries on
	{"'too many requests' received, sleeping", 429},
	// two changes of one API at once (ConflictException)
	{"unable to complete operation due to concurrent modification", 409},
	// an integration, a mapping or a domain's mapping the management API
	// refuses as it is put (BadRequestException): a URI a VPC link's or an
	// HTTP integration's type cannot take, a parameter mapping that names
	// no declared parameter or header, a base path or API mapping to a
	// stage that does not exist yet
	{"invalid integration uri specified", 400},
	{"invalid http endpoint specified for uri", 400},
	{"invalid mapping expression parameter specified", 400},
	{"invalid stage identifier specified", 400},
}
