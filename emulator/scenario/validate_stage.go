package scenario

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// Integration timeouts: 29 s is the REST default (regional and private
// APIs may raise it), 30 s the HTTP API maximum.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
const (
	restTimeoutDefault = 29 * time.Second
	restTimeoutMax     = 5 * time.Minute
	httpTimeoutMax     = 30 * time.Second
)

func (v *validator) route(r *Route, p string, t stage.APIType, fns map[string]bool) {
	http := t == stage.APIHTTP
	v.authorizerResponse(r, p, http)
	if t == stage.APIWebSocket {
		v.wsRoute(r, p, fns)
		return
	}
	if r.Authorizer != "" && !fns[r.Authorizer] {
		v.fail(p+".authorizer", "no function %s in this region", r.Authorizer)
	}
	switch {
	case r.Path == "$default" && http:
		r.Method = ""
	case r.Path == "$default":
		v.fail(p+".path", "$default is an HTTP API route; REST paths start with /")
	case !strings.HasPrefix(r.Path, "/"):
		v.fail(p+".path", "must start with / or be $default")
	}
	if r.Method == "" && r.Path != "$default" {
		r.Method = "GET"
	}
	v.integration(&r.Integration, p+".integration", t, fns)
}

// authorizerResponse checks and defaults an HTTP API authorizer's
// response mode: simple responses or an IAM policy, the two a payload
// format 2.0 authorizer may give; REST and WebSocket authorizers answer
// with a policy only.
func (v *validator) authorizerResponse(r *Route, p string, http bool) {
	switch {
	case !http && r.AuthorizerResponse != "":
		v.fail(p+".authorizer_response", "only HTTP API authorizers have a response mode")
	case r.AuthorizerResponse != "" && r.Authorizer == "":
		v.fail(p+".authorizer_response", "needs an authorizer on the route")
	case !http || r.Authorizer == "":
	case r.AuthorizerResponse == "":
		r.AuthorizerResponse = AuthorizerSimple
	case r.AuthorizerResponse != AuthorizerSimple && r.AuthorizerResponse != AuthorizerIAM:
		v.fail(p+".authorizer_response", "must be simple or iam")
	}
}

// sharedAuthorizers checks that the routes of an API naming the same
// authorizer function agree on its response mode: they share one
// authorizer.
func (v *validator) sharedAuthorizers(a *API, p string) {
	modes := map[string]string{}
	for i, r := range a.Routes {
		if r.Authorizer == "" || r.AuthorizerResponse != AuthorizerSimple && r.AuthorizerResponse != AuthorizerIAM {
			continue
		}
		if m, ok := modes[r.Authorizer]; ok && m != r.AuthorizerResponse {
			v.fail(fmt.Sprintf("%s.routes[%d].authorizer_response", p, i), "%s is %s on an earlier route of this API, which shares its authorizer", r.Authorizer, m)
			continue
		}
		modes[r.Authorizer] = r.AuthorizerResponse
	}
}

// wsRoute checks a WebSocket route: its key, the authorizer only on
// $connect, and an integration WebSocket APIs can have.
func (v *validator) wsRoute(r *Route, p string, fns map[string]bool) {
	r.Method = ""
	switch {
	case r.Path == "":
		v.fail(p+".path", "is required: $connect, $disconnect, $default or a route key")
	case strings.ContainsAny(r.Path, "/ "):
		v.fail(p+".path", "a WebSocket route key holds no / or space")
	}
	if r.Authorizer != "" {
		switch {
		case r.Path != "$connect":
			v.fail(p+".authorizer", "WebSocket APIs authorize on $connect only")
		case !fns[r.Authorizer]:
			v.fail(p+".authorizer", "no function %s in this region", r.Authorizer)
		}
	}
	if r.Integration.Type == IntegrationLambdaCustom {
		v.fail(p+".integration.type", "lambda_custom is not emulated for WebSocket APIs")
	}
	v.integration(&r.Integration, p+".integration", stage.APIWebSocket, fns)
}

func (v *validator) integration(in *Integration, p string, t stage.APIType, fns map[string]bool) {
	http := t == stage.APIHTTP
	lambda := false
	switch in.Type {
	case IntegrationLambdaProxy:
		lambda = true
	case IntegrationLambdaCustom:
		lambda = true
		if http {
			v.fail(p+".type", "lambda_custom integrations exist only in REST APIs")
		}
	case IntegrationHTTPProxy, IntegrationVPCLink, IntegrationAWSService:
		if in.URI == "" {
			in.URI = "https://backend.example.com"
		}
	default:
		v.fail(p+".type", "must be one of lambda_proxy, lambda_custom, http_proxy, vpc_link, aws_service")
	}
	if lambda {
		switch {
		case in.Function == "":
			v.fail(p+".function", "is required for Lambda integrations")
		case stageVarName(in.Function) == "" && !fns[in.Function]:
			v.fail(p+".function", "no function %s in this region", in.Function)
		}
		if in.HTTPMethod == "" {
			in.HTTPMethod = "POST"
		}
	}
	if in.HTTPMethod == "" {
		in.HTTPMethod = "GET"
	}
	if in.PayloadFormat == "" && http && lambda {
		in.PayloadFormat = "2.0"
	}
	v.timeout(in, p, t)
}

// timeout defaults and bounds the integration timeout: REST 29 s by
// default, up to 5 min; HTTP APIs 30 s at most; WebSocket APIs 29 s at most.
func (v *validator) timeout(in *Integration, p string, t stage.APIType) {
	http := t == stage.APIHTTP
	if in.Timeout.Duration == 0 {
		in.Timeout = D(restTimeoutDefault)
		if http {
			in.Timeout = D(httpTimeoutMax)
		}
	}
	limit := restTimeoutMax
	switch t {
	case stage.APIHTTP:
		limit = httpTimeoutMax
	case stage.APIWebSocket:
		limit = restTimeoutDefault
	}
	if in.Timeout.Duration < 50*time.Millisecond || in.Timeout.Duration > limit {
		v.fail(p+".timeout", "must be between 50ms and %s", limit)
	}
}

func (v *validator) stage(s *Stage, p string, a *API, t stage.APIType, fns map[string]bool) {
	http := t == stage.APIHTTP
	if s.Name == "" {
		v.fail(p+".name", "is required")
	}
	if http && s.LoggingLevel != "" {
		v.fail(p+".logging_level", "HTTP APIs have no execution logs")
	}
	if !http {
		switch s.LoggingLevel {
		case "":
			s.LoggingLevel = "OFF"
		case "OFF", "ERROR", "INFO":
		default:
			v.fail(p+".logging_level", "must be OFF, ERROR or INFO")
		}
	}
	if s.AccessLog != nil && s.AccessLog.Format == "" {
		s.AccessLog.Format = "json"
	}
	if s.AccessLog != nil && s.AccessLog.Format != "json" && s.AccessLog.Format != "clf" &&
		!strings.Contains(s.AccessLog.Format, "$context.requestId") {
		v.fail(p+".access_log.format", "must be json, clf or a template that contains $context.requestId")
	}
	v.stageVariables(s, p, a, fns)
	v.traffic(&s.Traffic, p+".traffic")
	for i := range s.Episodes {
		v.episode(&s.Episodes[i], fmt.Sprintf("%s.episodes[%d]", p, i), a, t)
	}
}

// stageVariables checks that every ${stageVariables.x} function reference
// of the API resolves, on this stage, to a function that exists.
func (v *validator) stageVariables(s *Stage, p string, a *API, fns map[string]bool) {
	for _, r := range a.Routes {
		name := stageVarName(r.Integration.Function)
		if name == "" {
			continue
		}
		fn, ok := s.Variables[name]
		if !ok {
			v.fail(p+".variables", "stage variable %s is used by an integration but not defined", name)
			continue
		}
		if !fns[fn] {
			v.fail(p+".variables."+name, "no function %s in this region", fn)
		}
	}
}

func (v *validator) traffic(t *Traffic, p string) {
	if t.RPM < 0 {
		v.fail(p+".rpm", "must not be negative")
	}
	if t.QuietUntil.Duration < 0 {
		v.fail(p+".quiet_until", "must not be negative")
	}
	switch t.Shape {
	case "":
		t.Shape = ShapeFlat
	case ShapeFlat, ShapeDaily, ShapeOffice:
	default:
		v.fail(p+".shape", "must be flat, daily or office")
	}
	if t.Noise < 0 || t.Noise > 1 {
		v.fail(p+".noise", "must be between 0 and 1")
	}
	if t.ClientErrors < 0 || t.ClientErrors > 1 {
		v.fail(p+".client_errors", "must be between 0 and 1")
	}
	if t.Latency.Duration == 0 {
		t.Latency = D(80 * time.Millisecond)
	}
	if t.Latency.Duration < time.Millisecond {
		v.fail(p+".latency", "must be at least 1ms")
	}
}

func (v *validator) episode(e *Episode, p string, a *API, t stage.APIType) {
	c, err := classifier.ParseCause(e.Cause)
	eff, ok := effects[c]
	switch {
	case err != nil:
		v.fail(p+".cause", "unknown cause %q (see docs/taxonomy.md)", e.Cause)
	case !ok:
		v.fail(p+".cause", "cause %s is not emulated", e.Cause)
	case !c.AppliesTo(t):
		v.fail(p+".cause", "cause %s does not occur on %s APIs", e.Cause, t)
	case e.Route != "" && !slices.ContainsFunc(a.Routes, func(r Route) bool { return routeKey(r) == e.Route }):
		v.fail(p+".route", "no route %q on this API (write it as %q)", e.Route, routeKey(a.Routes[0]))
	default:
		for _, r := range a.Routes {
			if e.Route != "" && routeKey(r) != e.Route {
				continue
			}
			if !eff.fits(r) {
				v.fail(p+".cause", "cause %s needs %s on every route, route %s has %s",
					e.Cause, eff.needs, routeKey(r), r.Integration.Type)
				break
			}
		}
	}
	if e.Duration.Duration <= 0 {
		v.fail(p+".duration", "must be positive")
	}
	if e.Share <= 0 || e.Share > 1 {
		v.fail(p+".share", "must be above 0 and at most 1")
	}
}

// routeKey is "GET /orders" or "$default", as HTTP APIs name routes, or a
// WebSocket API's route key ("$connect", "sendmessage"), which has no method.
func routeKey(r Route) string {
	if r.Path == "$default" || r.Method == "" {
		return r.Path
	}
	return r.Method + " " + r.Path
}
