package incident

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// fakeSink records deliveries; notify decides each attempt's outcome.
type fakeSink struct {
	notify func(d *notifier.Delivery) (bool, error)

	mu    sync.Mutex
	calls []notifier.Delivery
}

func (f *fakeSink) Name() string { return "fake" }

func (f *fakeSink) Notify(_ context.Context, d *notifier.Delivery) (bool, error) {
	f.mu.Lock()
	f.calls = append(f.calls, *d)
	f.mu.Unlock()
	if f.notify == nil {
		return false, nil
	}
	return f.notify(d)
}

func (f *fakeSink) delivered() []notifier.Delivery {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]notifier.Delivery(nil), f.calls...)
}

// sleepClock records every wait and lets it pass at once.
type sleepClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func (c *sleepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *sleepClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

func (c *sleepClock) recorded() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

// runUntil runs a dispatcher until cond holds (checked every few ms) and
// then stops it, failing after 10 s.
func runUntil(t *testing.T, d *Dispatcher, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("condition not reached in 10 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}

// enqueueIncidents opens n stages through a manager and returns the store.
func storeWithEvents(t *testing.T, path string, stages ...string) *Store {
	t.Helper()
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk, "fake")
	for i, s := range stages {
		observeAt(t, m, clk, time.Duration(i)*time.Second, stageObs(s, true))
	}
	return st
}

func newTestDispatcher(t *testing.T, st *Store, sink notifier.Notifier, clk clock.Clock, reg prometheus.Registerer) *Dispatcher {
	t.Helper()
	d, err := NewDispatcher(st, sink, DispatcherOptions{
		Clock: clk, Registerer: reg, Jitter: func(d time.Duration) time.Duration { return d },
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDispatcherDeliversInOrderPerIncident(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	// prod opens, beta opens, prod resolves, beta changes, prod flaps back.
	stages := []string{"prod", "beta", "prod", "beta", "prod"}
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk, "fake")
	defer st.Close()
	for i, s := range stages {
		obs := stageObs(s, i != 2)
		if i == 3 {
			obs.ErrorRate = 0.05
		}
		if tr := observeAt(t, m, clk, time.Duration(i)*time.Minute, obs); tr.Kind == "" {
			t.Fatalf("step %d made no transition", i)
		}
	}
	sink := &fakeSink{}
	d := newTestDispatcher(t, st, sink, &sleepClock{now: t0}, prometheus.NewRegistry())
	if d.Depth() != len(stages) {
		t.Fatalf("depth %d, want %d", d.Depth(), len(stages))
	}
	runUntil(t, d, func() bool { return d.Depth() == 0 })
	got := sink.delivered()
	if len(got) != len(stages) {
		t.Fatalf("%d deliveries, want %d", len(got), len(stages))
	}
	wantKinds := []notifier.Kind{"opened", "opened", "resolved", "updated", "updated"}
	lastSeq := map[string]int{}
	for i, dl := range got {
		if dl.Event.Kind != wantKinds[i] || dl.Event.Snapshot.Stage != stages[i] {
			t.Errorf("delivery %d: %s of %s, want %s of %s", i, dl.Event.Kind, dl.Event.Snapshot.Stage, wantKinds[i], stages[i])
		}
		if dl.Event.Seq != lastSeq[dl.Event.IncidentID]+1 {
			t.Errorf("delivery %d: seq %d after %d", i, dl.Event.Seq, lastSeq[dl.Event.IncidentID])
		}
		lastSeq[dl.Event.IncidentID] = dl.Event.Seq
		if dl.Event.ID != eventID(dl.Event.IncidentID, dl.Event.Seq) || dl.Attempt != 1 {
			t.Errorf("delivery %d: id %q attempt %d", i, dl.Event.ID, dl.Attempt)
		}
	}
}

func TestDispatcherRetries(t *testing.T) {
	transient := errors.New("slack: 503 service unavailable")
	tests := []struct {
		name      string
		errs      []error // one per attempt; the attempt after the last succeeds
		permanent bool
		wantWaits []time.Duration
		want      map[string]float64
	}{
		{"exponential backoff for transient errors", []error{transient, transient, transient}, false,
			[]time.Duration{time.Second, 2 * time.Second, 4 * time.Second},
			map[string]float64{resultRetried: 3, resultDelivered: 1, resultFailed: 0}},
		{"Retry-After waited exactly", []error{&notifier.RetryAfterError{After: 7300 * time.Millisecond, Err: transient}, transient}, false,
			[]time.Duration{7300 * time.Millisecond, 2 * time.Second},
			map[string]float64{resultRetried: 2, resultDelivered: 1, resultFailed: 0}},
		{"permanent error not retried", []error{errors.New("slack: channel_not_found")}, true,
			nil, map[string]float64{resultRetried: 0, resultDelivered: 0, resultFailed: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storeWithEvents(t, filepath.Join(t.TempDir(), "s.db"), "prod")
			defer st.Close()
			n := 0
			sink := &fakeSink{notify: func(*notifier.Delivery) (bool, error) {
				n++
				if n > len(tt.errs) {
					return false, nil
				}
				return !tt.permanent, tt.errs[n-1]
			}}
			clk := &sleepClock{now: t0}
			reg := prometheus.NewRegistry()
			d := newTestDispatcher(t, st, sink, clk, reg)
			runUntil(t, d, func() bool { return d.Depth() == 0 })
			if got := clk.recorded(); !equalDurations(got, tt.wantWaits) {
				t.Errorf("waits %v, want %v", got, tt.wantWaits)
			}
			for result, want := range tt.want {
				if got := testutil.ToFloat64(d.metrics.notifications.WithLabelValues("fake", result)); got != want {
					t.Errorf("notifications_total{result=%q} = %v, want %v", result, got, want)
				}
			}
			calls := sink.delivered()
			if last := calls[len(calls)-1]; last.Attempt != len(calls) {
				t.Errorf("last attempt number %d, want %d", last.Attempt, len(calls))
			}
			counts, _ := st.notificationCounts()
			if tt.permanent && counts[calls[0].Event.IncidentID]["fake"].Failed != 1 {
				t.Errorf("the permanent failure is not kept visible: %+v", counts[calls[0].Event.IncidentID]["fake"])
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBackoffCapped(t *testing.T) {
	b := backoff{initial: time.Second, max: time.Minute, jitter: func(d time.Duration) time.Duration { return d }}
	if got := b.wait(100, errors.New("x")); got != time.Minute {
		t.Errorf("wait after 100 failures = %s, want the 1 min cap", got)
	}
	for _, tt := range []struct{ asked, want time.Duration }{
		{30 * time.Second, 30 * time.Second}, // waited exactly, above or below the backoff cap
		{20 * time.Minute, 20 * time.Minute},
		{24 * time.Hour, retryAfterMost},
	} {
		if got := b.wait(1, &notifier.RetryAfterError{After: tt.asked, Err: errors.New("429")}); got != tt.want {
			t.Errorf("Retry-After %s: waits %s, want %s", tt.asked, got, tt.want)
		}
	}
	for range 1000 {
		if j := equalJitter(10 * time.Second); j < 5*time.Second || j > 10*time.Second {
			t.Fatalf("jitter %s outside [5s, 10s]", j)
		}
	}
}

func newManualAt() *clock.Manual { return clock.NewManual(t0) }

func secs(n int) time.Duration { return time.Duration(n) * time.Second }

// TestStoredWaitLeft: a restarted dispatcher waits what is left of a
// stored retry, never longer than the wait it was given.
func TestStoredWaitLeft(t *testing.T) {
	b := &entryBackoff{Failures: 1, FailedAt: t0, RetryAt: t0.Add(2 * time.Minute)}
	tests := []struct {
		name string
		b    *entryBackoff
		now  time.Time
		want time.Duration
	}{
		{"never retried", nil, t0, 0},
		{"restarted within the wait", b, t0.Add(30 * time.Second), 90 * time.Second},
		{"restarted after it", b, t0.Add(3 * time.Minute), -time.Minute},
		{"clock set back an hour", b, t0.Add(-time.Hour), 2 * time.Minute},
	}
	for _, tt := range tests {
		if got := tt.b.remaining(tt.now); got != tt.want {
			t.Errorf("%s: %s left, want %s", tt.name, got, tt.want)
		}
		if got := storedWait([]outboxEntry{{Backoff: tt.b}}, tt.now); got != max(tt.want, 0) {
			t.Errorf("%s: stored wait %s, want %s", tt.name, got, max(tt.want, 0))
		}
	}
}

// setBackClock is a sleepClock whose wall clock is set back by back
// during the first wait (an NTP step, an operator's correction): the wait
// itself, on the monotonic clock, still takes its time.
type setBackClock struct {
	sleepClock
	back time.Duration
}

func (c *setBackClock) After(d time.Duration) <-chan time.Time {
	ch := c.sleepClock.After(d)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now, c.back = c.now.Add(-c.back), 0
	return ch
}

// TestClockSetBackDuringABackoff: a wait this process slept is not waited
// again because the wall clock was set back meanwhile (the stored retry
// time then looks an hour away); only a restarted process resumes a stored
// wait.
func TestClockSetBackDuringABackoff(t *testing.T) {
	st := storeWithEvents(t, filepath.Join(t.TempDir(), "s.db"), "prod")
	defer st.Close()
	n := 0
	sink := &fakeSink{notify: func(*notifier.Delivery) (bool, error) {
		if n++; n == 1 {
			return true, errors.New("slack: 503 service unavailable")
		}
		return false, nil
	}}
	clk := &setBackClock{sleepClock: sleepClock{now: t0}, back: time.Hour}
	d := newTestDispatcher(t, st, sink, clk, prometheus.NewRegistry())
	runUntil(t, d, func() bool { return d.Depth() == 0 })
	if got := clk.recorded(); !equalDurations(got, []time.Duration{time.Second}) {
		t.Errorf("waits %v, want the one backoff step of 1s", got)
	}
}
