package classifier

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"
)

// websocketClientMarks are what only a WebSocket client prints about its
// connection ending: wscat's "Disconnected (code: 1006, reason: "")",
// gorilla/websocket's CloseError and refused handshake, python-websockets'
// exceptions (ConnectionClosedError, InvalidStatus), and a browser's
// CloseEvent. They show a WebSocket API as wscat's name does.
var websocketClientMarks = [][]byte{
	[]byte("disconnected (code: "), []byte("websocket: close "), []byte("websocket: bad handshake"),
	[]byte("websockets.exceptions."), []byte("closeevent"), []byte("server rejected websocket connection"),
}

// websocketClientLines are what only a WebSocket client library prints
// about a connection it made, where the generic marks do not reach: Dart's
// refused handshake ("was not upgraded to websocket"), Starscream's
// ("Invalid HTTP upgrade"), coder/websocket's close report ("received
// close frame: status = StatusGoingAway ..."), gorilla/websocket's
// CloseError and ErrBadHandshake, and python-websockets' exceptions
// ("websockets.exceptions.ConnectionClosedError: received 1009 (message
// too big)", InvalidStatus), which its client raises, and a browser's
// console report of a connection it could not open (Chromium's
// "WebSocket connection to 'wss://...' failed: ..."), and a client's
// opening handshake that timed out before any answer came, as the ws
// library ("Opening handshake has timed out", lib/websocket.js, which
// wscat prints after "error: ") and python-websockets ("TimeoutError:
// timed out during opening handshake", its client's connect) word it: no
// status came, and the words are RFC 6455's. A line in one of them is the
// client's, even when it opens like an exception.
var websocketClientLines = regexp.MustCompile(`was not upgraded to websocket|invalid http upgrade|received close frame: status = |^websocket: (?:close \d|bad handshake)|^websockets\.exceptions\.|^websocket connection to '[^']*' failed: |timed out during opening handshake|opening handshake has timed out`)

// isWebSocketClientLine reports whether low is one of websocketClientLines,
// looking for their words before running the expression: most lines hold
// none of them.
func isWebSocketClientLine(low []byte) bool {
	if !bytes.Contains(low, []byte("websocket")) && !bytes.Contains(low, []byte("upgrade")) && !bytes.Contains(low, []byte("close frame")) && !bytes.Contains(low, []byte("opening handshake")) {
		return false
	}
	return websocketClientLines.Match(low)
}

// closeCodeShown is a close code (10xx) that a close handler prints beside
// the word close ("closed with code 1001", "onClosing: code=1009"): only
// WebSocket connections have these codes.
const closeCodeShown = `\b(?:on)?clos(?:e|ed|ing)\b[^\n]{0,60}?\bcode\b\W{0,4}`

var closeCodeLine = regexp.MustCompile(closeCodeShown + `10\d\d\b`)

// noteWebSocketClient records a WebSocket client's words in a line.
func (s *Session) noteWebSocketClient(low []byte) {
	for _, m := range websocketClientMarks {
		if bytes.Contains(low, m) {
			s.st.websocket = true
			return
		}
	}
	if isWebSocketClientLine(low) || bytes.Contains(low, []byte("clos")) && closeCodeLine.Match(low) {
		s.st.websocket = true
		return
	}
	for _, w := range websocketSpelled {
		if bytes.Contains(low, w) {
			s.st.websocketWord = true
		}
	}
}

// websocketSpelled are the word "WebSocket" as people also spell it ("Web
// Socket API", "web-socket"): the bare word, which an HTTP API's marks
// outweigh.
var websocketSpelled = [][]byte{[]byte("web socket"), []byte("web-socket")}

// noteWebSocketRecord records an access record of a WebSocket API: only
// its stages have $context.connectionId, and $context.eventType is
// CONNECT, MESSAGE or DISCONNECT there (the route key alone is an HTTP
// API's as well).
func (s *Session) noteWebSocketRecord(rec *accessRecord) {
	if isWebSocketEvent(strings.ToUpper(rec.get(fEventType))) || rec.get(fConnectionID) != "" {
		s.st.websocket = true
	}
}

// isWebSocketEvent reports whether ev is a WebSocket API's
// $context.eventType.
func isWebSocketEvent(ev string) bool {
	return ev == "CONNECT" || ev == "MESSAGE" || ev == "DISCONNECT"
}

// wsEventType is the WebSocket event type a CLF-like record's quoted
// request opens with, where a WebSocket stage's format puts
// $context.eventType in the place of the HTTP method ("MESSAGE sendmessage
// L0SM9cOFvHcCIhw="), else "".
func wsEventType(req []string) string {
	if len(req) > 1 && isWebSocketEvent(req[0]) {
		return req[0]
	}
	return ""
}

// internalErrorFrame is the frame a WebSocket API answers a message whose
// route failed with (see websocketFrameRules): the gateway's 500, where
// REST's body of the same words is some 5xx.
var internalErrorFrame = regexp.MustCompile(`"message"\s*:\s*"internal server error"\s*,\s*"connectionid"`)

// frameStatus refines "some 5xx" to the 500 of the frame when low is the
// internal error frame, and notes the words "internal server error" shown
// without a code: on a WebSocket API they are that frame too (a refused
// handshake shows its status, not a body), which websocketCode reads once
// the API type is known.
func (s *Session) frameStatus(low []byte, code int) int {
	if code != implied5xx || !bytes.Contains(low, []byte("internal server error")) {
		return code
	}
	if bytes.Contains(low, []byte(`"connectionid"`)) && internalErrorFrame.Match(low) {
		s.st.errorFrame = true
		return 500
	}
	s.st.internalErrorWords = true
	return code
}

// messageRouteFailed reports whether the evidence of a WebSocket API shows
// a failure after the handshake: the internal error frame, or its words
// without a code (a refused handshake shows its status instead).
func (s *Session) messageRouteFailed(api stage.APIType) bool {
	return api == stage.APIWebSocket && (s.st.errorFrame || s.st.internalErrorWords)
}

// websocketCode is the status of "some 5xx" on a WebSocket API whose
// evidence showed the words of the internal error frame: the gateway's
// 500, whatever the cause (the cause's usual status is its $connect
// handshake's). Other codes are returned as they are.
func (s *Session) websocketCode(api stage.APIType, code int) int {
	if api == stage.APIWebSocket && code == implied5xx && s.st.internalErrorWords {
		return 500
	}
	return code
}

// wsLibraryFrame is a Node.js frame in the ws library's client, which
// raises "Unexpected server response: NNN" when a server refuses its
// handshake.
var wsLibraryFrame = regexp.MustCompile(`node_modules[/\\]ws[/\\]lib[/\\]websocket\.js:\d+:\d+$`)

// lambdaCodeFolders are where a function's code and its runtime lie on
// Lambda: the package (LAMBDA_TASK_ROOT, /var/task, in a zip and in AWS's
// base images), layers, the runtime's own modules and Node.js install, and
// /function, where AWS's guide puts the code of an image built on a non-AWS
// base. A program elsewhere reads as a client's.
var lambdaCodeFolders = [][]byte{[]byte("/var/task/"), []byte("/opt/"), []byte("/var/runtime/"), []byte("/var/lang/"), []byte("/function/")}

// isWebSocketClientFrame reports whether path (a frame's location, lower
// case) is the ws library's handshake outside Lambda's folders: a program
// on someone's machine connecting to the API (a script, a test, a bot), so
// its refused handshake is the API client's, where the same frame under
// /var/task is a function's own call to a WebSocket server.
func isWebSocketClientFrame(path []byte) bool {
	return wsLibraryFrame.Match(path) && !containsAny(path, lambdaCodeFolders)
}

// connectionsAPIWords name the @connections management API on a line: its
// path, its operation as the SDKs spell it (PostToConnection, boto3's
// post_to_connection), its client's name (ApiGatewayManagementApi) and the
// errors only it answers (GoneException, PayloadTooLargeException), as the
// ApiGatewayManagementApi reference lists them.
var connectionsAPIWords = [][]byte{
	[]byte("@connections"), []byte("posttoconnection"), []byte("post_to_connection"),
	[]byte("apigatewaymanagementapi"), []byte("goneexception"), []byte("payloadtoolargeexception"),
}

// namesConnectionsAPI reports whether low (a lower-cased line) names the
// @connections management API.
func namesConnectionsAPI(low []byte) bool {
	return containsAny(low, connectionsAPIWords)
}
