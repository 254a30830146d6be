package classifier

import (
	"bytes"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// The integration timeout is how long the gateway waits for its
// integration before it answers with its own timeout (REST 504, HTTP API
// 503). It is configurable: 50 ms to 29 s for a REST API by default, and
// past 29 s for a Regional or private REST API after a quota increase
// (since June 2024); 50 ms to 30 s for an HTTP API; 50 ms to 29 s for a
// WebSocket API. Sources: the API Gateway developer guide's quotas
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
// and apigateway-execution-service-websocket-limits-table.html), the
// apigatewayv2 Integration's timeoutInMillis ("between 50 and 29,000
// milliseconds for WebSocket APIs and between 50 and 30,000 milliseconds
// for HTTP APIs"), and "Amazon API Gateway integration timeout limit
// increase beyond 29 seconds" (What's New, 2024-06-04).
//
// When the configuration is not known (a pasted log), the defaults stand
// in, as fixed thresholds; when it is, the configured value decides: a 45 s
// integration latency under a 60 s timeout is no gateway timeout, a 5 s one
// under a 5 s timeout is.
const (
	defaultRESTIntegrationTimeout = 29 * time.Second
	defaultHTTPIntegrationTimeout = 30 * time.Second
	// fixedGatewayWait: with no configured timeout, a function that ran
	// 31 s or more outlived every default (REST and WebSocket 29 s, HTTP
	// API 30 s)
	fixedGatewayWait = 31 * time.Second
	// fixedAccessTimeout: with no configured timeout, an access record's
	// integration latency from 29 s up is at a default timeout
	fixedAccessTimeout = 29 * time.Second
)

// stageTimeout is the configured timeout a figure of the whole stage (its
// IntegrationLatency maximum, a function's run, a request whose method or
// route is not known) is measured against: the one every integration of
// the stage has, else, when they differ, the longest of its methods' or
// routes' (Hints.RouteTimeouts); 0 when none is known. The longest is the
// one that can be said of the stage as a whole: a latency at it sits at
// the timeout of whichever method or route it was, and nothing shorter
// outlives the gateway's wait on every route. The API type's default
// would be no method's timeout at all.
func stageTimeout(h Hints) time.Duration {
	if h.IntegrationTimeout > 0 {
		return h.IntegrationTimeout
	}
	var longest time.Duration
	for _, to := range h.RouteTimeouts {
		longest = max(longest, to)
	}
	return longest
}

// integrationTimeout is the stage's integration timeout: the configured
// one (stageTimeout), else the API type's default.
func (s *Session) integrationTimeout(api stage.APIType) time.Duration {
	if to := stageTimeout(s.hints); to > 0 {
		return to
	}
	if api == stage.APIHTTP {
		return defaultHTTPIntegrationTimeout
	}
	return defaultRESTIntegrationTimeout
}

// configuredTimeout is the configured timeout request g met (nil: the
// stage as a whole): its route's, when the evidence tied it to one, else
// the stage's (stageTimeout); 0 when not known.
func (s *Session) configuredTimeout(g *group) time.Duration {
	if g != nil && g.timeout > 0 {
		return g.timeout
	}
	return stageTimeout(s.hints)
}

// timeoutSlack is how far from a configured timeout an integration latency
// still counts as reaching it: the gateway's own overhead around the
// timer, a second at most, a twentieth of a short timeout.
func timeoutSlack(to time.Duration) time.Duration {
	return min(time.Second, to/20)
}

// latencyAtTimeout reports whether an integration latency sits at the
// timeout request g met (nil: the stage's). Without a configured timeout
// it is the API type's default less a second, as before timeouts could be
// configured.
func (s *Session) latencyAtTimeout(lat time.Duration, g *group, api stage.APIType) bool {
	if to := s.configuredTimeout(g); to > 0 {
		return lat >= to-timeoutSlack(to)
	}
	return lat >= s.integrationTimeout(api)-time.Second
}

// gatewayWait is the run a function must outlast for the gateway to have
// given up on it first: past the configured timeout (wait) by its slack,
// or, when none is known, past every default.
func gatewayWait(wait time.Duration) time.Duration {
	if wait > 0 {
		return wait + timeoutSlack(wait)
	}
	return fixedGatewayWait
}

// routeTimeout is the configured timeout of the method or route an access
// record names (Hints.RouteTimeouts), 0 when it names none or none is
// known. Only a failed request's record is looked up.
func (s *Session) routeTimeout(rec *accessRecord) time.Duration {
	if len(s.hints.RouteTimeouts) == 0 {
		return 0
	}
	if k := rec.get(fRouteKey); k != "" {
		return s.hints.RouteTimeouts[k]
	}
	m, p := rec.get(fHTTPMethod), rec.get(fResourcePath)
	if m == "" || p == "" {
		return 0
	}
	if to, ok := s.hints.RouteTimeouts[m+" "+p]; ok {
		return to
	}
	// a REST ANY method serves every verb; $context.httpMethod is the
	// request's verb
	return s.hints.RouteTimeouts["ANY "+p]
}

// accessAtTimeout reports whether an access record's integration latency
// (ms) sits at the timeout its request met, to (0: not known).
func accessAtTimeout(latMS int, to time.Duration) bool {
	lat := time.Duration(latMS) * time.Millisecond
	if to > 0 {
		return lat >= to-timeoutSlack(to)
	}
	return lat >= fixedAccessTimeout
}

// outlivedWait reports whether the lower-cased line's "task timed out
// after N.NN seconds" names a run past the gateway's wait for a configured
// integration timeout of wait (rule.outlived).
func outlivedWait(low []byte, wait time.Duration) bool {
	const lit = "task timed out after "
	i := bytes.Index(low, []byte(lit))
	if i < 0 {
		return false
	}
	rest := low[i+len(lit):]
	sec, n, ok := leadingFloat(rest)
	if !ok || !bytes.HasPrefix(rest[n:], []byte(" second")) {
		return false
	}
	return time.Duration(sec*float64(time.Second)) >= gatewayWait(wait)
}

// timeoutMet is the configured timeout the failed requests met, for the
// advice: the stage's, else the one every request tied to a route met; 0
// when not known or when they differ.
func (s *Session) timeoutMet() time.Duration {
	if s.hints.IntegrationTimeout > 0 {
		return s.hints.IntegrationTimeout
	}
	return max(s.st.routeTimeout, 0)
}

// noteRouteTimeout remembers the configured timeout a failed request's
// route has (timeoutMet): the first one, or -1 once two differ.
func (s *Session) noteRouteTimeout(to time.Duration) {
	switch {
	case to <= 0 || s.st.routeTimeout == to:
	case s.st.routeTimeout == 0:
		s.st.routeTimeout = to
	default:
		s.st.routeTimeout = -1
	}
}
