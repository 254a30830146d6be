package slack

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/notifier"
)

func TestBotLifecycleThreadsUnderOneRoot(t *testing.T) {
	f := newFakeSlack(t)
	n := newBot(t, f, nil)
	var s store
	s.deliverAll(t, n, lifecycle())
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("root messages = %d, want 1", len(roots))
	}
	root := roots[0]
	if s.saved.RootTS != root.TS || s.saved.Channel != "C0ALERTS1" || s.saved.RootPending {
		t.Errorf("state = %+v, want root %s in C0ALERTS1, not pending", s.saved, root.TS)
	}
	replies := f.threadReplies(root.TS)
	if len(replies) != 3 {
		t.Fatalf("thread replies = %d, want 3 (updated, reminder, resolved)", len(replies))
	}
	for i, want := range []notifier.Kind{notifier.KindUpdated, notifier.KindReminder, notifier.KindResolved} {
		if got := replies[i].Metadata.EventPayload["kind"]; got != string(want) {
			t.Errorf("reply %d kind = %v, want %s", i, got, want)
		}
	}
	if root.Edits != 3 || !strings.Contains(root.Blocks, "Resolved") {
		t.Errorf("root edited %d times, blocks %q: want 3 edits ending resolved", root.Edits, root.Blocks)
	}
	if root.Metadata.EventType != metadataEventType || root.Metadata.EventPayload["role"] != "root" {
		t.Errorf("root metadata = %+v", root.Metadata)
	}
}

func TestBotCrashAfterRootPostAdoptsIt(t *testing.T) {
	f := newFakeSlack(t)
	var s store
	f.then("/chat.postMessage", f.postThenDrop)
	retry, err := s.deliver(t, newBot(t, f, nil), event(notifier.KindOpened, 1))
	if err == nil || !retry {
		t.Fatalf("first delivery: retry=%v err=%v, want a retryable error", retry, err)
	}
	// Simulate the crash: only the checkpoint survives.
	if !s.saved.RootPending || s.saved.RootTS != "" {
		t.Fatalf("checkpointed state = %+v, want RootPending without RootTS", s.saved)
	}
	restarted := newBot(t, f, nil)
	for _, ev := range []notifier.Event{event(notifier.KindOpened, 1), event(notifier.KindResolved, 2)} {
		if _, err := s.deliver(t, restarted, ev); err != nil {
			t.Fatalf("%s after restart: %v", ev.Kind, err)
		}
	}
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("root messages = %d, want exactly 1", len(roots))
	}
	if s.saved.RootTS != roots[0].TS {
		t.Errorf("adopted ts %q, want %q", s.saved.RootTS, roots[0].TS)
	}
	if r := f.threadReplies(roots[0].TS); len(r) != 1 || r[0].Metadata.EventPayload["kind"] != "resolved" {
		t.Errorf("thread = %+v, want the resolution only", r)
	}
}

func TestBotCrashAfterReplyPostDoesNotDoubleIt(t *testing.T) {
	f := newFakeSlack(t)
	var s store
	n := newBot(t, f, nil)
	if _, err := s.deliver(t, n, event(notifier.KindOpened, 1)); err != nil {
		t.Fatal(err)
	}
	f.then("/chat.postMessage", f.postThenDrop)
	upd := event(notifier.KindUpdated, 2)
	if retry, err := s.deliver(t, n, upd); err == nil || !retry {
		t.Fatalf("interrupted reply: retry=%v err=%v", retry, err)
	}
	if _, err := s.deliver(t, newBot(t, f, nil), upd); err != nil {
		t.Fatalf("redelivery: %v", err)
	}
	replies := f.threadReplies(s.saved.RootTS)
	if len(replies) != 1 {
		t.Fatalf("replies = %d, want 1", len(replies))
	}
	if _, pending := s.saved.Extra[extraReplyPending]; pending {
		t.Errorf("reply marker left in state: %v", s.saved.Extra)
	}
	if f.roots()[0].Edits != 1 {
		t.Errorf("root edits = %d, want 1", f.roots()[0].Edits)
	}
}

func TestBotPendingRootNotFoundPostsOnce(t *testing.T) {
	f := newFakeSlack(t)
	// A crash after the checkpoint but before the request left: nothing
	// was posted, so the lookup finds nothing and the root is posted now.
	s := store{saved: notifier.SinkState{Channel: "C0ALERTS1", RootPending: true}}
	if _, err := s.deliver(t, newBot(t, f, nil), event(notifier.KindOpened, 1)); err != nil {
		t.Fatal(err)
	}
	if len(f.roots()) != 1 || s.saved.RootTS == "" || s.saved.RootPending {
		t.Fatalf("roots=%d state=%+v", len(f.roots()), s.saved)
	}
}
