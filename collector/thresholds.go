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

// earlyTrip looks at the periods a poll re-reads because CloudWatch may
// still be completing them (recent, oldest first). A minute's 5xx count
// only grows as it completes, so once a period's count already crosses the
// count threshold and measures up to the error rate, the failure is
// certain and the stage trips at once, without waiting for the delay and
// for M of N periods. Only the count is trusted: the successes of a minute
// are often counted later than its failures, so the rate is taken against
// the larger of its requests so far and ref, the most requests of a recent
// period. Latency, whose percentile can fall as data completes, M of N on
// the error rate, and clearing wait for complete periods.
func (t Thresholds) earlyTrip(recent []sample, ref float64) bool {
	for _, s := range recent {
		if t.proven(s, ref) {
			return true
		}
	}
	return false
}

// lastBreach is the index in hist of the newest of its last N periods that
// breaches, the one a tripped verdict shows; -1 when none does.
func (t Thresholds) lastBreach(hist []sample) int {
	for i := len(hist) - 1; i >= max(0, len(hist)-t.N); i-- {
		if t.judge(hist[i]) == periodBreach {
			return i
		}
	}
	return -1
}

// lastProven is the index in recent of the newest period whose 5xx count
// proves a breach (earlyTrip); -1 when none does.
func (t Thresholds) lastProven(recent []sample, ref float64) int {
	for i := len(recent) - 1; i >= 0; i-- {
		if t.proven(recent[i], ref) {
			return i
		}
	}
	return -1
}

// proven says whether a period breaches on its 5xx count alone, measured
// against the traffic the stage is known to carry.
func (t Thresholds) proven(s sample, ref float64) bool {
	if !s.hasErrors || !s.hasCount || s.errors < t.Min5xx {
		return false
	}
	return s.errors >= t.ErrorRate*max(s.requests, ref)
}

// refRequests is the most requests of a period in hist.
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
