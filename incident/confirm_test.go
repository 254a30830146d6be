package incident

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// newEditingManager is a manager with a sink that edits in place
// ("slack") and one that does not ("alertmanager").
func newEditingManager(t *testing.T, clk clock.Clock) (*Store, *Manager) {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "s.db"), StoreOptions{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	m, err := NewManager(st, ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry(),
		Sinks: []string{"slack", "alertmanager"}, Editors: []string{"slack", "gone"}})
	if err != nil {
		t.Fatal(err)
	}
	return st, m
}

// kinds lists the kinds of a sink's pending events, oldest first.
func kinds(t *testing.T, st *Store, sink string) []notifier.Kind {
	t.Helper()
	entries, err := st.head(sink, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []notifier.Kind
	for _, e := range entries {
		out = append(out, e.Event.Kind)
	}
	return out
}

// TestConfirmationGoesToEditorsOnly: the complete read that confirms a
// diagnosis from partial evidence enqueues a confirmation, with the
// unmarked incident, for the sinks that edit in place and for no other;
// it is no notification: no transition counted, the reminder still due
// from the opening.
func TestConfirmationGoesToEditorsOnly(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newEditingManager(t, clk)
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	observeAt(t, m, clk, 0, partial(tripped(0.5, fnErr)))
	clk.Set(t0.Add(time.Minute))
	tr, err := m.Diagnose(context.Background(), tripped(0.5, fnErr))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Kind != notifier.KindConfirmed || tr.Incident.Info.EvidenceIncomplete || tr.Incident.Seq != 2 {
		t.Fatalf("confirming read: kind %q incomplete=%v seq %d, want confirmed, unmarked, seq 2", tr.Kind, tr.Incident.Info.EvidenceIncomplete, tr.Incident.Seq)
	}
	if got := kinds(t, st, "slack"); len(got) != 2 || got[1] != notifier.KindConfirmed {
		t.Errorf("slack outbox %v, want opened then confirmed", got)
	}
	if got := kinds(t, st, "alertmanager"); len(got) != 1 || got[0] != notifier.KindOpened {
		t.Errorf("alertmanager outbox %v, want the opening only", got)
	}
	if got := testutil.CollectAndCount(m.metrics.transitions); got != len(notifier.Kinds()) {
		t.Errorf("transition series = %d, want %d: a confirmation is no notification", got, len(notifier.Kinds()))
	}
	if !tr.Incident.LastNotifiedAt.Equal(t0) {
		t.Errorf("last notified at %v, want the opening %v", tr.Incident.LastNotifiedAt, t0)
	}
	again, _ := m.Diagnose(context.Background(), tripped(0.5, fnErr))
	if again.Kind != "" {
		t.Errorf("the same complete answer read again: kind %q, want nothing", again.Kind)
	}
}

// TestHeldConfirmationGoesToEditorsOnly: a confirmation held while the
// store refused writes is written to the editors' outboxes only.
func TestHeldConfirmationGoesToEditorsOnly(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newEditingManager(t, clk)
	inc := decide(nil, partial(tripped(0.5, diag(classifier.Status502, classifier.CauseLambdaFunctionError))), t0, Rules{}).next
	inc.ID = heldPrefix + "1"
	conf := inc.clone()
	conf.Seq++
	conf.Info.EvidenceIncomplete = false
	m.held = []heldChange{{inc: inc, kind: notifier.KindOpened, isNew: true, at: t0, outAt: t0},
		{inc: conf, kind: notifier.KindConfirmed, at: t0, outAt: t0}}
	m.flushHeld()
	if got := kinds(t, st, "slack"); len(got) != 2 || got[1] != notifier.KindConfirmed {
		t.Errorf("slack outbox %v, want opened then confirmed", got)
	}
	if got := kinds(t, st, "alertmanager"); len(got) != 1 {
		t.Errorf("alertmanager outbox %v, want the opening only", got)
	}
}

// TestEvidenceChangeGoesToEditorsOnly: a read that leaves a partial
// diagnosis's cause and status as they were but changes the failed reads
// it names enqueues an evidence change for the editors alone (their
// message names the reads lacking now); the same reads failing again
// change nothing.
func TestEvidenceChangeGoesToEditorsOnly(t *testing.T) {
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	noFailure := diag(classifier.StatusNone, classifier.CauseNot5xx)
	lacking := func(d *classifier.Diagnosis, reads ...stage.Read) Observation {
		o := tripped(0.5, d)
		o.EvidenceIncomplete, o.IncompleteReads = len(reads) > 0, reads
		return o
	}
	tests := []struct {
		name  string
		read  Observation
		want  notifier.Kind
		reads []stage.Read
	}{
		{"read in full, the same answer", lacking(fnErr), notifier.KindConfirmed, nil},
		{"read in full, no 5xx while the stage trips", lacking(noFailure), notifier.KindEvidenceChanged, nil},
		{"read in part, other reads failing", lacking(fnErr, stage.ReadLogs), notifier.KindEvidenceChanged, []stage.Read{stage.ReadLogs}},
		{"read in part, more reads failing", lacking(fnErr, stage.ReadFunctions, stage.ReadLogs), notifier.KindEvidenceChanged, []stage.Read{stage.ReadFunctions, stage.ReadLogs}},
		{"read in part, the same reads failing", lacking(fnErr, stage.ReadFunctions), "", []stage.Read{stage.ReadFunctions}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewManual(t0)
			st, m := newEditingManager(t, clk)
			observeAt(t, m, clk, 0, lacking(fnErr, stage.ReadFunctions))
			clk.Set(t0.Add(time.Minute))
			tr, err := m.Diagnose(context.Background(), tt.read)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Kind != tt.want || !slices.Equal(tr.Incident.Info.IncompleteReads, tt.reads) {
				t.Fatalf("kind %q, reads %v; want %q, %v", tr.Kind, tr.Incident.Info.IncompleteReads, tt.want, tt.reads)
			}
			wantSlack := []notifier.Kind{notifier.KindOpened}
			if tt.want != "" {
				wantSlack = append(wantSlack, tt.want)
			}
			if got := kinds(t, st, "slack"); !slices.Equal(got, wantSlack) {
				t.Errorf("slack outbox %v, want %v", got, wantSlack)
			}
			if got := kinds(t, st, "alertmanager"); !slices.Equal(got, []notifier.Kind{notifier.KindOpened}) {
				t.Errorf("alertmanager outbox %v, want the opening only", got)
			}
			if !tr.Incident.LastNotifiedAt.Equal(t0) {
				t.Errorf("last notified at %v, want the opening %v: an edit notifies nobody", tr.Incident.LastNotifiedAt, t0)
			}
		})
	}
}
