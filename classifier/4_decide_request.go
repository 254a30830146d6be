package classifier

import (
	"math/bits"

	"github.com/apigw-triage/apigw-triage/stage"
)

// outcome is the decision for one request.
type outcome struct {
	cause  Cause
	status Status
	// inferred: no line showed the status; it is the cause's usual one
	inferred bool
	// weight and told are those of the evidence that named the cause, a
	// structural fallback's included, for the confidence
	weight int
	told   bool
	// metrics: the metric context named the cause, not a line
	metrics bool
}

// Weights of the structural fallbacks: what the taxonomy makes likely when
// no line names the cause. They lose against any named cause.
const (
	wFallbackMalformed  = 30
	wFallbackTimeout    = 20
	wFallbackAuthorizer = 25
	wFallbackContainer  = 30
)

// wAbstain is the least weight that names a cause: below it the evidence
// is a guess, and the answer is unknown with the evidence that would decide.
const wAbstain = wFallbackTimeout

// decide returns the cause and status of one request. The status comes
// from the evidence when a line shows it: a status line, an access-log
// status, a standard gateway body, a client's or a person's words. "Some
// 5xx" (REST's "Internal server error", sent for 500 and 502) becomes the
// cause's usual status. When nothing shows the status, it is the named
// cause's usual status for the API type, else unknown. A request that shows a status below 500 is not_5xx, or
// lambda_error_masked_as_200 when its function failed and it answered 2xx.
func (s *Session) decide(g *group, api stage.APIType) outcome {
	best := g.best
	if f, ok := g.unanswered(); ok {
		// the failed invocation's line decides; the gateway's message
		// supports it
		best = f
		g.decider, g.support, g.supportW = g.fnLine, g.decider, g.best.weight
	}
	h, metrics := s.withContext(best, g)
	h = s.fallback(h, g, api)
	code := s.shownCode(g, h)
	cause := CauseUnknown
	if h.weight >= wAbstain {
		cause = s.adjust(h.cause, api)
		if cause == h.cause {
			h = s.excerptAdjust(h)
			cause = h.cause
		}
	}
	if is2xx(code) && g.functionFailed() && !g.answerTiedToFailure() && (!h.told || h.implied != code) {
		// another request's success: lines without ids are of several (a
		// person's words that the failure was answered 2xx tie the two)
		code = 0
	}
	switch {
	case is2xx(code) && g.functionFailed() && api != stage.APIHTTP:
		return outcome{cause: CauseLambdaErrorMaskedAs200, status: StatusNone, weight: h.weight, told: h.told}
	case code > 0 && !is5xx(code):
		return outcome{cause: CauseNot5xx, status: StatusNone}
	case code == 0 && g.errorBody && s.st.shown5xx == 0 && api != stage.APIHTTP:
		// the function's error object was the response itself: only a
		// custom integration answers so, and it answers with 200, though
		// no line showed that status (the answer stays below 0.8)
		return outcome{cause: CauseLambdaErrorMaskedAs200, status: StatusNone, inferred: true, weight: h.weight, told: h.told}
	}
	if cause == CauseNot5xx {
		cause = CauseUnknown // a 4xx look-alike's words in a request that did fail
	}
	inferred := code == 0 || code == implied5xx // "some 5xx" does not say which
	if code == 0 {
		code = s.st.shown5xx // a 5xx shown elsewhere in the incident, if any
	}
	code = s.websocketCode(api, code)
	if u := s.usualShown(cause, api); u != 0 && code != u && code >= 500 && code <= 504 && !g.codeLine {
		code = u
	}
	switch {
	case code == 0 && s.hints.Errors5xx == 0:
		// Nothing shows what the client got: a line naming the cause (a
		// function's error, a person's words) says what failed, not the
		// answer, which the integration decides (a custom Lambda
		// integration answers a function's error with 200).
		code = -1
	case code == implied5xx || code == 0:
		code = s.usualCode(cause, api, code)
	}
	// A function still running when the gateway gave up: the client got
	// the gateway's timeout (REST 504, HTTP API 503), so the integration
	// timeout is what failed the request, not the function's own timeout,
	// nor an answer the gateway could not read (that is a REST 502, an HTTP
	// API 500: a function that "succeeded" after the gateway's timeout
	// only finished late). A 503 beside a function's timeout, when the
	// API's type is not known, is an HTTP API's too: a REST API's Lambda
	// integration answers its timeout with 504 and the function's failure
	// with 502, never 503.
	if (cause == CauseLambdaFunctionTimeout || cause == CauseLambdaMalformedProxyResponse) && (code == 504 || (code == 503 && (api == stage.APIHTTP || api == stage.APIUnknown))) {
		cause = CauseIntegrationTimeout
	}
	// The converse: a timeout while the client got a 502 is the function's
	// own: Lambda ended it, and the gateway answered the function error
	// with 502 (its own integration timeout is a 504).
	if cause == CauseIntegrationTimeout && code == 502 && !inferred && api != stage.APIHTTP {
		cause = CauseLambdaFunctionTimeout
	}
	return outcome{cause: cause, status: toStatus(code), inferred: inferred, weight: h.weight, told: h.told, metrics: metrics}
}

// shownCode is the status the evidence shows: an explicit line first, then
// what a body or phrase implies. A 4xx-looking message (an authorizer's
// "Unauthorized"), or a person's words that the answer was below 500, do
// not outweigh a named 5xx cause: an all-clear needs a program's word.
func (s *Session) shownCode(g *group, h hit) int {
	if g.id == "" && g.status != 0 && !is5xx(g.status) && is5xx(h.implied) {
		// a line showed a 5xx (an execution failure, the 5xx error type, a
		// 1011 close): the answer below 500 was another request's, as lines
		// without ids are of several. (A request's own status line, by its
		// id, is what its client got: a custom integration's 200 beside its
		// function's error that quotes a 5xx of the function's own call.)
		return h.implied
	}
	if g.status != 0 && g.toldStatus && h.weight >= wLikely && h.cause.Status(stage.APIREST).Is5xx() {
		return 0
	}
	status := g.ownStatus(h)
	if g.toldStatus && is2xx(status) && !g.functionFailed() {
		// "it returns 200" is most often about what works (a direct
		// invoke, a local run): no status shown, and the rest decides
		status = 0
	}
	if status == implied5xx && is5xx(h.implied) {
		return h.implied // a body that names the code refines "some 5xx"
	}
	if status != 0 {
		return status
	}
	if h.implied > 0 && !is5xx(h.implied) && h.weight >= wHint {
		return 0
	}
	if h.implied == impliedBelow500 && h.cause != CauseNot5xx {
		return 0 // a CORS block next to a failure: the failure's response lacked the headers
	}
	return h.implied
}

// usualCode is the status of a request whose evidence shows "some 5xx" or
// nothing: the named cause's usual status for the API type (REST's when
// the type is not known), 500 for some 5xx of an unknown cause, else
// unknown (-1).
func (s *Session) usualCode(c Cause, api stage.APIType, code int) int {
	if st := c.Status(api); st.Is5xx() {
		return int(st)
	}
	if st := c.Status(stage.APIREST); st.Is5xx() {
		return int(st)
	}
	if code == implied5xx || s.hints.Errors5xx > 0 {
		return 500
	}
	return -1
}

// fallback names the likely cause of a failed request no line explains:
// REST 502 after "Execution failed due to configuration error" is a
// malformed Lambda proxy response (the other configuration errors are
// 500s); a REST 504, an HTTP API 503 or a latency at the integration
// timeout is the integration timeout. A status CloudFront's own error page
// shows is CloudFront failing to get an answer from the gateway, which
// names none of the gateway's causes. A look-alike's words (a browser's
// CORS refusal) explain no 5xx: beside one they are the gateway's error
// answer without CORS headers, and the 5xx's fallback still holds.
func (s *Session) fallback(h hit, g *group, api stage.APIType) hit {
	if (h.weight > 0 && h.cause != CauseNot5xx) || g.cdnPage {
		return h
	}
	code := g.ownStatus(h)
	if code == 0 {
		code = h.implied
	}
	switch {
	// a 502 whose body says "Gateway timeout" is no gateway's answer (its
	// timeouts are 504 and 503): it is aws-serverless-java-container's
	// answer to the application's exception
	case code == 502 && g.timeoutBody:
		h.cause, h.weight = CauseLambdaFunctionError, wFallbackContainer
	case code == 502 && g.configErr:
		h.cause, h.weight = CauseLambdaMalformedProxyResponse, wFallbackMalformed
	// the function ran to its end without an error and the client still
	// got the 5xx a Lambda proxy integration answers for a response it
	// cannot read (REST 502, HTTP API 500): the gateway refused the answer.
	// Not where the evidence counts answers of both kinds (a load test's
	// results): the clean invocation may be one that succeeded.
	case s.st.cleanInvocations > 0 && !s.st.mixedOutcomes && ((code == 502 && api != stage.APIHTTP) || (code == 500 && api == stage.APIHTTP)) && api != stage.APIWebSocket:
		h.cause, h.weight = CauseLambdaMalformedProxyResponse, wFallbackMalformed
	case code == 504 && api != stage.APIHTTP && !g.failedNotTimedOut:
		h.cause, h.weight = CauseIntegrationTimeout, wFallbackTimeout
	// HTTP APIs answer their integration timeout with 503 {"message":"Service
	// Unavailable"}; a REST API's own 503s come from the backend, which the
	// execution log shows, and so do a WebSocket API's (its integration
	// timeout refuses a handshake with REST's 504).
	case code == 503 && api != stage.APIREST && api != stage.APIWebSocket:
		h.cause, h.weight = CauseIntegrationTimeout, wFallbackTimeout
	case is5xx(code) && g.latency > 0 && s.latencyAtTimeout(g.latency, g, api):
		h.cause, h.weight = CauseIntegrationTimeout, wHint
	// an API with an authorizer that failed with the 500 an authorizer's
	// failure answers, and no line naming another step: the authorizer
	// runs first, and its failures leave no integration or function line.
	// Not a WebSocket API's message that failed on an open connection: its
	// authorizer runs on the $connect route alone (the developer guide's
	// "Controlling access to WebSocket APIs with Lambda authorizers"), so a
	// failure after the handshake is never the authorizer's.
	case (code == 500 || code == implied5xx) && s.st.authorizerWord && !s.messageRouteFailed(api):
		h.cause, h.weight = CauseAuthorizerError, wFallbackAuthorizer
	}
	return h
}

// toStatus maps an HTTP status to the statuses a diagnosis can carry; -1,
// and 0 (no code), are unknown: none is a code below 500 that a line
// showed, never what no code defaults to.
func toStatus(code int) Status {
	switch code {
	case -1, 0:
		return StatusUnknown
	case 502:
		return Status502
	case 503:
		return Status503
	case 504:
		return Status504
	case implied5xx:
		return Status500
	}
	if code >= 500 && code <= 599 {
		return Status500
	}
	return StatusNone
}

// usualShown is the named cause's usual status when the evidence showed it
// beside another 5xx: a report of several tiers (a CDN or a proxy in front
// of the API, an API calling another) shows each tier's code, and the one
// the cause answers with is the API's. (A request whose own status line,
// Method completed or access record gave its code keeps it.)
func (s *Session) usualShown(c Cause, api stage.APIType) int {
	if c == CauseUnknown || bits.OnesCount8(s.st.shownCodes) < 2 {
		return 0
	}
	st := c.Status(api)
	if !st.Is5xx() {
		st = c.Status(stage.APIREST)
	}
	if u := int(st); u >= 500 && u <= 504 && s.st.shownCodes&(1<<(u-500)) != 0 {
		return u
	}
	return 0
}

// answerTiedToFailure reports whether the 2xx a request's lines show is
// the answer to the failure they show: a request's own log (its id), the
// function's error object as the body a client got, a person saying so,
// or one block holding both (a curl command's output, the console test's
// result). Lines without ids are of several requests, and a success shown
// in another block (a health check, another route, another service) says
// nothing of what the failing one got.
func (g *group) answerTiedToFailure() bool {
	return g.id != "" || g.errorBody || g.toldStatus || g.sameBlock
}
