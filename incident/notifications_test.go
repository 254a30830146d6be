package incident

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestPendingRetryShown: while a sink retries a notification after a
// transient failure, /api/incidents says how many calls it has made and
// when the next one is due; both go once it is delivered.
func TestPendingRetryShown(t *testing.T) {
	st := storeWithEvents(t, filepath.Join(t.TempDir(), "s.db"), "prod")
	defer st.Close()
	head, err := st.head("fake", 10)
	if err != nil || len(head) != 1 {
		t.Fatalf("head: %d entries, %v", len(head), err)
	}
	id := head[0].Event.IncidentID
	status := func() SinkStatus {
		t.Helper()
		counts, err := st.notificationCounts()
		if err != nil {
			t.Fatal(err)
		}
		return *counts[id]["fake"]
	}
	if s := status(); s.Pending != 1 || s.Attempts != 0 || s.NextAttemptAt != nil {
		t.Errorf("before any call: %+v, want 1 pending, no attempt, no retry time", s)
	}

	retryAt := t0.Add(30 * time.Second)
	for range 2 {
		if err := st.attempt("fake", []uint64{head[0].key}); err != nil {
			t.Fatal(err)
		}
		states := []notifier.SinkState{{}}
		b := &entryBackoff{Failures: 1, FailedAt: t0, RetryAt: retryAt}
		if err := st.failed("fake", head, states, errors.New("slack: 429 rate limited"), b); err != nil {
			t.Fatal(err)
		}
	}
	s := status()
	if s.Pending != 1 || s.Attempts != 2 || s.NextAttemptAt == nil || !s.NextAttemptAt.Equal(retryAt) {
		t.Errorf("after two transient failures: %+v, want 2 attempts and the next at %s", s, retryAt)
	}
	if s.LastError == "" {
		t.Error("the transient error is not shown")
	}

	if err := st.delivered("fake", head, []notifier.SinkState{{}}, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if s := status(); s.Pending != 0 || s.Attempts != 0 || s.NextAttemptAt != nil || s.Delivered != 1 {
		t.Errorf("after delivery: %+v, want delivered 1 and no retry shown", s)
	}
}
