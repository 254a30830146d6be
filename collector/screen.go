package collector

import (
	"hash/fnv"
	"time"
)

// Screening: every poll reads one billed metric per active stage, its 5xx
// Sum, over the recent periods including those CloudWatch is still
// completing. Only a stage whose screen can prove a breach (a period with
// at least Min5xx errors), whose incident is open, or whose latency watch
// is due is then read in full. A 5xx datapoint exists for every minute
// with requests (0 or 1 per request), so the screen also tells traffic
// from silence.

// idleAfter is how long a stage goes without traffic before it is
// screened at the slow cadence (dev and test stages, retired versions).
const idleAfter = time.Hour

// idleEvery is the slow cadence in polls: an idle stage costs one billed
// metric every idleEvery polls, and a failure that brings it back is seen
// within two of its screens.
const idleEvery = 5

// quietWindow is how far back the screen of an idle or new stage reads:
// long enough to cover every minute since its last screen, and on the
// first poll to know whether the stage had traffic in the last hour.
const quietWindow = time.Hour

// watch is what the collector remembers of a stage between polls to
// decide what to read.
type watch struct {
	seen        bool      // screened at least once
	lastTraffic time.Time // newest period with a datapoint
	lastLatency time.Time // last poll that read the latency percentile
	hot         bool      // tripped and not cleared since
}

// reads is what one poll reads of one stage.
type reads struct {
	screen  bool // the 5xx Sum
	quiet   bool // over quietWindow rather than the poll's window
	count   bool // SampleCount: requests, for the error rate
	latency bool // the latency percentile
}

// screenDue says whether the stage is screened in the poll at now: an
// active stage every poll, an idle one every idleEvery polls, staggered
// by its key so idle stages do not all land on the same poll.
func (c *Collector) screenDue(key string, wt *watch, watched bool, now time.Time) bool {
	if !wt.seen || watched || wt.hot || !c.idle(wt, now) {
		return true
	}
	slot := now.UnixNano() / int64(c.opts.Interval)
	return (slot+int64(keyHash(key)))%idleEvery == 0
}

// idle says whether the stage has had no traffic for idleAfter.
func (c *Collector) idle(wt *watch, now time.Time) bool {
	return now.Sub(wt.lastTraffic) >= idleAfter
}

// looks decides the full reads of a screened stage: the request count
// when a period holds enough 5xx to breach or the stage is being watched
// (an open incident must see clean periods to clear), and the latency
// percentile with the count, or alone when the latency watch is due.
func (c *Collector) looks(r reads, th Thresholds, wt *watch, s *series, from, end time.Time, watched bool, now time.Time) reads {
	if !r.screen {
		return r
	}
	r.count = watched || wt.hot || s.maxErrors(from, end) >= th.Min5xx
	r.latency = r.count || th.Latency > 0 && s.hasTraffic(from, end) && now.Sub(wt.lastLatency) >= c.opts.LatencyEvery
	return r
}

func keyHash(key string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key))
	return h.Sum32()
}

// kinds lists the queries a stage needs in the screen (look false) or in
// the full read (look true).
func (r reads) kinds(look bool) []queryKind {
	if !look {
		if r.screen {
			return []queryKind{kindErrors}
		}
		return nil
	}
	var ks []queryKind
	if r.count {
		ks = append(ks, kindRequests)
	}
	if r.latency {
		ks = append(ks, kindLatency)
	}
	return ks
}

// watchOf returns the stage's watch, creating it; c.mu must be held.
func (c *Collector) watchOf(key string) *watch {
	wt := c.watch[key]
	if wt == nil {
		wt = &watch{}
		c.watch[key] = wt
	}
	return wt
}

// seriesOf returns the stage's series, creating it; c.mu must be held.
func (c *Collector) seriesOf(key string) *series {
	s := c.series[key]
	if s == nil {
		s = newSeries()
		c.series[key] = s
	}
	return s
}

// noteScreen records a screen over [from, end): the newest period with
// traffic moves the stage between the active and idle cadences.
func (c *Collector) noteScreen(key string, from, end time.Time) {
	wt := c.watchOf(key)
	if !wt.seen {
		// Before its first screen the stage counts as quiet since the
		// start of that screen's window.
		wt.lastTraffic = from
	}
	wt.seen = true
	if t, ok := c.series[key].newestTraffic(from, end); ok && t.After(wt.lastTraffic) {
		wt.lastTraffic = t
	}
}

// noteLatency records when the stages' latency was last read.
func (c *Collector) noteLatency(stages []Stage, plans []stagePlan, quiet bool, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		if plans[i].quiet == quiet && plans[i].latency {
			c.watchOf(st.Key).lastLatency = now
		}
	}
}
