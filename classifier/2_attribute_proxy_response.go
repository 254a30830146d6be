package classifier

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"
)

// A REST API's execution log shows, request by request, what its
// integration was sent and what it answered. Read together they say
// whether the answer was a Lambda proxy integration's function's, which
// 3_match_proxy_shape.go judges by the proxy response format:
//   - "Endpoint request URI: https://lambda.<region>.amazonaws.com/...
//     /invocations" (and "Sending request to" the same URI, the line
//     before the answer) is Lambda's Invoke API; another endpoint's answer (an
//     HTTP integration's web framework answering {"statusCode": 500, ...})
//     is no function's;
//   - "Endpoint request body after transformations: {"resource": ...,
//     "path": ..., "httpMethod": ...}" is the proxy integration's event
//     (the developer guide's "Input format of a Lambda function for proxy
//     integration"); a custom integration sends what its template made,
//     and its function may answer anything (its integration response
//     maps it), so another body there rules the judging out, as the
//     stage's integration type does when it is not AWS_PROXY;
//   - "Received response. Status: 200" is Lambda's Invoke API answering a
//     function that ran: its refusals (403, 429, 502) are no answer of the
//     function's;
//   - "Endpoint response body before transformations: ..." is the answer,
//     on its line, or, as people paste it laid out, on the lines after it.
//
// Only the request whose lines are being read is followed: its answer is
// logged a few lines after what it was sent.

// preEndpointBody opens the execution-log line that shows the
// integration's answer before any mapping.
var preEndpointBody = []byte("Endpoint response body before transformations:")

// preEndpointRequest opens the execution-log line of what the gateway
// sent its integration.
var preEndpointRequest = []byte("Endpoint request body after transformations:")

// integrationSeen is what the execution log showed of one request's
// integration; its id's bytes are reused from request to request.
type integrationSeen struct {
	id []byte
	// event: what it was sent: +1 a Lambda proxy integration's event, -1
	// another body, 0 not seen (or on the lines after its line)
	event  int8
	lambda int8 // its endpoint: +1 Lambda's Invoke API, -1 another, 0 not seen
	sqs    bool // its endpoint is Amazon SQS's query API
	// rawForm: what it was sent is a query-API form whose message body
	// went unencoded (rawFormBody)
	rawForm  bool
	received int // the status it answered with, 0 when not seen
	// pending: the answer's line held no value; the value is the next
	// line, or the object laid out over the lines after it (gathering)
	pending, gathering bool
	// answerSeen: the answer's line was read; message is the message
	// field of the answer's object when its lines came apart
	// (answerFieldLine)
	answerSeen bool
	message    []byte
}

// integ returns what was seen of request id's integration, forgetting the
// previous request's when id is another.
func (s *Session) integ(id []byte) *integrationSeen {
	in := &s.integration
	if !bytes.Equal(in.id, id) {
		*in = integrationSeen{id: append(in.id[:0], id...)}
	}
	return in
}

// noteProxyEvent reads what request id sent its integration.
func (s *Session) noteProxyEvent(id, msg []byte) {
	body := trimSpace(msg[len(preEndpointRequest):])
	in := s.integ(id)
	in.rawForm = rawFormBody(body)
	switch {
	case len(body) == 0:
		in.event = 0
	case bytes.HasPrefix(body, []byte(`{"resource":`)) && bytes.Contains(body, []byte(`"httpMethod":`)):
		in.event = 1
	default:
		in.event = -1
	}
}

// noteEndpoint reads uri, the URI request id's integration was sent to
// ("Endpoint request URI: ...", "Sending request to ...").
func (s *Session) noteEndpoint(id, uri []byte) {
	uri = trimSpace(uri)
	in := s.integ(id)
	in.lambda = -1
	if bytes.HasPrefix(uri, []byte("https://lambda.")) {
		in.lambda = 1
	}
	in.sqs = bytes.HasPrefix(uri, []byte("https://sqs."))
}

// sqsAnswer re-reads h, what the rules found on msg, a line of request
// id, where the integration's endpoint was Amazon SQS: its
// UnknownOperationException is no integration method refused (as Lambda's
// and the JSON services' is) but a request SQS could not read an action
// from, which the knowledge-center article on SQS integrations of REST
// APIs gives two reasons for: the integration request's Content-Type header
// is not application/x-www-form-urlencoded, or its mapping template does
// not put Action=SendMessage in the body. Both are the integration
// request's mapping.
//
// Its AccessDenied is the role the integration assumes refused, or, as the
// same article gives it, a body whose special characters the template did
// not URL-encode ($util.urlEncode): where the request the gateway sent was
// such a form (rawFormBody), the template's.
func (s *Session) sqsAnswer(id []byte, h hit) hit {
	if h.cause != CauseIntegrationMethodNotPost && h.cause != CauseCredentialsRoleError {
		return h
	}
	in := &s.integration
	if !bytes.Equal(in.id, id) || !in.sqs {
		return h
	}
	switch {
	case h.cause == CauseIntegrationMethodNotPost:
		h.cause, h.weight = CauseMappingTemplateError, wStrong
	case in.rawForm:
		h.cause, h.weight = CauseMappingTemplateError, wLikely
	}
	return h
}

// rawFormBody reports whether body, what the gateway sent its integration,
// is an SQS query-API form ("Action=SendMessage&MessageBody=...") whose
// message body went unencoded: characters a form must percent-encode
// (spaces, braces, quotes) in it, or its value cut at the line's end, where
// the body went on over more lines (a raw newline).
func rawFormBody(body []byte) bool {
	i := bytes.Index(body, messageBodyParam)
	if i < 0 {
		return false
	}
	v := body[i+len(messageBodyParam):]
	return len(v) == 0 || bytes.ContainsAny(v, " {}\"")
}

var messageBodyParam = []byte("MessageBody=")

// lambdaInvokeAnswer reads code, the status Lambda's Invoke API answered
// the gateway's call with ("Received response. Status: N" after an
// endpoint at https://lambda.<region>.amazonaws.com/...): a function that
// ran answers 200 whatever it returned, so any other status is Lambda
// refusing or failing the invocation, which the gateway answers with its
// own 5xx. The Invoke API reference gives each error's status:
// TooManyRequestsException 429, RequestTooLargeException 413,
// ServiceException 500; the Lambda API's common errors add
// AccessDeniedException 403 and ServiceUnavailable 503 (and InternalFailure
// 500). Its 502s (EC2AccessDeniedException, ENILimitReachedException,
// KMSAccessDeniedException, InvalidRuntimeException, ...) are the
// function's VPC, key or runtime settings, which no cause of the taxonomy
// names: they say only that the client got a 5xx. The weights are those
// of the gateway's own line for the same refusal, "Lambda invocation failed
// with status: N", which follows this one in a whole log.
func lambdaInvokeAnswer(code int) hit {
	switch code {
	case 429:
		return hit{cause: CauseLambdaThrottled, weight: 99, implied: implied5xx}
	case 413:
		return hit{cause: CauseLambdaPayloadTooLarge, weight: 99, implied: 500}
	case 403:
		return hit{cause: CauseLambdaInvokePermission, weight: 99, implied: implied5xx}
	case 500, 503:
		return hit{cause: CauseInternalServiceFailure, weight: wLikely, implied: implied5xx}
	case 502:
		return hit{implied: implied5xx}
	}
	return hit{}
}

// functionAnswer re-reads h, what the rules found on msg, a line of
// request id: on the line of the integration's answer, when its endpoint
// was Lambda's Invoke API and Lambda answered 200, the function ran and
// the answer is its own, so a permission, network or TLS failure it
// reports is its own call to a dependency (inFunction), at the weight of
// such a call in its own log (wFunctionDependency): the function answered,
// so its words are no evidence that its invocation failed
// (group.unanswered). An AWS service's refusal of a request's content
// there (a ValidationException, a missing parameter, which the service
// integration rules read as the integration's template) is the function's
// own call's request too. So is an answer in the proxy response format (its
// "statusCode") where the lines that name the endpoint and Lambda's status
// were not kept. Lambda's refusals (403, 429, 5xx) are Lambda's answer,
// not the function's, and another endpoint's answer is no function's:
// both keep what they name.
func (s *Session) functionAnswer(id, msg []byte, h hit) hit {
	if !h.any() || !bytes.HasPrefix(msg, preEndpointBody) {
		return h
	}
	var lambda int8
	var received int
	if in := &s.integration; bytes.Equal(in.id, id) {
		lambda, received = in.lambda, in.received
	}
	ran := lambda > 0 && received == 200
	if lambda < 0 || received != 0 && received != 200 || !ran && !bytes.Contains(msg, []byte(`tatusCode"`)) {
		return h
	}
	c := inFunction(h.cause)
	if c == CauseMappingTemplateError {
		c = CauseLambdaFunctionError
	}
	if c != h.cause {
		h.cause, h.weight = c, min(h.weight, wFunctionDependency)
	}
	return h
}

// answerShape reads the execution log's line of the integration's answer
// (msg, of request id) by the proxy response format and returns the
// malformed proxy response it shows, if any. A line without the value
// leaves it to the lines after (answerLine).
func (s *Session) answerShape(id, msg []byte) hit {
	if !bytes.HasPrefix(msg, preEndpointBody) {
		return hit{}
	}
	s.integ(id).answerSeen = true
	v := trimSpace(msg[len(preEndpointBody):])
	if len(v) == 0 {
		s.integ(id).pending = true
		return hit{}
	}
	return s.judgeAnswer(id, v)
}

// judgeAnswer judges v, request id's integration's answer.
func (s *Session) judgeAnswer(id, v []byte) hit {
	if s.integ(id).lambda >= 0 && lambdaRefusal(v) || lambdaRefusalMessage(v) {
		g := s.group(id)
		g.refused = true
		if g.unnamed == "" {
			g.unnamed = escapeLine(v)
		}
		return hit{implied: implied5xx}
	}
	api := s.hints.APIType
	if api == stage.APIWebSocket || api == stage.APIUnknown && s.st.websocket {
		return hit{}
	}
	in := s.integ(id)
	if in.lambda < 0 || in.received != 0 && in.received != 200 {
		return hit{} // no function's answer
	}
	if s.notProxy(in) {
		return hit{} // a custom integration's function, or no function
	}
	known := in.event > 0 || strings.EqualFold(s.hints.IntegrationType, "AWS_PROXY")
	// most answers are valid: a look for the key before any reading
	if !known && !bytes.Contains(v, []byte(`tatusCode"`)) {
		return hit{}
	}
	p := readProxyShape(v)
	var f shapeFault
	if api == stage.APIHTTP {
		// an HTTP API's payload version is not known here: only what both
		// versions refuse
		if f = p.fault(formatHTTP20, known); p.fault(formatHTTP10, known) == faultNone {
			f = faultNone
		}
	} else {
		f = p.fault(formatREST, known)
	}
	switch {
	case f == faultNone && p.status >= 500 && (known || in.lambda > 0 && in.received == 200):
		// the function ran and answered a 5xx in the format, which the
		// gateway passes on as the client's status: the failure is the
		// function's own, an error it caught or a dependency it could not
		// reach, as a web adapter's own 500 is (3_match_rules_adapters.go)
		return hit{cause: CauseLambdaFunctionError, weight: wLikely}
	case f == faultNone:
		return hit{}
	case known:
		return hit{cause: CauseLambdaMalformedProxyResponse, weight: wSpecific}
	}
	// the integration may be a custom one, whose function may answer so
	return hit{cause: CauseLambdaMalformedProxyResponse, weight: wLikely}
}

// lambdaInvokeType is the type the Lambda Invoke API's error objects
// carry: the API reference gives each error a Type of User (the caller's
// or the function's settings: its network interfaces, key, state) or
// Service, beside its message. A function's own error object has
// errorType and errorMessage instead.
var lambdaInvokeType = regexp.MustCompile(`"Type"\s*:\s*"(?:User|Service)"`)

// lambdaRefusal reports whether v, what the gateway logged as its Lambda
// integration's answer, is Lambda's own error object: Lambda refused or
// failed the invocation before the function could answer (an ENI or
// subnet limit, a key it cannot use, a function not yet active), and
// the gateway, reading it as the function's answer, calls it a malformed
// proxy response.
func lambdaRefusal(v []byte) bool {
	return len(v) > 0 && v[0] == '{' && !bytes.Contains(v, []byte(`tatusCode"`)) &&
		(bytes.Contains(v, []byte(`"message"`)) || bytes.Contains(v, []byte(`"Message"`))) &&
		lambdaInvokeType.Match(v)
}

// lambdaUnable opens the message of Lambda's refusals to start a function
// ("Lambda was unable to decrypt the environment variables because KMS
// access was denied", "Lambda was unable to create an ENI", "Lambda was
// unable to configure access to your environment variables because the
// KMS key is invalid for CreateGrant"), lower-cased as the rules read it.
const lambdaUnable = "lambda was unable to "

// lambdaRefusalMessage reports whether v is an object that holds one of
// Lambda's refusal messages (lambdaUnable), which names Lambda as whoever
// answered even when the lines that name the endpoint and the object's
// Type were not kept.
func lambdaRefusalMessage(v []byte) bool {
	return len(v) > 0 && v[0] == '{' && bytes.Contains(v, []byte(`"Lambda was unable to `))
}

// notProxy reports whether the request's integration is known to be no
// Lambda proxy integration: its event was another body, or, when its event
// was not seen, the stage's integration type (the type most of its
// methods have) is another; a type that is no Lambda integration at all
// (HTTP, HTTP_PROXY, MOCK) is another method's when this request's
// endpoint was Lambda's.
func (s *Session) notProxy(in *integrationSeen) bool {
	t := s.hints.IntegrationType
	switch {
	case in.event != 0:
		return in.event < 0
	case t == "" || strings.EqualFold(t, "AWS_PROXY"):
		return false
	case strings.EqualFold(t, "AWS"):
		return true
	}
	return in.lambda == 0
}

// answerLine reads msg, a line after an answer's line that held no value:
// the value on a line of its own is judged; an object that opens there
// and closes lines later is judged once gathered (answerGathered). Any
// other line ends the wait.
func (s *Session) answerLine(msg, line []byte) {
	in := &s.integration
	in.pending = false
	open := prettyJSON{}
	open.scan(msg)
	switch {
	case msg[0] == '{' && open.depth > 0:
		// the pretty reader gathers it from this line, unless these lines
		// are the replay of an object that was no JSON, which it reads one
		// by one: then nothing is gathered, and waiting would judge the
		// next object gathered, whoever's it is
		in.gathering = !s.replaying
	case msg[0] == '{' || msg[0] == '"' || msg[0] == '[' || bytes.HasPrefix(msg, []byte("null")):
		s.answerHit(s.judgeAnswer(in.id, msg), line)
	}
}

// answerGathered judges obj, the object laid out over the lines after an
// answer's line, once gathered into one line.
func (s *Session) answerGathered(obj []byte) {
	in := &s.integration
	if !in.gathering {
		return
	}
	in.gathering = false
	s.answerHit(s.judgeAnswer(in.id, obj), obj)
}

// answerFieldLine reads msg, a line of a field after the answer's line
// when the object's lines came apart (one log event each, as a JSON
// export of pasted lines gives them) and nothing gathered them: Lambda's
// own error object shows by its Type (lambdaRefusal), its message on a
// line of its own.
func (s *Session) answerFieldLine(msg []byte) {
	in := &s.integration
	if !in.answerSeen || msg[0] != '"' {
		return
	}
	switch {
	case bytes.HasPrefix(msg, []byte(`"message"`)) || bytes.HasPrefix(msg, []byte(`"Message"`)):
		in.message = append(in.message[:0], msg...)
	case bytes.HasPrefix(msg, []byte(`"Type"`)) && lambdaInvokeType.Match(msg):
		g := s.group(in.id)
		g.refused = true
		if g.unnamed == "" {
			g.unnamed = escapeLine(append(append(in.message, ' '), msg...))
		}
	}
}

// answerHit adds what an answer read apart from its line showed to the
// request it belongs to.
func (s *Session) answerHit(h hit, line []byte) {
	if h.any() {
		s.group(s.integration.id).add(h, line)
	}
}
