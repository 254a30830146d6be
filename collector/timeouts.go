package collector

import (
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Each integration has its own timeout (REST timeoutInMillis, apigatewayv2
// TimeoutInMillis), read by the discovery calls that list integrations
// anyway: GetResources with embedded methods or GetIntegration (REST),
// GetIntegrations (HTTP and WebSocket APIs). Most APIs give all of them
// one timeout, which is then the stage's; when they differ, the classifier
// learns each method's or route's by the name its access log gives it, so a
// request's record ties it to its own (classifier.Hints.RouteTimeouts).

// timeoutsDiffer reports whether the integrations' timeouts are not all the
// same (an unset one is the API type's default).
func timeoutsDiffer(integ []IntegrationInfo, t stage.APIType) bool {
	var first time.Duration
	for _, in := range integ {
		if in.Type == "" {
			continue // a method without an integration
		}
		to := orDefaultTimeout(in.Timeout, t)
		if first == 0 {
			first = to
		} else if to != first {
			return true
		}
	}
	return false
}

// routeTimeouts are the timeouts of an API's methods (REST: each
// integration's route) or routes (HTTP and WebSocket: by the integration
// their target names) when the integrations' timeouts differ; nil when
// they agree. Every route is read (maxRoutes bounds only the detailed
// metrics' queries), so none of its requests meets an unknown timeout. The
// map is shared by the API's stages and never changed.
func routeTimeouts(integ []IntegrationInfo, routes []Route, t stage.APIType) map[string]time.Duration {
	if !timeoutsDiffer(integ, t) {
		return nil
	}
	out := map[string]time.Duration{}
	byID := map[string]time.Duration{}
	for _, in := range integ {
		to := orDefaultTimeout(in.Timeout, t)
		if in.route != "" && in.Type != "" {
			out[in.route] = to
		}
		if in.ID != "" {
			byID[in.ID] = to
		}
	}
	for _, r := range routes {
		id, ok := strings.CutPrefix(r.target, "integrations/")
		if to, known := byID[id]; ok && known {
			out[r.Key] = to
		}
	}
	return out
}
