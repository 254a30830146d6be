package incident

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

var t0 = time.Date(2026, 11, 21, 6, 0, 0, 0, time.UTC)

func diag(s classifier.Status, c classifier.Cause) *classifier.Diagnosis {
	return &classifier.Diagnosis{Status: s, Cause: c, Confidence: 0.9, Evidence: []string{"line"}}
}

func tripped(rate float64, d *classifier.Diagnosis) Observation {
	return Observation{Identity: testStage, Figures: stage.Figures{ErrorRate: rate}, Tripped: true, Diagnosis: d}
}

func cleared() Observation {
	return Observation{Identity: testStage, Clear: true}
}

func quiet() Observation { return Observation{Identity: testStage} }

// testStage is the stage the lifecycle tests observe.
var testStage = stage.Identity{Key: "a/r/api/prod", APIName: "api", Stage: "prod"}

// step is one observation at an offset from t0 with the kind it must produce.
type step struct {
	at   time.Duration
	obs  Observation
	want notifier.Kind
}

func TestLifecycle(t *testing.T) {
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	perm := diag(classifier.Status500, classifier.CauseLambdaInvokePermission)
	tests := []struct {
		name      string
		steps     []step
		wantState State
		wantSeq   int
		wantNew   int // incidents opened
	}{
		{"healthy stage never opens", []step{{0, quiet(), ""}, {time.Minute, cleared(), ""}}, "", 0, 0},
		{"open on trip", []step{{0, tripped(0.5, fnErr), notifier.KindOpened}}, StateOpen, 1, 1},
		{"same diagnosis is no update", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{time.Minute, tripped(0.6, fnErr), ""},
			{2 * time.Minute, tripped(0.4, nil), ""},
		}, StateOpen, 1, 1},
		{"cause change updates", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{time.Minute, tripped(0.5, perm), notifier.KindUpdated},
			{2 * time.Minute, tripped(0.5, perm), ""},
		}, StateOpen, 2, 1},
		{"evidence without 5xx keeps the 5xx diagnosis", []step{
			{0, tripped(0.5, perm), notifier.KindOpened},
			{time.Minute, tripped(0.5, diag(classifier.StatusNone, classifier.CauseNot5xx)), ""},
			{2 * time.Minute, tripped(0.5, perm), ""},
		}, StateOpen, 1, 1},
		{"evidence showing nothing keeps the named diagnosis", []step{
			{0, tripped(0.5, perm), notifier.KindOpened},
			{time.Minute, tripped(0.5, diag(classifier.StatusUnknown, classifier.CauseUnknown)), ""},
			{2 * time.Minute, tripped(0.5, perm), ""},
		}, StateOpen, 1, 1},
		{"opening without diagnosis then diagnosed updates", []step{
			{0, tripped(0.5, nil), notifier.KindOpened},
			{time.Minute, tripped(0.5, fnErr), notifier.KindUpdated},
		}, StateOpen, 2, 1},
		{"rate doubled updates, halved updates", []step{
			{0, tripped(0.2, fnErr), notifier.KindOpened},
			{time.Minute, tripped(0.39, fnErr), ""},
			{2 * time.Minute, tripped(0.4, fnErr), notifier.KindUpdated},
			{3 * time.Minute, tripped(0.2, fnErr), notifier.KindUpdated},
		}, StateOpen, 3, 1},
		{"reminder after the repeat interval", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{59 * time.Minute, tripped(0.5, fnErr), ""},
			{time.Hour, tripped(0.5, fnErr), notifier.KindReminder},
			{time.Hour + time.Minute, tripped(0.5, fnErr), ""},
		}, StateOpen, 2, 1},
		{"no reminder while neither tripped nor clear", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{2 * time.Hour, quiet(), ""},
		}, StateOpen, 1, 1},
		{"resolve on clear", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{5 * time.Minute, cleared(), notifier.KindResolved},
			{6 * time.Minute, cleared(), ""},
		}, StateResolved, 2, 1},
		{"flap within cooldown reopens the same incident", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{5 * time.Minute, cleared(), notifier.KindResolved},
			{6 * time.Minute, tripped(0.5, fnErr), notifier.KindUpdated},
			{7 * time.Minute, cleared(), notifier.KindResolved},
			{8 * time.Minute, tripped(0.5, fnErr), notifier.KindUpdated},
		}, StateOpen, 5, 1},
		{"trip after the cooldown opens a new incident", []step{
			{0, tripped(0.5, fnErr), notifier.KindOpened},
			{5 * time.Minute, cleared(), notifier.KindResolved},
			{20 * time.Minute, tripped(0.5, fnErr), notifier.KindOpened},
		}, StateOpen, 1, 2},
	}
	rules := Rules{}.withDefaults()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cur *Incident
			opened := 0
			for i, s := range tt.steps {
				d := decide(cur, s.obs, t0.Add(s.at), rules)
				if d.kind != s.want {
					t.Fatalf("step %d: kind %q, want %q", i, d.kind, s.want)
				}
				if d.isNew {
					opened++
					d.next.ID = newIncidentID(t0.Add(s.at), uint64(opened))
				}
				if d.next != nil {
					cur = d.next
				}
			}
			if opened != tt.wantNew {
				t.Errorf("opened %d incidents, want %d", opened, tt.wantNew)
			}
			if cur == nil {
				if tt.wantState != "" {
					t.Fatalf("no incident, want %s", tt.wantState)
				}
				return
			}
			if cur.State != tt.wantState || cur.Seq != tt.wantSeq {
				t.Errorf("state %s seq %d, want %s seq %d", cur.State, cur.Seq, tt.wantState, tt.wantSeq)
			}
		})
	}
}

func TestUpdateKeepsPrevious(t *testing.T) {
	rules := Rules{}.withDefaults()
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	perm := diag(classifier.Status500, classifier.CauseLambdaInvokePermission)
	d := decide(nil, tripped(0.5, fnErr), t0, rules)
	first := d.next
	d = decide(first, tripped(0.5, perm), t0.Add(time.Minute), rules)
	if d.next.Info.Previous == nil || d.next.Info.Previous.Cause != classifier.CauseLambdaFunctionError {
		t.Fatalf("previous = %+v, want the function error diagnosis", d.next.Info.Previous)
	}
	if d.next.Info.Diagnosis.Cause != classifier.CauseLambdaInvokePermission {
		t.Errorf("cause = %s", d.next.Info.Diagnosis.Cause)
	}
	if first.Info.Diagnosis.Cause != classifier.CauseLambdaFunctionError || first.Seq != 1 {
		t.Errorf("decide changed its input: %+v", first)
	}
	d = decide(d.next, tripped(0.5, perm), t0.Add(2*time.Minute), rules)
	if d.next.Info.Previous != nil {
		t.Errorf("previous kept on a poll without change")
	}
}

func TestTimelineBounded(t *testing.T) {
	rules := Rules{Cooldown: time.Hour}.withDefaults()
	cur := decide(nil, tripped(0.5, nil), t0, rules).next
	for i := 1; i < 500; i++ {
		obs := cleared()
		if i%2 == 0 {
			obs = tripped(0.5, nil)
		}
		if d := decide(cur, obs, t0.Add(time.Duration(i)*time.Minute), rules); d.next != nil {
			cur = d.next
		}
	}
	if len(cur.Timeline) != maxTimeline {
		t.Fatalf("timeline has %d entries, want %d", len(cur.Timeline), maxTimeline)
	}
	if cur.Seq != 500 || cur.Timeline[maxTimeline-1].At != t0.Add(499*time.Minute) {
		t.Errorf("seq %d, last entry %v", cur.Seq, cur.Timeline[maxTimeline-1].At)
	}
}
