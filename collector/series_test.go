package collector

import (
	"testing"
	"time"
)

// A quiet stage's first screen reads an hour; once pruned, its series must
// hold the periods kept and no more, in memory as in content.
func TestSeriesPruneReleasesTheHour(t *testing.T) {
	s := newSeries()
	for i := range 60 {
		s.set(t0.Add(time.Duration(59-i)*time.Minute), kindErrors, float64(59-i))
	}
	s.prune(t0.Add(50 * time.Minute))
	if len(s.points) != 10 || cap(s.points) > 2*10+8 {
		t.Fatalf("pruned to %d periods in an array of %d, want 10 in at most 28", len(s.points), cap(s.points))
	}
	for i := range 60 {
		got, want := s.at(t0.Add(time.Duration(i)*time.Minute).Unix()), i >= 50
		if got.hasErrors != want || want && got.errors != float64(i) {
			t.Fatalf("minute %d: %+v after prune", i, got)
		}
	}
	s.forget(t0.Add(55*time.Minute), t0.Add(57*time.Minute), []queryKind{kindErrors})
	if m := s.maxErrors(t0.Add(50*time.Minute), t0.Add(57*time.Minute)); m != 54 {
		t.Fatalf("max 5xx over minutes 50-56 with 55 and 56 forgotten = %v, want 54", m)
	}
}
