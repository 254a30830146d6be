package collector

import (
	"testing"
	"time"
)

func TestPollWindow(t *testing.T) {
	tests := []struct {
		name       string
		now        time.Time
		delay      time.Duration
		reread     int
		start, end time.Time
	}{
		{"aligned now", t0, 2 * time.Minute, 3, t0.Add(-5 * time.Minute), t0.Add(-2 * time.Minute)},
		{"mid-period now rounds down", t0.Add(59 * time.Second), 2 * time.Minute, 3, t0.Add(-5 * time.Minute), t0.Add(-2 * time.Minute)},
		{"delay not a whole period", t0.Add(30 * time.Second), 90 * time.Second, 2, t0.Add(-3 * time.Minute), t0.Add(-time.Minute)},
		{"no delay", t0.Add(10 * time.Second), 0, 1, t0.Add(-time.Minute), t0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := pollWindow(tt.now, time.Minute, tt.delay, tt.reread)
			if !w.start.Equal(tt.start) || !w.end.Equal(tt.end) {
				t.Errorf("window = [%s, %s), want [%s, %s)", w.start, w.end, tt.start, tt.end)
			}
			if w.periods() != tt.reread {
				t.Errorf("periods = %d, want %d", w.periods(), tt.reread)
			}
		})
	}
}
