package collector

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Stage is one monitored API stage with what discovery learnt about it.
type Stage struct {
	stage.Identity

	LoggingLevel      string // REST and WebSocket execution logging: OFF, ERROR or INFO
	DetailedMetrics   bool
	ExecutionLogGroup string // REST and WebSocket, set when execution logging is on
	AccessLogGroup    string
	AccessLogFormat   string
	Functions         []Function
	// CustomFunctions are the functions behind custom (non-proxy) Lambda
	// integrations (REST): their errors reach clients as 200 OK unless
	// the integration maps them to a status.
	CustomFunctions []string
	// Integration is the dominant integration of the API (the one most
	// methods or routes use).
	Integration IntegrationInfo
	// RouteTargets are a WebSocket API's routes by key, with the
	// integration and function each invokes and its Lambda authorizer: the
	// evidence names the failing route, and its commands then name its
	// integration, function and authorizer. A REST API's methods ("GET
	// /orders/{id}") and an HTTP API's routes are here too when the API
	// has Lambda authorizers, whose functions' logs the evidence reads.
	RouteTargets map[string]RouteTarget
	// Routes are the API's methods or routes whose detailed metrics a
	// tripped stage's evidence reads; set only when DetailedMetrics is on,
	// at most maxRoutes, those with an integration first.
	Routes []Route
	// Resources are a REST API's resources, shared by its stages: the
	// failing method's resource id is looked up here, so the remediation
	// commands can name it.
	Resources []stage.Resource
	// RouteTimeouts are the integration timeouts of the API's methods or
	// routes by the names access logs give them ("GET /orders/{id}",
	// "$default", "sendmessage"), set only when its integrations' timeouts
	// differ: then no one timeout is the stage's (routeTimeouts).
	RouteTimeouts map[string]time.Duration
}

// RouteTarget is the integration a route sends to, and its Lambda
// function ("" for other integrations); and the route's Lambda authorizer
// and its function, if it has one.
type RouteTarget struct {
	IntegrationID      string
	Function           string
	AuthorizerID       string
	AuthorizerFunction string
}

// Function is a Lambda function behind a stage.
type Function struct {
	Name     string
	Timeout  time.Duration
	MemoryMB int
	LogGroup string
}

// IntegrationInfo describes an integration as the classifier needs it.
type IntegrationInfo struct {
	Type           string // AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK
	URI            string
	HTTPMethod     string
	ConnectionType string
	Timeout        time.Duration // 0: the API type's default
	ID             string        // HTTP and WebSocket APIs: the integration's id
	// route is the REST method the integration belongs to, as access logs
	// name it ("GET /orders/{id}"); HTTP and WebSocket routes name their
	// integration instead (Route.target)
	route string
}

// EffectiveTimeout is the integration timeout API Gateway applies to every
// integration of the stage: the configured one, or the default (REST and
// WebSocket 29 s, HTTP APIs 30 s); 0 when the integrations' timeouts
// differ (RouteTimeouts then holds them). Timeouts run from 50 ms, past
// 29 s on Regional and private REST APIs after a quota increase
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
func (s Stage) EffectiveTimeout() time.Duration {
	if s.RouteTimeouts != nil {
		return 0
	}
	return orDefaultTimeout(s.Integration.Timeout, s.APIType)
}

// LongestTimeout is the integration timeout a figure of the whole stage
// (its latency percentile) is measured against: EffectiveTimeout when the
// integrations agree, else the longest of the methods' or routes'
// (RouteTimeouts). A stage latency at the longest sits at the timeout of
// whichever method or route it was; a shorter one, the dominant
// integration's or the API type's default, would take a slow method for a
// timed-out one or miss the timeouts of short ones.
func (s Stage) LongestTimeout() time.Duration {
	if to := s.EffectiveTimeout(); to > 0 {
		return to
	}
	var longest time.Duration
	for _, to := range s.RouteTimeouts {
		longest = max(longest, to)
	}
	return longest
}

// orDefaultTimeout is a configured timeout, or the API type's default when
// none is (the apigatewayv2 Integration's timeoutInMillis: 29 s for
// WebSocket APIs, 30 s for HTTP APIs; REST's is 29 s).
func orDefaultTimeout(to time.Duration, t stage.APIType) time.Duration {
	switch {
	case to > 0:
		return to
	case t == stage.APIHTTP:
		return 30 * time.Second
	}
	return 29 * time.Second
}

// PollResult is what one poll saw.
type PollResult struct {
	At       time.Time
	Stages   []StageResult
	Failures []TargetError
}

// StageResult is the evaluation of one stage. The figures are those of the
// latest period with traffic in the window; the flags look at the last N
// (trip) and ClearAfter (clear) periods.
type StageResult struct {
	Stage Stage
	stage.Figures
	// HasData is false when no period of the window had traffic.
	HasData bool
	// Screened: only the 5xx count was read this poll (nothing in it can
	// breach), so Requests, ErrorRate and Latency are not known.
	Screened bool
	// Tripped: M of the last N periods breach now.
	Tripped bool
	// Clear: the last ClearAfter periods with traffic were all clean.
	Clear bool
	// Masked: M of the last N periods had at least MaskedMin masked
	// errors; Tripped is then set too.
	Masked bool
	// Trip holds the figures of the period that tripped the stage: the
	// newest breaching one of the last N, or the re-read one whose 5xx
	// count proved the breach. The embedded figures are the latest
	// period's, which may be clean when the breach was a few minutes
	// earlier. Zero when the stage did not trip on its metrics.
	Trip stage.Figures
}

// TargetError is a failure of one account and region; the others went on.
type TargetError struct {
	Account, Region string
	Op              string // discovery or metrics
	Err             error
}

// Error implements error.
func (e TargetError) Error() string {
	return fmt.Sprintf("account %s region %s: %s: %v", e.Account, e.Region, e.Op, e.Err)
}

// Unwrap returns the cause.
func (e TargetError) Unwrap() error { return e.Err }
