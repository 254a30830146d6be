package collector

import "time"

// periodState is the verdict on one period.
type periodState int

const (
	periodNoTraffic periodState = iota // neither breaching nor clean
	periodClean
	periodBreach
)

// judge decides one period. A breach is an error rate at or above the
// threshold together with at least Min5xx errors (one failed request out
// of two is not an incident), or a latency percentile at or above the
// latency threshold. A missing 5xx datapoint counts as zero only because
// requests exist. A screened period (5xx count, no request count) with
// fewer than Min5xx errors cannot breach on errors; with more it is left
// undecided, and the poll reads its request count anyway.
func (t Thresholds) judge(s sample) periodState {
	if !s.traffic() {
		return periodNoTraffic
	}
	errs := 0.0
	if s.hasErrors {
		errs = s.errors
	}
	if !s.hasCount && errs >= t.Min5xx {
		return periodNoTraffic
	}
	if s.hasCount && errs/s.requests >= t.ErrorRate && errs >= t.Min5xx {
		return periodBreach
	}
	if t.Latency > 0 && s.hasLatency && msDuration(s.latency) >= t.Latency {
		return periodBreach
	}
	return periodClean
}

// verdict is the evaluation of one stage's recent periods.
type verdict struct {
	tripped, clear bool
}

// evaluate looks at hist, oldest first. Tripped: M of the last N periods
// breach. Clear: the last ClearAfter periods with traffic are clean;
// periods without traffic are skipped, so a quiet night neither clears an
// incident nor keeps it open by itself.
func (t Thresholds) evaluate(hist []sample) verdict {
	var v verdict
	breaches := 0
	for _, s := range hist[max(0, len(hist)-t.N):] {
		if t.judge(s) == periodBreach {
			breaches++
		}
	}
	v.tripped = breaches >= t.M
	clean := 0
	for i := len(hist) - 1; i >= 0 && clean < t.ClearAfter; i-- {
		switch t.judge(hist[i]) {
		case periodBreach:
			return v
		case periodClean:
			clean++
		}
	}
	v.clear = clean >= t.ClearAfter
	return v
}

// earlyTrip applies the M of N rule to the newest N periods with data,
// without waiting for the last incomplete ones to be complete: hist ends
// with the newest period CloudWatch shows anything of, and its last
// incomplete periods are still being completed. A minute's 5xx count only
// grows as it completes, so an incomplete period counts as a breach once
// its count already crosses the count threshold and measures up to the
// error rate. Only the count is trusted: the successes of a minute are
// often counted later than its failures, so the rate is taken against the
// larger of its requests so far and ref, the most requests of a recent
// complete period. Latency, whose percentile can fall as data completes,
// and clearing wait for complete periods.
func (t Thresholds) earlyTrip(hist []sample, incomplete int, ref float64) bool {
	if incomplete <= 0 {
		return false
	}
	breaches := 0
	for i, s := range hist {
		complete := i < len(hist)-incomplete
		if complete && t.judge(s) == periodBreach || !complete && t.proven(s, ref) {
			breaches++
		}
	}
	return breaches >= t.M
}

// proven says whether an incomplete period already breaches on its 5xx
// count, measured against the traffic the stage is known to carry.
func (t Thresholds) proven(s sample, ref float64) bool {
	if !s.hasErrors || !s.hasCount || s.errors < t.Min5xx {
		return false
	}
	return s.errors >= t.ErrorRate*max(s.requests, ref)
}

// refRequests is the most requests of a complete period in hist.
func refRequests(hist []sample) float64 {
	m := 0.0
	for _, s := range hist {
		if s.hasCount {
			m = max(m, s.requests)
		}
	}
	return m
}

// historyLen is how many periods evaluate needs to see.
func (t Thresholds) historyLen() int { return max(t.N, 2*t.ClearAfter) }

// likelyTimeout reports whether a latency percentile (ms) sits at 90 % or
// more of the integration timeout.
func likelyTimeout(latencyMS float64, timeout time.Duration) bool {
	return timeout > 0 && msDuration(latencyMS) >= timeout*9/10
}

func msDuration(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }
