package classifier

import "testing"

// The management API refusing an integration or a VPC link as it is
// created (CreateIntegration's and CreateVpcLink's BadRequestException, 400)
// names a VPC link without any request failing through one (public issue
// reports of Terraform's, SST's and the CLI's output). The execution log's
// words about the link are a request failing on it.
func TestVPCLinkRefusedByTheManagementAPI(t *testing.T) {
	checkWordings(t, []wording{
		{"SST (Terraform provider)", "sdk.helper_schema: creating API Gateway v2 Integration: operation error ApiGatewayV2: CreateIntegration, https response error StatusCode: 400, RequestID: d4639c52-1a73-491d-bad7-204af3dcfe47, BadRequestException: For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.", "not_5xx", "none"},
		{"Terraform", "Error: creating API Gateway Integration: BadRequestException: IntegrationTarget is required for VpcLinkV2", "not_5xx", "none"},
		{"Terraform VPC link", "Error: error creating API Gateway VPC Link: BadRequestException: NLB ARN is malformed", "not_5xx", "none"},
		{"the execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid vpclink id 96czbs referenced in integration\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "private_integration_error", "500"},
		// the integration's connection type in its configuration is the
		// setup: a timeout through the link is the integration timeout
		{"Terraform's connection type and a timeout", "resource \"aws_api_gateway_integration\" \"orders\" {\n  type            = \"HTTP_PROXY\"\n  connection_type = \"VPC_LINK\"\n}\nHTTP/1.1 504 Gateway Timeout\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{"get-integration's connection type and a timeout", "{\n    \"type\": \"HTTP_PROXY\",\n    \"connectionType\": \"VPC_LINK\",\n    \"connectionId\": \"a1b2c3\"\n}\n(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to a timeout error\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 504", "integration_timeout", "504"},
		// and alone beside a 500 no line explains, it still names the setup
		{"a write-up's connection type beside a 500", "HTTP/1.1 500 Internal Server Error\n- **Integration Type**: `HTTP_PROXY`\n- **Connection Type**: `VPC_LINK`", "private_integration_error", "500"},
		// the function's own call to the management API refused: its
		// failure, no client's answer
		{"in the function's log", "[ERROR] BadRequestException: An error occurred (BadRequestException) when calling the CreateIntegration operation: For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.", "lambda_function_error", "unknown"},
		// a refused change beside a request the link failed
		{"refusal beside a 500", "Error: creating API Gateway Integration: BadRequestException: IntegrationTarget is required for VpcLinkV2\n(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: There was an internal error while executing your request\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "private_integration_error", "500"},
	})
}

// A VPC link, a private integration or a Cloud Map service named in a
// description of the setup is the path every request of the API takes,
// whatever failed; only words of failure beside the name, or a program's
// message naming it (the execution log's "Execution failed due to an vpc
// link error", the knowledge-center article on 500 errors of VPC link
// integrations), name the link failing. (Public issue reports describe
// their setups so: chroma's issue 1458 draws "API GATEWAY --> VPC LINK -->
// ALB --> FARGATE" above the gateway's own 413 body.)
func TestPrivateIntegrationNamedInASetup(t *testing.T) {
	checkWordings(t, []wording{
		// the gateway's 413 body (REQUEST_TOO_LARGE) under a diagram
		{"a diagram above the gateway's 413", "API GATEWAY --> VPC LINK --> ALB --> FARGATE --> CHROMADB\n**Exception: HTTP content length exceeded 10485760 bytes.**", "not_5xx", "none"},
		{"a diagram alone", "API Gateway -> VPC Link -> Internal NLB -> ECS Fargate", "unknown", "unknown"},
		{"a sentence of the setup beside a 500", "We use a VPC link to an NLB in front of our service.\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"a private integration described", "The route is a private integration to an ALB listener.\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"a Cloud Map service described", "The HTTP API reaches the service through Cloud Map service discovery.\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		// a function error behind the link is the function's
		{"a diagram beside a function error", "API Gateway -> VPC Link -> NLB -> Lambda\n(abc) Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 1b2c\n(abc) Method completed with status: 502", "lambda_function_error", "502"},
		// words of failure beside the name name the link failing
		{"a person: the link fails", "Since yesterday the VPC link fails and every call answers 500.", "private_integration_error", "500"},
		{"a person: the link is unavailable", "HTTP/1.1 503 Service Unavailable\nThe VPC link shows as unavailable in the console.", "private_integration_error", "503"},
		{"a person: the gateway cannot reach the NLB", "HTTP/1.1 500 Internal Server Error\nAPI Gateway can't reach the internal NLB.", "private_integration_error", "500"},
		{"a person: unable to connect the gateway to the NLB", "unable to connect api gateway to internal network load balancer in vpc", "private_integration_error", "unknown"},
		{"a person, ja: no connection from the gateway to the ALB", "API Gateway から ALB へ接続できない", "private_integration_error", "unknown"},
		{"a person, ja: no traffic between the gateway and the NLB", "API Gateway と NLB の間で通信できず、API Gatewayのテストで 500 Internal Server Error が返ってくる", "private_integration_error", "500"},
		{"a person: a function cannot reach the ALB", "HTTP/1.1 502 Bad Gateway\nThe Lambda function can't reach the internal ALB.", "unknown", "502"},
		{"a person: the gateway in front of a working ALB", "API Gateway forwards to the ALB, which works.\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"a person: Cloud Map instances unhealthy", "HTTP/1.1 500 Internal Server Error\nAll Cloud Map instances stay UNHEALTHY.", "private_integration_error", "500"},
		// and the setup's line weighs less than a failure's
		{"connection type beside an unhealthy Cloud Map service", "HTTP/1.1 500 Internal Server Error\n- **Connection Type**: `VPC_LINK`\nAll Cloud Map instances stay UNHEALTHY.", "private_integration_error", "500"},
	})
}
