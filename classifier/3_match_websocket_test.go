package classifier

import (
	"fmt"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// wsForm is one way a WebSocket API's failure (or its look-alike) shows,
// with the diagnosis it must lead to; it must also show a WebSocket API.
type wsForm = wording

const (
	wsURL    = "wss://abc123.execute-api.us-east-1.amazonaws.com/prod"
	wsConnID = "L0SM9cOFvHcCIhw="
	wsPrefix = "(" + wsConnID + ") "
)

func checkWebSocketForms(t *testing.T, forms []wsForm) {
	t.Helper()
	checkWordingsAnd(t, forms, func(t *testing.T, d Diagnosis) {
		if d.APIType != stage.APIWebSocket {
			t.Errorf("api %s, want WEBSOCKET", d.APIType)
		}
	})
}

// After the handshake a route's failure is a frame, not a status: the
// gateway answers a message whose integration failed with its internal
// error frame, and a message it refuses (no route matches and there is no
// $default, or the caller may not use the route) with a Forbidden frame.
// Sources: the API Gateway developer guide's WebSocket overview and route
// pages; the frames as wscat prints them ("< " before what it received,
// websockets/wscat bin/wscat) and as a browser's onmessage logs them.
func TestWebSocketRouteFrames(t *testing.T) {
	const frame = `{"message": "Internal server error", "connectionId":"` + wsConnID + `", "requestId":"L0SNDEUmvHcFYzw="}`
	const fnErr = wsPrefix + "Lambda execution failed with status 200 due to customer function error: Cannot read properties of undefined (reading 'body'). Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n"
	checkWebSocketForms(t, []wsForm{
		{"wscat internal error frame", "< " + frame, "unknown", "500"},
		{"browser console internal error frame", "MessageEvent data: " + frame, "unknown", "500"},
		{"the frame pasted alone", frame, "unknown", "500"},
		{"frame and the function's error", "> {\"action\":\"sendmessage\"}\n< " + frame + "\n" + fnErr, "lambda_function_error", "500"},
		// the frame's words in a person's sentence: on a WebSocket API only a
		// message's frame says them (a refused handshake shows its status)
		{"the frame in words, and the function's error", "I can connect with wscat, but every message comes back as Internal server error.\n" + fnErr, "lambda_function_error", "500"},
		{"frame and the missing permission", "< " + frame + "\n" + wsPrefix + "Execution failed due to configuration error: Invalid permissions on Lambda function", "lambda_invoke_permission", "500"},
		{"wscat forbidden frame", `< {"message": "Forbidden", "connectionId":"` + wsConnID + `", "requestId":"L0SNDEUmvHcFYzw="}`, "not_5xx", "none"},
		{"forbidden frame, compact", `< {"message":"Forbidden","connectionId":"` + wsConnID + `","requestId":"L0SNDEUmvHcFYzw="}`, "not_5xx", "none"},
		// the frame parsed and printed by the client: Node.js's
		// util.inspect and a browser console (unquoted keys, strings in
		// single quotes), Python's repr of json.loads
		{"node inspect forbidden frame", "{ message: 'Forbidden', connectionId: '" + wsConnID + "', requestId: 'L0SNDEUmvHcFYzw=' }", "not_5xx", "none"},
		{"browser console forbidden frame", "{message: 'Forbidden', connectionId: '" + wsConnID + "', requestId: 'L0SNDEUmvHcFYzw='}", "not_5xx", "none"},
		{"python repr forbidden frame", "{'message': 'Forbidden', 'connectionId': '" + wsConnID + "', 'requestId': 'L0SNDEUmvHcFYzw='}", "not_5xx", "none"},
		{"python repr internal error frame", "{'message': 'Internal server error', 'connectionId': '" + wsConnID + "', 'requestId': 'L0SNDEUmvHcFYzw='}", "unknown", "500"},
		{"node inspect internal error frame", "{ message: 'Internal server error', connectionId: '" + wsConnID + "', requestId: 'L0SNDEUmvHcFYzw=' }", "unknown", "500"},
	})
}

// Look-alikes of a printed frame: an application's own message that only
// opens with a gateway's words, and the same object in the function's own
// log (its own call's answer), show no status the API's client got.
func TestWebSocketPrintedFrameLookAlikes(t *testing.T) {
	checkWordings(t, []wording{
		{"an application's message", "{ message: 'Forbidden resource', connectionId: '" + wsConnID + "' }", "unknown", "unknown"},
		{"in the function's log", "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tINFO\t{ message: 'Forbidden', connectionId: '" + wsConnID + "' }", "unknown", "unknown"},
	})
}

// The $connect handshake refused, as each client library words the status
// it got instead of 101. A 4xx there (an authorizer's or IAM's 401 or 403,
// throttling's 429, a stage not deployed) is no 5xx. Sources, one a row:
// websockets/ws lib/websocket.js (initAsClient: "Unexpected server
// response: " + statusCode, which wscat prints after "error: "); Chromium
// net/websockets/websocket_stream.cc ("Error during WebSocket handshake:
// Unexpected response code: %d"); python-websockets
// src/websockets/exceptions.py (InvalidStatusCode, and InvalidStatus from
// version 14: "server rejected WebSocket connection: HTTP %d");
// gorilla/websocket client.go (ErrBadHandshake, "websocket: bad
// handshake", with no code); OkHttp RealWebSocket.checkUpgradeSuccess
// ("Expected HTTP 101 response but was '%d %s'"); .NET
// System.Net.WebSockets (net_WebSockets_ConnectStatusExpected: "The server
// returned status code '%d' when status code '101' was expected.").
func TestWebSocketHandshakeRefused(t *testing.T) {
	chrome := "WebSocket connection to '" + wsURL + "' failed: Error during WebSocket handshake: Unexpected response code: "
	checkWebSocketForms(t, []wsForm{
		{"wscat 502", "wscat -c " + wsURL + "\nerror: Unexpected server response: 502", "unknown", "502"},
		{"wscat 500", "wscat -c " + wsURL + "\nerror: Unexpected server response: 500", "unknown", "500"},
		{"wscat 401", "wscat -c " + wsURL + "\nerror: Unexpected server response: 401", "not_5xx", "none"},
		{"wscat 403", "error: Unexpected server response: 403", "not_5xx", "none"},
		{"wscat 429", "error: Unexpected server response: 429", "not_5xx", "none"},
		{"node ws 503 on its error event", "ws error: Error: Unexpected server response: 503", "unknown", "503"},
		{"node ws 401 uncaught", "Uncaught Error: Unexpected server response: 401", "not_5xx", "none"},
		// the ws library's own frames: a client program on someone's
		// machine, unless they lie in Lambda's folders
		{"node ws trace of a client", "Error: Unexpected server response: 502\n    at ClientRequest.<anonymous> (/home/dev/chat-bot/node_modules/ws/lib/websocket.js:913:7)\n    at ClientRequest.emit (node:events:517:28)", "unknown", "502"},
		{"node ws trace of a client, 403", "Error: Unexpected server response: 403\n    at ClientRequest.<anonymous> (C:\\Users\\dev\\bot\\node_modules\\ws\\lib\\websocket.js:913:7)", "not_5xx", "none"},
		{"chrome 502", chrome + "502", "unknown", "502"},
		{"chrome 403", chrome + "403", "not_5xx", "none"},
		{"chrome 429", chrome + "429", "not_5xx", "none"},
		{"python websockets legacy 502", "websockets.exceptions.InvalidStatusCode: server rejected WebSocket connection: HTTP 502", "unknown", "502"},
		{"python websockets legacy 403", "websockets.exceptions.InvalidStatusCode: server rejected WebSocket connection: HTTP 403", "not_5xx", "none"},
		{"python websockets 14 500", "websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 500", "unknown", "500"},
		{"python websockets 14 401", "websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 401", "not_5xx", "none"},
		{"gorilla bad handshake", "dial: websocket: bad handshake", "unknown", "unknown"},
		{"okhttp 502", "java.net.ProtocolException: Expected HTTP 101 response but was '502 Bad Gateway'", "unknown", "502"},
		{"okhttp 403", "java.net.ProtocolException: Expected HTTP 101 response but was '403 Forbidden'", "not_5xx", "none"},
		{"dotnet 500", "System.Net.WebSockets.WebSocketException (0x80004005): The server returned status code '500' when status code '101' was expected.", "unknown", "500"},
		// Dart's dart:io WebSocket (websocket_impl.dart: "Connection to '%s'
		// was not upgraded to websocket", with ", HTTP status code: %d" since
		// Dart 3) and Starscream 3 on iOS (WSError "Invalid HTTP upgrade"
		// with the code)
		{"dart 403", "WebSocketException: Connection to 'https://abc123.execute-api.us-east-1.amazonaws.com:0/prod#' was not upgraded to websocket, HTTP status code: 403", "not_5xx", "none"},
		{"dart 502", "WebSocketChannelException: WebSocketException: Connection to 'https://abc123.execute-api.us-east-1.amazonaws.com:0/prod#' was not upgraded to websocket, HTTP status code: 502", "unknown", "502"},
		{"starscream 502", `WSError(type: Starscream.ErrorType.upgradeError, message: "Invalid HTTP upgrade", code: 502)`, "unknown", "502"},
		{"starscream 401", `websocket is disconnected: Optional(Starscream.WSError(type: Starscream.ErrorType.upgradeError, message: "Invalid HTTP upgrade", code: 401))`, "not_5xx", "none"},
		{"dotnet 401", "System.Net.WebSockets.WebSocketException (0x80004005): The server returned status code '401' when status code '101' was expected.", "not_5xx", "none"},
		// the JVM's clients and WebSocket-Node, several naming the 101
		// they wanted before the status they got: Tyrus
		// (LocalizationMessages.INVALID_RESPONSE_CODE, "Response code was
		// not {0}: {1}."), Jetty 10+ (CoreClientUpgradeRequest's
		// UpgradeException), Jetty 9 (WebSocketUpgradeRequest), Netty
		// (WebSocketClientHandshaker13.verify), Ktor (the client
		// WebSockets plugin's WebSocketException), WebSocket-Node
		// (lib/WebSocketClient.js failHandshake)
		{"tyrus 502", "Caused by: org.glassfish.tyrus.core.HandshakeException: Response code was not 101: 502.", "unknown", "502"},
		{"tyrus 403", "org.glassfish.tyrus.core.HandshakeException: Response code was not 101: 403.", "not_5xx", "none"},
		{"jetty 10 502", "java.util.concurrent.ExecutionException: org.eclipse.jetty.websocket.api.exceptions.UpgradeException: Failed to upgrade to websocket: Unexpected HTTP Response Status Code: 502 Bad Gateway", "unknown", "502"},
		{"jetty 10 401", "org.eclipse.jetty.websocket.api.exceptions.UpgradeException: Failed to upgrade to websocket: Unexpected HTTP Response Status Code: 401 Unauthorized", "not_5xx", "none"},
		{"jetty 9 500", "org.eclipse.jetty.websocket.api.UpgradeException: Didn't switch protocols, expected status <101>, but got <500>", "unknown", "500"},
		{"jetty 9 403", "org.eclipse.jetty.websocket.api.UpgradeException: Didn't switch protocols, expected status <101>, but got <403>", "not_5xx", "none"},
		{"netty 502", "io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 502 Bad Gateway", "unknown", "502"},
		{"netty 403", "io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 403 Forbidden", "not_5xx", "none"},
		{"ktor 500", "io.ktor.client.plugins.websocket.WebSocketException: Handshake exception, expected status code 101 but was 500", "unknown", "500"},
		{"ktor 403", "io.ktor.client.plugins.websocket.WebSocketException: Handshake exception, expected status code 101 but was 403", "not_5xx", "none"},
		{"websocket-node 502", "Error: Server responded with a non-101 status: 502 Bad Gateway", "unknown", "502"},
		{"websocket-node 401", "Error: Server responded with a non-101 status: 401 Unauthorized", "not_5xx", "none"},
		// Starscream 4 (HTTPUpgradeError.notAnUpgrade(Int, [String:
		// String]), Int alone before 4.0.5), as Swift prints the error
		{"starscream 4 502", `websocket error: Optional(Starscream.HTTPUpgradeError.notAnUpgrade(502, ["Content-Type": "application/json"]))`, "unknown", "502"},
		{"starscream 4 403", "Starscream.HTTPUpgradeError.notAnUpgrade(403)", "not_5xx", "none"},
		{"a $connect function's error and the refusal", "error: Unexpected server response: 502\n" + "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"boom\"}", "lambda_function_error", "502"},
	})
}

// Close codes the client received (RFC 6455 section 7.4.1; API Gateway's
// WebSocket quotas: 2 hours a connection, 10 minutes idle, 128 KB a
// message). 1006 is never sent: the client's word for a connection that
// ended without a close frame (a refused handshake in a browser among
// them), which shows no status. 1001 (the 2-hour or idle limit) and 1009
// (a message over 128 KB) are the gateway ending a connection that did not
// fail; 1011 is its internal error. Sources: wscat ("Disconnected (code:
// %d, reason: %s)"), python-websockets exceptions.py and frames.py
// ("received %d (%s)"; ConnectionClosedError "no close frame received or
// sent"), gorilla/websocket conn.go (CloseError: "websocket: close %d
// (%s)"), and the WHATWG CloseEvent a browser console prints.
func TestWebSocketCloseCodes(t *testing.T) {
	checkWebSocketForms(t, []wsForm{
		{"wscat 1006", `Disconnected (code: 1006, reason: "")`, "unknown", "unknown"},
		{"wscat 1001", `Disconnected (code: 1001, reason: "Going away")`, "not_5xx", "none"},
		{"wscat 1009", `Disconnected (code: 1009, reason: "")`, "not_5xx", "none"},
		{"wscat 1011", `Disconnected (code: 1011, reason: "")`, "unknown", "500"},
		{"python 1006", "websockets.exceptions.ConnectionClosedError: no close frame received or sent", "unknown", "unknown"},
		{"python 1001", "websockets.exceptions.ConnectionClosedOK: received 1001 (going away); then sent 1001 (going away)", "not_5xx", "none"},
		{"python 1009", "websockets.exceptions.ConnectionClosedError: received 1009 (message too big); then sent 1009 (message too big)", "not_5xx", "none"},
		{"python 1011", "websockets.exceptions.ConnectionClosedError: received 1011 (internal error); then sent 1011 (internal error)", "unknown", "500"},
		{"gorilla 1006", "websocket: close 1006 (abnormal closure): unexpected EOF", "unknown", "unknown"},
		{"gorilla 1001", "websocket: close 1001 (going away)", "not_5xx", "none"},
		{"gorilla 1009", "websocket: close 1009 (message too big)", "not_5xx", "none"},
		{"gorilla 1011", "websocket: close 1011 (internal server error)", "unknown", "500"},
		{"browser 1006", "WebSocket closed: CloseEvent {isTrusted: true, wasClean: false, code: 1006, reason: '', type: 'close'}", "unknown", "unknown"},
		{"browser 1001", "WebSocket closed: CloseEvent {isTrusted: true, wasClean: true, code: 1001, reason: 'Going away', type: 'close'}", "not_5xx", "none"},
		// coder/websocket close.go (CloseError: "status = %v and reason = %q",
		// the code by its StatusCode name) after "received close frame: "
		{"coder 1001", `failed to get reader: received close frame: status = StatusGoingAway and reason = "Going away"`, "not_5xx", "none"},
		{"coder 1009", `failed to read: received close frame: status = StatusMessageTooBig and reason = ""`, "not_5xx", "none"},
		{"coder 1011", `failed to get reader: received close frame: status = StatusInternalError and reason = "Internal server error"`, "unknown", "500"},
		// a close handler's own print of what the library hands it (ws's
		// 'close' event, OkHttp's onClosing, Java-WebSocket's onClose)
		{"close handler 1001", "ws closed, code: 1001, reason: Going away", "not_5xx", "none"},
		{"okhttp onClosing 1009", "onClosing: code=1009 reason=Message too big", "not_5xx", "none"},
		{"close handler 1011", "connection closed with code 1011", "unknown", "500"},
		{"close handler 1006", "socket closed with code 1006", "unknown", "unknown"},
	})
}

// The @connections management API answers the backend, not the WebSocket
// client: its errors are the function's own calls failing (GoneException
// 410: the client left; ForbiddenException 403: the wrong endpoint or no
// execute-api:ManageConnections; PayloadTooLargeException 413: over 128
// KB; LimitExceededException 429). The status an SDK's error line prints
// is the management API's answer to the backend and shows nothing of what
// the API's client got: the function failed on its call and the client's
// status is unknown, whether the line names a status or not, unless a
// client's own line shows it. Beside a 5xx the client got,
// they are why the function failed. Sources: the ApiGatewayManagementApi
// reference (PostToConnection errors), botocore's "An error occurred (%s)
// when calling the %s operation: %s" (its message "Unknown" when the
// answer had no body, as a 410 has none), aws-sdk-go-v2's "operation error
// ApiGatewayManagementApi: PostToConnection, https response error
// StatusCode: %d, RequestID: %s, %s", the AWS SDK for PHP's "Error
// executing \"PostToConnection\" ... resulted in a `410 Gone` response".
func TestWebSocketConnectionsAPIErrors(t *testing.T) {
	const goErr = "operation error ApiGatewayManagementApi: PostToConnection, https response error StatusCode: "
	const goID = ", RequestID: 965ae9ea-c537-43d0-ae5c-3a458ccbc069, "
	const boto = "An error occurred (GoneException) when calling the PostToConnection operation: Unknown"
	const php = "Aws\\ApiGatewayManagementApi\\Exception\\ApiGatewayManagementApiException Error executing \"PostToConnection\" on \"https://abc123.execute-api.us-east-1.amazonaws.com/prod/@connections/L0SM9cOFvHcCIhw%3D\"; AWS HTTP error: Client error: `POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/@connections/L0SM9cOFvHcCIhw%3D` resulted in a `410 Gone` response"
	const fn = "lambda_function_error"
	checkWebSocketForms(t, []wsForm{
		// botocore names the error without the management API's status, in
		// every shape a report carries it: the same answer as with one
		{"python gone", "[ERROR] GoneException: " + boto, fn, "unknown"},
		{"python gone, the bare message", boto, fn, "unknown"},
		{"python gone, a traceback's last line", "botocore.errorfactory.GoneException: " + boto, fn, "unknown"},
		{"python gone, the runtime's error object", `{"errorMessage": "` + boto + `", "errorType": "GoneException", "requestId": "0b59a014-da05-49a0-98c3-fe2ac06de4fd", "stackTrace": []}`, fn, "unknown"},
		{"python payload too large", "[ERROR] PayloadTooLargeException: An error occurred (PayloadTooLargeException) when calling the PostToConnection operation: Message too long", fn, "unknown"},
		// the status the management API answered the backend with
		{"go gone", goErr + "410" + goID + "GoneException: ", fn, "unknown"},
		{"go forbidden", goErr + "403" + goID + "ForbiddenException: ", fn, "unknown"},
		{"go payload too large", goErr + "413" + goID + "PayloadTooLargeException: ", fn, "unknown"},
		// (the management API throttling the function's calls is an AWS
		// service the function calls throttling it)
		{"go limit exceeded", goErr + "429" + goID + "LimitExceededException: ", "backend_throttled", "unknown"},
		{"php gone", php, fn, "unknown"},
		// a client's own line shows what it got
		{"the client's refused handshake beside it", "error: Unexpected server response: 403\n" + goErr + "410" + goID + "GoneException: ", "not_5xx", "none"},
		{"gone during $connect, handshake refused", "error: Unexpected server response: 502\n[ERROR] GoneException: " + boto, fn, "502"},
		{"go gone, handshake refused", "error: Unexpected server response: 502\n" + goErr + "410" + goID + "GoneException: ", fn, "502"},
		{"forbidden beside an internal error frame", `< {"message": "Internal server error", "connectionId":"` + wsConnID + `", "requestId":"L0SNDEUmvHcFYzw="}` + "\n" + goErr + "403" + goID + "ForbiddenException: ", fn, "500"},
		// (the management API throttling the function's calls is an AWS
		// service the function calls throttling it)
		{"limit exceeded beside a refused handshake", "error: Unexpected server response: 502\n" + goErr + "429" + goID + "LimitExceededException: ", "backend_throttled", "502"},
	})
}

// The gateway's execution log of a WebSocket stage (each line after the
// connection id) and its access log ($context variables of the WebSocket
// logging page: eventType CONNECT, MESSAGE or DISCONNECT, routeKey,
// status, integration.status and integration.error). Sources: the API
// Gateway developer guide, "Configure logging for WebSocket APIs" and the
// knowledge-center article on WebSocket connection errors.
func TestWebSocketGatewayLogs(t *testing.T) {
	const lambdaID = "0b59a014-da05-49a0-98c3-fe2ac06de4fd"
	rec := func(event, route, status, extra string) string {
		return `{"requestId":"L0SNDEUmvHcFYzw=","connectionId":"` + wsConnID + `","eventType":"` + event + `","routeKey":"` + route + `","status":"` + status + `"` + extra + `}`
	}
	checkWebSocketForms(t, []wsForm{
		{"function error on a message route", wsPrefix + "Received response. Status: 200, Integration latency: 45 ms\n" +
			wsPrefix + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: " + lambdaID + "\n" +
			wsPrefix + "AWS Integration Endpoint RequestId : " + lambdaID, "lambda_function_error", "unknown"},
		{"function error and the frame the client got", wsPrefix + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: " + lambdaID + "\n" +
			`< {"message": "Internal server error", "connectionId":"` + wsConnID + `", "requestId":"L0SNDEUmvHcFYzw="}`, "lambda_function_error", "500"},
		{"function error on $connect and the refused handshake", wsPrefix + "Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: " + lambdaID + "\n" +
			"error: Unexpected server response: 502", "lambda_function_error", "502"},
		{"missing permission", wsPrefix + "Execution failed due to configuration error: Invalid permissions on Lambda function\n" +
			wsPrefix + "AWS Integration Endpoint RequestId : " + lambdaID, "lambda_invoke_permission", "500"},
		{"throttled", wsPrefix + "Lambda invocation failed with status: 429. Lambda request id: " + lambdaID + "\n" +
			wsPrefix + "Execution failed due to configuration error: Rate Exceeded.", "lambda_throttled", "500"},
		{"access log message 500", rec("MESSAGE", "sendmessage", "500", `,"integrationStatus":"200"`), "unknown", "500"},
		{"access log connect 403", rec("CONNECT", "$connect", "403", ""), "not_5xx", "none"},
		{"access log connect 401", rec("CONNECT", "$connect", "401", `,"authorizerError":"Unauthorized"`), "not_5xx", "none"},
		{"access log connect 429", rec("CONNECT", "$connect", "429", ""), "not_5xx", "none"},
		{"access log connect 502", rec("CONNECT", "$connect", "502", `,"integrationStatus":"200"`), "unknown", "502"},
		{"access log disconnect 200", rec("DISCONNECT", "$disconnect", "200", ""), "not_5xx", "none"},
		{"clf-like record of a message", `203.0.113.7 - - [12/Mar/2024:10:15:01 +0000] "MESSAGE sendmessage ` + wsConnID + `" 500 L0SNDEUmvHcFYzw=`, "unknown", "500"},
		{"clf-like record of a refused connect", `203.0.113.7 - - [12/Mar/2024:10:15:01 +0000] "CONNECT $connect ` + wsConnID + `" 403 L0SNDEUmvHcFYzw=`, "not_5xx", "none"},
		{"access log with the connection id only", `{"requestId":"L0SNDEUmvHcFYzw=","connectionId":"` + wsConnID + `","routeKey":"sendmessage","status":"500"}`, "unknown", "500"},
	})
}

// The same ws library inside a function (its frames under /var/task, or
// /function in an image built on a non-AWS base) is the function's own
// connection to some WebSocket server failing, not the API's client.
func TestWebSocketLibraryInAFunction(t *testing.T) {
	for _, root := range []string{"/var/task", "/function"} {
		d := diagnoseText(t, "Error: Unexpected server response: 502\n    at ClientRequest.<anonymous> ("+root+"/node_modules/ws/lib/websocket.js:913:7)\n    at ClientRequest.emit (node:events:517:28)")
		if d.Status.String() != "unknown" || d.Cause.String() != "lambda_function_error" {
			t.Errorf("%s: got %s/%s, want unknown/lambda_function_error (%s)", root, d.Status, d.Cause, d.Why)
		}
	}
}

// Inside the function's own log (an exception line, its stack trace, the
// runtime's record of a failed invocation) a management API refusal is the
// function failing on its call: what the client got stays unknown.
// Sources: the AWS SDK for JavaScript v3's de_GoneExceptionRes, v2's error
// record, the AWS SDK for Java v2's exception message ("(Service: %s,
// Status Code: %d, Request ID: %s)").
func TestWebSocketConnectionsAPIErrorsInTheFunction(t *testing.T) {
	checkWordings(t, []wording{
		{"js v3 gone in a trace", "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tGoneException: UnknownError\n    at de_GoneExceptionRes (/var/runtime/node_modules/@aws-sdk/client-apigatewaymanagementapi/dist-cjs/index.js:1:1)", "lambda_function_error", "unknown"},
		{"js v2 invocation failed on it", "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"GoneException\",\"errorMessage\":\"410\",\"code\":\"GoneException\",\"statusCode\":410}", "lambda_function_error", "unknown"},
		{"python gone, the runtime's line", "[ERROR]\t2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tGoneException: An error occurred (GoneException) when calling the PostToConnection operation: Unknown", "lambda_function_error", "unknown"},
		{"java v2 gone", "software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException: null (Service: ApiGatewayManagementApi, Status Code: 410, Request ID: 5b0c5a4e-1d2b-4c1e-9a51-0c7d0e3b2a11)", "lambda_function_error", "unknown"},
		{"payload too large, an exception line", "PayloadTooLargeException: 413 Request Entity Too Large, when calling PostToConnection", "lambda_function_error", "unknown"},
	})
}

// The same refusals in a function's own log (the Node.js runtime's
// columns, a Java logger's line with the request id) are the function's
// connection to some WebSocket server refused: what the API's client got
// stays unknown, and no all-clear. Sources: as TestWebSocketHandshakeRefused.
func TestWebSocketHandshakeRefusedInAFunction(t *testing.T) {
	const node = "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\t"
	checkWordings(t, []wording{
		{"websocket-node 403 in the function", node + "Error: Server responded with a non-101 status: 403 Forbidden", "lambda_function_error", "unknown"},
		{"ktor 403 in the function", node + "io.ktor.client.plugins.websocket.WebSocketException: Handshake exception, expected status code 101 but was 403", "lambda_function_error", "unknown"},
		{"netty 403 in a Java function's logger", "2024-03-12 10:15:01 0b59a014-da05-49a0-98c3-fe2ac06de4fd ERROR WsClient - io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 403 Forbidden", "unknown", "unknown"},
		// (the 101 a client wanted alone is no status)
		{"undici's refusal names no status", "Received network error or non-101 status code.", "unknown", "unknown"},
	})
}

// A client's opening handshake that timed out got no answer at all: no
// status, and no function's error, though python-websockets' line opens
// like one. In a function's own log it is the function's connection to
// some WebSocket server. Sources: the ws library's lib/websocket.js
// ("Opening handshake has timed out", wscat printing it after "error: "),
// python-websockets' client connect ("timed out during opening
// handshake").
func TestWebSocketHandshakeTimedOut(t *testing.T) {
	checkWebSocketForms(t, []wsForm{
		{"wscat", "wscat -c " + wsURL + "\nerror: Opening handshake has timed out", "unknown", "unknown"},
		{"node ws", "Error: Opening handshake has timed out", "unknown", "unknown"},
		{"python websockets", "TimeoutError: timed out during opening handshake", "unknown", "unknown"},
	})
	checkWordings(t, []wording{
		{"python websockets in the function", "[ERROR]\t2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tTimeoutError: timed out during opening handshake", "lambda_function_error", "unknown"},
	})
}

// People spell the API type in more ways than one.
func TestWebSocketSpelledApart(t *testing.T) {
	for _, in := range []string{"Our Web Socket API returns 502 on connect.", "the web-socket api answers 502 on connect"} {
		if d := diagnoseText(t, in); d.APIType != stage.APIWebSocket || d.Status != Status502 {
			t.Errorf("%q: %s/%s, want WEBSOCKET and 502", in, d.APIType, d.Status)
		}
	}
}

// On a REST API the same words are its body for a 500 or a 502, and the
// named cause gives the code.
func TestInternalServerErrorWordsOnREST(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	d := diagnoseText(t, "Every call to the REST API returns Internal server error.\n"+id+"Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd")
	if d.Status != Status502 || d.Cause != CauseLambdaFunctionError {
		t.Errorf("got %s/%s, want 502/lambda_function_error (%s)", d.Status, d.Cause, d.Why)
	}
}

// People describing the documented connection limits (the API Gateway
// quotas for WebSocket APIs: 10 minutes idle, 2 hours a connection): no 5xx,
// unless something shows one.
func TestWebSocketLimitsInWords(t *testing.T) {
	checkWordings(t, []wording{
		{"idle", "Our WebSocket clients get disconnected after 10 minutes idle.", "not_5xx", "none"},
		{"inactivity", "The connection is closed after ten minutes of inactivity, so we reconnect.", "not_5xx", "none"},
		{"timed out after", "I reconnect after 10 minutes in case the websocket connection timed out.", "not_5xx", "none"},
		{"two hours", "Every socket is dropped after 2 hours even while messages flow.", "not_5xx", "none"},
		{"resets", "My websocket connection is resetting after 10 minutes without a message.", "not_5xx", "none"},
		{"hangs up", "The websockets hang up after 10 minutes on no messages, and after 2 hours regardless.", "not_5xx", "none"},
		{"a reset that is no connection", "We reset the cache after 10 minutes.", "unknown", "unknown"},
		{"a 5xx beside it", "The connection closes after 10 minutes idle, and sendmessage also returns 502.", "unknown", "502"},
		{"not about a connection", "The Lambda function runs for 10 minutes and then the API answers 504.", "integration_timeout", "504"},
	})
}

// TestConnectionsAPIStatusIsTheBackends: a client library's status line for
// a call to the @connections API (PHP's Guzzle, as Bref functions print
// it) is a backend's call refused, not what a WebSocket client got: no
// status shown, and no all-clear. The same line for the API's own route is
// a client's and keeps its weight.
func TestConnectionsAPIStatusIsTheBackends(t *testing.T) {
	const guzzle = "GuzzleHttp\\Exception\\ClientException: Client error: `POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/%s` resulted in a `410 Gone` response"
	for _, c := range []struct {
		path, status string
		confident    bool
	}{
		{"@connections/Xyz%3D", "unknown", false},
		{"orders", "none", true},
	} {
		d := diagnoseWith(t, Hints{}, fmt.Sprintf(guzzle, c.path))
		if d.Status.String() != c.status || (d.Confidence >= 0.8) != c.confident {
			t.Errorf("%s: got %s/%s (%.2f), want %s, confident %v", c.path, d.Status, d.Cause, d.Confidence, c.status, c.confident)
		}
	}
}

// The execution log's failures on a WebSocket stage, each line after the
// connection id, read as on a REST stage (the WebSocket logging page of
// the developer guide: the same "Execution failed due to ..." forms), and
// Lambda's own status in a WebSocket access record.
func TestWebSocketExecutionFailures(t *testing.T) {
	rec := func(extra string) string {
		return `{"requestId":"L0SNDEUmvHcFYzw=","connectionId":"` + wsConnID + `","eventType":"MESSAGE","routeKey":"sendmessage","status":"500"` + extra + `}`
	}
	checkWebSocketForms(t, []wsForm{
		{"request template", wsPrefix + "Execution failed due to configuration error: Unable to transform request", "mapping_template_error", "500"},
		{"integration timeout", wsPrefix + "Execution failed due to a timeout error", "integration_timeout", "504"},
		{"a service integration's role", wsPrefix + "Endpoint response body before transformations: <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Access to the resource https://sqs.us-east-1.amazonaws.com/123456789012/chat is denied.</Message></Error></ErrorResponse>", "credentials_role_error", "unknown"},
		{"a service integration's template", wsPrefix + `Endpoint response body before transformations: {"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Missing the key connectionId in the item"}`, "mapping_template_error", "unknown"},
		{"Lambda refused the invocation", wsPrefix + "Lambda invocation failed with status: 429. Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "lambda_throttled", "500"},
		{"Lambda throttled, in the access record", rec(`,"integrationStatus":"429"`), "lambda_throttled", "500"},
		{"the function's error, in the access record", rec(`,"integrationError":"Lambda Customer Function Error:boom"`), "lambda_function_error", "500"},
	})
}
