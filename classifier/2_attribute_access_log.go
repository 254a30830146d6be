package classifier

import (
	"bytes"
	"cmp"
	"regexp"
	"strings"
	"time"
)

// jsonLine handles a line that is one JSON object: a CloudWatch event or
// Insights row around a message, a Lambda JSON log record, or an
// access-log record. It reports false for other objects (a gateway
// response body, an errorMessage object), which the rules then read as
// text.
func (s *Session) jsonLine(msg, line []byte, src source) bool {
	var rec accessRecord
	return s.records.read(msg, &rec) && (s.unwrap(&rec, src) || s.recordLine(&rec, msg, line, src))
}

// recordLine reads a JSON log record that is no envelope: a Lambda
// platform event, an access-log record, or a function's JSON log line.
func (s *Session) recordLine(rec *accessRecord, msg, line []byte, src source) bool {
	if strings.HasPrefix(rec.get(fType), "platform.") {
		s.lambdaRecord(rec, msg, line)
		return true
	}
	// a status beside a field only access logs have, empty or not
	// (formats are the user's: any of them may be left out), or beside a
	// request id, method or response length with a value
	status := rec.get(fStatus, fStatusCode, fHTTPStatus)
	if status != "" && (rec.namesAccessVariable() || rec.get(fRequestID, fHTTPMethod, fResponseLength) != "" || src == srcAccess) {
		s.accessLine(rec, line)
		return true
	}
	if id := rec.get(fRequestID, fAWSRequestID); len(id) == 36 && rec.get(fLevel, fType) != "" {
		s.st.lambdaLines++
		s.lambdaEvidence([]byte(id), msg, line, LayerFunction)
		return true
	}
	return status != "" && s.testInvokeLine(msg, line)
}

// accessLine classifies one access-log record (HTTP API, or REST with an
// access log). A record is a finished request, so it is finished at once.
func (s *Session) accessLine(rec *accessRecord, line []byte) {
	s.st.accessLines++
	s.noteWebSocketRecord(rec)
	if rec.get(fRouteKey) != "" || strings.Contains(rec.get(fRouteKey, fResourcePath, fPath), "$default") {
		s.st.httpAPI = true
	}
	// REST APIs log $context.integrationErrorMessage too (the developer
	// guide's variables for access logging: "$context.integration.error
	// ... Equivalent to $context.integrationErrorMessage"), so the field
	// shows no type
	if rec.has(fIntegrationErrorMessage) || rec.has(fIntegrationError) {
		s.st.integErrVar = true
	}
	code := leadingInt([]byte(rec.get(fStatus, fStatusCode, fHTTPStatus)))
	h := s.accessMessages(rec)
	if ae := rec.get(fAuthorizerError, fAuthError); ae != "" && code >= 500 {
		// whatever the authorizer's error says, the authorizer failed
		h = h.merge(hit{cause: CauseAuthorizerError, weight: 99})
	}
	var to time.Duration
	if code >= 500 {
		to = s.routeTimeout(rec)
		s.noteRouteTimeout(to)
		h = h.merge(accessHints(rec, cmp.Or(to, stageTimeout(s.hints)), !s.otherIntegration()))
	}
	lat := time.Duration(leadingInt([]byte(rec.get(fIntegrationLatency)))) * time.Millisecond
	id := rec.get(fRequestID, fExtendedRequestID)
	if code < 400 && !h.any() {
		s.cleanRecord(id, code, line)
		return
	}
	g := s.opened(&group{id: id, lambdaID: rec.get(fIntegrationRequestID, fAWSEndpointRequestID)})
	g.add(h, line)
	if code >= 500 && h.weight == 0 {
		g.unnamed = unnamedReason(rec.get(fIntegrationErrorMessage, fIntegrationError))
	}
	g.setCode(code, line)
	g.latency, g.timeout = max(lat, 0), to
	g.failedNotTimedOut = strings.EqualFold(rec.get(fErrorResponseType, fResponseType), "INTEGRATION_FAILURE")
	if prev, live := s.sameRequest(g.id); prev != nil {
		// a REST request's execution-log lines came first: the access
		// record is the same request's last word, not a second request
		prev.absorb(g)
		prev.timeout = cmp.Or(prev.timeout, g.timeout)
		prev.codeLine = prev.codeLine || prev.status == g.status
		if live {
			s.finish(prev)
		}
		return
	}
	if sl, ok := s.finished.lookup(idHash(id)); ok && id != "" {
		// its execution log ended it already, with nothing to keep
		g.counted, g.kept = true, sl.placed
	}
	s.finish(g)
}

// unnamedReason is a record's integration error when it is a configuration
// error with a reason no rule knows ("Execution failed due to
// configuration error: Function not found: arn:..."), as the execution
// log gives it: kept to quote, as evidenceLine keeps that log's line,
// else "".
func unnamedReason(msg string) string {
	m := []byte(msg)
	if !bytes.HasPrefix(m, preConfigErr) || bareConfigErr(m) {
		return ""
	}
	return escapeLine(m)
}

// cleanRecord counts an access record that ended below 400 with no error
// message: the end of its request's execution-log lines when they came
// first, else a request of its own, once whichever log comes first.
func (s *Session) cleanRecord(id string, code int, line []byte) {
	if id == "" {
		s.st.completed++
		return
	}
	if g, ok := s.live[id]; ok && !g.lambda {
		g.setCode(code, line)
		s.finish(g)
		return
	}
	s.finishedClean(idHash(id), code)
}

// sameRequest returns the request an access record's id names when its
// execution-log lines were read already: still live, or kept among the
// requests finished (Logs Insights and a pasted pair of files give the
// record after the request's execution log). live reports which.
func (s *Session) sameRequest(id string) (g *group, live bool) {
	if id == "" {
		return nil, false
	}
	if g, ok := s.live[id]; ok && !g.lambda {
		return g, true
	}
	if sl, ok := s.finished.lookup(idHash(id)); ok && sl.kept != nil && sl.kept.id == id {
		return sl.kept, false
	}
	return nil, false
}

// accessMessages matches the record's error messages on the access-log
// layer. Most records hold none (a request that succeeded), and matching
// nothing finds nothing, so those are not matched at all.
func (s *Session) accessMessages(rec *accessRecord) hit {
	msgs := [...]string{
		rec.get(fIntegrationErrorMessage, fIntegrationError), rec.get(fErrorMessage, fErrorMessageString, fError),
		rec.get(fErrorResponseType, fResponseType), rec.get(fAuthorizerError, fAuthError),
	}
	if msgs == [len(msgs)]string{} {
		return hit{}
	}
	text := s.records.text[:0]
	for i, m := range msgs {
		if i > 0 {
			text = append(text, " | "...)
		}
		text = append(text, m...)
	}
	s.records.text = text
	return s.matchAccessText(text)
}

// Bounds of the access messages' matches remembered: an incident's failing
// records repeat a few messages thousands of times, and matching one costs
// the rules' regular expressions; what is remembered stays small.
const (
	maxAccessMemo     = 64
	maxAccessMemoText = 1 << 10
)

// matchAccessText matches an access record's messages, remembering the
// answer for the next records with the same messages (a match depends on
// the text and the layer alone).
func (s *Session) matchAccessText(text []byte) hit {
	if h, ok := s.accessMemo[string(text)]; ok {
		return h
	}
	h := s.m.match(text, LayerAccess)
	if len(text) <= maxAccessMemoText {
		if len(s.accessMemo) >= maxAccessMemo || s.accessMemo == nil {
			s.accessMemo = make(map[string]hit, maxAccessMemo)
		}
		s.accessMemo[string(text)] = h
	}
	return h
}

// accessHints are causes the record's numbers show when its messages do
// not: an authorizer error field, a backend 503, a latency at the
// integration timeout its request met (to; 0 when not known: the
// defaults) or -1 ("no response"), and Lambda's refusal of the invocation
// where the integration may be Lambda's (lambda).
func accessHints(rec *accessRecord, to time.Duration, lambda bool) hit {
	if rec.get(fAuthorizerError, fAuthError) != "" {
		return hit{cause: CauseAuthorizerError, weight: 70}
	}
	if leadingInt([]byte(rec.get(fIntegrationStatus, fIntegrationIntegrationStatus))) == 503 {
		return hit{cause: CauseBackendUnavailable, weight: 60}
	}
	if h := lambdaServiceStatus(rec); lambda && h.any() {
		return h
	}
	lat := leadingInt([]byte(rec.get(fIntegrationLatency)))
	if lat > 0 && accessAtTimeout(lat, to) {
		return hit{cause: CauseIntegrationTimeout, weight: 70}
	}
	if lat == -1 && leadingInt([]byte(rec.get(fStatus))) >= 503 {
		return hit{cause: CauseIntegrationTimeout, weight: wHint}
	}
	return hit{}
}

// lambdaServiceStatus reads Lambda's own answer to the gateway in a record
// whose client got a 5xx: $context.integration.integrationStatus (and
// $context.integrationStatus) is "the status code returned from AWS Lambda,
// not from the backend Lambda function code" (the access-log variables of
// the API Gateway developer guide). Lambda's Invoke API answers 429
// (TooManyRequestsException) to an invocation it throttled, 413
// (RequestTooLargeException) to a request over its payload limit and 403
// to a caller it does not let invoke the function (the execution log's
// "Lambda invocation failed with status: 403"). A backend's or a
// function's own 429, 413 or 403 would have reached the client as that
// 4xx, so beside a 5xx they are Lambda's. (Not where the integration is
// another, otherIntegration.)
func lambdaServiceStatus(rec *accessRecord) hit {
	for _, f := range [...]field{fIntegrationIntegrationStatus, fIntegrationStatus} {
		switch leadingInt([]byte(rec.get(f))) {
		case 429:
			return hit{cause: CauseLambdaThrottled, weight: wLikely}
		case 413:
			return hit{cause: CauseLambdaPayloadTooLarge, weight: wLikely}
		case 403:
			return hit{cause: CauseLambdaInvokePermission, weight: wLikely}
		}
	}
	return hit{}
}

// otherIntegration reports whether the stage's configuration names an
// integration that is no Lambda function's: an HTTP, HTTP proxy or mock
// integration, or an AWS service integration whose URI names another
// service than Lambda. Its integration status is that backend's answer
// (S3, SQS and SNS refuse a role without a permission with 403, which an
// integration response may map to a 5xx), not Lambda's. A pasted log,
// whose configuration is not known, leaves it open.
func (s *Session) otherIntegration() bool {
	t, uri := strings.ToUpper(s.hints.IntegrationType), s.hints.IntegrationURI
	switch t {
	case "HTTP", "HTTP_PROXY", "MOCK":
		return true
	case "AWS":
		return uri != "" && !strings.Contains(uri, ":lambda:")
	}
	return false
}

// clf is the common-log-format access record API Gateway's console offers,
// as the developer guide's access-logging pages give it for each API type:
//
//	REST:      ip caller user [time]"method resourcePath protocol" status length requestId extendedRequestId
//	           (the older guide: "[time] "method ...", without extendedRequestId)
//	HTTP:      ip - - [time] "method routeKey protocol" status length requestId
//	WebSocket: ip caller user [time] "eventType routeKey connectionId" status requestId
//
// and whatever variables the user appended (often
// $context.integrationErrorMessage). The format is the user's to edit: the
// three leading fields are often dropped ("[time] "GET $default HTTP/1.1"
// 500 35 id ..."), an id is put before them (the REST guide's
// CloudFormation example opens with $context.extendedRequestId), and a
// field left empty doubles a space (the Serverless Framework's WebSocket
// format, "$context.status  $context.requestId"). So up to five fields
// may come before the time, and fields are parted by any run of spaces.
var clf = regexp.MustCompile(`^((?:\S+ +){0,5})\[[^\]]{10,40}\] *"([^"]*)" +(\d{3})(?: +(.*))?$`)

// clfLine handles a CLF-like access record and reports whether it was one.
func (s *Session) clfLine(msg, line []byte) bool {
	if !mayBeCLF(msg) {
		return false
	}
	m := clf.FindSubmatch(msg)
	if m == nil {
		return false
	}
	req := strings.Fields(string(m[2]))
	var rec accessRecord
	rec.set(fStatus, string(m[3]))
	if len(req) == 4 || bytes.Contains(m[2], []byte("$default")) {
		rec.set(fRouteKey, string(m[2]))
	}
	if ev := wsEventType(req); ev != "" {
		rec.set(fEventType, ev)
	}
	clfAfterStatus(string(m[4]), &rec)
	if rec.get(fRequestID) == "" {
		rec.set(fRequestID, leadingRequestID(string(m[1])))
	}
	if rec.has(fIntegrationError) {
		s.st.integErrVar = true
	}
	if bytes.HasPrefix(msg, loopback) {
		// no request from the machine's own address reaches API Gateway:
		// this is a local emulator's request log (the SAM CLI's start-api)
		s.st.localRun = true
		s.st.localAccessLines++
	}
	s.accessLine(&rec, line)
	return true
}

// loopback is the source address a local emulator's request log begins
// with.
var loopback = []byte("127.0.0.1 ")

// mayBeCLF is clf's pre-filter: a "]" before a quote, with or without a
// space between.
func mayBeCLF(msg []byte) bool {
	i := bytes.IndexByte(msg, ']')
	return i >= 0 && (bytes.Contains(msg[i:], []byte(`] "`)) || bytes.Contains(msg[i:], []byte(`]"`)))
}

// isCLFRecord reports whether msg is a CLF-like access record.
func isCLFRecord(msg []byte) bool {
	return mayBeCLF(msg) && clf.Match(msg)
}

// leadingRequestID is the request id among the fields a CLF record puts
// before its time (a UUID, or an id in the form of extendedRequestId),
// else "".
func leadingRequestID(lead string) string {
	for _, f := range strings.Fields(lead) {
		if isUUID([]byte(f)) || isExtendedRequestID(f) {
			return f
		}
	}
	return ""
}

// clfAfterStatus reads what follows a CLF record's status: the response
// length (a number, "-" when empty) then the request id, or the request id
// at once (the WebSocket preset logs no length); then what the user
// appended: REST's $context.extendedRequestId, or an error message.
func clfAfterStatus(rest string, rec *accessRecord) {
	first, rest := cutField(rest)
	if first == "-" || allDigits([]byte(first)) {
		first, rest = cutField(rest)
	}
	rec.set(fRequestID, first)
	if tail := strings.TrimSpace(rest); tail != "" && tail != "-" {
		if isExtendedRequestID(tail) {
			rec.set(fExtendedRequestID, tail)
		} else {
			rec.set(fIntegrationError, tail)
		}
	}
}

// cutField splits s at its first run of spaces.
func cutField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// isExtendedRequestID reports whether v is an id in the form of
// $context.extendedRequestId (and of a WebSocket's or an HTTP API's
// $context.requestId): base64url with its "=" padding, "AqCiOhxcLPEEMIA=".
func isExtendedRequestID(v string) bool {
	if len(v) < 12 || len(v) > 24 || v[len(v)-1] != '=' {
		return false
	}
	for _, c := range []byte(strings.TrimRight(v, "=")) {
		if !isDigit(c) && !isLetter(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}
