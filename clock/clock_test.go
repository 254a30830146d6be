package clock

import (
	"testing"
	"time"
)

func TestManualFiresWaitersWhenDue(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m := NewManual(t0)
	if _, ok := m.Next(); ok {
		t.Fatal("Next reports a deadline with no waiter")
	}
	late, early := m.After(time.Minute), m.After(time.Second)
	if m.Waiters() != 2 {
		t.Fatalf("waiters = %d, want 2", m.Waiters())
	}
	if next, ok := m.Next(); !ok || !next.Equal(t0.Add(time.Second)) {
		t.Fatalf("Next = %v %v, want the earlier deadline %v", next, ok, t0.Add(time.Second))
	}
	m.Advance(30 * time.Second)
	select {
	case at := <-early:
		if !at.Equal(t0.Add(30 * time.Second)) {
			t.Errorf("fired at %v", at)
		}
	default:
		t.Fatal("a waiter due 1s after start did not fire after 30s")
	}
	select {
	case <-late:
		t.Fatal("a waiter due after 1m fired after 30s")
	default:
	}
	m.Set(t0) // never backwards
	if !m.Now().Equal(t0.Add(30 * time.Second)) {
		t.Errorf("Set moved the clock backwards to %v", m.Now())
	}
	m.Advance(30 * time.Second)
	<-late
	if m.Waiters() != 0 {
		t.Errorf("waiters = %d after all fired", m.Waiters())
	}
	select {
	case <-m.After(0):
	default:
		t.Error("After(0) did not fire at once")
	}
}

func TestScaledRunsFaster(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := NewScaled(t0, 1000)
	wall := time.Now()
	at := <-s.After(2 * time.Second) // 2 ms of wall time at 1000x
	if elapsed := time.Since(wall); elapsed > time.Second {
		t.Errorf("2s of emulated time took %v of wall time at 1000x", elapsed)
	}
	if at.Before(t0.Add(2 * time.Second)) {
		t.Errorf("fired at %v, before the emulated deadline", at)
	}
	if NewScaled(t0, 0).speed != 1 {
		t.Error("speed 0 should mean real speed")
	}
}
