package main

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
)

func TestRunClock(t *testing.T) {
	zero := time.Now().Add(-2 * time.Second)
	tests := []struct {
		name    string
		speed   float64
		zero    string
		wantErr bool
		// emulated is how far past zero the clock should read (0: real clock).
		emulated time.Duration
	}{
		{name: "real clock by default"},
		{name: "anchored", speed: 30, zero: zero.Format(time.RFC3339Nano), emulated: time.Minute},
		{name: "speed without zero", speed: 30, wantErr: true},
		{name: "zero without speed", zero: zero.Format(time.RFC3339Nano), wantErr: true},
		{name: "negative speed", speed: -1, zero: zero.Format(time.RFC3339Nano), wantErr: true},
		{name: "bad time", speed: 2, zero: "yesterday", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk, err := runClock(tt.speed, tt.zero)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if tt.emulated == 0 {
				if _, ok := clk.(clock.Real); !ok {
					t.Fatalf("clock %T, want clock.Real", clk)
				}
				return
			}
			// Two seconds of wall time at ×30 is a minute, give or take the test's own run time.
			if got := clk.Now().Sub(zero); got < tt.emulated || got > tt.emulated+15*time.Second {
				t.Errorf("reads zero+%s, want zero+%s", got, tt.emulated)
			}
		})
	}
}

// TestAnchoredClockSharedByProcesses: two clocks made apart in time with the
// same zero read the same, which is what lets a restarted daemon resume on
// its emulator's time.
func TestAnchoredClockSharedByProcesses(t *testing.T) {
	zero := time.Now().Add(-time.Second)
	a := anchoredClock{zero: zero, speed: 60}
	time.Sleep(20 * time.Millisecond)
	b := anchoredClock{zero: zero, speed: 60}
	ra := a.Now()
	rb := b.Now()
	if d := rb.Sub(ra); d < 0 || d > time.Second {
		t.Errorf("clocks made 20 ms apart read %s apart", d)
	}
	start := time.Now()
	select {
	case <-a.After(30 * time.Second):
		if wall := time.Since(start); wall > 5*time.Second {
			t.Errorf("30 emulated seconds took %s of wall time at ×60", wall)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("After(30s) at ×60 did not fire within 10 s")
	}
}
