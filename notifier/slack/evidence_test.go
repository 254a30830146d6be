package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestBotPostsTheOtherEvidenceInTheThread: the root message shows the one
// telling line; the thread gets every kept line once, under the root
// this delivery posted, and later events do not post it again.
func TestBotPostsTheOtherEvidenceInTheThread(t *testing.T) {
	f := newFakeSlack(t)
	n := newBot(t, f, nil)
	var s store
	s.deliverAll(t, n, lifecycle())
	root := f.roots()[0]
	if strings.Contains(root.Blocks, "Lambda execution failed") {
		t.Errorf("root shows more than the telling line: %s", root.Blocks)
	}
	ev := f.evidenceReplies(root.TS)
	if len(ev) != 1 {
		t.Fatalf("evidence replies = %d, want 1", len(ev))
	}
	for _, want := range []string{"Endpoint response body before transformations", "Lambda execution failed with status 200"} {
		if !strings.Contains(ev[0].Blocks, want) {
			t.Errorf("evidence reply lacks %q: %s", want, ev[0].Blocks)
		}
	}
}

// TestBotPostsTheEvidenceWithALateDiagnosis: a root posted while the
// incident was diagnosing has no evidence to show; the thread gets the
// lines once, with the update that brings the diagnosis.
func TestBotPostsTheEvidenceWithALateDiagnosis(t *testing.T) {
	f := newFakeSlack(t)
	events := diagnosingLifecycle()
	var s store
	s.deliverAll(t, newBot(t, f, nil), events[:1])
	// A restart between the announcement and the diagnosis: only the
	// stored state says the evidence is still due.
	s.deliverAll(t, newBot(t, f, nil), events[1:])
	checkLateEvidence(t, f)
}

// TestBotEvidenceDueSurvivesACrashMidRoot: a crash after Slack took the
// diagnosing root but before its answer came back; the restarted sink
// adopts the root, and the diagnosis still brings the evidence, once.
func TestBotEvidenceDueSurvivesACrashMidRoot(t *testing.T) {
	f := newFakeSlack(t)
	f.then("/chat.postMessage", f.postThenDrop)
	events := diagnosingLifecycle()
	var s store
	if _, err := s.deliver(t, newBot(t, f, nil), events[0]); err == nil {
		t.Fatal("the dropped answer gave no error")
	}
	s.deliverAll(t, newBot(t, f, nil), events)
	checkLateEvidence(t, f)
}

// diagnosingLifecycle is lifecycle with an announcement sent while the
// incident was still diagnosing.
func diagnosingLifecycle() []notifier.Event {
	events := lifecycle()
	events[0].Snapshot.Diagnosing = true
	events[0].Snapshot.Diagnosis = classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown}
	return events
}

// checkLateEvidence fails unless the one root's thread holds exactly one
// evidence reply, with the diagnosis's lines.
func checkLateEvidence(t *testing.T, f *fakeSlack) {
	t.Helper()
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("root messages = %d, want 1", len(roots))
	}
	if ev := f.evidenceReplies(roots[0].TS); len(ev) != 1 || !strings.Contains(ev[0].Blocks, "Lambda execution failed with status 200") {
		t.Fatalf("evidence replies = %d, want 1 with the diagnosis's lines", len(ev))
	}
}

// TestSameWordsInBothModes: the bot's root message and the webhook message
// of an event carry the same figures, windows and diagnosis.
func TestSameWordsInBothModes(t *testing.T) {
	for _, ev := range lifecycle() {
		v := notifier.NewView(ev, "en")
		root, hook := render(v, styleRoot, ""), render(v, styleFull, "")
		rb, _ := json.Marshal(root.Blocks[1:])
		hb, _ := json.Marshal(hook.Blocks[1:])
		if string(rb) != string(hb) {
			t.Errorf("%s: root and webhook differ:\nroot    %s\nwebhook %s", ev.Kind, rb, hb)
		}
	}
}

// TestBotPostsTheEvidenceOfTheCompleteRead: announced while diagnosing,
// then diagnosed from partial evidence (its logs unreadable: no lines),
// the incident's thread gets the lines once, with the update that the
// complete read brings.
func TestBotPostsTheEvidenceOfTheCompleteRead(t *testing.T) {
	f := newFakeSlack(t)
	events := diagnosingLifecycle()
	part := event(notifier.KindUpdated, 2)
	part.Snapshot.Previous = nil
	part.Snapshot.Diagnosis = classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown}
	part.Snapshot.EvidenceIncomplete = true
	events = append([]notifier.Event{events[0], part}, events[1:]...)
	for i := range events {
		events[i].Seq, events[i].ID = i+1, fmt.Sprintf("inc-1/%d", i+1)
	}
	var s store
	s.deliverAll(t, newBot(t, f, nil), events)
	checkLateEvidence(t, f)
}

// TestBotPostsTheLinesOfAPartialRead: announced while diagnosing, then
// diagnosed from partial evidence that has lines (the metrics unread, the
// logs read), the thread gets those lines with that update: the complete
// read that confirms the cause sends nothing that could carry them.
func TestBotPostsTheLinesOfAPartialRead(t *testing.T) {
	f := newFakeSlack(t)
	part := event(notifier.KindUpdated, 2)
	part.Snapshot.Previous = nil
	part.Snapshot.EvidenceIncomplete = true
	if v := notifier.NewView(part, "en"); len(v.MoreEvidence) == 0 {
		t.Fatal("the fixture's diagnosis has no lines for the thread")
	}
	var s store
	s.deliverAll(t, newBot(t, f, nil), []notifier.Event{diagnosingLifecycle()[0], part})
	checkLateEvidence(t, f)
}
