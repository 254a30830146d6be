package collector

import "time"

// window is the time range one poll reads: Reread whole periods, aligned to
// the period, ending Delay before now. CloudWatch's EndTime is exclusive, so
// end is the start of the first period not read.
type window struct {
	start, end time.Time
	period     time.Duration
}

// pollWindow computes the window for now. Aligning to the period (not to
// the poll time) makes every poll ask for whole periods, so two polls read
// the same datapoint under the same timestamp and the later value wins.
func pollWindow(now time.Time, period, delay time.Duration, reread int) window {
	end := now.Add(-delay).Truncate(period)
	return window{start: end.Add(-time.Duration(reread) * period), end: end, period: period}
}

// periods returns how many periods the window holds.
func (w window) periods() int { return int(w.end.Sub(w.start) / w.period) }
