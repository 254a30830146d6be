package classifier

import (
	"bytes"
	"regexp"
)

// The names and bodies below tell the API type when no access record or
// execution log does. Each shows one type only; a name shared by HTTP and
// WebSocket APIs (API Gateway's v2 API) is a v2 name, which the word
// "WebSocket" settles.

// httpAPIBodies are the bodies an HTTP API answers with itself, as the
// client received them (case-sensitive: a REST API writes "Internal server
// error"). Sources: the developer guide's "Troubleshooting issues with HTTP
// API Lambda integrations" ({"message":"Internal Server Error"}), "Working
// with routes for HTTP APIs" ({"message":"Not Found"} when no stage or
// route matches), and the HTTP API's integration timeout answered 503
// {"message":"Service Unavailable"} (docs/taxonomy.md; REST's own gateway
// responses have no 503). The last two are read as a body only (the
// words are every server's), and not in the function's own log (its
// dependency's answer).
var httpAPIBodies = regexp.MustCompile(`"message"\s*:\s*"(?:Service Unavailable|Not Found)"`)

// httpAPIInternalError is the first body, which quoted with its capitals is
// the HTTP API's even in a person's sentence.
var httpAPIInternalError = []byte(`"Internal Server Error"`)

// httpAPIAccessErrors are the HTTP API's own $context.integrationErrorMessage
// and $context.authorizer.error when it may not call its Lambda function
// (the Knowledge Center's "API Gateway HTTP API permission errors with a
// Lambda integration or Lambda authorizer": "The IAM role configured on the
// integration or API Gateway doesn't have permissions to call the
// integration", and the same of the authorizer); REST and WebSocket APIs
// log "Invalid permissions on Lambda function" in their execution logs
// instead. Read after "permissions to call the", which either apostrophe
// of "doesn't" leaves alone.
var httpAPIAccessErrors = [][]byte{[]byte("permissions to call the integration"), []byte("permissions to call the authorizer")}

// httpAPIResponseShape is the HTTP API's $context.integrationErrorMessage
// for a function answer that is no proxy response (the developer guide's
// "Troubleshooting issues with HTTP API Lambda integrations": "The response
// from the Lambda function doesn't match the format that API Gateway
// expects."); a REST API logs "Malformed Lambda proxy response" instead.
// People who retype the words spell out "does not".
var httpAPIResponseShape = [][]byte{
	[]byte("response from the lambda function doesn't match the format"),
	[]byte("response from the lambda function does not match the format"),
}

// httpAPIName is the tools' name for the HTTP API: the CDK's HttpApi
// construct, SAM's AWS::Serverless::HttpApi and HttpApi event type, the
// Serverless Framework's httpApi event.
var httpAPIName = []byte("httpapi")

// httpAPIEventTypes and websocketEventTypes are the types the runtimes'
// event libraries give a handler of each API's events, as its code or a
// stack trace names them: payload format 2.0, which only HTTP APIs send,
// is aws-lambda-go's APIGatewayV2HTTPRequest, aws-lambda-java-events'
// APIGatewayV2HTTPEvent, Rust aws_lambda_events' ApiGatewayV2httpRequest,
// @types/aws-lambda's APIGatewayProxyEventV2 (and .NET's
// APIGatewayHttpApiV2ProxyRequest, which httpAPIName holds); a WebSocket
// API's event is aws-lambda-go's and Rust's APIGatewayWebsocketProxyRequest,
// Java's APIGatewayV2WebSocketEvent, @types/aws-lambda's
// APIGatewayProxyWebsocketEventV2. (The result types are shared:
// APIGatewayProxyResultV2 answers WebSocket events too.)
var (
	httpAPIEventTypes   = [][]byte{[]byte("apigatewayv2http"), []byte("apigatewayproxyeventv2")}
	websocketEventTypes = [][]byte{[]byte("apigatewaywebsocketproxyrequest"), []byte("apigatewayv2websocketevent"), []byte("apigatewayproxywebsocketeventv2")}
)

// httpAPIEventFields are the fields only the payload format 2.0 event an
// HTTP API hands its function has (the developer guide's "Working with AWS
// Lambda proxy integrations for HTTP APIs": "rawPath", "rawQueryString";
// its "routeKey" is shared with WebSocket events, a v2 name).
var httpAPIEventFields = [][]byte{[]byte(`"rawpath"`), []byte(`"rawquerystring"`)}

// requestContextHTTP is the payload format 2.0 event's requestContext.http,
// whose first key is the method ("http": {"method": "GET", ...}), as JSON,
// Node.js's util.inspect and Python's repr print it; the 1.0 event has
// httpMethod instead.
var requestContextHTTP = regexp.MustCompile(`["']?\bhttp["']?\s*:\s*\{\s*["']?method["']?\s*:`)

// hasRequestContextHTTP reports whether the line shows requestContext.http.
func hasRequestContextHTTP(b []byte) bool {
	return bytes.Contains(b, []byte("method")) && requestContextHTTP.Match(b)
}

// payloadVersionNames are the integration setting that chooses the payload
// format version, which HTTP APIs alone have (PayloadFormatVersion), and
// its version 2.0 as people name it.
var payloadVersionNames = [][]byte{
	[]byte("payload format version"), []byte("payloadformatversion"),
	[]byte("payload format 2.0"), []byte("payload 2.0"), []byte("v2 payload"), []byte("2.0 payload"), []byte("payload v2"),
}

// payloadV2Version is the version field of the payload format 2.0 event
// (REST APIs send no version; the HTTP API's 1.0 event says "1.0"). The
// key is any JSON document's own version as well: Chalice's
// .chalice/config.json opens with "version": "2.0" (and Chalice deploys
// REST APIs), and so do other tools' configurations. It shows the event
// only beside the event's own fields (payloadEventFields), on its line or
// within payloadEventLines of it, before or after: the developer guide's
// event puts routeKey, rawPath and rawQueryString right after it, and
// an event printed with sorted keys puts routeKey right before it.
var payloadV2Version = regexp.MustCompile(`"version"\s*:\s*"2\.0"`)

// payloadEventFields are the payload format 2.0 event's fields that show
// the object its version is in is the event: routeKey, rawPath,
// rawQueryString and requestContext.
var payloadEventFields = [][]byte{[]byte(`"routekey"`), []byte(`"rawpath"`), []byte(`"rawquerystring"`), []byte(`"requestcontext"`)}

// payloadEventLines is how far from the version an event field is read as
// one of the same object's.
const payloadEventLines = 4

// v2APINames, v2Default and v2RouteKey are API Gateway's v2 API, which
// serves HTTP and WebSocket APIs: the apigatewayv2 CLI, SDK clients and CDK
// module (aws-apigatewayv2), the CloudFormation types AWS::ApiGatewayV2::*
// and the Terraform resources aws_apigatewayv2_*, and the name of its API
// reference ("Amazon API Gateway Version 2") as people shorten it; the
// $default stage and route (HTTP API stages and routes, the WebSocket API's
// fallback route); the routeKey of both APIs' events.
var (
	v2APINames = [][]byte{[]byte("apigatewayv2"), []byte("api gateway v2"), []byte("api gateway version 2")}
	v2Default  = []byte("$default")
	v2RouteKey = []byte(`"routekey"`)
)

// httpRouteKey is an HTTP API's route key, its method and path ("GET
// /pets", "ANY /{proxy+}", the developer guide's "Create routes for HTTP
// APIs"), in the routeKey of its events and access records as JSON,
// Node.js's util.inspect and Python's repr print it; a WebSocket API's
// route keys are $connect, $disconnect, $default and names of its own
// ("sendmessage"), with no path.
var httpRouteKey = regexp.MustCompile(`(?i)routekey["']?\s*[:=]\s*["'](?:get|post|put|patch|delete|head|options|any) /`)

// protocolType is the type the v2 API is created with: CloudFormation's
// ProtocolType, Terraform's protocol_type, the CLI's --protocol-type
// (AWS::ApiGatewayV2::Api: "HTTP" or "WEBSOCKET").
var protocolType = regexp.MustCompile(`protocol[_-]?type["']?\s*[:=]?\s*["']?(http|websocket)\b`)

// restAPINames are a REST API's own names: the CloudFormation types
// AWS::ApiGateway::RestApi and ::Method and SAM's AWS::Serverless::Api, the
// Terraform resources aws_api_gateway_rest_api, _method and _integration,
// the CDK's RestApi and LambdaRestApi constructs, a REST API's id as the
// CLI, CloudFormation and the Serverless Framework name it (--rest-api-id,
// RestApiId, restApiId, rest_api_id), and the apigateway CLI (v1; the v2
// API's CLI is apigatewayv2).
var restAPINames = [][]byte{
	[]byte("aws::apigateway::restapi"), []byte("aws::apigateway::method"),
	[]byte("aws_api_gateway_rest_api"), []byte("aws_api_gateway_method"), []byte("aws_api_gateway_integration"),
	[]byte("lambdarestapi"), []byte("new restapi("), []byte(".restapi("),
	[]byte("restapiid"), []byte("rest-api-id"), []byte("rest_api_id"),
	[]byte("aws apigateway "),
	// the REST API's resource path in the apigateway ARNs of IAM policies
	// and of the control plane ("arn:aws:apigateway:us-east-1::/restapis/a1b2c3"),
	// where the v2 API's is /apis/ (the Service Authorization Reference's
	// resource types for Amazon API Gateway Management)
	[]byte("/restapis/"),
}

// serverlessHTTPEvent is the Serverless Framework's event of a function
// behind a REST API ("- http:"; its HTTP API event is httpApi, its
// WebSocket event websocket), followed by its settings or its method and
// path, not by "//" (a URL in a list).
var serverlessHTTPEvent = []byte("- http:")

// samAPIType is SAM's REST API: the event Type Api (HttpApi is the HTTP
// API's) and the resource type AWS::Serverless::Api.
var samAPIType = []byte("aws::serverless::api")

// restHeaders are the headers of a REST API's answers: x-amzn-RequestId
// and x-amzn-ErrorType (the developer guide's "Set up a gateway response"
// shows both on the gateway's own answer) and x-amz-apigw-id, the extended
// request id. An HTTP API's answers carry apigw-requestid instead
// ("Troubleshooting issues with HTTP API JWT authorizers" shows its 401).
var restHeaders = [][]byte{[]byte("x-amzn-errortype:"), []byte("x-amzn-requestid:"), []byte("x-amz-apigw-id:")}

// restAPIMessage and restAPIBodies are what a REST API's own gateway
// responses answer with, as a client printed them or a person quoted them
// (case-sensitive: an HTTP API writes "Internal Server Error", and answers
// a request no route takes with {"message":"Not Found"}):
// "Internal server error", quoted as written, is the body of its 500 and
// 502 (the Lambda developer guide's "Handling Lambda errors with an API
// Gateway API": {"message": "Internal server error"}; JSON, a JavaScript
// console's {message: 'Internal server error'} and a sentence's quotes
// alike), and {"message":"Missing Authentication Token"} is
// MISSING_AUTHENTICATION_TOKEN's 403 (the Knowledge Center's "Missing
// Authentication Token" errors; gateway response types are REST APIs'
// alone). The default template of every gateway response is
// {"message":$context.error.messageString} (the developer guide's "Set up
// gateway responses to customize error responses"), whose message is null
// for a Lambda authorizer's failure: {"message": null} with the 500 and
// x-amzn-ErrorType AuthorizerConfigurationException, a name that shows the
// REST API in a sentence too (an HTTP API answers its authorizer's failure
// with {"message":"Internal Server Error"}). A WebSocket API's frames carry
// the first body beside a connectionId, which shows that type first. Not in
// the function's own log (its dependency's answer).
var (
	restAPIMessage = regexp.MustCompile("(?:[\"'`]|\u201c)Internal server error(?:[\"'`]|\u201d)")
	restAPIBodies  = regexp.MustCompile(`["']?message["']?\s*:\s*["']Missing Authentication Token["']|"message"\s*:\s*null\b`)
)

// noteRESTBodies records the REST API's bodies in raw, a line not of the
// function's own log.
func (s *Session) noteRESTBodies(raw []byte) {
	if bytes.Contains(raw, []byte("Internal server error")) && restAPIMessage.Match(raw) ||
		bytes.Contains(raw, []byte(`message`)) && (bytes.Contains(raw, []byte("Missing Authentication Token")) || bytes.Contains(raw, []byte("null"))) && restAPIBodies.Match(raw) ||
		bytes.Contains(raw, []byte("AuthorizerConfigurationException")) {
		s.st.restAPI = true
	}
}

// restExecPhrases are messages of API Gateway's execution log as a person
// quotes them in a sentence (a line of the log itself is read as one):
// REST APIs write execution logs to API-Gateway-Execution-Logs_{rest-api-id}
// (the developer guide's "Execution logging for REST APIs"; WebSocket APIs
// write them too, whose marks show that type first), HTTP APIs access logs
// only ("Configure logging for HTTP APIs"). The Knowledge Center's "API
// Gateway 504 errors" and "malformed 502" articles quote them: "Execution
// failed due to a timeout error", "Endpoint request body after
// transformations", "Method completed with status: 502", "Malformed Lambda
// proxy response", "Lambda execution failed with status 200 due to customer
// function error"; and so does a test invoke's log ("Method request path",
// "Endpoint request URI", "Endpoint response body before transformations"),
// and INTEGRATION_TIMEOUT's message, "Endpoint request timed out" (the
// Knowledge Center's "API Gateway 504 errors"; an HTTP API's timeout
// answers "Service Unavailable").
var restExecPhrases = newLitIndex([][]byte{
	[]byte("endpoint request timed out"),
	[]byte("execution failed due to "), []byte("method completed with status"),
	[]byte("endpoint request body after transformations"), []byte("endpoint response body before transformations"),
	[]byte("method request path:"), []byte("endpoint request uri:"),
	[]byte("malformed lambda proxy response"), []byte("lambda execution failed with status"),
	[]byte("api-gateway-execution-logs_"),
})

// restErrorType is the x-amzn-ErrorType header of a REST API's gateway
// response with its value ("x-amzn-ErrorType: AuthorizerConfigurationException",
// the developer guide's "Set up a gateway response"; gateway responses are
// REST APIs' alone), as a client prints it in a map of headers or a person
// quotes it in a sentence; the name alone is a question about the header.
var restErrorType = regexp.MustCompile(`x-amzn-errortype["']?\s*[:=]?\s*["']?[a-z]+exception\b`)

// restAPIFeatures are features of REST APIs that HTTP APIs do not have, as
// people name them: usage plans (the developer guide's "Usage plans and API
// keys for REST APIs"), mapping templates (REST and WebSocket APIs; an HTTP
// API maps parameters only, "Transform API requests and responses for HTTP
// APIs"), and the method and integration responses of a REST API's method
// ("Integration responses for REST APIs"), and the selection pattern of
// those integration responses, which the console names "Lambda Error
// Regex" ("Handle custom Lambda errors in API Gateway"); and of the
// features "Choose between REST APIs and HTTP APIs" gives REST APIs alone,
// the API key's header x-api-key (its default source, "Choose an API key
// source"), the edge-optimized endpoint and the request validator. They weigh as a person's words
// "REST API" do, and not in a sentence that names an HTTP API (which may
// say that it lacks them).
var restAPIFeatures = newLitIndex([][]byte{
	[]byte("usage plan"), []byte("mapping template"), []byte("method response"), []byte("integration response"),
	[]byte("error regex"), []byte("selectionpattern"), []byte("selection pattern"),
	[]byte("x-api-key"), []byte("edge-optimized"), []byte("edge optimized"), []byte("request validator"),
})

// restAPITools are deployment tools whose API Gateway API is a REST API,
// by their source: Zappa's create_api_gateway_routes builds a
// troposphere.apigateway.RestApi ("Created automatically by Zappa."), and
// Chalice's deployer a RestAPI model for its routes (its WebSocketAPI,
// for its websocket handlers, shows the word WebSocket first). A report
// naming one shows a REST API unless a person names the HTTP API as often.
var restAPITools = [][]byte{[]byte("zappa"), []byte("chalice")}

// websocketAPIName and serverlessWebSocketEvent are a WebSocket API's own
// names in the tools: the CDK's WebSocketApi construct and the Serverless
// Framework's websocket event.
var (
	websocketAPIName         = []byte("websocketapi")
	serverlessWebSocketEvent = []byte("- websocket:")
)

// apiWords are the API types as people name them, in English, in the
// Spanish, Portuguese and French word order ("API REST", and the Spanish
// developer guide's "API de REST", "API de HTTP") and in German's compound
// ("REST-API", "HTTP-API"); a report that names both types names neither,
// unless one of them comes up more often.
var (
	httpAPIWords = [][]byte{[]byte("http api"), []byte("api http"), []byte("api de http"), []byte("apis de http"), []byte("http-api")}
	restAPIWords = [][]byte{[]byte("rest api"), []byte("api rest"), []byte("api de rest"), []byte("apis de rest"), []byte("rest-api")}
)

// bothAPIWords name both types in one phrase, as the Knowledge Center's
// articles that serve both do ("my API Gateway REST or HTTP API"): the
// phrase holds only one type's words as written.
var bothAPIWords = [][]byte{
	[]byte("rest or http api"), []byte("rest and http api"), []byte("rest/http api"),
	[]byte("http or rest api"), []byte("http and rest api"), []byte("http/rest api"),
}

// noteAPINames records the names and bodies of the API types in a line
// (low is lower-cased, raw as written; line still has the prefixes, a YAML
// list's "- " among them). Each group of marks is looked for only when a
// byte or word all of them hold is there: most lines hold none.
func (s *Session) noteAPINames(low, raw, line []byte, layer Layer) {
	if bytes.IndexByte(low, '"') >= 0 {
		s.noteQuotedMarks(low, raw, layer)
	}
	if bytes.Contains(low, []byte("api")) {
		s.noteAPIWords(low)
	}
	if bytes.IndexByte(low, '$') >= 0 && containsDefaultRoute(low) {
		s.st.v2API = true
	}
	if bytes.Contains(low, []byte("protocol")) {
		if m := protocolType.FindSubmatch(low); m != nil {
			if m[1][0] == 'w' {
				s.st.websocket = true
			} else {
				s.st.httpAPI = true
			}
		}
	}
	if bytes.Contains(low, []byte("payload")) && containsAny(low, payloadVersionNames) {
		s.st.httpAPI = true
	}
	if layer != LayerFunction && bytes.Contains(low, []byte("permissions to call the ")) && containsAny(low, httpAPIAccessErrors) {
		s.st.httpAPI = true
	}
	if layer != LayerFunction && bytes.Contains(low, []byte("response from the lambda function d")) && containsAny(low, httpAPIResponseShape) {
		s.st.httpAPI = true
	}
	if bytes.IndexByte(line, '-') >= 0 {
		s.noteServerlessEvents(line)
	}
	if layer != LayerFunction && len(low) > 0 && (low[0] == 'x' || low[0] == '<') && isRESTHeader(low) {
		s.st.restAPI = true
	}
	if layer != LayerFunction {
		s.noteRESTWords(low)
		if !s.st.restAPI {
			s.noteRESTBodies(raw)
		}
	}
	if !s.st.restTool && containsAny(low, restAPITools) {
		s.st.restTool = true
	}
}

// noteRESTWords records what a client's output or a person's sentence
// quotes of a REST API's execution log and gateway responses, and the REST
// API's features a person names.
func (s *Session) noteRESTWords(low []byte) {
	if !s.st.restAPI && (restExecPhrases.any(low) ||
		bytes.Contains(low, []byte("x-amzn-errortype")) && restErrorType.Match(low)) {
		s.st.restAPI = true
	}
	if restAPIFeatures.any(low) && !containsWord(low, httpAPIWords) {
		s.st.restAPIWords++
	}
}

// isRESTHeader reports whether low is one of restHeaders as curl -i (or
// "< " of curl -v) shows it.
func isRESTHeader(low []byte) bool {
	low = bytes.TrimPrefix(low, []byte("< "))
	for _, h := range restHeaders {
		if bytes.HasPrefix(low, h) {
			return true
		}
	}
	return false
}

// noteQuotedMarks records the marks that are quoted: the HTTP API's bodies
// and its event's fields.
func (s *Session) noteQuotedMarks(low, raw []byte, layer Layer) {
	if bytes.Contains(raw, httpAPIInternalError) ||
		layer != LayerFunction && bytes.Contains(raw, []byte(`"message"`)) && httpAPIBodies.Match(raw) {
		s.st.httpAPI = true
	}

	if containsAny(low, httpAPIEventFields) || hasRequestContextHTTP(low) {
		s.st.httpAPI = true
	}
	s.notePayloadVersion(low)
	if bytes.Contains(low, v2RouteKey) {
		s.st.v2API = true
		s.st.httpAPI = s.st.httpAPI || httpRouteKey.Match(low)
	}
}

// notePayloadVersion reads "version": "2.0" as the payload format 2.0
// event's when one of the event's fields is on its line or near it
// (payloadV2Version).
func (s *Session) notePayloadVersion(low []byte) {
	if containsAny(low, payloadEventFields) {
		s.st.payloadEventAt = s.st.lines
	}
	if bytes.Contains(low, []byte(`"version"`)) && payloadV2Version.Match(low) {
		s.st.payloadVersionAt = s.st.lines
	}
	if s.st.payloadEventAt != 0 && s.st.payloadVersionAt != 0 &&
		max(s.st.payloadEventAt-s.st.payloadVersionAt, s.st.payloadVersionAt-s.st.payloadEventAt) <= payloadEventLines {
		s.st.httpAPI = true
	}
}

// noteAPIWords records the names that hold the word "api": the tools'
// names of each type and people's words for them.
func (s *Session) noteAPIWords(low []byte) {
	if containsName(low, websocketAPIName) {
		s.st.websocket = true
	}
	if containsName(low, httpAPIName) {
		s.st.httpAPI = true
	}
	if bytes.Contains(low, []byte("apigateway")) {
		s.st.httpAPI = s.st.httpAPI || containsAny(low, httpAPIEventTypes)
		s.st.websocket = s.st.websocket || containsAny(low, websocketEventTypes)
	}
	if containsAny(low, restAPINames) || isSAMAPIType(low) {
		s.st.restAPI = true
	}
	if containsAny(low, v2APINames) {
		s.st.v2API = true
	}
	both := containsAny(low, bothAPIWords)
	if both || containsWord(low, httpAPIWords) {
		s.st.httpAPIWords++
	}
	if both || containsWord(low, restAPIWords) {
		s.st.restAPIWords++
	}
}

// containsName reports whether low holds name as a construct's, a type's
// or an event's name, not as a folder or package of a program's code
// ("/var/task/httpapi/app.py", "internal/httpapi.(*Server)",
// "com.acme.httpapi.Handler"): not after "/" and not before "/" or ".".
func containsName(low, name []byte) bool {
	for off := 0; ; {
		i := bytes.Index(low[off:], name)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(name)
		if (i == 0 || low[i-1] != '/') && (end == len(low) || low[end] != '/' && low[end] != '.') {
			return true
		}
		off = end
	}
}

// containsDefaultRoute reports whether low holds $default as the stage or
// route, not as the start of a variable of a program's ($defaults,
// $default_value, $defaultOptions).
func containsDefaultRoute(low []byte) bool {
	for off := 0; ; {
		i := bytes.Index(low[off:], v2Default)
		if i < 0 {
			return false
		}
		end := off + i + len(v2Default)
		if end == len(low) || !isLetter(low[end]) && !isDigit(low[end]) && low[end] != '_' {
			return true
		}
		off = end
	}
}

// noteServerlessEvents records the Serverless Framework's events of a
// WebSocket API and of a REST API in a line of its serverless.yml.
func (s *Session) noteServerlessEvents(line []byte) {
	if bytes.Contains(line, serverlessWebSocketEvent) {
		s.st.websocket = true
	}
	if serverlessHTTPEventIn(line) {
		s.st.restAPI = true
	}
}

// serverlessHTTPEventIn reports whether line holds the Serverless
// Framework's http event.
func serverlessHTTPEventIn(line []byte) bool {
	i := bytes.Index(line, serverlessHTTPEvent)
	if i < 0 {
		return false
	}
	rest := line[i+len(serverlessHTTPEvent):]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t'
}

// isSAMAPIType reports whether low names SAM's REST API: the resource type
// AWS::Serverless::Api, or a line that is an event's "Type: Api" (YAML or
// JSON).
func isSAMAPIType(low []byte) bool {
	if i := bytes.Index(low, samAPIType); i >= 0 {
		end := i + len(samAPIType)
		return end == len(low) || !isLetter(low[end])
	}
	t := bytes.TrimLeft(trimSpace(low), `"`)
	t, ok := bytes.CutPrefix(t, []byte("type"))
	if !ok {
		return false
	}
	t = bytes.Trim(t, "\"' :,")
	return string(t) == "api"
}

// containsWord reports whether low holds one of the words, not followed by
// a letter ("rest api", not "rest apis'" nor "api restart").
func containsWord(low []byte, words [][]byte) bool {
	return containsAt(low, words, func(low []byte, _, end int) bool {
		return end == len(low) || !isLetter(low[end]) || low[end] == 's' && (end+1 == len(low) || !isLetter(low[end+1]))
	})
}

// noteEventNames records the API type that an event a function logs
// shows (console.log(event), print(event)): the payload format 2.0 event's
// rawPath, rawQueryString and requestContext.http are an HTTP API's, its
// routeKey a v2 API's (an HTTP API's when it is a method and a path). A
// connectionId there weighs as the word WebSocket does: database drivers
// and other clients a function uses have connection ids of their own. The
// keys are spelled so in every runtime's rendering of the event. A call of
// the @connections management API there is the function posting to a
// WebSocket API's clients (postsToConnections).
func (s *Session) noteEventNames(msg []byte) {
	switch {
	case bytes.Contains(msg, []byte("rawPath")) || bytes.Contains(msg, []byte("rawQueryString")) || hasRequestContextHTTP(msg):
		s.st.httpAPI = true
	case bytes.Contains(msg, []byte("routeKey")):
		s.st.v2API = true
		s.st.httpAPI = s.st.httpAPI || httpRouteKey.Match(msg)
	}
	if bytes.Contains(msg, []byte("connectionId")) {
		s.st.websocketWord = true
	}
	if !s.st.postsToConnections && !s.st.websocket && (bytes.Contains(msg, []byte("onnection")) || bytes.Contains(msg, []byte("Gone")) || bytes.Contains(msg, []byte("anagement"))) {
		s.st.postsToConnections = containsAny(msg, managementNames)
	}
}

// managementNames are managementMarks as the SDKs spell them in a
// function's log (JavaScript's postToConnection, boto3's
// post_to_connection and its "PostToConnection operation", the
// ApiGatewayManagementApi client and boto3's "apigatewaymanagementapi").
var managementNames = [][]byte{
	[]byte("@connections"), []byte("PostToConnection"), []byte("postToConnection"), []byte("post_to_connection"),
	[]byte("GoneException"), []byte("ApiGatewayManagementApi"), []byte("apigatewaymanagementapi"),
	[]byte("execute-api:ManageConnections"),
}
