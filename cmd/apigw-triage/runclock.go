package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
)

// anchoredClock is emulated time pinned to the wall clock: at the wall
// instant zero it reads zero, and it runs speed times faster from there. Two
// processes given the same zero and speed read the same time, and so does a
// daemon restarted mid-run: it resumes where emulated time is, not where it
// began (clock.Scaled starts at its creation, which a restart would rewind).
type anchoredClock struct {
	zero  time.Time
	speed float64
}

var _ clock.Clock = anchoredClock{}

// Now returns zero + (wall − zero)·speed.
func (c anchoredClock) Now() time.Time {
	return c.zero.Add(time.Duration(float64(time.Since(c.zero)) * c.speed))
}

// After waits d of emulated time, d/speed of wall time.
func (c anchoredClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	time.AfterFunc(time.Duration(float64(d)/c.speed), func() { ch <- c.Now() })
	return ch
}

// runClock returns the daemon's clock from run's --emulated-speed and
// --emulated-time-zero: the real clock when neither is given, else an
// anchored clock, for runs against an emulator playing its scenario faster
// than real time.
func runClock(speed float64, zero string) (clock.Clock, error) {
	if speed == 0 && zero == "" {
		return clock.Real{}, nil
	}
	if speed <= 0 || zero == "" {
		return nil, errors.New("--emulated-speed and --emulated-time-zero go together, and the speed must be positive")
	}
	t, err := time.Parse(time.RFC3339Nano, zero)
	if err != nil {
		return nil, fmt.Errorf("--emulated-time-zero must be an RFC 3339 time such as 2026-12-01T17:00:00Z (as emulate prints it), not %q", zero)
	}
	return anchoredClock{zero: t, speed: speed}, nil
}
