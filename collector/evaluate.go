package collector

import (
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// evaluateAll judges every stage from its series and remembers, per
// stage, whether it is tripped, so that it is read in full until clear.
func (c *Collector) evaluateAll(stages []Stage, plans []stagePlan, w window) []StageResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]StageResult, len(stages))
	for i, st := range stages {
		p := plans[i]
		s := c.seriesOf(st.Key)
		// A quiet stage's screen reads the last hour again each time, so
		// its series keeps no more than an active one's.
		keep := max(p.th.historyLen()+w.incomplete(), w.periods()+w.incomplete())
		s.prune(w.recent.Add(-time.Duration(keep) * w.period))
		out[i] = evaluateStage(st, p.th, s, w)
		out[i].Screened = p.screen && !p.count
		if !p.screen {
			out[i] = StageResult{Stage: st, Figures: stage.Figures{WindowStart: w.start, WindowEnd: w.end, LatencyStatistic: p.th.LatencyStat}}
		}
		wt := c.watchOf(st.Key)
		wt.hot = out[i].Tripped || wt.hot && !out[i].Clear
	}
	return out
}

// evaluateStage turns a stage's series into its result: tripped when M of
// the last N complete periods breach, or at once when a re-read period's
// 5xx count alone proves a breach (earlyTrip); clear only on complete
// periods.
func evaluateStage(st Stage, th Thresholds, s *series, w window) StageResult {
	res := StageResult{Stage: st, Figures: stage.Figures{WindowStart: w.start, WindowEnd: w.end, LatencyStatistic: th.LatencyStat}}
	hist := s.last(w.end, w.period, th.historyLen())
	v := th.evaluate(hist)
	// The re-read periods, no further back than clearing looks: a breach
	// followed by ClearAfter clean periods no longer trips.
	recent := s.last(w.recent, w.period, min(w.periods(), th.ClearAfter)+w.incomplete())
	ref := refRequests(recent)
	early := th.earlyTrip(recent, ref)
	res.Tripped, res.Clear = v.tripped || early, v.clear && !early
	switch {
	case v.tripped:
		i := th.lastBreach(hist)
		res.Trip = periodFigures(st, th, hist[i], w.end.Add(-time.Duration(len(hist)-i)*w.period), w)
	case early:
		i := th.lastProven(recent, ref)
		res.Trip = periodFigures(st, th, recent[i], w.recent.Add(-time.Duration(len(recent)-i)*w.period), w)
	}
	if latest, at, ok := s.newest(); ok {
		res.HasData = true
		res.PeriodStart, res.Period = at, w.period
		res.Requests = latest.requests
		if latest.hasErrors {
			res.Errors5xx = latest.errors
		}
		res.ErrorRate = res.Errors5xx / res.Requests
		if latest.hasLatency {
			res.Latency = msDuration(latest.latency)
			// the stage's figure: the longest timeout when the routes' differ
			res.LikelyTimeout = likelyTimeout(latest.latency, st.LongestTimeout())
		}
		return res
	}
	if e, at, ok := s.newestScreen(); ok {
		res.HasData = true
		res.PeriodStart, res.Period = at, w.period
		res.Errors5xx = e
	}
	return res
}

// periodFigures are the figures of one period of a stage's series, which
// started at start.
func periodFigures(st Stage, th Thresholds, smp sample, start time.Time, w window) stage.Figures {
	f := stage.Figures{WindowStart: w.start, WindowEnd: w.end, LatencyStatistic: th.LatencyStat,
		PeriodStart: start, Period: w.period, Requests: smp.requests}
	if smp.hasErrors {
		f.Errors5xx = smp.errors
	}
	if f.Requests > 0 {
		f.ErrorRate = f.Errors5xx / f.Requests
	}
	if smp.hasLatency {
		f.Latency = msDuration(smp.latency)
		f.LikelyTimeout = likelyTimeout(smp.latency, st.LongestTimeout())
	}
	return f
}
