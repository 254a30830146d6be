// Package world is the boundary between the emulator's two halves: the
// scenario engine, which decides what exists and what every request did, and
// the wire layer, which answers the AWS APIs in their exact protocols. The
// wire layer reads only through Backend; the scenario engine implements it.
package world

import (
	"time"
)

// Backend is everything the wire layer can ask of an emulated AWS. Every
// method is safe for concurrent use. Account and region come from the
// request's credentials and SigV4 scope.
type Backend interface {
	// Now is the emulated time; data after it does not exist yet.
	Now() time.Time
	// Accounts lists the emulated account ids; the first one is the account
	// of the default (non-assumed) credentials.
	Accounts() []string
	// Regions lists the regions that hold resources in the account.
	Regions(account string) []string

	RestAPIs(account, region string) []RestAPI
	HTTPAPIs(account, region string) []HTTPAPI
	Functions(account, region string) []Function

	// Metrics lists the metrics that have data (for ListMetrics).
	Metrics(account, region string) []MetricID
	// Datapoints returns the aggregates of one metric per period in
	// [start, end), oldest first, as CloudWatch would answer at Now():
	// periods without samples are absent, recent periods may be incomplete.
	Datapoints(account, region string, m MetricID, start, end time.Time, period time.Duration) []Datapoint

	// LogGroups lists the log groups of the account and region.
	LogGroups(account, region string) []LogGroup
	// LogEvents calls fn for each event of the group in [start, end), in
	// ascending time order, until fn returns false. Only events ingested by
	// Now() are visible.
	LogEvents(account, region, group string, start, end time.Time, fn func(Event) bool)

	// Faults are the wire-level failures the scenario asks for.
	Faults() Faults
}

// Faults configures failures the wire layer injects.
type Faults struct {
	// ThrottleShare is the share of calls (0..1) answered with the
	// service's throttling error instead of a result.
	ThrottleShare float64
	// InsightsDelay is how long, in emulated time, a Logs Insights query
	// stays Scheduled/Running before it completes.
	InsightsDelay time.Duration
	// MaxConcurrentQueries caps running Insights queries per account and
	// region (AWS: 100); 0 means the AWS default.
	MaxConcurrentQueries int
	// LogsOutages are spans of emulated time [Start, End) in which every
	// CloudWatch Logs call is answered ServiceUnavailableException.
	LogsOutages []Span
	// LambdaOutages are spans of emulated time [Start, End) in which every
	// Lambda call is answered ServiceException.
	LambdaOutages []Span
}

// Span is a span of emulated time, [Start, End).
type Span struct{ Start, End time.Time }

// LogsDown reports whether CloudWatch Logs is out at t.
func (f Faults) LogsDown(t time.Time) bool { return within(f.LogsOutages, t) }

// LambdaDown reports whether Lambda is out at t.
func (f Faults) LambdaDown(t time.Time) bool { return within(f.LambdaOutages, t) }

func within(spans []Span, t time.Time) bool {
	for _, o := range spans {
		if !t.Before(o.Start) && t.Before(o.End) {
			return true
		}
	}
	return false
}

// RestAPI is an API Gateway REST API (v1).
type RestAPI struct {
	ID           string
	Name         string
	Description  string
	Created      time.Time
	EndpointType string // REGIONAL, EDGE or PRIVATE
	Tags         map[string]string
	Stages       []RestStage
	Resources    []Resource
	Authorizers  []Authorizer
}

// RestStage is a stage of a REST API.
type RestStage struct {
	Name            string
	DeploymentID    string
	Created         time.Time
	Updated         time.Time
	Variables       map[string]string
	LoggingLevel    string // OFF, ERROR or INFO (methodSettings "*/*")
	DataTrace       bool
	DetailedMetrics bool // methodSettings "*/*".metricsEnabled
	AccessLogARN    string
	AccessLogFormat string
	Tags            map[string]string
}

// Resource is a REST API resource with its methods.
type Resource struct {
	ID       string
	ParentID string
	Path     string
	PathPart string
	Methods  []Method
}

// Method is a method of a REST resource and its integration.
type Method struct {
	HTTPMethod        string
	AuthorizationType string // NONE (default) or CUSTOM (a Lambda authorizer)
	AuthorizerID      string // the CUSTOM method's authorizer
	Integration       *Integration
}

// Integration is a REST or HTTP API integration.
type Integration struct {
	ID                   string // HTTP APIs only
	Type                 string // AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK
	HTTPMethod           string
	URI                  string
	ConnectionType       string // INTERNET or VPC_LINK
	ConnectionID         string
	TimeoutMillis        int
	Credentials          string
	PayloadFormatVersion string // HTTP APIs: "1.0" or "2.0"
}

// HTTPAPI is an API Gateway v2 API: an HTTP API, or a WebSocket API when
// ProtocolType is WEBSOCKET.
type HTTPAPI struct {
	ID           string
	Name         string
	ProtocolType string // HTTP or WEBSOCKET
	Endpoint     string
	Created      time.Time
	Tags         map[string]string
	Stages       []HTTPStage
	Integrations []Integration
	Routes       []Route
	Authorizers  []Authorizer
}

// Authorizer is a Lambda authorizer: a REST API's TOKEN or REQUEST
// authorizer, or an HTTP or WebSocket API's REQUEST authorizer.
type Authorizer struct {
	ID             string
	Name           string
	Type           string // TOKEN or REQUEST; "" is REQUEST
	URI            string // arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations
	IdentitySource []string
	// PayloadFormatVersion is an HTTP API authorizer's event format
	// ("1.0" or "2.0"), "" for REST and WebSocket authorizers, which have
	// none; SimpleResponses says a 2.0 authorizer answers
	// {"isAuthorized": ...} rather than an IAM policy.
	PayloadFormatVersion string
	SimpleResponses      bool
}

// Route is an HTTP or WebSocket API route.
type Route struct {
	ID                string
	RouteKey          string // e.g. "GET /orders", "$default", "$connect"
	Target            string // "integrations/<id>"
	AuthorizationType string // NONE (default) or CUSTOM
	AuthorizerID      string
}

// HTTPStage is a stage of an HTTP API.
type HTTPStage struct {
	Name            string // often "$default"
	AutoDeploy      bool
	DeploymentID    string
	Created         time.Time
	Updated         time.Time
	Variables       map[string]string
	DetailedMetrics bool
	// LoggingLevel and DataTrace are WebSocket execution logging
	// (defaultRouteSettings); HTTP APIs have none.
	LoggingLevel    string
	DataTrace       bool
	AccessLogARN    string
	AccessLogFormat string
	Tags            map[string]string
}

// Function is a Lambda function.
type Function struct {
	Name         string
	ARN          string
	Runtime      string
	Handler      string
	TimeoutSec   int
	MemoryMB     int
	LogGroup     string
	LastModified time.Time
}

// Dim is a metric dimension.
type Dim struct {
	Name  string
	Value string
}

// MetricID names one CloudWatch metric; Dims are sorted by name.
type MetricID struct {
	Namespace string
	Name      string
	Dims      []Dim
}

// Datapoint is one period's aggregate of a metric.
type Datapoint struct {
	Time time.Time
	Agg  Aggregate
}

// LogGroup is a CloudWatch Logs log group.
type LogGroup struct {
	Name          string
	Created       time.Time
	RetentionDays int
	StoredBytes   int64
}

// Event is one log event.
type Event struct {
	Time     time.Time
	Ingested time.Time
	Stream   string
	Message  string
	EventID  string
}
