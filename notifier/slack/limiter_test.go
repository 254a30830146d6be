package slack

import (
	"testing"
	"time"
)

func TestLimiterSpacesOneChannelOnly(t *testing.T) {
	l := newLimiter(80 * time.Millisecond)
	start := time.Now()
	for _, ch := range []string{"C1", "C2", "C1"} {
		if err := l.wait(t.Context(), ch); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 70*time.Millisecond || d > 400*time.Millisecond {
		t.Errorf("three messages (two to C1) took %s, want about one interval", d)
	}
	off := newLimiter(-1)
	start = time.Now()
	for range 5 {
		_ = off.wait(t.Context(), "C1")
	}
	if time.Since(start) > 50*time.Millisecond {
		t.Error("a negative interval still waits")
	}
}
