package notifier

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestLongEvidenceLineKeepsItsText: a long telling line is cut at
// maxTellingLine characters, whatever it holds; an & of a query string is
// text here, not the start of a Slack entity (the Slack sink escapes and
// bounds its own text).
func TestLongEvidenceLineKeepsItsText(t *testing.T) {
	line := "(req-1) Method request query string: {a=1&b=2} " + strings.Repeat("x", 600)
	ev := routeEvent(nil)
	ev.Snapshot.Diagnosis = classifier.Diagnosis{Evidence: []string{line}}
	v := NewView(ev, classifier.LangEN)
	if len(v.Evidence) != 1 {
		t.Fatalf("evidence %q, want the one line", v.Evidence)
	}
	got := v.Evidence[0]
	if n := utf8.RuneCountInString(got); n != maxTellingLine || !strings.HasSuffix(got, "…") || !strings.HasPrefix(line, strings.TrimSuffix(got, "…")) {
		t.Errorf("evidence of %d characters %q, want the line's first %d and …", n, got, maxTellingLine-1)
	}
}
