package slack

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	incidents "github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// readSentence is the sentence a message says about a failed read.
func readSentence(r stage.Read) string {
	return notifier.Label(classifier.LangEN, notifier.IncompleteReadLabel(r))
}

// TestEvidenceChangeEditsTheRoot: an incident opened on a diagnosis that
// lacks the functions' configuration, whose evidence is then read in full
// and finds no 5xx while the stage trips (the 502 is kept, marked), then
// read again with the logs query failing. Each read changes which failed
// reads the incident names and notifies nobody; through the incident
// store's outbox the bot edits the root each time, through a 429 with
// Retry-After and an ok:false, so that in the end it names the failed logs
// read and not the functions' read that no longer failed, with one root,
// no reply and no mention.
func TestEvidenceChangeEditsTheRoot(t *testing.T) {
	clk := clock.NewManual(t0)
	st, mgr := slackOutbox(t, clk)
	inc := event(notifier.KindOpened, 1).Snapshot
	noFailure := classifier.Diagnosis{Status: classifier.StatusNone, Cause: classifier.CauseNot5xx, APIType: stage.APIREST}
	reads := []struct {
		diag   classifier.Diagnosis
		failed []stage.Read
		want   notifier.Kind
	}{
		{inc.Diagnosis, []stage.Read{stage.ReadFunctions}, notifier.KindOpened},
		{noFailure, nil, notifier.KindEvidenceChanged},
		{inc.Diagnosis, []stage.Read{stage.ReadLogs}, notifier.KindEvidenceChanged},
	}
	for i, r := range reads {
		obs := incidents.Observation{Identity: inc.Identity, Figures: inc.Figures, Tripped: true,
			Diagnosis: &r.diag, Scope: inc.Scope, EvidenceIncomplete: len(r.failed) > 0, IncompleteReads: r.failed}
		tr, err := mgr.Observe(t.Context(), obs)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Kind != r.want {
			t.Fatalf("read %d: %q, want %q", i+1, tr.Kind, r.want)
		}
		clk.Advance(time.Minute)
	}

	f := newFakeSlack(t)
	f.then("/chat.update", status(http.StatusTooManyRequests, "1"))
	f.then("/chat.update", okFalse("internal_error"))
	disp, err := incidents.NewDispatcher(st, newBot(t, f, nil), incidents.DispatcherOptions{InitialBackoff: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { _ = disp.Run(ctx); close(done) }()
	eventually(t, "the outbox to drain", func() bool { return disp.Depth() == 0 })
	cancel()
	<-done
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("root messages = %d, want 1", len(roots))
	}
	root := roots[0]
	if strings.Contains(root.Blocks+root.Text, readSentence(stage.ReadFunctions)) || !strings.Contains(root.Blocks, readSentence(stage.ReadLogs)) {
		t.Errorf("root (edited %d times) does not name the failed read of the current diagnosis (logs), or still names one that no longer failed (functions): %s", root.Edits, root.Blocks)
	}
	if root.Edits != 2 {
		t.Errorf("root edited %d times, want once per change", root.Edits)
	}
	if r := f.threadReplies(root.TS); len(r) != 0 {
		t.Errorf("thread replies = %d, want none: a change of the failed reads notifies nobody", len(r))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for path, q := range f.script {
		if len(q) > 0 {
			t.Errorf("%d scripted answers to %s left unused", len(q), path)
		}
	}
}
