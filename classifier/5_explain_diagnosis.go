package classifier

import (
	"reflect"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Diagnosis is the incident-level answer: why API Gateway answered 5xx.
// Its JSON form is the one docs/classify.md gives for `classify --format json`.
type Diagnosis struct {
	Status      Status         `json:"status"`
	Cause       Cause          `json:"cause"`
	Confidence  float64        `json:"confidence"`
	APIType     stage.APIType  `json:"api_type"`
	Breakdown   []BreakdownRow `json:"breakdown"`
	RequestIDs  []string       `json:"request_ids"`
	Evidence    []string       `json:"evidence"`
	Remediation Advice         `json:"remediation"`
	Backoff     BackoffHint    `json:"backoff"`
	// Why is one sentence for people: what in the evidence decided the cause.
	Why string `json:"why,omitempty"`
	// Missing names the evidence that would have been needed to decide
	// (set when the cause is unknown or the confidence is low).
	Missing []string `json:"missing,omitempty"`
	// Suspects are, when the cause is unknown and the status a 5xx, the
	// causes public reports of that status on that API type most often
	// had, with their shares: where to start, not an answer.
	Suspects []Suspect `json:"suspects,omitempty"`
	// RetryAfter is a Retry-After seen in the evidence; zero when none.
	RetryAfter time.Duration `json:"-"`
	// Requests counts the request groups seen, and Failed those that ended in 5xx.
	Requests int `json:"requests_seen"`
	Failed   int `json:"requests_failed"`
}

// BreakdownRow counts the requests attributed to one cause.
type BreakdownRow struct {
	Cause    Cause  `json:"cause"`
	Status   Status `json:"status"`
	Requests int    `json:"requests"`
}

// Advice is the remediation for a cause in one language.
type Advice struct {
	Lang  Lang     `json:"lang"`
	Title string   `json:"title"`
	Steps []string `json:"steps"`
}

// BackoffHint is the retry advice for API clients. For causes a retry cannot
// fix, Retryable is false, every number is zero and Jitter is "none".
type BackoffHint struct {
	Retryable   bool    `json:"retryable"`
	InitialMS   int64   `json:"initial_ms"`
	MaxMS       int64   `json:"max_ms"`
	Multiplier  float64 `json:"multiplier"`
	MaxAttempts int     `json:"max_attempts"`
	Jitter      string  `json:"jitter"` // "full" or "none"
	// Note is the plain-language advice (e.g. "retrying will not help: fix the configuration").
	Note string `json:"note,omitempty"`
}

// Lang is a language of the remediation catalog.
type Lang string

// The languages our users asked for.
const (
	LangEN   Lang = "en"
	LangJA   Lang = "ja"
	LangZhTW Lang = "zh-TW"
	LangPtBR Lang = "pt-BR"
)

// Langs returns the supported languages.
func Langs() []Lang { return []Lang{LangEN, LangJA, LangZhTW, LangPtBR} }

// Hints is what the collector knows beyond the log lines: the stage's
// metrics over the incident window and its configuration. Every field is
// optional; zero means "not known". It strengthens or decides a diagnosis
// (latency at the integration timeout means 504, Lambda Throttles > 0 means
// throttling, a stage-variable URI turns a permission error into
// stage_variable_permission).
type Hints struct {
	APIType stage.APIType

	// Metrics over the incident window.
	Requests              float64       // SampleCount of 5XXError/5xx
	Errors5xx             float64       // Sum of 5XXError/5xx
	LatencyMax            time.Duration // Maximum (or high percentile) of Latency
	IntegrationLatencyMax time.Duration // Maximum (or high percentile) of IntegrationLatency
	LambdaErrors          float64       // Sum of AWS/Lambda Errors of the integrated function
	LambdaThrottles       float64       // Sum of AWS/Lambda Throttles
	LambdaDurationMax     time.Duration // Maximum of AWS/Lambda Duration

	// Configuration, from discovery.
	IntegrationTimeout    time.Duration // the integration timeout every integration of the stage has; 0 when not known or when they differ
	IntegrationType       string        // AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK
	IntegrationURI        string        // may hold ${stageVariables.x}
	IntegrationHTTPMethod string        // must be POST for Lambda integrations
	ConnectionType        string        // INTERNET or VPC_LINK
	LambdaTimeout         time.Duration // the integrated function's timeout
	LambdaMemoryMB        int
	ExecutionLogging      string // OFF, ERROR or INFO; "" when unknown
	AccessLogFormat       string // the stage's access log format, when known
	// RouteTimeouts are the integration timeouts by method or route, set
	// when the stage's integrations differ: a REST method as its access
	// log names it ("GET /orders/{id}": $context.httpMethod and
	// $context.resourcePath), an HTTP or WebSocket API's route by its key
	// ($context.routeKey: "GET /orders", "$default", "sendmessage").
	RouteTimeouts map[string]time.Duration
	// AuthorizerFunctions are the names of the Lambda functions the
	// stage's routes use as authorizers (and not as integrations): the
	// events of their log groups (/aws/lambda/NAME), and of the streams
	// that name them in a group they share, are the authorizers'.
	AuthorizerFunctions []string
	// LambdaLogGroups are the log groups of the stage's functions that are
	// not /aws/lambda/NAME (a function's LoggingConfig.LogGroup): their
	// events are read as Lambda's, where a group's name alone would make
	// them an access log's. AuthorizerLogGroups are those of them that
	// only Lambda authorizers write to, as AuthorizerFunctions are; in a
	// group an authorizer shares with an integrated function, its events
	// are told by their stream, which names the function.
	LambdaLogGroups     []string
	AuthorizerLogGroups []string
}

// empty reports whether the caller knew nothing beyond the logs.
func (h Hints) empty() bool {
	return reflect.ValueOf(h).IsZero()
}
