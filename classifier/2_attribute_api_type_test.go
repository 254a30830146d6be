package classifier

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// apiTypeForm is one way evidence shows (or must not show) the API type.
type apiTypeForm struct {
	name, text string
	want       stage.APIType
}

func checkAPITypeForms(t *testing.T, forms []apiTypeForm) {
	t.Helper()
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			if d := diagnoseText(t, f.text); d.APIType != f.want {
				t.Errorf("%q: api %s, want %s", f.text, d.APIType, f.want)
			}
		})
	}
}

const apiInvocation = "2024-05-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tINFO\t"

// An HTTP API's own answers, events and names, one row a documented form.
func TestHTTPAPIMarks(t *testing.T) {
	checkAPITypeForms(t, []apiTypeForm{
		// developer guide, "Troubleshooting issues with HTTP API Lambda integrations"
		{"internal error body", "< HTTP/2 500\n{\"message\":\"Internal Server Error\"}", stage.APIHTTP},
		// developer guide, "Working with routes for HTTP APIs": no route matches
		{"not found body", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/foo\n{\"message\":\"Not Found\"}", stage.APIHTTP},
		// docs/taxonomy.md: the HTTP API's integration timeout
		{"service unavailable body", "HTTP/2 503\n{\"message\": \"Service Unavailable\"}", stage.APIHTTP},
		// developer guide, "Working with AWS Lambda proxy integrations for HTTP APIs": payload format 2.0
		// its version beside its fields: the guide's order, the order of a
		// dump with sorted keys, one line
		{"payload 2.0 version", "{\n  \"version\": \"2.0\",\n  \"routeKey\": \"$default\",\n  \"headers\": {}\n}", stage.APIHTTP},
		{"payload 2.0 version after its sorted fields", "{\n  \"headers\": {},\n  \"requestContext\": {},\n  \"routeKey\": \"$default\",\n  \"stageVariables\": {},\n  \"version\": \"2.0\"\n}", stage.APIHTTP},
		{"payload 2.0 version on one line", `event: {"version": "2.0", "routeKey": "$default", "body": "{}"}`, stage.APIHTTP},
		{"payload 2.0 version before requestContext", "{\n  \"version\": \"2.0\",\n  \"body\": \"{}\",\n  \"requestContext\": {\n    \"accountId\": \"123456789012\"\n  }\n}", stage.APIHTTP},
		{"payload 2.0 rawQueryString", "{\n  \"rawQueryString\": \"a=1\"\n}", stage.APIHTTP},
		{"payload 2.0 logged by the function (Node.js)", apiInvocation + "{ version: '2.0', routeKey: 'GET /items', rawPath: '/items' }", stage.APIHTTP},
		{"payload 2.0 requestContext.http", `{"requestContext": {"http": {"method": "GET", "path": "/items", "protocol": "HTTP/1.1"}}}`, stage.APIHTTP},
		{"payload 2.0 requestContext.http logged by the function (Node.js)", apiInvocation + "{ requestContext: { http: { method: 'GET', path: '/items' } } }", stage.APIHTTP},
		{"payload 2.0 logged by the function (Python)", apiInvocation + "{'version': '2.0', 'rawPath': '/items', 'rawQueryString': ''}", stage.APIHTTP},
		// AWS::ApiGatewayV2::Api ProtocolType; Terraform aws_apigatewayv2_api protocol_type; CLI create-api --protocol-type
		{"cloudformation protocol type", "Type: AWS::ApiGatewayV2::Api\nProperties:\n  ProtocolType: HTTP", stage.APIHTTP},
		{"terraform protocol type", "resource \"aws_apigatewayv2_api\" \"api\" {\n  protocol_type = \"HTTP\"\n}", stage.APIHTTP},
		{"cli protocol type", "aws apigatewayv2 create-api --name my-api --protocol-type HTTP --target arn:aws:lambda:us-east-1:123456789012:function:f", stage.APIHTTP},
		// aws-cdk-lib/aws-apigatewayv2 HttpApi; SAM HttpApi event; Serverless Framework httpApi event
		{"cdk HttpApi", "const api = new apigwv2.HttpApi(this, 'Api');", stage.APIHTTP},
		{"sam HttpApi event", "Events:\n  Get:\n    Type: HttpApi", stage.APIHTTP},
		{"serverless httpApi event", "events:\n  - httpApi:\n      path: /items\n      method: get", stage.APIHTTP},
		// the payload format 2.0 event's type in the runtimes' event
		// libraries: aws-lambda-go, aws-lambda-java-events, @types/aws-lambda
		{"go event type", "func handler(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {", stage.APIHTTP},
		{"java event type", "public class Handler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {", stage.APIHTTP},
		{"typescript event type", "export const handler = async (event: APIGatewayProxyEventV2) => {", stage.APIHTTP},
		// the apigatewayv2 CLI, and the $default stage and route of the troubleshooting page's add-permission
		{"apigatewayv2 cli", "aws apigatewayv2 get-apis", stage.APIHTTP},
		{"default stage and route", `--source-arn "arn:aws:execute-api:us-west-2:123456789012:api-id/$default/$default"`, stage.APIHTTP},
		// the v2 API by its reference's name, and payload format 2.0 in words
		{"api gateway v2", "I deployed an Amazon API Gateway v2 endpoint with a Rust function behind it.", stage.APIHTTP},
		{"payload 2.0 in words", "The package did not work with the v2 payload format.", stage.APIHTTP},
		// Knowledge Center, "API Gateway HTTP API permission errors with a
		// Lambda integration or Lambda authorizer": its access log's errors
		{"integration permission error", `"integrationError": "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."`, stage.APIHTTP},
		{"authorizer permission error", "The IAM role configured on the authorizer or API Gateway doesn\u2019t have permissions to call the authorizer. Check the permissions and try again.", stage.APIHTTP},
		// a person naming the type more often than the other
		{"person names the HTTP API", "Our HTTP API returns 500 since the deploy.", stage.APIHTTP},
		{"person names the HTTP API in Spanish", "Mi API de HTTP devuelve 500 desde el despliegue.", stage.APIHTTP},
		{"person names the HTTP API in German", "Unsere HTTP-API antwortet seit dem Deployment mit 500.", stage.APIHTTP},
		// developer guide, "Create routes for HTTP APIs": a route key is a
		// method and a path, which outweighs the word WebSocket (a function
		// that serves both kinds of events)
		{"route key in an event", "the websocket side works, this one fails:\n{\"routeKey\": \"ANY /{proxy+}\", \"body\": \"{}\"}", stage.APIHTTP},
		{"route key in an access record", "our websocket routes are fine\n{\"requestId\":\"RL2XYiwjPHcEMEQ=\",\"routeKey\":\"GET /items\",\"status\":\"500\"}", stage.APIHTTP},
		{"route key logged by the function (Node.js)", "the websocket handler shares the function\n" + apiInvocation + "{ routeKey: 'POST /orders', body: '{}' }", stage.APIHTTP},
	})
}

// A WebSocket API's names in the tools; a v2 name with the word WebSocket.
func TestWebSocketAPINames(t *testing.T) {
	checkAPITypeForms(t, []apiTypeForm{
		// AWS::ApiGatewayV2::Api ProtocolType WEBSOCKET, Terraform protocol_type
		{"cloudformation protocol type", "Type: AWS::ApiGatewayV2::Api\nProperties:\n  ProtocolType: WEBSOCKET", stage.APIWebSocket},
		{"terraform protocol type", "resource \"aws_apigatewayv2_api\" \"ws\" {\n  protocol_type = \"WEBSOCKET\"\n}", stage.APIWebSocket},
		// aws-cdk-lib/aws-apigatewayv2 WebSocketApi; Serverless Framework websocket event
		{"cdk WebSocketApi", "const api = new WebSocketApi(this, 'Ws');", stage.APIWebSocket},
		{"serverless websocket event", "events:\n  - websocket:\n      route: sendmessage", stage.APIWebSocket},
		// a WebSocket event logged by the function: its connectionId
		{"event logged by the function", apiInvocation + "{ requestContext: { routeKey: 'sendmessage', connectionId: 'L0SM9cOFvHcCIhw=' } }", stage.APIWebSocket},
		// a WebSocket API's event type in the runtimes' event libraries,
		// which outweighs an HTTP API's marks (the result type is shared)
		{"go websocket event type", "func handler(ctx context.Context, req events.APIGatewayWebsocketProxyRequest) (events.APIGatewayProxyResponse, error) {\n{\"message\":\"Internal Server Error\"}", stage.APIWebSocket},
		{"java websocket event type", "public class Handler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {", stage.APIWebSocket},
		{"typescript websocket event type", "export const handler = async (event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> => {", stage.APIWebSocket},
		// a WebSocket API's route key, with the word
		{"websocket route key", "our websocket API\n{\"routeKey\": \"sendmessage\", \"connectionId\": \"L0SM9cOFvHcCIhw=\"}", stage.APIWebSocket},
		// developer guide, "Use @connections commands in your backend
		// service": a person or a client naming the management API
		{"person names @connections", "The backend posts to the @connections URL and the client never sees the message.", stage.APIWebSocket},
		// the IAM action the backend's role needs to post, in a policy
		{"ManageConnections in a policy", `"Action": "execute-api:ManageConnections",`, stage.APIWebSocket},
		// the function's own calls of the management API, and nothing else
		// showing the type
		{"function's GoneException", apiInvocation + "ERROR\tGoneException: An error occurred (GoneException) when calling the PostToConnection operation: Unknown", stage.APIWebSocket},
		{"function's post_to_connection traceback", "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 9, in handler\n    client.post_to_connection(ConnectionId=cid, Data=b'x')\nbotocore.errorfactory.GoneException: An error occurred (GoneException) when calling the PostToConnection operation: Unknown", stage.APIWebSocket},
		// the v2 API named, and the word
		{"apigatewayv2 and the word", "I created a websocket endpoint with aws apigatewayv2 create-api", stage.APIWebSocket},
		{"api gateway v2 and the word", "Our chat runs on API Gateway v2 websockets.", stage.APIWebSocket},
	})
}

// A REST API's own names and headers.
func TestRESTAPINames(t *testing.T) {
	checkAPITypeForms(t, []apiTypeForm{
		// CloudFormation AWS::ApiGateway::RestApi; SAM AWS::Serverless::Api and event Type Api
		{"cloudformation RestApi", "MyApi:\n  Type: AWS::ApiGateway::RestApi", stage.APIREST},
		{"sam Serverless::Api", "MyApi:\n  Type: AWS::Serverless::Api", stage.APIREST},
		{"sam Api event", "Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /items", stage.APIREST},
		{"sam Api event, JSON", "\"Type\": \"Api\",", stage.APIREST},
		// Terraform aws_api_gateway_rest_api; the CDK's LambdaRestApi
		{"terraform rest api", "resource \"aws_api_gateway_rest_api\" \"api\" {", stage.APIREST},
		{"cdk LambdaRestApi", "new apigateway.LambdaRestApi(this, 'Api', { handler: fn });", stage.APIREST},
		// the apigateway (v1) CLI and a REST API's id
		{"apigateway cli", "aws apigateway test-invoke-method --rest-api-id abc123 --resource-id x1 --http-method GET", stage.APIREST},
		// Serverless Framework http event
		{"serverless http event", "functions:\n  hello:\n    events:\n      - http:\n          path: hello", stage.APIREST},
		{"serverless http event, short form", "    events:\n      - http: GET hello", stage.APIREST},
		// developer guide, "Set up a gateway response": x-amzn-ErrorType
		{"x-amzn-ErrorType header", "< HTTP/2 403\n< x-amzn-ErrorType: MissingAuthenticationTokenException", stage.APIREST},
		{"x-amzn-RequestId header", "HTTP/1.1 502 Bad Gateway\nx-amzn-RequestId: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", stage.APIREST},
		// the extended request id ($context.extendedRequestId)
		{"x-amz-apigw-id header", "< HTTP/2 502\n< x-amz-apigw-id: Mc7UVioPPHcEKPA=", stage.APIREST},
		// the same header with its value in a client's map of headers and in a sentence
		{"x-amzn-ErrorType in a map of headers", `  "headers": {"x-amzn-ErrorType": "InternalServerErrorException", "Content-Type": "application/json"}`, stage.APIREST},
		{"x-amzn-ErrorType quoted in a sentence", "Every call returns HTTP 500 with x-amzn-ErrorType AuthorizerConfigurationException.", stage.APIREST},
		// Lambda developer guide, "Handling Lambda errors with an API Gateway API": the REST body
		{"internal error body", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n{\"message\": \"Internal server error\"}", stage.APIREST},
		{"internal error body quoted by a person", "The endpoint answers `{\"message\": \"Internal server error\"}` since the deploy.", stage.APIREST},
		{"internal error body as a JavaScript console prints it", "{ message: 'Internal server error' }", stage.APIREST},
		{"internal error message in a sentence's quotes", "When the API is called, it returns an \u201cInternal server error\u201d.", stage.APIREST},
		// developer guide, "Set up gateway responses": the default template's
		// null message of a Lambda authorizer's failure, and its error type
		{"authorizer failure body", "Status: 500\n{\n  \"message\": null\n}", stage.APIREST},
		{"authorizer error type in a sentence", "API Gateway throws a AuthorizerConfigurationException http 500 error after it is called.", stage.APIREST},
		// Knowledge Center, "API Gateway 504 errors": INTEGRATION_TIMEOUT's body and message
		{"timeout body", "Response took 29623ms: {\"message\": \"Endpoint request timed out\"}", stage.APIREST},
		{"timeout message in words", "Why am I getting Endpoint request timed out at the end instead of the JSON?", stage.APIREST},
		// Knowledge Center, "Missing Authentication Token" errors: MISSING_AUTHENTICATION_TOKEN's body
		{"missing token body", "< HTTP/2 403\n{\"message\":\"Missing Authentication Token\"}", stage.APIREST},
		// developer guide, "Execution logging for REST APIs", and the Knowledge
		// Center's 504 and malformed 502 articles: the execution log's messages
		// quoted in a sentence
		{"execution failure quoted", `The logs say "Execution failed due to configuration error: Malformed Lambda proxy response".`, stage.APIREST},
		{"timeout quoted", `30 seconds later an "Execution failed due to a timeout error" message.`, stage.APIREST},
		{"completion quoted in a query", "| filter message like /Method completed with status: 504/", stage.APIREST},
		{"endpoint request body quoted", `you see the error after the "Endpoint request body after transformations:" line.`, stage.APIREST},
		{"test invoke's endpoint response quoted", "In the console test I only get Endpoint response body before transformations: null", stage.APIREST},
		{"lambda execution failure quoted", "It shows Lambda execution failed with status 200 due to customer function error: [Errno 13] Permission denied", stage.APIREST},
		{"execution log group", "I checked the API-Gateway-Execution-Logs_a1b2c3d4e5/prod log group.", stage.APIREST},
		// the Service Authorization Reference: a REST API's apigateway ARN
		{"restapis ARN", `"Resource": "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/*"`, stage.APIREST},
		// a person naming the type more often than the other
		{"person names the REST API", "Our REST API returns 502 since the deploy.", stage.APIREST},
		// the same in the Spanish developer guide's words and German's compound
		{"person names the REST API in Spanish", "Mi API de REST devuelve 502 desde el despliegue.", stage.APIREST},
		{"person names the REST API in German", "Unsere REST-API antwortet seit dem Deployment mit 502.", stage.APIREST},
		// features only REST APIs have, named: usage plans, mapping
		// templates, method and integration responses
		{"usage plan", "The key is attached to a usage plan and the calls fail with 500.", stage.APIREST},
		{"mapping template", "The mapping template for application/json builds the payload.", stage.APIREST},
		{"integration response", "I added an integration response for the 4xx errors.", stage.APIREST},
		// developer guide, "Handle custom Lambda errors in API Gateway": the
		// integration response's selection pattern, the console's Lambda Error Regex
		{"lambda error regex", "then I set up the Lambda Error Regex 404 and it worked.", stage.APIREST},
		{"selection pattern", `"selectionPattern": ".*404.*",`, stage.APIREST},
		// developer guide, "Choose between REST APIs and HTTP APIs": API
		// keys (sent as x-api-key), edge-optimized endpoints, request validators
		{"api key header", `curl -H "x-api-key: $API_KEY" https://abc123.execute-api.eu-west-1.amazonaws.com/latest/lambda`, stage.APIREST},
		{"edge-optimized endpoint", "The API is edge-optimized and sits in us-east-1.", stage.APIREST},
		{"request validator", "I attached a request validator to the POST method.", stage.APIREST},
		// tools whose API is a REST API by their source: Zappa's
		// create_api_gateway_routes (troposphere.apigateway.RestApi),
		// Chalice's RestAPI deployment model
		{"zappa deploy", "$ zappa update dev\nYour updated Zappa deployment is live!: https://abc123.execute-api.us-east-1.amazonaws.com/dev", stage.APIREST},
		{"zappa handler in a traceback", "Traceback (most recent call last):\n  File \"/var/task/handler.py\", line 505, in lambda_handler\n    return LambdaHandler.lambda_handler(event, context)\nModuleNotFoundError: No module named 'zappa'", stage.APIREST},
		{"chalice app", "from chalice import Chalice\napp = Chalice(app_name='helloworld')", stage.APIREST},
		{"chalice view error", "{\n    \"Code\": \"ChaliceViewError\",\n    \"Message\": \"An internal server error occurred.\"\n}", stage.APIREST},
	})
}

// Look-alikes that show no type, and reports that show two.
func TestAPITypeLookAlikes(t *testing.T) {
	checkAPITypeForms(t, []apiTypeForm{
		// the header named in a sentence, not shown
		{"header named in prose", "Is the x-amzn-RequestId header worth logging?", stage.APIUnknown},
		// a package or folder of the function's code that has the name
		{"go package", "panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\nmain.handler()\n\t/var/task/internal/httpapi/handler.go:42 +0x1d", stage.APIUnknown},
		{"python folder", "Traceback (most recent call last):\n  File \"/var/task/httpapi/app.py\", line 3, in handler\n    raise ValueError('x')\nValueError: x", stage.APIUnknown},
		{"java package", "\tat com.acme.httpapi.Handler.handleRequest(Handler.java:21)", stage.APIUnknown},
		// a database driver's connection id in the function's log is no
		// WebSocket connection's when the event shows an HTTP API's
		{"driver connection id and an HTTP API's event", apiInvocation + "{ version: '2.0', rawPath: '/items' }\n" + apiInvocation + "ERROR\tquery failed { connectionId: 42, code: 'ER_LOCK_WAIT_TIMEOUT' }", stage.APIHTTP},
		// the 1.0 event's method
		{"payload 1.0 httpMethod", `{"httpMethod": "GET", "path": "/items"}`, stage.APIUnknown},
		// a PHP variable is no $default stage or route
		{"php variable", "PHP Warning:  Undefined array key \"region\" in /var/task/src/config.php on line 12: $defaults = [];", stage.APIUnknown},
		// a URL in a markdown list is no Serverless http event
		{"url in a list", "- http://example.com/docs", stage.APIUnknown},
		// "version" of something else
		{"other version", "{\"version\": \"2.0.1\"}", stage.APIUnknown},
		// a document's own version 2.0: Chalice's .chalice/config.json
		// (Chalice deploys REST APIs), other tools' configurations, and an
		// event field far below it, in another object
		{"chalice config version", "`.chalice/config.json`:\n```json\n{\n  \"version\": \"2.0\",\n  \"app_name\": \"inventory\",\n  \"stages\": {\n    \"dev\": {\"api_gateway_stage\": \"api\"}\n  }\n}\n```", stage.APIREST},
		{"configuration version", "{\n  \"version\": \"2.0\",\n  \"name\": \"orders\",\n  \"headers\": {}\n}", stage.APIUnknown},
		{"configuration version far from an event's field", "{\n  \"version\": \"2.0\",\n  \"name\": \"orders\",\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3,\n  \"d\": 4\n}\n{\"requestContext\": {\"stage\": \"prod\"}}", stage.APIUnknown},
		// a function's own dependency answered "Not Found"
		{"dependency body in the function's log", apiInvocation + "ERROR\tupstream said {\"message\":\"Not Found\"}", stage.APIUnknown},
		// a REST-style word that is not the type
		{"api restart", "the api restarted at noon", stage.APIUnknown},
		// a type named as often as the other
		{"both named", "I receive an HTTP 504 error when I invoke my REST API or HTTP API.", stage.APIUnknown},
		// HTTP said of the protocol, REST of the style: no type named
		{"HTTP status of a REST API", "Our REST API answers HTTP 502 to every HTTP request.", stage.APIREST},
		{"RESTful API", "Our RESTful API on Lambda answers 502 since the deploy.", stage.APIUnknown},
		// the Knowledge Center's phrase for both types at once
		{"both named in one phrase", "I set up a custom domain name for my Amazon API Gateway REST or HTTP API.", stage.APIUnknown},
		{"both named in one phrase, HTTP first", "This applies to HTTP and REST APIs alike.", stage.APIUnknown},
		// both types' own names: neither
		{"both types' names", "Type: AWS::ApiGateway::RestApi\nType: AWS::Serverless::HttpApi", stage.APIUnknown},
		{"both types' names on one line", "Resources: [AWS::ApiGateway::RestApi, AWS::Serverless::HttpApi]", stage.APIUnknown},
		// the word alone is a WebSocket API; an HTTP API's names outweigh it
		{"websocket word and an HTTP API's body", "my websocket client works, but the HTTP API says {\"message\":\"Not Found\"}", stage.APIHTTP},
		// developer guide, variables for access logging: REST APIs log
		// $context.integrationErrorMessage as well
		{"integrationErrorMessage in a record", `{"requestId":"4edbb3b3-4088-40bf-81ad-b0b3cc72210e","resourcePath":"/health","status":"502","integrationErrorMessage":"Lambda Customer Function Error:'AZUL_S3_BUCKET'"}`, stage.APIUnknown},
		// an HTTP API's record names its route
		{"routeKey in a record", `{"requestId":"RL2XYiwjPHcEMEQ=","routeKey":"GET /items","status":"500","integrationErrorMessage":"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."}`, stage.APIHTTP},
		// a function's own log of a call to another API: its dependency's
		// answer, not the client's
		{"REST body in the function's log", apiInvocation + "ERROR\tupstream said {\"message\": \"Internal server error\"}", stage.APIUnknown},
		{"x-amzn-ErrorType in the function's log", apiInvocation + "ERROR\tcall failed, x-amzn-ErrorType: InternalServerErrorException", stage.APIUnknown},
		// the Lambda developer guide's formatError sets the header's name in
		// the function's response; named without a value it shows nothing
		{"x-amzn-ErrorType named", "Should the function set the x-amzn-ErrorType header?", stage.APIUnknown},
		// the words without the REST API's quotes or capitals
		{"internal server error in words", "the API says internal server error on every call", stage.APIUnknown},
		{"internal error message in the function's log", apiInvocation + "ERROR\tthe billing API said 'Internal server error'", stage.APIUnknown},
		// the function calling another service with its key
		{"api key header in the function's log", apiInvocation + "INFO\tcalling partner API with x-api-key header set", stage.APIUnknown},
		// a null message of the function's own dependency, and a JavaScript
		// object's unquoted null message
		{"null message in the function's log", apiInvocation + "ERROR\tupstream said {\"message\": null}", stage.APIUnknown},
		{"unquoted null message", "the store returned { message: null, items: [] }", stage.APIUnknown},
		// the HTTP API's body: its capitals
		{"HTTP API's internal error body", "{\"message\":\"Internal Server Error\"}", stage.APIHTTP},
		// a WebSocket API's frame carries REST's words beside its connectionId
		{"WebSocket frame", `< {"message": "Internal server error", "connectionId":"L0SM9cOFvHcCIhw=", "requestId":"L0SM9GRfvHcFxFA="}`, stage.APIWebSocket},
		// an HTTP API lacking a REST feature, said of the HTTP API twice
		{"HTTP API without mapping templates", "HTTP APIs have no mapping templates, so our HTTP API passes the body as it is.", stage.APIHTTP},
		// a tool's REST API, where a person names an HTTP API more often,
		// or the tool's WebSocket API
		{"chalice and a person's HTTP API", "I moved the Chalice app behind an HTTP API.", stage.APIHTTP},
		{"chalice websocket handler", "@app.on_ws_message()\ndef message(event):\n    app.websocket_api.send(event.connection_id, 'pong')\n# chalice deploy: the websocket endpoint answers nothing", stage.APIWebSocket},
		// REST's execution-log words for the same refusal
		{"REST permission error", "The logs say Execution failed due to configuration error: Invalid permissions on Lambda function", stage.APIREST},
		// the payload format 1.0 event's type: a REST API's, or an HTTP
		// API's with that version
		{"payload 1.0 event type", "export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {", stage.APIUnknown},
		// a v2 API's ARN path
		{"v2 apis ARN", `"Resource": "arn:aws:apigateway:us-east-1::/apis/a1b2c3d4e5/*"`, stage.APIUnknown},
		// who said it: a REST API's function that posts to a WebSocket
		// API's connections (the failed request is the REST API's, whose
		// execution log or body shows)
		{"REST execution log and the function's GoneException", "(c0ffee00-0000-4000-8000-000000000000) Method completed with status: 502\n" + apiInvocation + "ERROR\tGoneException: An error occurred (GoneException) when calling the PostToConnection operation: Unknown", stage.APIREST},
		{"REST execution log and the function's traceback", "(c0ffee00-0000-4000-8000-000000000000) Method completed with status: 502\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 9, in handler\n    client.post_to_connection(ConnectionId=cid, Data=b'x')\nbotocore.errorfactory.GoneException: An error occurred (GoneException) when calling the PostToConnection operation: Unknown", stage.APIREST},
		{"REST body and the function's postToConnection", "< HTTP/2 502\n{\"message\": \"Internal server error\"}\n" + apiInvocation + "ERROR\tfailed to postToConnection: GoneException", stage.APIREST},
		{"HTTP API body and the function's @connections call", "{\"message\":\"Internal Server Error\"}\n" + apiInvocation + "ERROR\tPOST https://abc123.execute-api.us-east-1.amazonaws.com/prod/@connections/L0SM9cOFvHcCIhw%3D failed: 410", stage.APIHTTP},
		{"REST body and the function's role refused ManageConnections", "{\"message\": \"Internal server error\"}\n" + apiInvocation + "ERROR\tAccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/api-role/orders is not authorized to perform: execute-api:ManageConnections", stage.APIREST},
		{"person names the REST API and the function posts", "Our REST API's handler pushes updates to a dashboard.\n" + apiInvocation + "ERROR\tGoneException: 410", stage.APIREST},
		// an execution log is a REST API's, whatever a person names
		{"execution log and the word", "We moved to an HTTP API?\n(c0ffee00-0000-4000-8000-000000000000) Method completed with status: 502", stage.APIREST},
	})
}
