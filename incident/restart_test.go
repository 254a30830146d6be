package incident

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// remote is what a sink's far side (a Slack channel) has received.
type remote struct {
	mu    sync.Mutex
	roots int
	seen  map[string]int // event id -> deliveries
}

func (r *remote) post(id string, root bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen == nil {
		r.seen = map[string]int{}
	}
	r.seen[id]++
	if root {
		r.roots++
	}
}

// idempotentNotify behaves like the Slack sink: it checkpoints before
// posting a root message and posts none when the state already has one.
func idempotentNotify(r *remote) func(d *notifier.Delivery) (bool, error) {
	return func(d *notifier.Delivery) (bool, error) {
		if d.State.RootTS != "" {
			r.post(d.Event.ID, false)
			return false, nil
		}
		d.State.RootPending = true
		if err := d.Checkpoint(d.State); err != nil {
			return true, err
		}
		r.post(d.Event.ID, true)
		d.State.RootTS, d.State.RootPending = "1700000000.0001", false
		return false, d.Checkpoint(d.State)
	}
}

func TestCrashBetweenSinkAndBookkeeping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st1 := storeWithEvents(t, path, "prod")
	far := &remote{}
	inFlight, release := make(chan struct{}), make(chan struct{})
	deliver := idempotentNotify(far)
	sink1 := &fakeSink{notify: func(d *notifier.Delivery) (bool, error) {
		retry, err := deliver(d)
		close(inFlight)
		<-release // the process dies here: the bookkeeping never happens
		return retry, err
	}}
	d1 := newTestDispatcher(t, st1, sink1, &sleepClock{now: t0}, prometheus.NewRegistry())
	ctx1, cancel1 := context.WithCancel(context.Background())
	done1 := make(chan error, 1)
	go func() { done1 <- d1.Run(ctx1) }()
	<-inFlight
	if err := st1.Close(); err != nil {
		t.Fatal(err)
	}

	st2, err := Open(path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	sink2 := &fakeSink{notify: idempotentNotify(far)}
	d2 := newTestDispatcher(t, st2, sink2, &sleepClock{now: t0}, prometheus.NewRegistry())
	runUntil(t, d2, func() bool { return d2.Depth() == 0 })

	first, again := sink1.delivered()[0], sink2.delivered()
	if len(again) != 1 || again[0].Event.ID != first.Event.ID {
		t.Fatalf("redelivered %+v, want event %s once", again, first.Event.ID)
	}
	if again[0].State.RootTS != "1700000000.0001" || again[0].Attempt != 2 {
		t.Errorf("redelivery state %+v attempt %d, want the checkpointed root and attempt 2", again[0].State, again[0].Attempt)
	}
	if far.roots != 1 {
		t.Errorf("%d root messages, want 1", far.roots)
	}
	close(release)
	cancel1()
	<-done1 // the dead dispatcher's bookkeeping fails on the closed store; it must still stop
}

func TestNoDuplicatesAcrossRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st := storeWithEvents(t, path, "prod", "beta", "gamma", "delta")
	far := &remote{}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	sink1 := &fakeSink{notify: func(d *notifier.Delivery) (bool, error) {
		far.post(d.Event.ID, true)
		if n++; n == 2 {
			cancel() // SIGTERM after the second delivery
		}
		return false, nil
	}}
	d1 := newTestDispatcher(t, st, sink1, &sleepClock{now: t0}, prometheus.NewRegistry())
	if err := d1.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if d1.Depth() != 2 {
		t.Fatalf("depth after shutdown %d, want 2", d1.Depth())
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sink2 := &fakeSink{notify: func(d *notifier.Delivery) (bool, error) { far.post(d.Event.ID, true); return false, nil }}
	d2 := newTestDispatcher(t, st, sink2, &sleepClock{now: t0}, prometheus.NewRegistry())
	runUntil(t, d2, func() bool { return d2.Depth() == 0 })
	if len(far.seen) != 4 {
		t.Errorf("%d distinct events delivered, want 4", len(far.seen))
	}
	for id, c := range far.seen {
		if c != 1 {
			t.Errorf("event %s delivered %d times", id, c)
		}
	}
}

func TestShutdownWaitsForTheCallInFlight(t *testing.T) {
	tests := []struct {
		name      string
		callTakes time.Duration // 0: until the call's own timeout
		wantDepth int
	}{
		{"call finishes and is recorded", 50 * time.Millisecond, 0},
		{"call hits its own timeout", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storeWithEvents(t, filepath.Join(t.TempDir(), "s.db"), "prod")
			defer st.Close()
			started := make(chan struct{})
			sink := &slowSink{started: started, takes: tt.callTakes}
			d, err := NewDispatcher(st, sink, DispatcherOptions{CallTimeout: 300 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			begin := time.Now()
			go func() { done <- d.Run(ctx) }()
			<-started
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return after its context ended")
			}
			if el := time.Since(begin); el > 2*time.Second {
				t.Errorf("shutdown took %s", el)
			}
			if d.Depth() != tt.wantDepth {
				t.Errorf("depth %d, want %d", d.Depth(), tt.wantDepth)
			}
		})
	}
}

// slowSink takes its time, or blocks until its call's context ends.
type slowSink struct {
	started chan struct{}
	takes   time.Duration
}

func (s *slowSink) Name() string { return "fake" }

func (s *slowSink) Notify(ctx context.Context, _ *notifier.Delivery) (bool, error) {
	close(s.started)
	if s.takes == 0 {
		<-ctx.Done()
		return true, ctx.Err()
	}
	time.Sleep(s.takes)
	return false, ctx.Err()
}
