package classifier

import "bytes"

// A Lambda proxy integration hands the client what the function returned,
// read by the documented proxy response format; an answer outside it is
// refused with "Malformed Lambda proxy response" (REST: 502 {"message":
// "Internal server error"}). The execution log shows the answer itself
// ("Endpoint response body before transformations: {...}"), so its shape
// tells the cause even when the line that names it was not pasted.
//
// Sources of the shapes judged here:
//   - the API Gateway developer guide, "Lambda proxy integrations in API
//     Gateway", section "Output format of a Lambda function for proxy
//     integration" (set-up-lambda-proxy-integrations.html#api-gateway-
//     simple-proxy-for-lambda-output-format): the keys isBase64Encoded,
//     statusCode, headers (single values), multiValueHeaders (lists of
//     values) and body ("..."); "If the function output is of a different
//     format, API Gateway returns a 502 Bad Gateway error response";
//   - the Knowledge Center's "How do I resolve HTTP 502 'Malformed Lambda
//     proxy response' errors from API Gateway REST APIs?"
//     (knowledge-center/malformed-502-api-gateway): statusCode is an
//     integer, a JSON body must be converted to a string;
//   - the developer guide's "Create AWS Lambda proxy integrations for HTTP
//     APIs" (http-api-develop-integrations-lambda.html#http-api-develop-
//     integrations-lambda.response): payload 2.0 adds cookies (a list) and,
//     when the function returns valid JSON without a statusCode, takes the
//     whole answer as the body with status 200;
//   - what AWS answered to each shape, as LocalStack's tests recorded it
//     against AWS (tests/aws/services/apigateway/test_apigateway_lambda.py
//     test_aws_proxy_response_payload_format_validation, and
//     test_apigateway_http.py's _v1 and _v2 of it): a REST API refuses a
//     key outside the format ({"statusCode": 200, "wrongValue": ...}), {},
//     a bare string, a statusCode of letters ("test") and a
//     multiValueHeaders value that is no list, and accepts a statusCode of
//     digits ("201"), no body, headers null, a header value true, and
//     headers without a statusCode; an HTTP API with payload 1.0 accepts
//     keys outside the format but refuses {}, a missing statusCode, a bare
//     string, a statusCode of letters and a multiValueHeaders value that
//     is no list; with payload 2.0 it refuses a statusCode of letters and
//     cookies that are no list, and takes anything without a statusCode as
//     the body.
//
// WebSocket APIs are not judged: their developer guide documents no
// response format a route's Lambda proxy integration is refused by.

// payloadFormat is the proxy response format a function's answer is read by.
type payloadFormat uint8

const (
	formatREST   payloadFormat = iota // a REST API's Lambda proxy integration
	formatHTTP10                      // an HTTP API's, payloadFormatVersion 1.0
	formatHTTP20                      // an HTTP API's, payloadFormatVersion 2.0
)

// proxyShape is what a function's answer showed of the proxy response
// format: the kind of each documented key, and what broke it. A value cut
// off (the execution log truncates long bodies) shows what came before the
// cut: a key or a kind seen is seen, a key missing is only missing when
// the object closed.
type proxyShape struct {
	top      valueKind
	complete bool // the object closed
	keys     int
	// statusCode is the key's kind; statusLike: a key that spells it in
	// other letters ("StatusCode", a Go struct without JSON tags)
	statusCode, body, headers, multi, cookies valueKind
	statusLike                                bool
	// formatKeys counts the other keys of the format present, in any
	// letters: with a statusCode, they make the answer a try at the format
	formatKeys int
	badStatus  bool // a statusCode no integer can be read from
	// status is the statusCode's value when it was written as an integer
	// of three digits (500, or "500"), else 0
	status      int
	unknownKey  bool // a key outside the payload 1.0 format
	headerValue bool // a headers value that is an object or a list
	multiValue  bool // a multiValueHeaders value that is no list
}

// shapeFault is why the gateway refuses an answer, or faultNone.
type shapeFault uint8

const (
	faultNone shapeFault = iota
	faultNotObject
	faultEmpty
	faultNoStatusCode
	faultUnknownKey
	faultStatusCode
	faultBody
	faultHeaders
	faultMultiValueHeaders
	faultCookies
)

// The keys of the payload 1.0 format, and payload 2.0's cookies.
var (
	keyStatusCode = []byte("statusCode")
	keyBody       = []byte("body")
	keyHeaders    = []byte("headers")
	keyMulti      = []byte("multiValueHeaders")
	keyBase64     = []byte("isBase64Encoded")
	keyCookies    = []byte("cookies")
)

// readProxyShape reads the shape of v, a function's answer as JSON text,
// in one pass and without allocating: nested values are skipped, not
// decoded. Text that is no JSON (a person's "...", XML, a JavaScript
// object's unquoted keys) shows no shape: top is kindInvalid. Text cut off
// (its end a cut) shows what came before the cut.
func readProxyShape(v []byte) (p proxyShape) {
	v = trimSpace(bytes.TrimSuffix(trimSpace(v), []byte("[TRUNCATED]")))
	if len(v) == 0 {
		return p
	}
	p.top = kindOf(v[0])
	if p.top != kindObject {
		return p
	}
	s := jsonScan{b: v}
	ok, closed := s.object(func(key []byte, k valueKind) bool {
		p.keys++
		return p.member(key, k, &s)
	})
	if !ok {
		return proxyShape{top: kindInvalid}
	}
	p.complete = closed
	return p
}

// member reads one member's value, of kind k at s.i, for the key it
// belongs to, and reports whether it was JSON up to its end or the text's.
func (p *proxyShape) member(key []byte, k valueKind, s *jsonScan) bool {
	switch {
	case bytes.Equal(key, keyStatusCode):
		p.statusCode = k
		return p.readStatus(k, s)
	case bytes.EqualFold(key, keyStatusCode):
		p.statusLike, p.unknownKey = true, true
	case bytes.Equal(key, keyBody):
		p.body, p.formatKeys = k, p.formatKeys+1
	case bytes.Equal(key, keyHeaders):
		p.headers, p.formatKeys = k, p.formatKeys+1
		if k == kindObject {
			return s.members(func(v valueKind) { p.headerValue = p.headerValue || v == kindObject || v == kindArray })
		}
	case bytes.Equal(key, keyMulti):
		p.multi, p.formatKeys = k, p.formatKeys+1
		if k == kindObject {
			return s.members(func(v valueKind) { p.multiValue = p.multiValue || v != kindArray && v != kindNull })
		}
	case bytes.Equal(key, keyCookies):
		p.cookies, p.formatKeys = k, p.formatKeys+1
		p.unknownKey = true // payload 2.0's, outside the 1.0 format
	case bytes.Equal(key, keyBase64):
		p.formatKeys++
	case formatKey(key):
		p.unknownKey = true // in other letters: a Go struct without JSON tags
		p.formatKeys++
	default:
		p.unknownKey = true
	}
	return s.skip()
}

// formatKey reports whether key spells one of the format's keys but
// statusCode in any letters.
func formatKey(key []byte) bool {
	return bytes.EqualFold(key, keyBody) || bytes.EqualFold(key, keyHeaders) ||
		bytes.EqualFold(key, keyMulti) || bytes.EqualFold(key, keyBase64)
}

// readStatus reads a statusCode's value: a number, or a string of digits
// (the gateway reads "201" as 201); a string without any, a boolean, an
// object or a list gives no status. A string cut off says nothing yet.
func (p *proxyShape) readStatus(k valueKind, s *jsonScan) bool {
	switch k {
	case kindString:
		v, closed := s.str()
		if closed {
			p.badStatus = !bytes.ContainsAny(v, "0123456789")
			p.status = threeDigits(v)
		}
		return true
	case kindNumber:
		start := s.i
		ok := s.skip()
		p.status = threeDigits(trimSpace(s.b[start:s.i]))
		return ok
	case kindBool, kindObject, kindArray:
		p.badStatus = true
	}
	return s.skip()
}

// threeDigits reads v as an HTTP status: exactly three digits, else 0.
func threeDigits(v []byte) int {
	if len(v) != 3 || !isDigit(v[0]) || !isDigit(v[1]) || !isDigit(v[2]) {
		return 0
	}
	return int(v[0]-'0')*100 + int(v[1]-'0')*10 + int(v[2]-'0')
}

// fault says why a gateway reading the answer by format f refuses it, or
// faultNone. Only an object that tries the format is judged: a statusCode
// and another of the format's keys. A custom integration's function may
// answer anything; an object without a statusCode is as often Lambda's own
// error (the function's {"errorMessage": ...}, which the gateway reports as
// the function's error, or the Invoke API's refusal, {"Message": ...}); and
// a statusCode alone beside words of its own is how web frameworks word
// their errors ({"statusCode": 500, "message": "Internal server error"}),
// which an HTTP integration passes on. knownProxy: the integration is
// known to be a Lambda proxy integration, whose function's answer is
// judged whenever it has a statusCode, is no object or is empty.
func (p *proxyShape) fault(f payloadFormat, knownProxy bool) shapeFault {
	status := p.statusCode != kindNone || p.statusLike
	attempt := p.top == kindObject && status && (p.formatKeys > 0 || knownProxy)
	bare := p.top != kindObject || p.complete && p.keys == 0
	if !attempt && (!knownProxy || !bare) {
		return faultNone
	}
	switch f {
	case formatHTTP10:
		return p.faultHTTP10()
	case formatHTTP20:
		return p.faultHTTP20()
	}
	return p.faultREST()
}

// faultREST judges by a REST API's format: nothing but its keys, each of
// its kind.
func (p *proxyShape) faultREST() shapeFault {
	switch {
	case p.top != kindObject:
		return notObject(p.top)
	case p.complete && p.keys == 0:
		return faultEmpty
	case p.unknownKey:
		return faultUnknownKey
	case p.badStatus:
		return faultStatusCode
	case p.body == kindObject || p.body == kindArray:
		return faultBody
	case p.headerValue || notMap(p.headers):
		return faultHeaders
	case p.multiValue || notMap(p.multi):
		return faultMultiValueHeaders
	}
	return faultNone
}

// faultHTTP10 judges by an HTTP API's payload 1.0, which lets keys outside
// the format through but needs a statusCode.
func (p *proxyShape) faultHTTP10() shapeFault {
	switch {
	case p.top != kindObject:
		return notObject(p.top)
	case p.complete && p.statusCode == kindNone:
		return faultNoStatusCode
	case p.badStatus:
		return faultStatusCode
	case p.multiValue || notMap(p.multi):
		return faultMultiValueHeaders
	}
	return faultNone
}

// faultHTTP20 judges by an HTTP API's payload 2.0: an answer without a
// statusCode is the body, anything else needs its keys' kinds.
func (p *proxyShape) faultHTTP20() shapeFault {
	switch {
	case p.top != kindObject || p.statusCode == kindNone:
		return faultNone
	case p.badStatus:
		return faultStatusCode
	case p.cookies != kindNone && p.cookies != kindArray && p.cookies != kindNull:
		return faultCookies
	case p.headerValue || notMap(p.headers):
		return faultHeaders
	}
	return faultNone
}

// notObject is the fault of an answer that is no object: any JSON value
// but an object is refused; text that is no JSON, or nothing, says nothing.
func notObject(k valueKind) shapeFault {
	if k == kindNone || k == kindInvalid {
		return faultNone
	}
	return faultNotObject
}

// notMap reports whether a headers value is no map (absent and null are
// no headers).
func notMap(k valueKind) bool {
	return k != kindNone && k != kindNull && k != kindObject
}
