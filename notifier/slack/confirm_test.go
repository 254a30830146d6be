package slack

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// mayChange is what a root message says while its diagnosis rests on part
// of its evidence.
const mayChange = "this diagnosis may change"

// partiallyRead is an incident opened on partial evidence that named its
// cause without a line for the thread, then the confirmation of that
// cause by the complete read, which has them.
func partiallyRead() (opened, confirmed notifier.Event) {
	opened = event(notifier.KindOpened, 1)
	opened.Snapshot.EvidenceIncomplete = true
	opened.Snapshot.Diagnosis.Evidence = nil
	confirmed = event(notifier.KindOpened, 2)
	confirmed.Kind = notifier.KindConfirmed
	return opened, confirmed
}

// checkConfirmed fails unless the one root no longer says its diagnosis
// may change, and its thread holds the complete read's lines once and no
// reply for the confirmation.
func checkConfirmed(t *testing.T, f *fakeSlack) {
	t.Helper()
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("root messages = %d, want 1", len(roots))
	}
	if root := roots[0]; strings.Contains(root.Blocks, mayChange) || strings.Contains(root.Text, mayChange) || root.Edits == 0 {
		t.Errorf("root (edited %d times) still says its diagnosis may change: %s", root.Edits, root.Blocks)
	}
	checkLateEvidence(t, f)
	if r := f.threadReplies(roots[0].TS); len(r) != 0 {
		t.Errorf("thread replies = %d, want none: a confirmation notifies nobody", len(r))
	}
}

// checkSettled fails unless the stored state owes the thread nothing.
func checkSettled(t *testing.T, st notifier.SinkState) {
	t.Helper()
	if st.Extra[extraEvidenceDue] != "" || st.Extra[extraReplyPending] != "" {
		t.Errorf("state after the confirmation: %v, want no evidence due and no reply pending", st.Extra)
	}
}

// TestBotConfirmationEditsTheRootInPlace: the complete read confirming a
// diagnosis from partial evidence edits the root so that it no longer says
// the diagnosis may change, and posts the lines the thread lacks, through
// a 429 with Retry-After and an ok:false on either call; each attempt is a
// restarted sink that knows only the stored state, and nothing is posted
// twice.
func TestBotConfirmationEditsTheRootInPlace(t *testing.T) {
	f := newFakeSlack(t)
	opened, confirmed := partiallyRead()
	var s store
	s.deliverAll(t, newBot(t, f, nil), []notifier.Event{opened})
	if root := f.roots()[0]; !strings.Contains(root.Blocks, mayChange) {
		t.Fatalf("the partial diagnosis's root does not say it may change: %s", root.Blocks)
	}
	f.then("/chat.postMessage", status(http.StatusTooManyRequests, "3"))
	f.then("/chat.update", okFalse("internal_error"))
	f.then("/chat.update", status(http.StatusTooManyRequests, "5"))
	for i, wantAfter := range []time.Duration{3 * time.Second, 0, 5 * time.Second} {
		retry, err := s.deliver(t, newBot(t, f, nil), confirmed)
		var ra *notifier.RetryAfterError
		if !retry || err == nil || (wantAfter > 0) != errors.As(err, &ra) || (ra != nil && ra.After != wantAfter) {
			t.Fatalf("attempt %d: retry=%v err=%v, want a retry after %s", i+1, retry, err, wantAfter)
		}
	}
	if _, err := s.deliver(t, newBot(t, f, nil), confirmed); err != nil {
		t.Fatalf("last attempt: %v", err)
	}
	checkConfirmed(t, f)
	checkSettled(t, s.saved)
}

// TestBotConfirmationAfterACrashMidEvidence: Slack took the evidence
// reply but its answer was lost; the restarted sink finds the reply
// instead of posting it again, and edits the root.
func TestBotConfirmationAfterACrashMidEvidence(t *testing.T) {
	f := newFakeSlack(t)
	opened, confirmed := partiallyRead()
	var s store
	s.deliverAll(t, newBot(t, f, nil), []notifier.Event{opened})
	f.then("/chat.postMessage", f.postThenDrop)
	if retry, err := s.deliver(t, newBot(t, f, nil), confirmed); err == nil || !retry {
		t.Fatalf("dropped answer: retry=%v err=%v, want a retry", retry, err)
	}
	s.deliverAll(t, newBot(t, f, nil), []notifier.Event{confirmed})
	checkConfirmed(t, f)
	checkSettled(t, s.saved)
}

// TestBotConfirmationWithTheLinesPosted: a partial read that had lines for
// the thread posted them; the confirmation only edits the root.
func TestBotConfirmationWithTheLinesPosted(t *testing.T) {
	f := newFakeSlack(t)
	opened, confirmed := partiallyRead()
	opened.Snapshot.Diagnosis.Evidence = confirmed.Snapshot.Diagnosis.Evidence
	var s store
	s.deliverAll(t, newBot(t, f, nil), []notifier.Event{opened, confirmed})
	checkConfirmed(t, f)
	checkSettled(t, s.saved)
}

// TestWebhookSendsNoConfirmation: a webhook message cannot be edited, and
// a new one would notify: the confirmation sends nothing.
func TestWebhookSendsNoConfirmation(t *testing.T) {
	f := newFakeSlack(t)
	n := newSink(t, f, "webhook", nil)
	opened, confirmed := partiallyRead()
	var s store
	s.deliverAll(t, n, []notifier.Event{opened, confirmed})
	if got := len(f.messages()); got != 1 {
		t.Errorf("webhook messages = %d, want the opening only", got)
	}
	if n.EditsInPlace() || !newBot(t, f, nil).EditsInPlace() {
		t.Error("EditsInPlace: want the bot only")
	}
}
