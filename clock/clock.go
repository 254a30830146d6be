// Package clock gives the daemon and the emulator one notion of time that
// tests and the demo can drive: the real clock in production, a scaled clock
// for the demo (emulated time runs N times faster than wall time), and a
// manual clock that tests advance by hand.
package clock

import (
	"sync"
	"time"
)

// Clock is the time source every component that computes windows or waits
// takes, instead of calling time.Now or time.After directly.
type Clock interface {
	Now() time.Time
	// After returns a channel that receives the clock's time once d of the
	// clock's time has passed.
	After(d time.Duration) <-chan time.Time
}

// Real is the wall clock.
type Real struct{}

// Now returns time.Now().
func (Real) Now() time.Time { return time.Now() }

// After is time.After.
func (Real) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Scaled runs Speed times faster than wall time, starting at Start when it
// was made.
type Scaled struct {
	start time.Time
	wall  time.Time
	speed float64
}

// NewScaled returns a clock that reads start now and advances speed
// emulated seconds per wall second. A speed below or equal to 0 means 1.
func NewScaled(start time.Time, speed float64) *Scaled {
	if speed <= 0 {
		speed = 1
	}
	return &Scaled{start: start, wall: time.Now(), speed: speed}
}

// Now returns the emulated time.
func (s *Scaled) Now() time.Time {
	elapsed := time.Since(s.wall)
	return s.start.Add(time.Duration(float64(elapsed) * s.speed))
}

// After waits d of emulated time.
func (s *Scaled) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	wall := time.Duration(float64(d) / s.speed)
	time.AfterFunc(wall, func() { ch <- s.Now() })
	return ch
}

// Manual is a clock that moves only when Advance or Set is called. Waiters
// registered with After fire when the clock passes their deadline.
type Manual struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

// NewManual returns a manual clock reading t.
func NewManual(t time.Time) *Manual { return &Manual{now: t} }

// Now returns the clock's time.
func (m *Manual) Now() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.now
}

// After returns a channel that fires once the clock has been advanced by d.
func (m *Manual) After(d time.Duration) <-chan time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- m.now
		return ch
	}
	m.waiters = append(m.waiters, waiter{at: m.now.Add(d), ch: ch})
	return ch
}

// Advance moves the clock forward by d and fires the waiters that are due.
func (m *Manual) Advance(d time.Duration) { m.Set(m.Now().Add(d)) }

// Set moves the clock to t (never backwards) and fires the waiters that are due.
func (m *Manual) Set(t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t.After(m.now) {
		m.now = t
	}
	kept := m.waiters[:0]
	for _, w := range m.waiters {
		if !w.at.After(m.now) {
			w.ch <- m.now
			continue
		}
		kept = append(kept, w)
	}
	m.waiters = kept
}

// Next returns the earliest deadline of the pending After calls, and false
// when none is pending: a test that finds a component blocked on the clock
// can move it straight to that deadline instead of stepping towards it.
func (m *Manual) Next() (time.Time, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var next time.Time
	for _, w := range m.waiters {
		if next.IsZero() || w.at.Before(next) {
			next = w.at
		}
	}
	return next, !next.IsZero()
}

// Waiters returns how many After calls are still pending; tests use it to
// know that a component is blocked waiting on the clock before advancing it.
func (m *Manual) Waiters() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.waiters)
}
