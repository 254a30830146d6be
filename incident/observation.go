package incident

import (
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// Observation is what the daemon knows about one stage after one poll.
type Observation struct {
	// StageKey identifies the stage across polls and restarts, e.g.
	// "account/region/apiid/stage"; the daemon chooses it and keeps it stable.
	StageKey string
	Account  string
	Region   string
	APIType  classifier.APIType
	APIName  string
	APIID    string
	Stage    string
	// IntegrationID names the HTTP API's only integration, "" otherwise.
	IntegrationID string

	WindowStart time.Time
	WindowEnd   time.Time
	Requests    float64
	Errors5xx   float64
	ErrorRate   float64 // 0..1
	LatencyP99  time.Duration
	// LikelyTimeout is set when latency sits near the integration timeout.
	LikelyTimeout bool
	// MaskedErrors are the latest period's function errors that clients
	// got as 200 OK (custom Lambda integrations).
	MaskedErrors float64

	// Tripped is set while the thresholds say the stage is failing; Clear
	// once the clear condition (K clean periods) holds. Both false means
	// in between: an open incident stays open without a reminder.
	Tripped bool
	Clear   bool

	// Diagnosis is the classifier's answer when the daemon has one for this
	// poll (it classifies on a trip); nil keeps the incident's diagnosis.
	Diagnosis *classifier.Diagnosis

	// Routes are the methods or routes that answered 5xx, worst first, when
	// the daemon pulled evidence of a stage with detailed metrics; empty
	// keeps the open incident's last breakdown.
	Routes []notifier.RouteFigures
	// LogGroups are the log groups the evidence was read from; empty keeps
	// the incident's last ones.
	LogGroups []string
}
