package classifier

// websocketRules are what a WebSocket API's failures and look-alikes show
// after the $connect handshake: the frames the gateway answers a message
// with, the close codes it ends a connection with, and the @connections
// management API refusing the backend's calls. (A refused handshake is an
// HTTP status, which the client status forms read.)
func websocketRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{websocketFrameRules(), websocketCloseRules(), websocketLimitWords(), connectionsAPIRefusalRules()} {
		all = append(all, part...)
	}
	return all
}

// websocketFrameRules: a message route whose integration failed is
// answered, whatever the cause, with the gateway's internal error frame
// {"message": "Internal server error", "connectionId": ..., "requestId":
// ...}. No HTTP status travels on an open connection, and there is no 502
// or 504 flavour of the frame (those are the $connect handshake's and REST's
// answers): the frame is the gateway's 500. (Its Forbidden frame, for a
// message no route takes, is read with the gateway's other bodies.)
func websocketFrameRules() []ruleSpec {
	return []ruleSpec{
		{lit: `"connectionid"`, re: internalErrorFrame.String(), implied: 500, layers: notFunction},
	}
}

// websocketCloseRules: the close codes a WebSocket API sends its clients
// (RFC 6455's codes, as API Gateway uses them): 1011 is the gateway's
// internal error, some 5xx; 1001 (idle for 10 minutes, or at the 2-hour
// connection limit), 1003 (a binary frame), 1008 (too many requests from
// the client) and 1009 (a message over 128 KB) are the gateway ending a
// connection that did not fail. They are read where a client shows the
// code it received: wscat's "Disconnected (code: ...)", python-websockets'
// "received ...", gorilla/websocket's CloseError ("websocket: close 1001
// (going away)"), coder/websocket's code names (StatusGoingAway,
// StatusMessageTooBig, StatusInternalError), a browser's CloseEvent
// ("code: 1001") and a close handler's own print ("closed with code 1001",
// OkHttp's "onClosing: code=1009"); never a code the client sent itself
// (python-websockets' "sent 1011 ... keepalive ping timeout"). 1006 is no
// code on the wire but the client's word for a connection that ended
// without a close frame (a handshake refused in a browser among them), so
// it shows nothing and no rule reads it (alone in the input, it is
// explained as a client without an answer: noteUnanswered).
func websocketCloseRules() []ruleSpec {
	fine := func(lit, re string) ruleSpec {
		return ruleSpec{lit: lit, re: re, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500}
	}
	return []ruleSpec{
		{lit: "disconnected (code: 1011", implied: implied5xx},
		{lit: "received 1011", implied: implied5xx},
		{lit: "websocket: close 1011", implied: implied5xx},
		{lit: "closeevent", re: `closeevent\b.*\bcode: 1011\b`, implied: implied5xx},
		fine("disconnected (code: 10", `disconnected \(code: 10(?:01|03|08|09)\b`),
		fine("received 10", `received 10(?:01|03|08|09) \(`),
		fine("websocket: close 10", `websocket: close 10(?:01|03|08|09) \(`),
		fine("closeevent", `closeevent\b.*\bcode: 10(?:01|03|08|09)\b`),
		{lit: "received close frame: status = statusinternalerror", implied: implied5xx},
		fine("received close frame: status = status", `received close frame: status = status(?:goingaway|unsupporteddata|policyviolation|messagetoobig)\b`),
		{lit: "clos", re: closeCodeShown + `1011\b`, implied: implied5xx},
		fine("clos", closeCodeShown+`10(?:01|03|08|09)\b`),
	}
}

// websocketLimitWords: people describing a WebSocket API's documented
// connection limits, which end connections that did not fail: the idle
// timeout (10 minutes without a message) and the connection's 2-hour
// maximum. Only a person's words: a look-alike, weakly, that any line
// showing a 5xx outweighs.
func websocketLimitWords() []ruleSpec {
	const conn = `(?:connections?|sockets?|websockets?)`
	// (the verbs for a connection ended include "resets" and "hangs up",
	// as people write of the idle timeout too)
	const ended = `(?:clos\w*|drop\w*|disconnect\w*|times? out|timed out|timeouts?|terminat\w*|killed|reset\w*|hang(?:s|ing)? up|hung up)`
	fine := func(lit, re string) ruleSpec {
		return ruleSpec{lit: lit, re: re, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500, layers: personLayers}
	}
	return []ruleSpec{
		fine("idle", `\bidle\b[^.]{0,40}\b(?:10|ten) ?min|\b(?:10|ten) ?min\w*[^.]{0,40}\bidle\b`),
		fine("inactiv", `\binactiv\w*[^.]{0,40}\b(?:10|ten) ?min|\b(?:10|ten) ?min\w*[^.]{0,40}\binactiv`),
		fine("min", conn+`[^.]{0,40}\b`+ended+`[^.]{0,30}\b(?:10|ten) ?min(?:ute)?s?\b|\b(?:10|ten) ?min(?:ute)?s?\b[^.]{0,40}\b`+conn+`[^.]{0,30}\b`+ended),
		fine("hour", conn+`[^.]{0,40}\b`+ended+`[^.]{0,30}\b(?:2|two) ?hours?\b|\b(?:2|two) ?hours?\b[^.]{0,40}\b`+conn+`[^.]{0,30}\b`+ended),
	}
}

// wRefusedCall weighs a management API refusal just above the look-alikes
// (wWeak), so that beside a 5xx it names the function's failure rather
// than leaving the cause unknown, and below every line that names a
// failure more precisely.
const wRefusedCall = wWeak + 1

// connectionsAPIRefusalRules: the @connections management API answers the
// backend's calls (PostToConnection, GetConnection, DeleteConnection), never
// the WebSocket client, so its 4xx refusals are the function's own calls
// failing: GoneException (410, the client has left or is not connected
// yet), ForbiddenException (403, the wrong endpoint or no
// execute-api:ManageConnections), PayloadTooLargeException (413, over 128
// KB) and LimitExceededException (429, the function's calls throttled,
// which reads as backend_throttled); the AWS SDK for PHP names the
// operation that failed instead. Whatever layer shows them, and
// whether or not it prints the management API's status (botocore's message
// has none; aws-sdk-go-v2's and the AWS SDK for PHP's do), they show the
// function failing on the call and nothing of what the API's client got:
// no status is implied, and the status a line naming the management API
// prints is not read as the client's (connectionsAPILine). Beside a 5xx the
// client got, they are why the function failed. The exception names other
// services share count only beside a name of the management API on the
// same line.
//
// (A client's "x-amzn-ErrorType: ForbiddenException" is the gateway's own
// 403 to the API's caller, which clientRules read.)
func connectionsAPIRefusalRules() []ruleSpec {
	refused := func(lit, re string) ruleSpec {
		return ruleSpec{lit: lit, re: re, cause: CauseLambdaFunctionError, weight: wRefusedCall, unless: "x-amzn-errortype"}
	}
	const api = `(?:posttoconnection|getconnection|deleteconnection|apigatewaymanagementapi|@connections)`
	return []ruleSpec{
		// the AWS SDK for PHP names the operation, not the error type:
		// "Error executing \"PostToConnection\" on \"...\"; AWS HTTP error: ..."
		refused(`error executing "`, `error executing "`+api+`"`),
		refused("goneexception", ""),
		refused("payloadtoolargeexception", ""),
		refused("forbiddenexception", api+`.*forbiddenexception|forbiddenexception.*`+api),
		// its LimitExceededException is a 429, the API throttling the
		// function's calls: backend_throttled, as ThrottlingException from
		// any other service, and over the gateway's "customer function
		// error" that the function's failure on it shows
		{lit: "limitexceededexception", re: api + `.*limitexceededexception|limitexceededexception.*` + api, cause: CauseBackendThrottled, weight: 75, unless: "x-amzn-errortype", except: cliCallRefused},
	}
}
