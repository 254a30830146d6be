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

// TestConfirmationThroughTheOutbox: an incident opened on partial evidence
// without lines for the thread, whose complete read confirms the cause,
// goes through the incident store's outbox to the bot: in the end its one
// root no longer says the diagnosis may change and its thread holds the
// complete read's lines, though Slack refused the lines once (ok:false)
// and the edit once (429 with Retry-After).
func TestConfirmationThroughTheOutbox(t *testing.T) {
	clk := clock.NewManual(t0)
	st, mgr := slackOutbox(t, clk)
	opened, confirmed := partiallyRead()
	for _, ev := range []notifier.Event{opened, confirmed} {
		inc := ev.Snapshot
		obs := incidents.Observation{Identity: inc.Identity, Figures: inc.Figures, Tripped: true,
			Diagnosis: &inc.Diagnosis, Scope: inc.Scope, EvidenceIncomplete: inc.EvidenceIncomplete}
		if _, err := mgr.Observe(t.Context(), obs); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Minute)
	}

	f := newFakeSlack(t)
	f.then("/chat.postMessage", f.post) // the root
	f.then("/chat.postMessage", okFalse("internal_error"))
	f.then("/chat.update", status(http.StatusTooManyRequests, "1"))
	disp, err := incidents.NewDispatcher(st, newBot(t, f, nil), incidents.DispatcherOptions{InitialBackoff: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { _ = disp.Run(ctx); close(done) }()
	for deadline := time.Now().Add(10 * time.Second); disp.Depth() > 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if n := disp.Depth(); n != 0 {
		t.Fatalf("%d notifications still pending", n)
	}
	f.mu.Lock()
	for path, q := range f.script {
		if len(q) > 0 {
			t.Errorf("%d scripted answers to %s left unused", len(q), path)
		}
	}
	f.mu.Unlock()
	checkConfirmed(t, f)
}

// slackOutbox opens an incident store in a test directory and a manager
// whose outbox delivers to one sink, "slack", that edits in place.
func slackOutbox(t *testing.T, clk *clock.Manual) (*incidents.Store, *incidents.Manager) {
	t.Helper()
	st, err := incidents.Open(filepath.Join(t.TempDir(), "s.db"), incidents.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	mgr, err := incidents.NewManager(st, incidents.ManagerOptions{Clock: clk, OutboxClock: clock.Real{},
		Registerer: prometheus.NewRegistry(), Sinks: []string{"slack"}, Editors: []string{"slack"}})
	if err != nil {
		t.Fatal(err)
	}
	return st, mgr
}
