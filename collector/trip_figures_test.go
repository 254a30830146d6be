package collector

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestTripCarriesTheBreachingPeriod: a stage trips on periods that may lie
// before its latest (M of the last N, or a re-read period's 5xx count), so
// its result names the period that tripped it beside the latest one.
func TestTripCarriesTheBreachingPeriod(t *testing.T) {
	th := Thresholds{ErrorRate: 0.05, Min5xx: 5, N: 5, M: 2, ClearAfter: 5}.withDefaults()
	now := time.Date(2026, 3, 14, 9, 30, 30, 0, time.UTC)
	type period struct {
		minutesBeforeEnd int
		requests, errors float64
	}
	for _, tc := range []struct {
		name      string
		delay     time.Duration
		periods   []period
		tripStart int // minutes before the window's end the trip period starts
		tripErrs  float64
	}{
		{"M of N: two breaching minutes, then a clean one", 0,
			[]period{{3, 100, 40}, {2, 100, 30}, {1, 100, 0}}, 2, 30},
		{"M of N: the newest breach is not the last of the N", 0,
			[]period{{5, 100, 40}, {4, 100, 20}, {3, 100, 0}, {2, 100, 0}, {1, 100, 0}}, 4, 20},
		// a delay leaves the newest minutes out of M of N; a re-read
		// minute's count proves the breach alone
		{"early trip: a re-read minute, then a clean one", 3 * time.Minute,
			[]period{{-1, 100, 60}, {-2, 100, 0}}, -1, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := pollWindow(now, time.Minute, tc.delay, 5)
			s := newSeries()
			for _, p := range tc.periods {
				at := w.end.Add(-time.Duration(p.minutesBeforeEnd) * time.Minute)
				s.set(at, kindRequests, p.requests)
				s.set(at, kindErrors, p.errors)
			}
			res := evaluateStage(Stage{Identity: stage.Identity{APIType: stage.APIREST}}, th, s, w)
			if !res.Tripped {
				t.Fatalf("not tripped: %+v", res)
			}
			if res.Errors5xx != 0 {
				t.Errorf("latest period's 5xx %v, want 0 (the clean minute)", res.Errors5xx)
			}
			want := w.end.Add(-time.Duration(tc.tripStart) * time.Minute)
			if !res.Trip.PeriodStart.Equal(want) || res.Trip.Period != time.Minute {
				t.Errorf("trip period %v (%v), want %v (1m)", res.Trip.PeriodStart, res.Trip.Period, want)
			}
			if res.Trip.Errors5xx != tc.tripErrs || res.Trip.Requests != 100 || res.Trip.ErrorRate != tc.tripErrs/100 {
				t.Errorf("trip figures %v 5xx of %v (%v), want %v of 100", res.Trip.Errors5xx, res.Trip.Requests, res.Trip.ErrorRate, tc.tripErrs)
			}
		})
	}
	// a stage that did not trip names no period
	w := pollWindow(now, time.Minute, 0, 5)
	s := newSeries()
	s.set(w.end.Add(-time.Minute), kindRequests, 100)
	s.set(w.end.Add(-time.Minute), kindErrors, 1)
	if res := evaluateStage(Stage{Identity: stage.Identity{APIType: stage.APIREST}}, th, s, w); res.Tripped || !res.Trip.PeriodStart.IsZero() {
		t.Errorf("clean stage: tripped %v, trip period %v", res.Tripped, res.Trip.PeriodStart)
	}
}
