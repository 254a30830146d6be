package classifier

import (
	"strings"
	"testing"
)

// A Lambda integration set up with another method than POST, as each tool
// writes the setting (the API Gateway developer guide's "Lambda
// integrations for REST APIs" and its x-amazon-apigateway-integration
// object: "For Lambda function invocations, the value must be POST"). A
// configuration excerpt is a clue, not a record of the failure: it never
// claims more than weak evidence.
func TestConfigExcerptLambdaMethodNotPost(t *testing.T) {
	const (
		m    = "integration_method_not_post"
		uri  = "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:orders/invocations"
		body = "HTTP/1.1 500 Internal Server Error\n{\"message\": \"Internal server error\"}\n"
	)
	weak := func(t *testing.T, d Diagnosis) {
		if w := groupProgramWeak.figure(); d.Cause.String() == m && d.Confidence > w {
			t.Errorf("confidence %.2f from a configuration excerpt, want at most weak evidence's %.2f", d.Confidence, w)
		}
	}
	checkWordingsAnd(t, []wording{
		// Terraform's aws_api_gateway_integration
		{"terraform", "resource \"aws_api_gateway_integration\" \"orders\" {\n  integration_http_method = \"GET\"\n  type = \"AWS_PROXY\"\n  uri = \"" + uri + "\"\n}", m, "unknown"},
		// Terraform's aws_apigatewayv2_integration, the URI by its invoke_arn
		{"terraform, HTTP API", "resource \"aws_apigatewayv2_integration\" \"orders\" {\n  integration_type = \"AWS_PROXY\"\n  integration_method = \"ANY\"\n  integration_uri = aws_lambda_function.orders.invoke_arn\n}", m, "unknown"},
		// CloudFormation's AWS::ApiGateway::Method Integration
		{"cloudformation", "Integration:\n  Type: AWS_PROXY\n  IntegrationHttpMethod: GET\n  Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersFunction.Arn}/invocations", m, "unknown"},
		// the OpenAPI extension x-amazon-apigateway-integration
		{"openapi", "x-amazon-apigateway-integration:\n  uri: \"" + uri + "\"\n  httpMethod: \"GET\"\n  type: \"aws_proxy\"", m, "unknown"},
		// the CLI's put-integration
		{"cli", "aws apigateway put-integration --rest-api-id a1b2c3 --resource-id x9y8 --http-method GET --type AWS_PROXY --integration-http-method GET --uri " + uri, m, "unknown"},
		{"with the client's 500", body + "integration_http_method = \"GET\"\ntype = \"AWS_PROXY\"\nuri = \"" + uri + "\"", m, "500"},
		// the permission error the wrong method looks like, read as its
		// cause (as the stage configuration's method is)
		{"beside the permission error", "(0f1e2d3c-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid permissions on Lambda function\n(0f1e2d3c-0000-4000-8000-00000000abcd) Method completed with status: 500\nIntegrationHttpMethod: GET\nUri: " + uri, m, "500"},
		// (look-alikes: POST, as the guide sets it; an HTTP integration, which
		// may use any method; a method far from the Lambda URI, another
		// integration's; and a request's own method in a person's words)
		{"post", "integration_http_method = \"POST\"\ntype = \"AWS_PROXY\"\nuri = \"" + uri + "\"", "unknown", "unknown"},
		{"an http integration", body + "integration_http_method = \"GET\"\ntype = \"HTTP_PROXY\"\nuri = \"https://backend.example.com/orders\"", "unknown", "500"},
		{"another integration's method", body + "integration_http_method = \"GET\"\ntype = \"HTTP_PROXY\"\nuri = \"https://backend.example.com/orders\"\n" +
			strings.Repeat("description = \"orders\"\n", excerptSpan) + "integration_http_method = \"POST\"\nuri = \"" + uri + "\"", "unknown", "500"},
		{"the request's method", body + "The event has httpMethod: GET and the function is at " + uri, "unknown", "500"},
		// CloudFormation's AWS::ApiGateway::Method: its HttpMethod is the
		// method clients call, its Integration's IntegrationHttpMethod the
		// one read here
		{"cloudformation method's own verb", body + "Type: AWS::ApiGateway::Method\nProperties:\n  HttpMethod: GET\n  AuthorizationType: NONE\n  Integration:\n    Type: AWS_PROXY\n    IntegrationHttpMethod: POST\n    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersFunction.Arn}/invocations", "unknown", "500"},
		{"cloudformation method's verb, integration's GET", "Type: AWS::ApiGateway::Method\nProperties:\n  HttpMethod: POST\n  Integration:\n    Type: AWS_PROXY\n    IntegrationHttpMethod: GET\n    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersFunction.Arn}/invocations", m, "unknown"},
		// aws apigateway get-method: the top level's httpMethod is the
		// method's, its methodIntegration's the one read here
		{"get-method's own verb", body + getMethod("GET", "POST"), "unknown", "500"},
		{"get-method's integration GET", getMethod("POST", "GET"), m, "unknown"},
		// the nearest method is the integration's: a record's GET cut off
		// above aws apigateway get-integration's POST is not it
		{"a GET, then the integration's POST", body + "    \"httpMethod\": \"GET\",\n    \"type\": \"AWS_PROXY\",\n    \"httpMethod\": \"POST\",\n    \"uri\": \"" + uri + "\",", "unknown", "500"},
		// a request's record (an event, an access log's JSON) beside a
		// Terraform integration: OpenAPI's key and Terraform's attribute
		// are two writers', no one integration's
		{"a request record beside terraform", body + "{\n  \"httpMethod\": \"GET\",\n  \"path\": \"/orders\"\n}\nresource \"aws_api_gateway_integration\" \"orders\" {\n  integration_http_method = \"POST\"\n  type = \"AWS_PROXY\"\n  uri = aws_lambda_function.orders.invoke_arn\n}", "unknown", "500"},
	}, weak)
}

// getMethod is the output of aws apigateway get-method for a Lambda proxy
// integration: the method's verb, and its integration's.
func getMethod(verb, integration string) string {
	return "$ aws apigateway get-method --rest-api-id a1b2c3 --resource-id x9y8 --http-method " + verb + "\n{\n" +
		"    \"httpMethod\": \"" + verb + "\",\n    \"authorizationType\": \"NONE\",\n    \"apiKeyRequired\": false,\n" +
		"    \"methodIntegration\": {\n        \"type\": \"AWS_PROXY\",\n        \"httpMethod\": \"" + integration + "\",\n" +
		"        \"uri\": \"arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:orders/invocations\",\n" +
		"        \"timeoutInMillis\": 29000\n    }\n}"
}
