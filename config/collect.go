package config

import (
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Target is an API to watch, named explicitly.
type Target struct {
	// API is the API's name or id. REST metrics are keyed by name and HTTP
	// API metrics by id; discovery resolves either.
	API  string        `yaml:"api"`
	Type stage.APIType `yaml:"type"` // REST, HTTP or WEBSOCKET
	// Stages to watch; empty means every stage of the API.
	Stages []string `yaml:"stages"`
	// Account restricts the target to one account id; empty means every account.
	Account string `yaml:"account"`
	// Region restricts the target to one region; empty means every region.
	Region string `yaml:"region"`
}

// Discovery finds the APIs to watch through API Gateway's list calls.
type Discovery struct {
	Enabled bool `yaml:"enabled"`
	// APITypes lists the kinds of API to discover; after loading, never empty.
	APITypes []stage.APIType `yaml:"api_types"`
	// Include keeps only APIs whose name matches one of the patterns (all
	// when empty); Exclude then drops those matching any.
	Include []Regexp `yaml:"include"`
	Exclude []Regexp `yaml:"exclude"`
	// IncludeTags keeps only APIs carrying every one of these tags;
	// ExcludeTags drops APIs carrying any one of them.
	IncludeTags map[string]string `yaml:"include_tags"`
	ExcludeTags map[string]string `yaml:"exclude_tags"`
	// RefreshInterval is how long a discovered list is trusted.
	RefreshInterval time.Duration `yaml:"refresh_interval"`
}

// Collector sets the CloudWatch polling cadence.
type Collector struct {
	// Interval between two polls.
	Interval time.Duration `yaml:"interval"`
	// Delay is how far behind now the newest window ends: CloudWatch data
	// for a minute is complete only about 2 minutes later.
	Delay time.Duration `yaml:"delay"`
	// Period is the metric period, a multiple of 60 s (API Gateway
	// publishes 1-minute metrics).
	Period time.Duration `yaml:"period"`
	// RereadPeriods is how many recent periods each poll reads again,
	// keeping the latest value, because late datapoints revise them.
	RereadPeriods int `yaml:"reread_periods"`
	// Concurrency bounds the regions and accounts polled at once.
	Concurrency int `yaml:"concurrency"`
	// LatencyInterval is how often the latency percentile of a stage with a
	// latency threshold is read while its 5xx screen shows nothing to look
	// at (one billed metric per stage each time).
	LatencyInterval time.Duration `yaml:"latency_interval"`
}

// Logs configures how evidence is pulled when a stage trips.
type Logs struct {
	// InsightsEnabled allows Logs Insights queries (billed per GB scanned).
	// When off, evidence comes from FilterLogEvents spot look-ups only:
	// failure lines by their words, and the access log's 5xx records by a
	// pattern built from its format.
	InsightsEnabled bool `yaml:"insights_enabled"`
	// Lookback is how far before the trip the evidence window starts.
	Lookback time.Duration `yaml:"lookback"`
	// MaxRequestsSampled bounds the failing request ids whose full log
	// lines are fetched per incident.
	MaxRequestsSampled int `yaml:"max_requests_sampled"`
	// ExtraLogGroups are searched in addition to the groups discovery finds.
	ExtraLogGroups []string `yaml:"extra_log_groups"`
	// FilterLogEventsTPS caps FilterLogEvents calls per second per account;
	// AWS allows 5 per account and region, shared with every other tool.
	FilterLogEventsTPS float64 `yaml:"filter_log_events_tps"`
	// QueryTimeout bounds one Logs Insights query.
	QueryTimeout time.Duration `yaml:"query_timeout"`
	// DiagnosisWait is how long a trip waits for its diagnosis before its
	// incident is announced without one (the diagnosis follows as an
	// update); 0 announces at once.
	DiagnosisWait time.Duration `yaml:"diagnosis_wait"`
	// RediagnoseInterval is how long an open incident that still trips
	// waits between two reads of its evidence (each a billed Logs Insights
	// query), and the longest wait before a read that failed in part is
	// tried again. The daemon reads at polls, so it is rounded up to whole
	// collector intervals. Not written, it is RediagnosePolls intervals.
	RediagnoseInterval time.Duration `yaml:"rediagnose_interval"`
}

// RediagnosePolls is how many collector intervals an open incident waits
// between two reads of its evidence when logs.rediagnose_interval is not
// written: 5m at the default 60s interval.
const RediagnosePolls = 5
