package classifier

import "bytes"

// clientErrorForms are the words HTTP client libraries raise an error for
// a status with, most where the line opens with the error's name as a
// function's uncaught error does ("StatusCodeError: 502 - ..."), and the
// words a chat platform reports a webhook's answer with: each is the
// client's line, and shows the code, unless the frames of a function's
// stack trace come with it (then it is the function's own call, which
// traceLayer tells). Each form is behind its literals, as the line's
// source words it.
var clientErrorForms = []litForm{
	// request-promise (request-promise-core's lib/errors.js):
	// StatusCodeError's message is the code, " - ", then the body
	// ("StatusCodeError: 502 - {\"message\":\"Internal server error\"}")
	form(`\bstatuscodeerror: ([1-5]\d\d) - `, "statuscodeerror: "),
	// httpx's Response.raise_for_status (httpx/_models.py): "Server error
	// '502 Bad Gateway' for url '...'", also under HTTPStatusError's short
	// name, as IPython and Jupyter print it
	form(`\b(?:informational response|redirect response|client error|server error) '([1-5]\d\d) [^']*' for url '`, "' for url '"),
	// the Jersey 1.x client's UniformInterfaceException: "GET https://...
	// returned a response status of 502 Bad Gateway"
	form(`\breturned a response status of ([1-5]\d\d)\b`, "returned a response status of "),
	// superagent's error for an answer of 400 or more (Response.toError, in
	// node/response.js and client.js): "cannot GET /prod/items (502)", the
	// method, the path or URL, the status in parentheses (not Express's
	// own "Cannot GET /path" page, which has no status after it)
	form(`\bcannot (?:get|post|put|delete|patch|head|options) \S+ \(([1-5]\d\d)\)`, "cannot "),
	// Apollo Client's HTTP link (src/link/http/parseAndCheckHttpResponse.ts):
	// a GraphQL answer of 300 or more is thrown as a ServerError, "Response
	// not successful: Received status code 502", which ApolloError prints
	// after "Network error: " in its 2.x releases
	form(`\bresponse not successful: received status code ([1-5]\d\d)\b`, "response not successful: received status code "),
	// Slack, the client of an API a slash command posts to, names the
	// answer it got by its code and class in the message it shows the
	// person who typed the command ("Darn – that slash command didn't work
	// (error message: `500_service_error`)", `401_client_error` for a 4xx)
	form(`\b([1-5]\d\d)_(?:service|client)_error\b`, "_service_error", "_client_error"),
}

// clientErrorStatus returns the code a client library's error shows, a
// 5xx before any other, or 0.
func clientErrorStatus(low []byte) int {
	return formsCode(clientErrorForms, low)
}

// isClientErrorLine reports whether low is a client library's error for a
// status it got (clientErrorForms, handshakeRefusalForms).
func isClientErrorLine(low []byte) bool {
	return hasStatusCode(low) && (clientErrorStatus(low) != 0 || handshakeRefusalStatus(low) != 0)
}

// handshakeRefusalForms are the words WebSocket client libraries refuse a
// handshake with, naming the status the server answered in place of the
// 101 Switching Protocols it wanted; several name that 101 first ("expected
// status code 101 but was 502"), which is no answer, so the code these
// forms name is the status the client got, before any other code on the
// line. Each is the client's line, as its source words it.
var handshakeRefusalForms = []litForm{
	// Tyrus (the Jakarta WebSocket reference client, Spring's
	// StandardWebSocketClient): HandshakeException with
	// LocalizationMessages.INVALID_RESPONSE_CODE, "Response code was not
	// {0}: {1}."
	form(`\bresponse code was not 101: ([1-5]\d\d)\b`, "response code was not 101: "),
	// Jetty 10 and later (CoreClientUpgradeRequest): UpgradeException's
	// "Failed to upgrade to websocket: Unexpected HTTP Response Status
	// Code: 502 Bad Gateway"
	form(`\bfailed to upgrade to websocket: unexpected http response status code: ([1-5]\d\d)\b`, "failed to upgrade to websocket: "),
	// Jetty 9 (WebSocketUpgradeRequest): "Didn't switch protocols, expected
	// status <101>, but got <502>"
	form(`\bdidn't switch protocols, expected status <101>, but got <([1-5]\d\d)>`, "didn't switch protocols"),
	// Netty (WebSocketClientHandshaker13.verify and its older drafts):
	// "Invalid handshake response getStatus: 502 Bad Gateway"
	form(`\binvalid handshake response getstatus: ([1-5]\d\d)\b`, "invalid handshake response getstatus: "),
	// Ktor's client WebSockets plugin: WebSocketException "Handshake
	// exception, expected status code 101 but was 502"
	form(`\bhandshake exception, expected status code 101 but was ([1-5]\d\d)\b`, "handshake exception, expected status code 101"),
	// WebSocket-Node (lib/WebSocketClient.js failHandshake): "Server
	// responded with a non-101 status: 502 Bad Gateway"
	form(`\bserver responded with a non-101 status: ([1-5]\d\d)\b`, "non-101 status: "),
	// Starscream 4 on iOS and macOS (HTTPUpgradeError.notAnUpgrade, the
	// status and, from 4.0.5, the headers), as Swift prints the error:
	// "Starscream.HTTPUpgradeError.notAnUpgrade(502, [...])"
	form(`\bnotanupgrade\(([1-5]\d\d)\b`, "notanupgrade("),
}

// handshakeRefusalStatus returns the status a WebSocket client's refused
// handshake names, or 0.
func handshakeRefusalStatus(low []byte) int {
	return formsCode(handshakeRefusalForms, low)
}

// generatedIOSClientError is the NSError the iOS client API Gateway
// generates for an API fails a call with when the answer is a 4xx or a
// 5xx (aws-sdk-ios, AWSAPIGatewayClient.m), as Swift and Objective-C print
// it: "Error Domain=com.amazonaws.AWSAPIGatewayErrorDomain Code=2 ...". Its
// code is AWSAPIGatewayErrorTypeService (2) for a 5xx and
// AWSAPIGatewayErrorTypeClient (1) for a 4xx; the status itself is only in
// the error's userInfo, which it does not print.
const generatedIOSClientError = "com.amazonaws.awsapigatewayerrordomain code="

// generatedIOSClientMark is generatedIOSClientError as a pattern.
const generatedIOSClientMark = `com\.amazonaws\.awsapigatewayerrordomain code=`

// generatedIOSClientStatus returns some 5xx when the generated iOS
// client's error shows one, else 0 (its 4xx names no code, and "some 4xx"
// is no answer this tool can tell apart from a 5xx's absence).
func generatedIOSClientStatus(low []byte) int {
	i := bytes.Index(low, []byte(generatedIOSClientError))
	if i < 0 {
		return 0
	}
	rest := low[i+len(generatedIOSClientError):]
	if len(rest) == 0 || rest[0] != '2' || len(rest) > 1 && isDigit(rest[1]) {
		return 0
	}
	return implied5xx
}
