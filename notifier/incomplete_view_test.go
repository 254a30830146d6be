package notifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestViewSaysTheEvidenceWasPartial: a diagnosis that rests on part of
// its evidence says so after its why, in every language, while the
// incident is open; once the evidence is complete, or the incident
// resolved (nothing reads it again), the note is gone.
func TestViewSaysTheEvidenceWasPartial(t *testing.T) {
	for _, lang := range classifier.Langs() {
		note := Label(lang, LabelEvidenceIncomplete)
		ev := routeEvent(nil)
		ev.Snapshot.Diagnosis = classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown, Why: "no line names a cause"}
		ev.Snapshot.EvidenceIncomplete = true
		if v := NewView(ev, lang); !strings.HasSuffix(v.Why, note) || !strings.HasPrefix(v.Why, "no line names a cause") {
			t.Errorf("%s: why %q, want the diagnosis's why followed by %q", lang, v.Why, note)
		}
		ev.Kind = KindResolved
		if v := NewView(ev, lang); strings.Contains(v.Why, note) {
			t.Errorf("%s: a resolved incident says its evidence is read again: %q", lang, v.Why)
		}
		ev.Kind, ev.Snapshot.EvidenceIncomplete = KindUpdated, false
		if v := NewView(ev, lang); strings.Contains(v.Why, note) {
			t.Errorf("%s: complete evidence called partial: %q", lang, v.Why)
		}
	}
	if Label(classifier.LangJA, LabelEvidenceIncomplete) == Label(classifier.LangEN, LabelEvidenceIncomplete) {
		t.Error("the partial evidence label is not translated")
	}
}
