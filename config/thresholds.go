package config

import (
	"time"
)

// Thresholds decide when a stage trips and when it is clear again.
type Thresholds struct {
	// ErrorRate trips a period when 5xx/requests reaches it, in (0, 1].
	ErrorRate float64 `yaml:"error_rate"`
	// Min5xxCount is the fewest 5xx responses in a period that can trip it,
	// so that 1 failure out of 3 requests at night does not page anyone.
	Min5xxCount int `yaml:"min_5xx_count"`
	// LatencyPercentile is the CloudWatch extended statistic read for
	// latency, such as "p99".
	LatencyPercentile string `yaml:"latency_percentile"`
	// Latency trips a period when the percentile reaches it; 0 turns the
	// latency check off (a latency near the integration timeout is flagged
	// as a likely 504 regardless).
	Latency time.Duration `yaml:"latency"`
	// MOfN trips the stage when M of the last N periods tripped, as
	// CloudWatch alarms' DatapointsToAlarm and EvaluationPeriods do.
	MOfN MOfN `yaml:"m_of_n"`
	// ClearAfter is how many consecutive clean periods resolve an incident.
	ClearAfter int `yaml:"clear_after"`
	// Masked200MinErrors trips a period of a REST stage with custom
	// (non-proxy) Lambda integrations when at least this many of its
	// functions' errors went out as 2xx (lambda_error_masked_as_200); 0
	// turns the check off.
	Masked200MinErrors int `yaml:"masked_200_min_errors"`
}

// MOfN is an "M out of N periods" rule; the M need not be consecutive.
type MOfN struct {
	M int `yaml:"m"`
	N int `yaml:"n"`
}

// ThresholdConfig is the defaults and the per-API/stage overrides.
type ThresholdConfig struct {
	Thresholds `yaml:",inline"`
	// Overrides are tried in order; the first whose Match matches applies,
	// and the fields it leaves out keep the defaults.
	Overrides []ThresholdOverride `yaml:"overrides"`
}

// Match selects API stages by anchored patterns on the API name and the
// stage name; a pattern left out matches everything.
type Match struct {
	API   Regexp `yaml:"api"`
	Stage Regexp `yaml:"stage"`
}

// Matches says whether both patterns match.
func (m Match) Matches(apiName, stage string) bool {
	return m.API.Matches(apiName) && m.Stage.Matches(stage)
}

// ThresholdOverride changes some thresholds for the stages it matches. A nil
// field keeps the default.
type ThresholdOverride struct {
	Match             Match          `yaml:"match"`
	ErrorRate         *float64       `yaml:"error_rate,omitempty"`
	Min5xxCount       *int           `yaml:"min_5xx_count,omitempty"`
	LatencyPercentile *string        `yaml:"latency_percentile,omitempty"`
	Latency           *time.Duration `yaml:"latency,omitempty"`
	MOfN              *MOfN          `yaml:"m_of_n,omitempty"`
	ClearAfter        *int           `yaml:"clear_after,omitempty"`
	// Masked200MinErrors: 0 turns the masked-200 check off for these stages.
	Masked200MinErrors *int `yaml:"masked_200_min_errors,omitempty"`
}

// empty says whether the override sets nothing.
func (o ThresholdOverride) empty() bool {
	return o.ErrorRate == nil && o.Min5xxCount == nil && o.LatencyPercentile == nil &&
		o.Latency == nil && o.MOfN == nil && o.ClearAfter == nil && o.Masked200MinErrors == nil
}

// apply returns t with the override's fields set.
func (o ThresholdOverride) apply(t Thresholds) Thresholds {
	if o.ErrorRate != nil {
		t.ErrorRate = *o.ErrorRate
	}
	if o.Min5xxCount != nil {
		t.Min5xxCount = *o.Min5xxCount
	}
	if o.LatencyPercentile != nil {
		t.LatencyPercentile = *o.LatencyPercentile
	}
	if o.Latency != nil {
		t.Latency = *o.Latency
	}
	if o.MOfN != nil {
		t.MOfN = *o.MOfN
	}
	if o.ClearAfter != nil {
		t.ClearAfter = *o.ClearAfter
	}
	if o.Masked200MinErrors != nil {
		t.Masked200MinErrors = *o.Masked200MinErrors
	}
	return t
}

// ThresholdsFor returns the thresholds of one API stage: the defaults, with
// the first matching override applied.
func (c *Config) ThresholdsFor(apiName, stage string) Thresholds {
	t := c.Thresholds.Thresholds
	for _, o := range c.Thresholds.Overrides {
		if o.Match.Matches(apiName, stage) {
			return o.apply(t)
		}
	}
	return t
}
