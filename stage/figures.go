package stage

import "time"

// Figures are what one evaluated window of a stage measured: those of the
// latest period with traffic in the window.
type Figures struct {
	WindowStart time.Time
	WindowEnd   time.Time
	// PeriodStart and Period are the period the counts, rate and latency
	// were read in: the latest with traffic, which may lie after
	// WindowEnd (a period CloudWatch is still completing). Zero when not
	// known (figures taken from the evidence window, or stored before the
	// period was kept): the figures then cover the window.
	PeriodStart time.Time     `json:",omitzero"`
	Period      time.Duration `json:",omitempty"`
	Requests    float64
	Errors5xx   float64
	ErrorRate   float64 // 0..1
	// Latency is the Latency metric at LatencyStatistic, the configured
	// percentile ("p99" unless configured otherwise). Stored records keep
	// the key earlier versions wrote.
	Latency          time.Duration `json:"LatencyP99"`
	LatencyStatistic string        `json:",omitempty"`
	// MaskedErrors are the latest period's errors of the functions behind
	// custom Lambda integrations that clients got as 200 OK
	// (lambda_error_masked_as_200).
	MaskedErrors float64 `json:",omitempty"`
	// LikelyTimeout: the latency percentile sits at 90 % or more of the
	// integration timeout, so the 5xx are likely timeouts (504, 503 on
	// HTTP APIs).
	LikelyTimeout bool
}

// LatencyName is the statistic the latency was read at, "p99" when it is
// not known (records stored before the statistic was kept).
func (f Figures) LatencyName() string {
	if f.LatencyStatistic == "" {
		return "p99"
	}
	return f.LatencyStatistic
}

// Span is the time the figures cover: their period when known, else the
// window.
func (f Figures) Span() (start, end time.Time) {
	if !f.PeriodStart.IsZero() && f.Period > 0 {
		return f.PeriodStart, f.PeriodStart.Add(f.Period)
	}
	return f.WindowStart, f.WindowEnd
}
