package scenario

import (
	"time"
)

// Scenario describes an emulated AWS estate and what happens to it: the
// accounts, regions, APIs, stages, integrations and functions that exist,
// the traffic every stage receives and the failure episodes that hit it.
// README.md documents the YAML form field by field.
type Scenario struct {
	// Name identifies the scenario in logs and errors.
	Name string `yaml:"name"`
	// Seed makes every generated request, latency and log line reproducible.
	Seed uint64 `yaml:"seed"`
	// History is how long before time zero traffic starts, so that the
	// first polls already see data. Default 1h.
	History Duration `yaml:"history"`
	// Faults are the wire-level failures the emulator injects.
	Faults Faults `yaml:"faults"`
	// Accounts lists the emulated accounts; the first is the default one.
	Accounts []Account `yaml:"accounts"`
}

// Faults configures throttling and slow Logs Insights queries.
type Faults struct {
	// ThrottleShare is the share of API calls (0..1) answered with a
	// throttling error.
	ThrottleShare float64 `yaml:"throttle_share"`
	// InsightsDelay is how long, in emulated time, a Logs Insights query
	// runs before it completes.
	InsightsDelay Duration `yaml:"insights_delay"`
	// MaxConcurrentQueries caps running Insights queries; 0 means AWS's 100.
	MaxConcurrentQueries int `yaml:"max_concurrent_queries"`
	// LogsOutages are spans in which every CloudWatch Logs call fails with
	// ServiceUnavailableException, as in a regional outage.
	LogsOutages []Outage `yaml:"logs_outages"`
	// LambdaOutages are spans in which every Lambda call fails with
	// ServiceException.
	LambdaOutages []Outage `yaml:"lambda_outages"`
}

// Outage is a span of the scenario's time: from Start after time zero,
// for Duration.
type Outage struct {
	Start    Duration `yaml:"start"`
	Duration Duration `yaml:"duration"`
}

// Account is one AWS account.
type Account struct {
	ID      string   `yaml:"id"`
	Regions []Region `yaml:"regions"`
}

// Region holds the resources of one account in one region.
type Region struct {
	Name      string     `yaml:"name"`
	Functions []Function `yaml:"functions"`
	RestAPIs  []API      `yaml:"rest_apis"`
	HTTPAPIs  []API      `yaml:"http_apis"`
	// WebSocketAPIs are apigatewayv2 APIs of protocol WEBSOCKET: routes
	// are route keys ($connect, $disconnect, $default or a custom key).
	WebSocketAPIs []API `yaml:"websocket_apis"`
}

// Function is a Lambda function that integrations can invoke.
type Function struct {
	Name     string   `yaml:"name"`
	Runtime  string   `yaml:"runtime"`   // default python3.12
	Handler  string   `yaml:"handler"`   // default per runtime
	Timeout  Duration `yaml:"timeout"`   // default 3s, as Lambda's
	MemoryMB int      `yaml:"memory_mb"` // default 128
	// LogFormat is "2024" (REPORT lines carry Status:, the default) or
	// "legacy" (no Status:, the pre-2024 text lines).
	LogFormat string `yaml:"log_format"`
	// LogGroup is the function's log group (Lambda's
	// LoggingConfig.LogGroup); default /aws/lambda/NAME. Each function
	// writes to its own (the emulator keeps one writer per group).
	LogGroup string `yaml:"log_group"`
}

// API is a REST (v1), HTTP (v2) or WebSocket (v2) API; which one depends
// on the list it is in.
type API struct {
	// ID is the API id; empty means derived from the seed and the name.
	ID           string            `yaml:"id"`
	Name         string            `yaml:"name"`
	EndpointType string            `yaml:"endpoint_type"` // REST: REGIONAL (default), EDGE or PRIVATE
	Tags         map[string]string `yaml:"tags"`
	Routes       []Route           `yaml:"routes"`
	Stages       []Stage           `yaml:"stages"`
}

// Route is a REST resource method, an HTTP API route or a WebSocket API
// route, and its integration.
type Route struct {
	Method string `yaml:"method"` // GET, POST, ANY...; ignored for path $default and WebSocket routes
	// Path is "/orders/{id}", "$default" (HTTP and WebSocket APIs) or a
	// WebSocket route key ("$connect", "$disconnect", "sendmessage").
	Path string `yaml:"path"`
	// Integration is where the route sends requests.
	Integration Integration `yaml:"integration"`
	// Authorizer names the Lambda function of the route's authorizer: a
	// TOKEN authorizer on a REST method, a REQUEST authorizer on an HTTP
	// API route (payload format 2.0) or on a WebSocket API's $connect (the
	// only route AWS lets one authorize).
	Authorizer string `yaml:"authorizer"`
	// AuthorizerResponse is how an HTTP API's Lambda authorizer answers:
	// "simple" (default; enableSimpleResponses, {"isAuthorized": ...}) or
	// "iam" (an IAM policy). Routes of one API that name the same function
	// share its authorizer, and so its response mode.
	AuthorizerResponse string `yaml:"authorizer_response"`
}

// HTTP API Lambda authorizers' response modes (Route.AuthorizerResponse).
const (
	AuthorizerSimple = "simple"
	AuthorizerIAM    = "iam"
)

// Integration kinds a route can have.
const (
	IntegrationLambdaProxy  = "lambda_proxy"  // AWS_PROXY to Lambda
	IntegrationLambdaCustom = "lambda_custom" // AWS to Lambda with mapping templates (REST only)
	IntegrationHTTPProxy    = "http_proxy"    // HTTP_PROXY over the internet
	IntegrationVPCLink      = "vpc_link"      // HTTP_PROXY through a VPC link
	IntegrationAWSService   = "aws_service"   // AWS service action, e.g. DynamoDB
)

// Integration says how a route reaches its backend.
type Integration struct {
	Type string `yaml:"type"`
	// Function names the Lambda function, or holds "${stageVariables.x}".
	Function string `yaml:"function"`
	// URI is the backend URL for HTTP and VPC link integrations, or the
	// AWS service URI; Lambda integrations derive it from Function.
	URI string `yaml:"uri"`
	// HTTPMethod is the integration's method; Lambda needs POST (default).
	HTTPMethod string `yaml:"http_method"`
	// Timeout is the integration timeout: 29s REST default, 30s HTTP.
	Timeout Duration `yaml:"timeout"`
	// PayloadFormat is the HTTP API Lambda payload version, "2.0" default.
	PayloadFormat string `yaml:"payload_format"`
}

// Stage is a deployed stage of an API, with its traffic and episodes.
type Stage struct {
	Name string `yaml:"name"`
	// LoggingLevel is the REST and WebSocket execution logging level: OFF,
	// ERROR or INFO.
	LoggingLevel string `yaml:"logging_level"`
	DataTrace    bool   `yaml:"data_trace"`
	// ErrorStatusLine also writes "Method completed with status: 5xx" at
	// ERROR level, where AWS's behaviour is not documented.
	ErrorStatusLine bool              `yaml:"error_status_line"`
	DetailedMetrics bool              `yaml:"detailed_metrics"`
	AccessLog       *AccessLog        `yaml:"access_log"`
	Variables       map[string]string `yaml:"variables"`
	Tags            map[string]string `yaml:"tags"`
	Traffic         Traffic           `yaml:"traffic"`
	Episodes        []Episode         `yaml:"episodes"`
}

// AccessLog configures a stage's access logging.
type AccessLog struct {
	// Format is "json", "clf" or a template of $context variables.
	Format string `yaml:"format"`
	// Group is the destination log group; empty derives one.
	Group string `yaml:"group"`
}

// Traffic shapes.
const (
	ShapeFlat   = "flat"   // the same rate all day
	ShapeDaily  = "daily"  // a sine over the UTC day, peak 14:00, trough 02:00 at 20 %
	ShapeOffice = "office" // daily, and no traffic at all from 22:00 to 06:00 UTC
)

// Traffic is the request rate a stage receives.
type Traffic struct {
	RPM   float64 `yaml:"rpm"`
	Shape string  `yaml:"shape"` // flat (default), daily or office
	// Noise is the relative standard deviation of the per-minute rate.
	Noise float64 `yaml:"noise"`
	// ClientErrors is the share of requests that end in a 4xx.
	ClientErrors float64 `yaml:"client_errors"`
	// Latency is the backend's median latency; default 80ms.
	Latency Duration `yaml:"latency"`
	// QuietUntil, relative to time zero, is when the stage's traffic
	// begins: a dev stage that nobody called for hours (default 0: traffic
	// from the start of History).
	QuietUntil Duration `yaml:"quiet_until"`
}

// Episode is a failure: from Start (relative to time zero) for Duration,
// Share of the stage's requests fail with Cause; of one route's requests
// only, when Route names it.
type Episode struct {
	Cause    string   `yaml:"cause"` // a cause id from docs/taxonomy.md
	Start    Duration `yaml:"start"`
	Duration Duration `yaml:"duration"`
	Share    float64  `yaml:"share"`
	// Route is a route key of the API ("GET /items/{id}", "$default");
	// empty fails every route.
	Route string `yaml:"route"`
}

// Duration is a time.Duration written as "90s", "15m" or "1h30m".
type Duration struct{ time.Duration }

// D is a shorthand for building scenarios in Go.
func D(d time.Duration) Duration { return Duration{d} }
