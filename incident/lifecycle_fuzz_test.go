package incident

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// obsFromByte turns one fuzz byte into a poll: bits 0-1 trip, clear or
// neither; bits 2-3 the diagnosis (none or one of three); bits 4-7 the
// error rate.
func obsFromByte(b byte) Observation {
	diags := []*classifier.Diagnosis{nil,
		diag(classifier.Status502, classifier.CauseLambdaFunctionError),
		diag(classifier.Status500, classifier.CauseLambdaThrottled),
		diag(classifier.Status504, classifier.CauseIntegrationTimeout)}
	obs := quiet()
	switch b & 3 {
	case 0, 1:
		obs.Tripped = true
	case 2:
		obs.Clear = true
	}
	obs.Diagnosis = diags[(b>>2)&3]
	obs.ErrorRate = float64(b>>4) / 16
	return obs
}

// FuzzLifecycle checks the lifecycle's invariants on any sequence of polls,
// one minute apart (a zero byte skips an hour).
func FuzzLifecycle(f *testing.F) {
	f.Add([]byte{1, 2, 1, 2, 1, 2, 1, 2})
	f.Add([]byte{0x15, 0x19, 0x1d, 0, 0x13, 0x22, 0, 0x11})
	f.Fuzz(func(t *testing.T, polls []byte) {
		rules := Rules{}.withDefaults()
		now := t0
		var cur *Incident
		var lastOpened time.Time
		for i, b := range polls {
			now = now.Add(time.Minute)
			if b == 0 {
				now = now.Add(time.Hour)
			}
			obs := obsFromByte(b)
			var before []byte
			if cur != nil {
				before, _ = json.Marshal(cur)
			}
			d := decide(cur, obs, now, rules)
			if cur != nil {
				if after, _ := json.Marshal(cur); string(after) != string(before) {
					t.Fatalf("poll %d: decide changed its input", i)
				}
			}
			checkDecision(t, i, cur, obs, d, now, rules)
			if d.kind == notifier.KindOpened {
				if !lastOpened.IsZero() && now.Sub(lastOpened) < rules.Cooldown {
					t.Fatalf("poll %d: two incidents opened within the cooldown", i)
				}
				lastOpened = now
			}
			if d.next != nil {
				cur = d.next
			}
		}
	})
}

func checkDecision(t *testing.T, i int, prev *Incident, obs Observation, d decision, now time.Time, r Rules) {
	t.Helper()
	if d.next == nil {
		if d.kind != "" {
			t.Fatalf("poll %d: a %s notification without a state change", i, d.kind)
		}
		return
	}
	next := d.next
	prevSeq := 0
	if prev != nil && !d.isNew {
		prevSeq = prev.Seq
	}
	wantSeq := prevSeq
	if d.kind != "" {
		wantSeq++
	}
	if next.Seq != wantSeq {
		t.Fatalf("poll %d: seq %d after %d with kind %q", i, next.Seq, prevSeq, d.kind)
	}
	if next.Open() != next.Info.ResolvedAt.IsZero() {
		t.Fatalf("poll %d: state %s with resolved_at %v", i, next.State, next.Info.ResolvedAt)
	}
	if len(next.Timeline) > maxTimeline {
		t.Fatalf("poll %d: timeline of %d entries", i, len(next.Timeline))
	}
	switch d.kind {
	case notifier.KindOpened:
		if prev != nil && (prev.Open() || now.Sub(prev.Info.ResolvedAt) < r.Cooldown) {
			t.Fatalf("poll %d: opened a new incident over %s one", i, prev.State)
		}
	case notifier.KindResolved:
		if prev == nil || !prev.Open() || !obs.Clear {
			t.Fatalf("poll %d: resolved without an open incident and a clear poll", i)
		}
	case notifier.KindUpdated:
		if prev == nil {
			t.Fatalf("poll %d: updated without an incident", i)
		}
	case notifier.KindReminder:
		if prev == nil || !prev.Open() || !obs.Tripped || now.Sub(prev.LastNotifiedAt) < r.RepeatInterval {
			t.Fatalf("poll %d: reminder without a long-failing open incident", i)
		}
	}
}
