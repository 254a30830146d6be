package classifier

import (
	"bytes"
	"strconv"
	"time"
)

// execKind sorts REST execution-log messages by their fixed opening words,
// so that the many informational lines of a successful request are dropped
// without running any rule.
type execKind int

const (
	execOther execKind = iota
	execBenign
	execCompleted
	execReceived
	execRespHeaders
	execIntegrationID
	execURI
	execMethodBody
	execEndpointRequest
	execSending
)

// benignExec are INFO messages that never carry a cause. Request headers
// and bodies are user data (CloudFront headers, payloads) and are skipped on
// purpose: words in them say nothing about the gateway.
var benignExec = [][]byte{
	[]byte("Extended Request Id:"),
	[]byte("Verifying Usage Plan"),
	[]byte("API Key authorized"),
	[]byte("API Key "),
	[]byte("Usage Plan check succeeded"),
	[]byte("Starting execution for request"),
	[]byte("HTTP Method:"),
	[]byte("Method request path:"),
	[]byte("Method request query string:"),
	[]byte("Method request headers:"),
	[]byte("Method request body before transformations:"),
	[]byte("Endpoint request headers:"),
	[]byte("Method response headers:"),
	[]byte("Successfully completed execution"),
	[]byte("X-ray Tracing ID"),
	[]byte("Starting authorizer:"),
	[]byte("Incoming identity:"),
	[]byte("Using valid authorizer policy"),
	[]byte("Successfully completed authorizer execution"),
	[]byte("Authorizer request headers:"),
	[]byte("Authorizer request body"),
	[]byte("Integration latency:"),
}

var (
	preCompleted  = []byte("Method completed with status:")
	preMethodBody = []byte("Method response body after transformations:")
	preReceived   = []byte("Received response.")
	preRespHdrs   = []byte("Endpoint response headers:")
	preEndpoint   = []byte("Endpoint response ") // its headers and its body, the integration's answer
	preIntegID    = []byte("AWS Integration Endpoint RequestId")
	preURI        = []byte("Endpoint request URI:")
	preSending    = []byte("Sending request to")
	preConfigErr  = []byte("Execution failed due to configuration error")
	lambdaIDMark  = "Lambda request id:"
	amznReqIDMark = "x-amzn-RequestId="
)

// benignByFirst holds benignExec by first byte, so that sorting a line
// compares it with the few prefixes that can match, not with all of them:
// this runs on every execution-log line of a multi-GB export.
var benignByFirst = func() (t [256][][]byte) {
	for _, p := range benignExec {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

func execKindOf(msg []byte) execKind {
	if len(msg) == 0 {
		return execOther
	}
	switch msg[0] {
	case 'M':
		if bytes.HasPrefix(msg, preCompleted) {
			return execCompleted
		}
		if bytes.HasPrefix(msg, preMethodBody) {
			return execMethodBody
		}
	case 'R':
		if bytes.HasPrefix(msg, preReceived) {
			return execReceived
		}
	case 'E':
		if bytes.HasPrefix(msg, preRespHdrs) {
			return execRespHeaders
		}
		if bytes.HasPrefix(msg, preURI) {
			return execURI
		}
		if bytes.HasPrefix(msg, preEndpointRequest) {
			return execEndpointRequest
		}
	case 'S':
		if bytes.HasPrefix(msg, preSending) {
			return execSending
		}
	case 'A':
		if bytes.HasPrefix(msg, preIntegID) {
			return execIntegrationID
		}
		if apiKeyRefusal(msg) {
			return execOther
		}
	}
	for _, p := range benignByFirst[msg[0]] {
		if bytes.HasPrefix(msg, p) {
			return execBenign
		}
	}
	return execOther
}

// apiKeyRefusal reports whether an "API Key ..." line, most of which only
// say the usage plan let the request through, is the gateway refusing it:
// the key missing or in no usage plan ("... not authorized because method
// 'GET /' requires API Key ..."), or over the plan's throttle or quota
// ("... exceeded throttle limit for API Stage ...", the knowledge-center
// articles on API Gateway logs and on 429 errors).
func apiKeyRefusal(msg []byte) bool {
	return bytes.HasPrefix(msg, []byte("API Key ")) &&
		(bytes.Contains(msg, []byte(" not authorized because")) || bytes.Contains(msg, []byte(" exceeded ")))
}

// execLine handles one "(request-id) message" execution-log line.
func (s *Session) execLine(id, msg, line []byte) {
	s.st.execLines++
	s.noteAuthorizerDenial(msg)
	if bytes.HasSuffix(id, []byte("=")) || bytes.HasPrefix(msg, []byte("WebSocket ")) {
		// a connection id ("L0SM9cOFvHcCIhw="), not a request's UUID, or
		// the event-type line: a WebSocket API's execution log
		s.st.websocket = true
	}
	switch kind := execKindOf(msg); kind {
	case execBenign:
		s.authorizerPhase(id, msg)
	case execCompleted:
		delete(s.authorizing, string(id))
		code := leadingInt(trimSpace(msg[len(preCompleted):]))
		g, ok := s.live[string(id)]
		if !ok && len(id) == 0 {
			// a test invoke's Method completed: no id to join it by
			if code < 400 {
				s.st.completed++
				return
			}
			g = s.group(id)
		}
		if !ok && len(id) > 0 {
			h := idHash(id)
			if g = s.rejoinHash(id, h); g == nil {
				if code < 400 {
					s.finishedClean(h, code)
					return
				}
				g = s.group(id)
			}
		}
		g.setCode(code, line)
		s.finish(g)
	case execReceived:
		s.receivedLine(id, msg, line)
	case execRespHeaders:
		s.respHeadersLine(id, msg, line)
	case execMethodBody:
		s.methodResponseBody(id, msg, line)
	case execEndpointRequest:
		s.noteProxyEvent(id, msg)
	case execIntegrationID:
		if i := bytes.IndexByte(msg, ':'); i > 0 {
			s.noteLambdaID(id, msg[i:], ":")
		}
	case execURI, execSending:
		// "Sending request to" names the same endpoint again, as the line
		// before its answer; an excerpt (the console's test, a
		// knowledge-center article) often keeps that one alone
		pre := preURI
		if kind == execSending {
			pre = preSending
		}
		s.noteEndpoint(id, msg[len(pre):])
		if bytes.Contains(msg, []byte(":/invocations")) || bytes.Contains(msg, []byte("stageVariables")) {
			s.evidenceLine(id, msg, line, LayerGateway)
		}
	default:
		s.evidenceLine(id, msg, line, LayerGateway)
	}
}

// Bounds and markers of a Lambda authorizer's part of a request in the
// REST execution log: "Starting authorizer: ..." opens it; the authorizer's
// verdict ("Using valid authorizer policy", "Successfully completed
// authorizer execution") or the method's own request ("Method request
// path: ...") closes it. A request whose lines were cut keeps its mark
// until the set is full, then all are forgotten.
const maxAuthorizing = 1024

var (
	preAuthorizerStart = []byte("Starting authorizer:")
	authorizerDone     = [][]byte{[]byte("Using valid authorizer policy"), []byte("Successfully completed authorizer execution"), []byte("Method request path:")}
)

// authorizerPhase notes where a request is between its authorizer's start
// and end, from the benign lines that mark them. Lines without ids (the
// console's authorizer test, its timestamps before each line) are one
// request's, under the empty id.
func (s *Session) authorizerPhase(id, msg []byte) {
	if bytes.HasPrefix(msg, preAuthorizerStart) {
		if s.authorizing == nil || len(s.authorizing) >= maxAuthorizing {
			s.authorizing = make(map[string]struct{})
		}
		s.authorizing[string(id)] = struct{}{}
		return
	}
	if len(s.authorizing) == 0 {
		return
	}
	for _, p := range authorizerDone {
		if bytes.HasPrefix(msg, p) {
			delete(s.authorizing, string(id))
			return
		}
	}
}

// authorizerPermission reads the invoke permission the gateway lacked while
// it called a request's Lambda authorizer as the authorizer's: the
// knowledge-center article on "Invalid permissions on Lambda function"
// shows a Lambda authorizer's missing permission as that line (before
// "Authorizer error"), and an HTTP API words the same failure "doesn't have
// permissions to call the authorizer", an authorizer_error.
func (s *Session) authorizerPermission(id []byte, h hit) hit {
	if h.cause != CauseLambdaInvokePermission || len(s.authorizing) == 0 {
		return h
	}
	if _, ok := s.authorizing[string(id)]; ok {
		h.cause = CauseAuthorizerError
	}
	return h
}

// integrationFailureType opens the execution log's record of the gateway
// answering with its INTEGRATION_FAILURE response ("Gateway response type:
// INTEGRATION_FAILURE with status code: 504"), no timeout (group's
// failedNotTimedOut).
var integrationFailureType = []byte("Gateway response type: INTEGRATION_FAILURE ")

// bareConfigErr reports whether a configuration error carries no reason
// after its prefix (cut off, or pasted alone). Only then does a REST 502
// beside it suggest the malformed proxy response: that failure always
// names itself ("Malformed Lambda proxy response"), so a reason the rules
// do not know is some other failure.
func bareConfigErr(msg []byte) bool {
	rest := bytes.TrimSpace(msg[len(preConfigErr):])
	return len(bytes.Trim(rest, ":.… ")) == 0
}

// showsClientAnswer reports whether a line (msg, of layer; id nil for a line
// without ids) can show what a client got, a 5xx its rules imply among
// it: the gateway's own failure of a request, a body or an error type a
// client or a person shows. Not a line of the function (its log, or any
// line between an invocation's START and END), not the integration's
// answer the execution log quotes ("Endpoint response ..."), and not the
// function's error object wherever it was printed: the 5xx such a line
// names is the function's own call's, which a custom integration answers
// with 200 (the developer guide's "Handle Lambda errors in API Gateway").
func (s *Session) showsClientAnswer(id, msg []byte, layer Layer) bool {
	return layer != LayerFunction && (id != nil || s.openLambda == "") &&
		!bytes.HasPrefix(msg, preEndpoint) && !errorObjectField(msg)
}

// evidenceLine runs the rules on a line that may show a cause.
func (s *Session) evidenceLine(id, msg, line []byte, layer Layer) {
	s.m.invocation = id == nil && s.openLambda != ""
	h := s.platformEventText(msg, s.m.match(msg, layer))
	s.m.invocation = false
	if id == nil && s.openLambda != "" && h.implied != 0 && !is5xx(h.implied) {
		// a line without ids between an invocation's START and END is the
		// function's, whoever's words it reads like: a body or error type
		// below 500 there is what its own call got (see clientStatus), and
		// the all-clear it would name is no one's
		h.implied = 0
		if h.cause == CauseNot5xx {
			h = hit{}
		}
	}
	if layer == LayerGateway {
		h = s.authorizerPermission(id, s.sqsAnswer(id, s.functionAnswer(id, msg, h)).merge(s.answerShape(id, msg)))
	}
	if layer == LayerUnknown || layer == LayerPerson {
		h = h.merge(s.configExcerpt(msg, s.low))
	}
	if layer != LayerGateway && layer != LayerAccess && layer != LayerFunction {
		s.noteDeployResource(s.low)
		h = h.merge(s.deployRefusal(s.low))
	}
	cfg := bytes.HasPrefix(msg, preConfigErr)
	if bytes.Contains(msg, []byte("stageVariables")) {
		s.st.stageVarRef = true
	}
	if !h.any() && !cfg {
		return
	}
	g := s.group(id)
	g.add(h, line)
	if is5xx(h.implied) && s.showsClientAnswer(id, msg, layer) {
		// the gateway's failure of a request, or a body or an error type
		// that only a 5xx carries: a 5xx shown, as a status line is
		s.noteShown(h.implied)
	}
	if layer == LayerGateway && bytes.HasPrefix(msg, integrationFailureType) {
		g.failedNotTimedOut = true
	}
	if id == nil && s.st.responseBody && errorObjectLine(msg) {
		noteErrorBody(g, h)
	}
	switch {
	case !cfg || h.weight > 0: // no configuration error, or one a rule names
	case bareConfigErr(msg):
		g.configErr = true
	case g.unnamed == "":
		// The gateway gave a reason no rule knows (a Lambda Invoke API
		// error such as ENILimitReachedException, a new message): it is
		// kept to quote, and it rules out the guess a bare configuration
		// error allows.
		g.unnamed = escapeLine(line)
	}
	s.noteLambdaID(id, msg, lambdaIDMark)
}

// receivedLine reads "Received response. Status: 503, Integration latency:
// 12 ms": the integration's status and the latency, which the client does
// not see directly but which decide backend_unavailable and timeouts. Where
// the request's endpoint was Lambda's Invoke API the status is Lambda's
// answer to the gateway, not a backend's (lambdaInvokeAnswer).
func (s *Session) receivedLine(id, msg, line []byte) {
	var code int
	if i := bytes.Index(msg, []byte("Status: ")); i >= 0 {
		code = leadingInt(msg[i+len("Status: "):])
	}
	var lat time.Duration
	if i := bytes.Index(msg, []byte("latency: ")); i >= 0 {
		lat = time.Duration(leadingInt(msg[i+len("latency: "):])) * time.Millisecond
	}
	s.st.maxLatency = max(s.st.maxLatency, lat)
	in := s.integ(id)
	in.received = code
	var h hit
	switch {
	case in.lambda > 0:
		h = s.authorizerPermission(id, lambdaInvokeAnswer(code))
		if code >= 400 {
			s.group(id).refused = true
		}
	case code == 503:
		h = hit{cause: CauseBackendUnavailable, weight: 60}
	case code == 429:
		h = hit{cause: CauseBackendThrottled, weight: 55}
	}
	if !h.any() && lat < 25*time.Second {
		return
	}
	g := s.group(id)
	g.add(h, line)
	g.latency = max(g.latency, lat)
}

// respHeadersLine reads the integration's response headers: the Lambda
// request id, X-Amz-Function-Error and Retry-After.
func (s *Session) respHeadersLine(id, msg, line []byte) {
	var h hit
	if bytes.Contains(msg, []byte("X-Amz-Function-Error=")) {
		h = hit{cause: CauseLambdaFunctionError, weight: 55}
	}
	if i := bytes.Index(msg, []byte("x-amzn-ErrorType=")); i >= 0 {
		// the error type of the integration's own answer (Lambda's Invoke API)
		v := msg[i:]
		if j := bytes.IndexAny(v, ",}"); j > 0 {
			v = v[:j]
		}
		h = h.merge(s.m.match(v, LayerGateway))
	}
	if i := bytes.Index(msg, []byte("Retry-After=")); i >= 0 {
		s.noteRetryAfter(msg[i+len("Retry-After="):])
	}
	if h.any() {
		s.group(id).add(h, line)
	}
	s.noteLambdaID(id, msg, amznReqIDMark)
}

// noteRetryAfter keeps the largest Retry-After (delta seconds) seen.
func (s *Session) noteRetryAfter(b []byte) {
	if n := leadingInt(trimSpace(b)); n > 0 && n < 86400 {
		s.st.retryAfter = max(s.st.retryAfter, time.Duration(n)*time.Second)
	}
}

// leadingFloat parses the decimal number at the start of b ("12.34"), and
// how many bytes it took; ok is false when b opens with none.
func leadingFloat(b []byte) (v float64, n int, ok bool) {
	for n < len(b) && (isDigit(b[n]) || b[n] == '.') {
		n++
	}
	v, err := strconv.ParseFloat(string(b[:n]), 64)
	return v, n, err == nil
}

// leadingInt parses the digits at the start of b, or returns -1 for "-1"
// (HTTP API's integrationLatency for "no response"), or 0.
func leadingInt(b []byte) int {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	n := 0
	for n < len(b) && n < 9 && isDigit(b[n]) {
		n++
	}
	v, err := strconv.Atoi(string(b[:n]))
	if err != nil {
		return 0
	}
	if neg {
		return -v
	}
	return v
}
