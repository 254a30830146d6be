package notifier_test

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/notifier/alertmanager"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestEverySinkNamesTheFailedReads: an incident diagnosed without some of
// its reads says, in the Slack message, the console and the Alertmanager
// alert (its description, and an annotation of its own), which reads
// failed and what each costs the diagnosis, each sink escaping it like the
// rest of its text (the incident carries hostile text everywhere else).
// The alert's labels, its identity, are those of the same incident read in
// full; a resolved incident says nothing of it.
func TestEverySinkNamesTheFailedReads(t *testing.T) {
	const hostile = "<!channel> \x1b[2J"
	en := func(r stage.Read) string { return notifier.Label(classifier.LangEN, notifier.IncompleteReadLabel(r)) }
	mayChange := notifier.Label(classifier.LangEN, notifier.LabelIncompleteMayChange)
	// The sentences up to their first apostrophe, which Slack's
	// escaping leaves alone but JSON need not.
	head := func(s string) string { return strings.SplitN(s, "'", 2)[0] }
	tests := []struct {
		name  string
		reads []stage.Read
		want  []string
		not   []string
	}{
		{"function lookup", []stage.Read{stage.ReadFunctions}, []string{head(en(stage.ReadFunctions)), mayChange},
			[]string{head(en(stage.ReadLogs)), head(en(stage.ReadMetrics))}},
		{"metrics", []stage.Read{stage.ReadMetrics}, []string{head(en(stage.ReadMetrics)), mayChange},
			[]string{head(en(stage.ReadFunctions)), head(en(stage.ReadLogs))}},
		{"logs", []stage.Read{stage.ReadLogs}, []string{head(en(stage.ReadLogs)), mayChange},
			[]string{head(en(stage.ReadFunctions)), head(en(stage.ReadMetrics))}},
		{"function lookup and logs", []stage.Read{stage.ReadLogs, stage.ReadFunctions}, []string{head(en(stage.ReadFunctions)), head(en(stage.ReadLogs)), mayChange},
			[]string{head(en(stage.ReadMetrics))}},
		{"no read named (an older store)", nil, []string{head(notifier.Label(classifier.LangEN, notifier.LabelEvidenceIncomplete))},
			[]string{mayChange}},
	}
	s := newSinks(t)
	ctx := context.Background()
	complete := hostileIncident(hostile)
	s.notify(t, ctx, notifier.KindOpened, complete)
	completeAlert := alertOf(t, s.cap.last())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := hostileIncident(hostile)
			inc.EvidenceIncomplete, inc.IncompleteReads = true, tt.reads
			out := s.notify(t, ctx, notifier.KindOpened, inc)
			alert := alertOf(t, s.cap.last())
			for sink, text := range map[string]string{
				"slack": out["slack"], "console": out["console"],
				"alertmanager description": alert.Annotations["description"], "alertmanager annotation": alert.Annotations["evidence_incomplete"],
			} {
				for _, w := range tt.want {
					if !strings.Contains(text, w) {
						t.Errorf("%s does not say %q:\n%s", sink, w, text)
					}
				}
				for _, n := range tt.not {
					if strings.Contains(text, n) {
						t.Errorf("%s says %q:\n%s", sink, n, text)
					}
				}
			}
			if !maps.Equal(alert.Labels, completeAlert.Labels) {
				t.Errorf("labels %v, want those of the incident read in full %v", alert.Labels, completeAlert.Labels)
			}

			inc.ResolvedAt = inc.WindowEnd
			out = s.notify(t, ctx, notifier.KindResolved, inc)
			if a := alertOf(t, s.cap.last()); a.Annotations["evidence_incomplete"] != "" {
				t.Errorf("a resolved alert says %q", a.Annotations["evidence_incomplete"])
			}
			for _, w := range tt.want {
				if strings.Contains(out["slack"], w) || strings.Contains(out["console"], w) {
					t.Errorf("a resolution says %q", w)
				}
			}
		})
	}
}

// notify delivers one event to the Slack, Alertmanager and console sinks,
// checking each output as FuzzSinks does, and returns the Slack body and
// the console text.
func (s *sinks) notify(t *testing.T, ctx context.Context, kind notifier.Kind, inc notifier.Snapshot) map[string]string {
	t.Helper()
	d := &notifier.Delivery{Event: notifier.Event{ID: "e1", IncidentID: "i1", Kind: kind, At: inc.WindowEnd, Snapshot: inc}}
	out := map[string]string{}
	if _, err := s.slack.Notify(ctx, d); err != nil {
		t.Fatalf("slack: %v", err)
	}
	checkStrings(t, "slack", s.cap.last(), "")
	var body any
	if err := json.Unmarshal(s.cap.last(), &body); err != nil {
		t.Fatal(err)
	}
	var texts []string
	walkStrings(body, func(x string) { texts = append(texts, x) })
	out["slack"] = strings.Join(texts, "\n")
	if _, err := s.am.Notify(ctx, d); err != nil {
		t.Fatalf("alertmanager: %v", err)
	}
	checkStrings(t, "alertmanager", s.cap.last(), "")
	s.out.Reset()
	if _, err := s.console.Notify(ctx, d); err != nil {
		t.Fatalf("console: %v", err)
	}
	checkText(t, "console", s.out.String(), "")
	out["console"] = s.out.String()
	return out
}

// alertOf is the incident's alert in an Alertmanager request body (the
// first: an update may resolve the old labels' alert beside it).
func alertOf(t *testing.T, body []byte) alertmanager.Alert {
	t.Helper()
	var alerts []alertmanager.Alert
	if err := json.Unmarshal(body, &alerts); err != nil || len(alerts) == 0 {
		t.Fatalf("alertmanager body %s: %v", body, err)
	}
	return alerts[0]
}
