package slack

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
	incidents "github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// outageDaemon is the part of a daemon that delivers to Slack: the
// incident store and the bot's dispatcher, on the test's clock. stop ends
// it as a restart does (the store closed, everything in memory lost).
type outageDaemon struct {
	st     *incidents.Store
	disp   *incidents.Dispatcher
	cancel context.CancelFunc
	done   chan struct{}
}

func startOutageDaemon(t *testing.T, path string, f *fakeSlack, clk *clock.Manual) *outageDaemon {
	t.Helper()
	st, err := incidents.Open(path, incidents.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	disp, err := incidents.NewDispatcher(st, newBot(t, f, nil), incidents.DispatcherOptions{
		Clock: clk, InitialBackoff: time.Minute, MaxBackoff: 10 * time.Minute,
		Jitter: func(d time.Duration) time.Duration { return d },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	d := &outageDaemon{st: st, disp: disp, cancel: cancel, done: make(chan struct{})}
	go func() { _ = disp.Run(ctx); close(d.done) }()
	return d
}

func (d *outageDaemon) stop(t *testing.T) {
	t.Helper()
	d.cancel()
	<-d.done
	if err := d.st.Close(); err != nil {
		t.Fatal(err)
	}
}

// eventually waits (in real time) for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// posts counts the chat.postMessage calls Slack received.
func (f *fakeSlack) posts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls["/chat.postMessage"]
}

// TestRestartInAnOutageKeepsTheBackoff: Slack answers an incident's root
// message with a 429 asking for 120 s, the daemon is restarted 30 s later
// (its container rescheduled), and the restarted daemon waits the 90 s
// left before it calls again; Slack then answers ok:false internal_error,
// the backoff goes on from the second step (2 min, not the first 1 min),
// and a second restart a minute later waits the minute left. Through the
// real incident store: in the end one root message, posted once, and
// nothing pending.
func TestRestartInAnOutageKeepsTheBackoff(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	clk := clock.NewManual(t0)
	f := newFakeSlack(t)
	opened := event(notifier.KindOpened, 1).Snapshot
	st, err := incidents.Open(path, incidents.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mgr, err := incidents.NewManager(st, incidents.ManagerOptions{Clock: clk,
		Registerer: prometheus.NewRegistry(), Sinks: []string{"slack"}, Editors: []string{"slack"}})
	if err != nil {
		t.Fatal(err)
	}
	obs := incidents.Observation{Identity: opened.Identity, Figures: opened.Figures, Tripped: true,
		Diagnosis: &opened.Diagnosis, Scope: opened.Scope}
	if _, err := mgr.Observe(t.Context(), obs); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	f.then("/chat.postMessage", status(http.StatusTooManyRequests, "120"))
	f.then("/chat.postMessage", okFalse("internal_error"))
	steps := []struct {
		name    string
		restart time.Duration // after the last failure
		left    time.Duration // of the wait it asked for
	}{
		{"Retry-After: 120", 30 * time.Second, 90 * time.Second},
		{"ok:false internal_error, second backoff step", time.Minute, time.Minute},
	}
	d := startOutageDaemon(t, path, f, clk)
	for i, s := range steps {
		eventually(t, "Slack's answer "+s.name, func() bool { return f.posts() == i+1 && clk.Waiters() > 0 })
		d.stop(t)
		clk.Advance(s.restart)
		waiting := clk.Waiters() // the stopped daemon's timers
		d = startOutageDaemon(t, path, f, clk)
		eventually(t, "the restarted daemon to wait", func() bool { return clk.Waiters() > waiting || f.posts() > i+1 })
		if n := f.posts(); n != i+1 {
			t.Fatalf("after %s, a daemon restarted %s later called Slack at once (%d posts, want %d): the sink asked it to wait %s more",
				s.name, s.restart, n, i+1, s.left)
		}
		clk.Advance(s.left - time.Second)
		time.Sleep(20 * time.Millisecond)
		if n := f.posts(); n != i+1 {
			t.Fatalf("after %s, called Slack %s early", s.name, time.Second)
		}
		clk.Advance(time.Second)
	}
	eventually(t, "the delivery", func() bool { return d.disp.Depth() == 0 })
	d.stop(t)
	if n := f.posts(); n < len(steps)+1 {
		t.Errorf("%d posts, want the %d refused and the root", n, len(steps))
	}
	if roots := f.roots(); len(roots) != 1 {
		t.Errorf("root messages = %d, want 1", len(roots))
	}
}
