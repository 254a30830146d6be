package collector

import "time"

// window is the time range one poll reads: Reread whole periods, aligned to
// the period, ending Delay before now. CloudWatch's EndTime is exclusive, so
// end is the start of the first period not read. The periods from end to
// recent are those CloudWatch is still completing: screens read them too,
// and only what they already prove is acted on.
type window struct {
	start, end time.Time
	recent     time.Time // start of the period in progress at now
	now        time.Time
	period     time.Duration
}

// pollWindow computes the window for now. Aligning to the period (not to
// the poll time) makes every poll ask for whole periods, so two polls read
// the same datapoint under the same timestamp and the later value wins.
func pollWindow(now time.Time, period, delay time.Duration, reread int) window {
	end := now.Add(-delay).Truncate(period)
	return window{start: end.Add(-time.Duration(reread) * period), end: end, recent: now.Truncate(period), now: now, period: period}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// periods returns how many complete periods the window holds.
func (w window) periods() int { return int(w.end.Sub(w.start) / w.period) }

// incomplete returns how many periods lie between end and recent.
func (w window) incomplete() int { return int(w.recent.Sub(w.end) / w.period) }

// span is the range a read covers: the window and the incomplete periods,
// or for a quiet stage (idle, or never screened) the last quietWindow.
func (w window) span(quiet bool) (from, end time.Time) {
	if quiet {
		return minTime(w.start, w.recent.Add(-quietWindow)), w.recent
	}
	return w.start, w.recent
}
