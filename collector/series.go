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
// traffic, never a 0 % error rate. A 5xx datapoint (0 or 1 per request)
// exists only for periods with requests, so a screen alone shows traffic.
func (s sample) traffic() bool { return s.hasCount && s.requests > 0 || s.hasErrors }

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

// forget clears the given kinds over [from, end), so the periods hold
// exactly what the read about to be stored saw.
func (s *series) forget(from, end time.Time, period time.Duration, kinds []queryKind) {
	for t := from; t.Before(end); t = t.Add(period) {
		p, ok := s.points[t.Unix()]
		if !ok {
			continue
		}
		for _, k := range kinds {
			switch k {
			case kindErrors:
				p.errors, p.hasErrors = 0, false
			case kindRequests:
				p.requests, p.hasCount = 0, false
			case kindLatency:
				p.latency, p.hasLatency = 0, false
			}
		}
		s.points[t.Unix()] = p
	}
}

// maxErrors is the largest 5xx count of a period in [from, end).
func (s *series) maxErrors(from, end time.Time) float64 {
	m := 0.0
	for ts, p := range s.points {
		if ts >= from.Unix() && ts < end.Unix() && p.hasErrors {
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
	var best int64
	found := false
	for ts, p := range s.points {
		if ts >= from.Unix() && ts < end.Unix() && p.traffic() && (!found || ts > best) {
			best, found = ts, true
		}
	}
	return time.Unix(best, 0).UTC(), found
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

// newest returns the latest period with a request count (full figures),
// if any.
func (s *series) newest() (sample, bool) {
	var best int64
	found := false
	for k, p := range s.points {
		if p.hasCount && p.requests > 0 && (!found || k > best) {
			best, found = k, true
		}
	}
	return s.points[best], found
}

// newestScreen returns the 5xx count of the latest screened period.
func (s *series) newestScreen() (float64, bool) {
	var best int64
	found := false
	for k, p := range s.points {
		if p.hasErrors && (!found || k > best) {
			best, found = k, true
		}
	}
	return s.points[best].errors, found
}
