package collector

import "time"

// sample is what CloudWatch says about one stage in one period.
type sample struct {
	requests   float64 // SampleCount of the 5xx metric
	errors     float64 // Sum of the 5xx metric
	latency    float64 // the latency percentile, ms
	hasCount   bool
	hasErrors  bool
	hasLatency bool
}

// traffic reports whether the period had requests. No datapoint means no
// traffic, never a 0 % error rate.
func (s sample) traffic() bool { return s.hasCount && s.requests > 0 }

// series keeps the recent periods of one stage. Each poll overwrites the
// periods it re-read, so a late-revised datapoint replaces the early value
// instead of adding to it.
type series struct {
	points map[int64]sample // by period start, unix seconds
}

func newSeries() *series { return &series{points: map[int64]sample{}} }

// set records a value for one period; kind picks the field.
func (s *series) set(t time.Time, kind queryKind, v float64) {
	p := s.points[t.Unix()]
	switch kind {
	case kindErrors:
		p.errors, p.hasErrors = v, true
	case kindRequests:
		p.requests, p.hasCount = v, true
	case kindLatency:
		p.latency, p.hasLatency = v, true
	}
	s.points[t.Unix()] = p
}

// resetWindow forgets what an earlier poll saw inside w, so the periods
// are exactly what this poll read.
func (s *series) resetWindow(w window) {
	for t := w.start; t.Before(w.end); t = t.Add(w.period) {
		delete(s.points, t.Unix())
	}
}

// prune drops periods before keepFrom.
func (s *series) prune(keepFrom time.Time) {
	for ts := range s.points {
		if ts < keepFrom.Unix() {
			delete(s.points, ts)
		}
	}
}

// last returns the n periods ending before end, oldest first; periods
// without data are zero samples.
func (s *series) last(end time.Time, period time.Duration, n int) []sample {
	out := make([]sample, n)
	for i := range n {
		t := end.Add(-time.Duration(n-i) * period)
		out[i] = s.points[t.Unix()]
	}
	return out
}

// newest returns the latest period with traffic, if any.
func (s *series) newest() (sample, bool) {
	var best int64
	found := false
	for k, p := range s.points {
		if p.traffic() && (!found || k > best) {
			best, found = k, true
		}
	}
	return s.points[best], found
}
