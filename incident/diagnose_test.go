package incident

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestDiagnoseAfterOpening: an incident opened without a diagnosis is
// announced as diagnosing and counted under no cause; its first diagnosis
// is an update that counts it under its cause and keeps the unknown one
// as previous (an alert labelled with it is resolved), a repeat of it
// sends nothing, another cause is an update naming the previous one; a stage
// without an open incident is left alone.
func TestDiagnoseAfterOpening(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk, "fake")
	defer st.Close()
	tr := observeAt(t, m, clk, 0, tripped(0.5, nil))
	if d := tr.Incident.Info; tr.Kind != notifier.KindOpened || !d.Diagnosing || d.Diagnosis.Status != classifier.StatusUnknown {
		t.Fatalf("opened %q diagnosing=%v status=%s, want opened, diagnosing, status unknown", tr.Kind, d.Diagnosing, d.Diagnosis.Status)
	}
	counted := func(s classifier.Status, c classifier.Cause) float64 {
		return testutil.ToFloat64(m.metrics.total.WithLabelValues(s.String(), c.String()))
	}
	if n := counted(classifier.StatusUnknown, classifier.CauseUnknown); n != 0 {
		t.Errorf("an incident still diagnosing counted %v times under the unknown cause", n)
	}
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	steps := []struct {
		obs      Observation
		want     notifier.Kind
		previous bool
	}{
		{tripped(0, fnErr), notifier.KindUpdated, true},
		{tripped(0, fnErr), "", false},
		{tripped(0, diag(classifier.Status500, classifier.CauseLambdaInvokePermission)), notifier.KindUpdated, true},
	}
	for i, s := range steps {
		clk.Advance(20 * time.Second)
		tr, err := m.Diagnose(context.Background(), s.obs)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Kind != s.want || tr.Incident.Info.Diagnosing || (tr.Incident.Info.Previous != nil) != s.previous {
			t.Errorf("step %d: kind %q diagnosing=%v previous=%v, want %q previous=%v", i, tr.Kind,
				tr.Incident.Info.Diagnosing, tr.Incident.Info.Previous != nil, s.want, s.previous)
		}
	}
	if n := counted(classifier.Status502, classifier.CauseLambdaFunctionError); n != 1 {
		t.Errorf("counted %v times under its first diagnosis, want 1", n)
	}
	other := tripped(0, fnErr)
	other.Key = "a/r/other/prod"
	if tr, err := m.Diagnose(context.Background(), other); err != nil || tr.Kind != "" || tr.Incident.ID != "" {
		t.Errorf("diagnosis of a stage without an incident: %+v, %v", tr, err)
	}
}

// TestFirstDiagnosisTakenAsItComes: the first diagnosis of an incident
// opened diagnosing replaces the unknown cause even when it finds no 5xx
// (errors answered as 200 OK), as an opening carrying it would.
func TestFirstDiagnosisTakenAsItComes(t *testing.T) {
	rules := Rules{}.withDefaults()
	opened := decide(nil, tripped(0.5, nil), t0, rules).next
	masked := diag(classifier.StatusNone, classifier.CauseLambdaErrorMaskedAs200)
	d := diagnoseLate(opened, tripped(0, masked), t0.Add(20*time.Second))
	if d.kind != notifier.KindUpdated || d.next.Info.Diagnosis.Cause != classifier.CauseLambdaErrorMaskedAs200 {
		t.Fatalf("kind %q cause %s, want an update naming %s", d.kind, d.next.Info.Diagnosis.Cause, classifier.CauseLambdaErrorMaskedAs200)
	}
}

// TestReopenedBeforeDiagnosisTakesItsDiagnosis: an incident that resolved
// while still diagnosing and comes back within the cooldown with a
// diagnosis is diagnosing no more, and carries that diagnosis.
func TestReopenedBeforeDiagnosisTakesItsDiagnosis(t *testing.T) {
	rules := Rules{}.withDefaults()
	opened := decide(nil, tripped(0.5, nil), t0, rules).next
	resolved := decide(opened, cleared(), t0.Add(5*time.Minute), rules).next
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	back := decide(resolved, tripped(0.5, fnErr), t0.Add(7*time.Minute), rules).next
	if !back.Open() || back.Info.Diagnosing || back.Info.Diagnosis.Cause != classifier.CauseLambdaFunctionError {
		t.Fatalf("open=%v diagnosing=%v cause=%s, want reopened with %s", back.Open(), back.Info.Diagnosing,
			back.Info.Diagnosis.Cause, classifier.CauseLambdaFunctionError)
	}
}

// TestNoUpdateWhileDiagnosing: an incident still diagnosing sends no rate
// change or reminder; the diagnosis update that follows carries the
// figures, so every message after the announcement names a cause.
func TestNoUpdateWhileDiagnosing(t *testing.T) {
	rules := Rules{}.withDefaults()
	opened := decide(nil, tripped(0.1, nil), t0, rules).next
	for _, at := range []time.Duration{time.Minute, rules.RepeatInterval + time.Minute} {
		if d := decide(opened, tripped(0.9, nil), t0.Add(at), rules); d.kind != "" || !d.next.Info.Diagnosing {
			t.Errorf("at +%s: %q sent while diagnosing", at, d.kind)
		}
	}
}
