package classifier

import "time"

// outcome is the decision for one request.
type outcome struct {
	cause  Cause
	status Status
}

// Weights of the structural fallbacks: what the taxonomy makes likely when
// no line names the cause. They lose against any named cause.
const (
	wFallbackMalformed = 30
	wFallbackTimeout   = 20
)

// decide returns the cause and status of one request. The status comes
// from the evidence when a line shows it, otherwise from the cause and the
// API type; a request whose evidence shows a status below 500 is not_5xx.
func (s *Session) decide(g *group, api APIType) outcome {
	h := s.withContext(g.best, g)
	h = s.fallback(h, g, api)
	code := g.status
	if code == 0 {
		code = s.impliedCode(h, api)
	}
	switch {
	case code == 0:
		return outcome{CauseUnknown, StatusNone}
	case code < 500:
		return outcome{CauseNot5xx, StatusNone}
	}
	cause := CauseUnknown
	if h.weight > 0 {
		cause = s.adjust(h.cause, api)
	}
	// A function still running when the gateway gave up: the client got
	// the gateway's timeout (REST 504, HTTP API 503), so the integration
	// timeout is what failed the request, not the function's own timeout.
	if cause == CauseLambdaFunctionTimeout && (code == 504 || (code == 503 && api != APIREST)) {
		cause = CauseIntegrationTimeout
	}
	return outcome{cause, toStatus(code)}
}

// impliedCode is the status when no line shows it outright.
func (s *Session) impliedCode(h hit, api APIType) int {
	if h.implied >= 500 || (h.implied > 0 && h.implied < 500 && h.weight < wHint) {
		return h.implied
	}
	if h.weight > 0 {
		st := h.cause.Status(api)
		if st == StatusNone {
			st = h.cause.Status(APIREST)
		}
		return int(st)
	}
	if h.implied == implied5xx {
		return 500
	}
	return 0
}

// fallback names the likely cause of a failed request no line explains:
// REST 502 after "Execution failed due to configuration error" is a
// malformed Lambda proxy response (the other configuration errors are
// 500s); a REST 504, an HTTP API 503 or a latency at the integration
// timeout is the integration timeout.
func (s *Session) fallback(h hit, g *group, api APIType) hit {
	if h.weight > 0 {
		return h
	}
	code := g.status
	if code == 0 {
		code = h.implied
	}
	switch {
	case code == 502 && g.configErr:
		h.cause, h.weight = CauseLambdaMalformedProxyResponse, wFallbackMalformed
	case code == 504 && api != APIHTTP:
		h.cause, h.weight = CauseIntegrationTimeout, wFallbackTimeout
	// HTTP APIs answer their integration timeout with 503 {"message":"Service
	// Unavailable"}; a REST API's own 503s come from the backend, which the
	// execution log shows.
	case code == 503 && api != APIREST:
		h.cause, h.weight = CauseIntegrationTimeout, wFallbackTimeout
	case is5xx(code) && g.latency >= s.integrationTimeout(api)-time.Second:
		h.cause, h.weight = CauseIntegrationTimeout, wHint
	}
	return h
}

// toStatus maps an HTTP status to the statuses a diagnosis can carry.
func toStatus(code int) Status {
	switch code {
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
