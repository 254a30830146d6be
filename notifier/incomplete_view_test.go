package notifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
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

// TestViewNamesTheFailedReads: a diagnosis that lacks some reads says,
// after its why and in every language, what each failed read costs it (in
// the order of stage.Reads, each once) and then that it may change; every
// read has its own sentence in every language, translated. A read this
// version does not know is left out, and with no read it knows the view
// says only that part of the evidence is missing.
func TestViewNamesTheFailedReads(t *testing.T) {
	for _, lang := range classifier.Langs() {
		sentence := func(r stage.Read) string { return Label(lang, IncompleteReadLabel(r)) }
		mayChange := Label(lang, LabelIncompleteMayChange)
		seen := map[string]bool{}
		for _, r := range stage.Reads() {
			if s := sentence(r); s == "" || seen[s] || (lang != classifier.LangEN && s == Label(classifier.LangEN, IncompleteReadLabel(r))) {
				t.Errorf("%s: read %s has sentence %q: want one of its own, translated", lang, r, s)
			}
			seen[sentence(r)] = true
		}
		tests := []struct {
			reads []stage.Read
			want  string
		}{
			{[]stage.Read{stage.ReadFunctions}, sentence(stage.ReadFunctions) + " " + mayChange},
			{[]stage.Read{stage.ReadMetrics}, sentence(stage.ReadMetrics) + " " + mayChange},
			{[]stage.Read{stage.ReadLogs}, sentence(stage.ReadLogs) + " " + mayChange},
			{[]stage.Read{stage.ReadLogs, stage.ReadFunctions, stage.ReadLogs}, sentence(stage.ReadFunctions) + " " + sentence(stage.ReadLogs) + " " + mayChange},
			{[]stage.Read{"tags", stage.ReadMetrics}, sentence(stage.ReadMetrics) + " " + mayChange},
			{[]stage.Read{"tags"}, Label(lang, LabelEvidenceIncomplete)},
			{nil, Label(lang, LabelEvidenceIncomplete)},
		}
		for _, tt := range tests {
			ev := routeEvent(nil)
			ev.Snapshot.Diagnosis.Why = "no line names a cause"
			ev.Snapshot.EvidenceIncomplete, ev.Snapshot.IncompleteReads = true, tt.reads
			v := NewView(ev, lang)
			if v.Incomplete != tt.want || v.Why != "no line names a cause "+tt.want {
				t.Errorf("%s %v: incomplete %q, why %q; want %q after the why", lang, tt.reads, v.Incomplete, v.Why, tt.want)
			}
		}
	}
}
