package incident

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// partial is an observation whose evidence was read only in part.
func partial(obs Observation) Observation {
	obs.EvidenceIncomplete = true
	return obs
}

// TestCompleteEvidenceReplacesPartialDiagnosis: an incident diagnosed from
// partial evidence (its logs unreadable: unknown) is marked so; the first
// diagnosis from complete evidence replaces it even when it finds no 5xx
// (errors masked as 200), in one update that clears the mark, and the
// same answer read again sends nothing.
func TestCompleteEvidenceReplacesPartialDiagnosis(t *testing.T) {
	rules := Rules{}.withDefaults()
	inc := decide(nil, tripped(0.5, nil), t0, rules).next
	unknown := diag(classifier.StatusUnknown, classifier.CauseUnknown)
	masked := diag(classifier.StatusNone, classifier.CauseLambdaErrorMaskedAs200)
	steps := []struct {
		obs            Observation
		want           notifier.Kind
		wantCause      classifier.Cause
		wantIncomplete bool
	}{
		{partial(tripped(0, unknown)), notifier.KindUpdated, classifier.CauseUnknown, true},
		{partial(tripped(0, unknown)), "", classifier.CauseUnknown, true},
		{tripped(0, masked), notifier.KindUpdated, classifier.CauseLambdaErrorMaskedAs200, false},
		{tripped(0, masked), "", classifier.CauseLambdaErrorMaskedAs200, false},
		{partial(tripped(0, unknown)), "", classifier.CauseLambdaErrorMaskedAs200, false},
	}
	for i, s := range steps {
		d := diagnoseLate(inc, s.obs, t0.Add(time.Duration(i+1)*time.Minute))
		if d.next != nil {
			inc = d.next
		}
		if d.kind != s.want || inc.Info.Diagnosis.Cause != s.wantCause || inc.Info.EvidenceIncomplete != s.wantIncomplete {
			t.Fatalf("step %d: kind %q cause %s incomplete=%v, want %q %s incomplete=%v", i, d.kind,
				inc.Info.Diagnosis.Cause, inc.Info.EvidenceIncomplete, s.want, s.wantCause, s.wantIncomplete)
		}
		if p := inc.Info.Previous; i == 2 && (p == nil || p.Cause != classifier.CauseUnknown) {
			t.Errorf("step %d: previous %+v, want the unknown cause the complete evidence replaced", i, p)
		}
	}
}

// TestPartialEvidenceNeverOverrulesComplete: a re-read that fails in part
// neither replaces nor unmarks a diagnosis read in full, whatever it says;
// a partial diagnosis that the complete evidence confirms is unmarked
// with a confirmation, no notification.
func TestPartialEvidenceNeverOverrulesComplete(t *testing.T) {
	rules := Rules{}.withDefaults()
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	perm := diag(classifier.Status500, classifier.CauseLambdaInvokePermission)
	inc := decide(nil, tripped(0.5, fnErr), t0, rules).next
	d := decide(inc, partial(tripped(0.5, perm)), t0.Add(time.Minute), rules)
	if d.kind != "" || d.next.Info.Diagnosis.Cause != classifier.CauseLambdaFunctionError || d.next.Info.EvidenceIncomplete {
		t.Fatalf("partial re-read: kind %q cause %s incomplete=%v, want nothing sent, %s kept, complete",
			d.kind, d.next.Info.Diagnosis.Cause, d.next.Info.EvidenceIncomplete, classifier.CauseLambdaFunctionError)
	}

	inc = decide(nil, partial(tripped(0.5, fnErr)), t0, rules).next
	if !inc.Info.EvidenceIncomplete {
		t.Fatal("an incident opened on partial evidence is not marked so")
	}
	d = decide(inc, tripped(0.5, fnErr), t0.Add(time.Minute), rules)
	if d.kind != notifier.KindConfirmed || d.next.Info.EvidenceIncomplete {
		t.Errorf("complete evidence confirming the cause: kind %q incomplete=%v, want a confirmation, unmarked", d.kind, d.next.Info.EvidenceIncomplete)
	}
}

// TestMaskedReplacesNoStatus: errors masked as 200 found by a later read
// replace a diagnosis that named no status (the first read found
// nothing), but never a 5xx one.
func TestMaskedReplacesNoStatus(t *testing.T) {
	masked := diag(classifier.StatusNone, classifier.CauseLambdaErrorMaskedAs200)
	for _, tt := range []struct {
		cur  *classifier.Diagnosis
		want bool
	}{
		{diag(classifier.StatusUnknown, classifier.CauseUnknown), true},
		{diag(classifier.StatusUnknown, classifier.CauseLambdaFunctionError), true},
		{diag(classifier.Status502, classifier.CauseLambdaFunctionError), false},
	} {
		if got := revision(*tt.cur, masked) != nil; got != tt.want {
			t.Errorf("masked over %s %s: replaced=%v, want %v", tt.cur.Status, tt.cur.Cause, got, tt.want)
		}
	}
	if revision(*diag(classifier.StatusUnknown, classifier.CauseUnknown), diag(classifier.StatusNone, classifier.CauseNot5xx)) != nil {
		t.Error("not_5xx replaced a diagnosis of a tripped stage")
	}
}

// TestCountedOnceUnderItsCause: an incident counts in incidents_total
// under the cause its complete evidence named, not under the one a partial
// read gave first; once only, whether the complete read corrects or
// confirms it; and under the partial cause when it resolves before any
// read is complete.
func TestCountedOnceUnderItsCause(t *testing.T) {
	unknown := diag(classifier.StatusUnknown, classifier.CauseUnknown)
	masked := diag(classifier.StatusNone, classifier.CauseLambdaErrorMaskedAs200)
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	for _, tt := range []struct {
		name  string
		steps []Observation
		want  map[*classifier.Diagnosis]float64
	}{
		{"corrected", []Observation{tripped(0.5, nil), partial(tripped(0.5, unknown)), tripped(0.5, masked), tripped(0.5, masked)},
			map[*classifier.Diagnosis]float64{unknown: 0, masked: 1}},
		{"confirmed", []Observation{partial(tripped(0.5, fnErr)), tripped(0.5, fnErr), tripped(0.5, fnErr)},
			map[*classifier.Diagnosis]float64{fnErr: 1}},
		{"resolved on partial evidence", []Observation{partial(tripped(0.5, fnErr)), cleared(), tripped(0.5, fnErr), cleared()},
			map[*classifier.Diagnosis]float64{fnErr: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewManual(t0)
			st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
			defer st.Close()
			for i, obs := range tt.steps {
				observeAt(t, m, clk, time.Duration(i)*time.Minute, obs)
			}
			for d, want := range tt.want {
				if got := testutil.ToFloat64(m.metrics.total.WithLabelValues(d.Status.String(), d.Cause.String())); got != want {
					t.Errorf("incidents_total{%s,%s} = %v, want %v", d.Status, d.Cause, got, want)
				}
			}
		})
	}
}

// TestCompleteNoFailureKeepsPartial5xx: a diagnosis read in full replaces
// one read in part, but not with "no 5xx" while the stage still trips:
// as revision keeps a 5xx diagnosis from a read that found only
// successes, the evidence missed the failures the metrics show, and "no
// 5xx" would be a false all-clear. The partial diagnosis stays, marked,
// and its evidence is read again; but no read failed this time, so none is
// named as lacking. It notifies nobody: only the editors' message is
// brought up to date (an evidence change).
func TestCompleteNoFailureKeepsPartial5xx(t *testing.T) {
	rules := Rules{}.withDefaults()
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	for _, d := range []*classifier.Diagnosis{
		diag(classifier.StatusNone, classifier.CauseNot5xx),
		diag(classifier.StatusNone, classifier.CauseLambdaErrorMaskedAs200),
	} {
		open := partial(tripped(0.5, fnErr))
		open.IncompleteReads = []stage.Read{stage.ReadLogs}
		inc := decide(nil, open, t0, rules).next
		got := decide(inc, tripped(0.5, d), t0.Add(time.Minute), rules)
		if got.next != nil {
			inc = got.next
		}
		if got.kind != notifier.KindEvidenceChanged || inc.Info.Diagnosis.Status != classifier.Status502 || !inc.Info.EvidenceIncomplete {
			t.Errorf("complete %s over a partial 502: kind %q, now %s %s incomplete=%v; want only an evidence change, the 502 kept, still marked",
				d.Cause, got.kind, inc.Info.Diagnosis.Status, inc.Info.Diagnosis.Cause, inc.Info.EvidenceIncomplete)
		}
		// the logs were read this time: no read is named as failing
		if len(inc.Info.IncompleteReads) != 0 {
			t.Errorf("complete %s over a partial 502: still names %v as failed reads", d.Cause, inc.Info.IncompleteReads)
		}
	}
}
