package scenario

import (
	"fmt"
	"strings"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// endpointURI is where API Gateway sends the request: Lambda's Invoke URL
// for Lambda integrations, the backend URL for the others.
func (ri *reqInfo) endpointURI() string {
	if ri.rt.fn != nil {
		return lambdaInvokeURL(ri.s.region, ri.rt.fn.arn)
	}
	in := ri.rt.route.Integration
	if in.Type == IntegrationAWSService {
		return in.URI
	}
	return strings.TrimSuffix(in.URI, "/") + ri.path()
}

// lambdaInvokeURL is Lambda's Invoke URL for a function, as the execution
// log names the endpoint of a Lambda integration or authorizer.
func lambdaInvokeURL(region, fnARN string) string {
	return fmt.Sprintf("https://lambda.%s.amazonaws.com/2015-03-31/functions/%s/invocations", region, fnARN)
}

func (ri *reqInfo) pathParams() string {
	p := ri.rt.route.Path
	i, j := strings.Index(p, "{"), strings.Index(p, "}")
	if i < 0 || j < i {
		return "{}"
	}
	return fmt.Sprintf("{%s=%d}", p[i+1:j], 1000+ri.h%9000)
}

func (ri *reqInfo) requestBody() string {
	if ri.method() == "GET" {
		return ""
	}
	return fmt.Sprintf(`{"sku":"SKU-%d","quantity":%d}`, ri.h%10000, 1+ri.h%5)
}

func (ri *reqInfo) endpointRequestHeaders(method, path string) string {
	if ri.rt.fn == nil {
		return fmt.Sprintf("Endpoint request headers: {Accept=application/json, User-Agent=AmazonAPIGateway_%s, X-Amzn-Trace-Id=Root=%s, X-Forwarded-For=%s}", ri.s.apiID, ri.trace, ri.sourceIP())
	}
	return fmt.Sprintf("Endpoint request headers: {x-amzn-lambda-integration-tag=%s, Authorization=*****************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************************%s, X-Amz-Date=%s, x-amzn-apigateway-api-id=%s, Accept=application/json, User-Agent=AmazonAPIGateway_%s, X-Amz-Security-Token=IQoJb3JpZ2luX2VjEH0aCXVzLWVhc3QtMSJHMEUCIQD [TRUNCATED]", ri.id, hexOf(ri.h, 6), ri.t0.Format("20060102T150405Z"), ri.s.apiID, ri.s.apiID)
}

func (ri *reqInfo) endpointRequestBody(method, path string) string {
	if ri.rt.fn == nil || ri.rt.route.Integration.Type == IntegrationLambdaCustom {
		return "Endpoint request body after transformations: " + ri.requestBody()
	}
	return fmt.Sprintf(`Endpoint request body after transformations: {"resource":"%s","path":"%s","httpMethod":"%s","headers":{"Accept":"application/json","Host":"%s.execute-api.%s.amazonaws.com","User-Agent":"curl/8.5.0"},"multiValueHeaders":{"Accept":["application/json"]},"queryStringParameters":null,"pathParameters":null,"stageVariables":null,"requestContext":{"resourceId":"abc123","resourcePath":"%s","httpMethod":"%s","extendedRequestId":"%s","requestTime":"%s","path":"/%s%s","accountId":"%s","protocol":"HTTP/1.1","stage":"%s","requestId":"%s"}} [TRUNCATED]`,
		ri.rt.route.Path, path, method, ri.s.apiID, ri.s.region, ri.rt.route.Path, method, ri.ext,
		ri.t0.Format("02/Jan/2006:15:04:05 -0700"), ri.s.stage.Name, path, ri.s.account, ri.s.stage.Name, ri.id)
}

// tlsError is the backend TLS failure as API Gateway reports it: a
// certificate for another name (a capture in AWS's knowledge center) or
// the generic SSL engine error.
func (ri *reqInfo) tlsError() string {
	if ri.h%2 == 0 {
		return "General SSL engine problem"
	}
	host := strings.TrimPrefix(ri.rt.route.Integration.URI, "https://")
	host, _, _ = strings.Cut(host, "/")
	return fmt.Sprintf("Host name '%s' does not match the certificate subject provided by the peer (CN=*.internal.example.com)", host)
}

// integrationRole is the role an AWS service integration runs with.
func (ri *reqInfo) integrationRole() string {
	return fmt.Sprintf("arn:aws:iam::%s:role/%s-apigateway-integration", ri.s.account, ri.s.apiName)
}

// successBody is what a healthy integration answers.
func (ri *reqInfo) successBody() string {
	inner := ri.responseBody()
	if ri.rt.route.Integration.Type == IntegrationLambdaProxy {
		return fmt.Sprintf(`{"statusCode": %d, "headers": {"Content-Type": "application/json"}, "body": %q, "isBase64Encoded": false}`, ri.r.status, inner)
	}
	return inner
}

func (ri *reqInfo) responseBody() string {
	if ri.failing && ri.cause == classifier.CauseLambdaErrorMaskedAs200 {
		return ri.functionError().payload(ri.lid)
	}
	if ri.r.status >= 500 {
		return `{"message": "Internal server error"}`
	}
	if ri.r.status >= 400 {
		return `{"error":"quantity must be positive"}`
	}
	return fmt.Sprintf(`{"orderId":"%d","state":"accepted"}`, 1000+ri.h%9000)
}
