package collector

import (
	"cmp"
	"slices"
	"time"
)

// sample is what CloudWatch says about one stage in one period.
type sample struct {
	requests float64 // SampleCount of the 5xx metric; WebSocket: reqA+reqB
	errors   float64 // Sum of the 5xx metric; WebSocket: errA+errB
	// The halves of a WebSocket stage's pairs (websocket.go); other stages
	// hold everything in errA and reqA.
	errA, errB, reqA, reqB float64
	latency                float64 // the latency percentile, ms
	hasCount               bool
	hasErrors              bool
	hasLatency             bool
}

// traffic reports whether the period had requests. No datapoint means no
// traffic, never a 0 % error rate. A 5xx datapoint (0 or 1 per request)
// exists only for periods with requests, so a screen alone shows traffic.
func (s sample) traffic() bool { return s.hasCount && s.requests > 0 || s.hasErrors }

// periodSample is one stored sample under its period start, unix seconds.
type periodSample struct {
	ts int64
	sample
}

// series keeps the recent periods of one stage, oldest first. Each poll
// overwrites the periods it re-read, so a late-revised datapoint replaces
// the early value instead of adding to it. A sorted slice rather than a
// map: a stage holds a dozen periods, a fleet thousands of stages, and a
// map sized once for a quiet stage's hour never shrinks.
type series struct {
	points []periodSample
}

func newSeries() *series { return &series{} }

// find returns the index of ts, or where it would be inserted.
func (s *series) find(ts int64) (int, bool) {
	return slices.BinarySearchFunc(s.points, ts, func(p periodSample, ts int64) int { return cmp.Compare(p.ts, ts) })
}

// at returns the sample of the period starting at ts (unix seconds); a
// period without data is the zero sample.
func (s *series) at(ts int64) sample {
	if i, ok := s.find(ts); ok {
		return s.points[i].sample
	}
	return sample{}
}

// set records a value for one period; kind picks the field.
func (s *series) set(t time.Time, kind queryKind, v float64) { s.setAt(t.Unix(), kind, v) }

// setAt is set for the period starting at ts, unix seconds.
func (s *series) setAt(ts int64, kind queryKind, v float64) {
	i, ok := s.find(ts)
	if !ok {
		s.points = slices.Insert(s.points, i, periodSample{ts: ts})
	}
	p := &s.points[i].sample
	switch kind {
	case kindErrors:
		p.errA, p.hasErrors = v, true
	case kindErrorsB:
		p.errB, p.hasErrors = v, true
	case kindRequests:
		p.reqA, p.hasCount = v, true
	case kindRequestsB:
		p.reqB, p.hasCount = v, true
	case kindLatency:
		p.latency, p.hasLatency = v, true
	}
	p.errors, p.requests = p.errA+p.errB, p.reqA+p.reqB
}

// forget clears the given kinds over [from, end), so the periods hold
// exactly what the read about to be stored saw.
func (s *series) forget(from, end time.Time, kinds []queryKind) {
	i, _ := s.find(from.Unix())
	for ; i < len(s.points) && s.points[i].ts < end.Unix(); i++ {
		p := &s.points[i].sample
		for _, k := range kinds {
			switch k {
			case kindErrors:
				p.errors, p.errA, p.errB, p.hasErrors = 0, 0, 0, false
			case kindRequests:
				p.requests, p.reqA, p.reqB, p.hasCount = 0, 0, 0, false
			case kindLatency:
				p.latency, p.hasLatency = 0, false
			}
		}
	}
}

// span returns the periods in [from, end).
func (s *series) span(from, end time.Time) []periodSample {
	i, _ := s.find(from.Unix())
	j, _ := s.find(end.Unix())
	return s.points[i:max(i, j)]
}

// maxErrors is the largest 5xx count of a period in [from, end).
func (s *series) maxErrors(from, end time.Time) float64 {
	m := 0.0
	for _, p := range s.span(from, end) {
		if p.hasErrors {
			m = max(m, p.errors)
		}
	}
	return m
}

// hasTraffic says whether a period in [from, end) had requests.
func (s *series) hasTraffic(from, end time.Time) bool {
	_, ok := s.newestTraffic(from, end)
	return ok
}

// newestTraffic returns the start of the newest period with requests in
// [from, end).
func (s *series) newestTraffic(from, end time.Time) (time.Time, bool) {
	ps := s.span(from, end)
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].traffic() {
			return time.Unix(ps[i].ts, 0).UTC(), true
		}
	}
	return time.Time{}, false
}

// prune drops periods before keepFrom. The backing array is replaced when
// it is mostly empty, so a stage's first hour-long read does not stay
// allocated.
func (s *series) prune(keepFrom time.Time) {
	i, _ := s.find(keepFrom.Unix())
	if i == 0 {
		return
	}
	rest := s.points[i:]
	if cap(s.points) > 2*len(rest)+8 {
		s.points = slices.Clone(rest)
		return
	}
	s.points = s.points[:copy(s.points, rest)]
}

// last returns the n periods ending before end, oldest first; periods
// without data are zero samples.
func (s *series) last(end time.Time, period time.Duration, n int) []sample {
	out := make([]sample, n)
	for i := range n {
		out[i] = s.at(end.Add(-time.Duration(n-i) * period).Unix())
	}
	return out
}

// newest returns the latest period with a request count (full figures)
// and its start, if any.
func (s *series) newest() (sample, time.Time, bool) {
	for i := len(s.points) - 1; i >= 0; i-- {
		if p := s.points[i]; p.hasCount && p.requests > 0 {
			return p.sample, time.Unix(p.ts, 0).UTC(), true
		}
	}
	return sample{}, time.Time{}, false
}

// newestScreen returns the 5xx count of the latest screened period and
// its start.
func (s *series) newestScreen() (float64, time.Time, bool) {
	for i := len(s.points) - 1; i >= 0; i-- {
		if p := s.points[i]; p.hasErrors {
			return p.errors, time.Unix(p.ts, 0).UTC(), true
		}
	}
	return 0, time.Time{}, false
}
