package classifier

import "bytes"

// A function's error object ({"errorMessage": ..., "errorType": ...,
// "stackTrace": [...]}, or Lambda's {"errorMessage": "... Task timed out
// after ..."}) says who answered only by where it was printed. As the body a
// client or the method response got, it is a custom (non-proxy) Lambda
// integration answering the function's failure with 200, because no
// integration response's selectionPattern matched its errorMessage: a Lambda
// proxy integration answers a function error with the gateway's own 502
// body, never with the function's object. In the function's log, the Lambda
// console's test ("Execution result: failed", its "Response"), `aws lambda
// invoke` or `sam local invoke`, the same object is the function's error and
// says nothing about what a client got.

// isResponseBodyHeading reports whether a line opens what a client got:
// the API Gateway console's method test prints "Response Body" over the
// body, and curl (without -i) prints the body alone after its command.
// Prefixes, not a pattern: every line without a request id passes here.
func isResponseBodyHeading(low []byte) bool {
	if rest, ok := bytes.CutPrefix(low, []byte("response body")); ok {
		return len(bytes.TrimSpace(bytes.TrimSuffix(rest, []byte(":")))) == 0
	}
	return curlCommand(low)
}

// curlCommand reports whether low is a curl command line, after a shell's
// prompt or not.
func curlCommand(low []byte) bool {
	return bytes.HasPrefix(low, []byte("$ curl ")) || bytes.HasPrefix(low, []byte("$curl ")) || bytes.HasPrefix(low, []byte("curl "))
}

// noteResponseContext follows whether the lines being read are a body a
// client got: from a heading above until a line that is neither the
// object's JSON nor a client's (a person's sentence, another command, the
// console test's next section, the function's own log: its "[ERROR]" or
// "ERROR Invoke Error" lines pasted under the curl command that failed).
func (s *Session) noteResponseContext(layer Layer, low []byte) {
	switch {
	case isResponseBodyHeading(low):
		s.st.responseBody, s.st.responseBodyRead = true, false
	case layer == LayerClient || opensJSONValue(low):
		s.st.responseBodyRead = s.st.responseBody
	default:
		s.st.responseBody = false
	}
}

// endResponseBlock ends the body a client got at a block's end (a blank
// line, a code fence, a quote's empty line) once a line of it was read:
// curl's output is the lines under its command, and an error object in
// the next block is another paste (the function's log, the Lambda
// console's test), not what that client got. A break straight under the
// heading keeps it open: the console test's "Response Body" and curl -i
// may stand apart from the body they introduce.
func (s *Session) endResponseBlock() {
	if s.st.responseBodyRead {
		s.st.responseBody = false
	}
}

// opensJSONValue reports whether a line is a piece of a pretty-printed JSON
// value (a brace, a bracket, a field or an array's string).
func opensJSONValue(low []byte) bool {
	return len(low) > 0 && bytes.IndexByte([]byte(`{}[]"`), low[0]) >= 0
}

// errorObjectLine reports whether a line of a client's body is the
// function's error object or one of its pretty-printed fields: only the
// object says a custom integration answered with it. Other lines read
// while the body is open (a traceback, a runtime's error text, a logger's
// line that quotes the object) are the function's failure, which a proxy
// integration answers with 502.
func errorObjectLine(msg []byte) bool {
	return len(msg) > 0 && (msg[0] == '{' || msg[0] == '"') && errorObjectField(msg)
}

// noteErrorBody marks the request whose response body held the function's
// error object; h is what the body's line showed.
func noteErrorBody(g *group, h hit) {
	if h.weight >= wWeak && answeredAsError(h.cause) && !h.told {
		g.errorBody = true
	}
}

// methodResponseBody reads the execution log's "Method response body after
// transformations": the body the client got, which names a cause only when
// it is the function's error object.
func (s *Session) methodResponseBody(id, msg, line []byte) {
	s.responseBodyLine(id, trimSpace(msg[len(preMethodBody):]), line)
}

// errorObjectField reports whether a body holds a field of Lambda's error
// object, as Lambda writes it: every request of an execution log has a
// method response body, and the rules are not run on the others (a
// function's own {"error": "... timed out ..."} is not Lambda's word).
func errorObjectField(body []byte) bool {
	return bytes.Contains(body, []byte(`"errorMessage"`)) || bytes.Contains(body, []byte(`"errorType"`))
}

// responseBodyLine reads body, the method response's body (the execution
// log's, test-invoke-method's), which names a cause only when it is the
// function's error object.
func (s *Session) responseBodyLine(id, body, line []byte) {
	if len(body) == 0 || body[0] != '{' || !errorObjectField(body) {
		return
	}
	h := s.m.match(body, LayerGateway)
	if h.weight < wWeak || !answeredAsError(h.cause) {
		return
	}
	g := s.group(id)
	g.add(h, line)
	noteErrorBody(g, h)
}
