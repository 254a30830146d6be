package collector

import "testing"

// TestMaskedPeriods: a period breaches on MaskedMin function errors beyond
// the stage's 5xx; periods without invocations neither breach nor count
// as clean, so a quiet night does not resolve an incident by itself.
func TestMaskedPeriods(t *testing.T) {
	th := DefaultThresholds()
	th.MaskedMin, th.M, th.N, th.ClearAfter = 5, 2, 3, 5
	idle := maskedPeriod{}
	bad := maskedPeriod{invoked: true, masked: 9}
	ok := maskedPeriod{invoked: true, masked: 1}
	for _, tc := range []struct {
		name         string
		hist         []maskedPeriod
		trips, clear bool
	}{
		{"two bad of three", []maskedPeriod{ok, bad, ok, ok, bad}, false, false},
		{"two bad in the last three", []maskedPeriod{ok, ok, ok, bad, bad}, true, false},
		{"recovering, idle periods skipped", []maskedPeriod{bad, ok, idle, ok, idle, ok, ok, ok}, false, true},
		{"only idle since", []maskedPeriod{bad, bad, idle, idle, idle, idle, idle, idle}, false, false},
		{"four clean of five", []maskedPeriod{bad, ok, ok, ok, ok}, false, false},
	} {
		if got := maskedBreaches(tc.hist, th) >= th.M; got != tc.trips {
			t.Errorf("%s: trips %v, want %v", tc.name, got, tc.trips)
		}
		if got := maskedClear(tc.hist, th); got != tc.clear {
			t.Errorf("%s: clear %v, want %v", tc.name, got, tc.clear)
		}
	}
}
