package notifier

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// checkContains fails the test for each of wants that got lacks.
func checkContains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, got)
		}
	}
}

// TestViewNamesTheConfiguredPercentile: the latency field says which
// statistic it is, so a p95 configuration does not print "p99".
func TestViewNamesTheConfiguredPercentile(t *testing.T) {
	for _, tc := range []struct {
		stat string
		lang classifier.Lang
		want string
	}{
		{"p95", classifier.LangEN, "p95 latency"},
		{"p99.9", classifier.LangJA, "p99.9 レイテンシ"},
		{"", classifier.LangEN, "p99 latency"}, // stored before the statistic was kept
	} {
		ev := routeEvent(nil)
		ev.Snapshot.Figures = stage.Figures{Latency: 1500e6, LatencyStatistic: tc.stat}
		v := NewView(ev, tc.lang)
		found := false
		for _, f := range v.Fields {
			if f.Label == tc.want && f.Value == "1.5s" {
				found = true
			}
		}
		if !found {
			t.Errorf("statistic %q: fields %v, want %q = 1.5s", tc.stat, v.Fields, tc.want)
		}
	}
}

// TestViewLabelsEveryFigureWithItsWindow: the stage's figures (one
// period), the routes' and the logs' counts (the evidence window) each say
// which span they cover, so figures of different windows never sit side
// by side unlabelled.
func TestViewLabelsEveryFigureWithItsWindow(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 20, 43, 0, 0, time.UTC)
	inc := Snapshot{
		Identity: stage.New("123456789012", "us-east-1", stage.APIREST, "a1", "orders", "prod"),
		Figures: stage.Figures{WindowStart: t0.Add(-3 * time.Minute), WindowEnd: t0, PeriodStart: t0.Add(-time.Minute), Period: time.Minute,
			Requests: 40, Errors5xx: 19, ErrorRate: 0.475, Latency: 150 * time.Millisecond},
		Scope:  stage.EvidenceScope{Start: t0.Add(-8 * time.Minute), End: t0},
		Routes: []stage.RouteFigures{{Route: "GET /items/{id}", Errors5xx: 18, Requests: 100}},
		Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaInvokePermission, Status: classifier.Status500, Failed: 40,
			Breakdown: []classifier.BreakdownRow{{Cause: classifier.CauseLambdaInvokePermission, Status: classifier.Status500, Requests: 40}},
			Evidence:  []string{"(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"},
			Why:       "40 of 40 failed request(s) point to lambda_invoke_permission: \"...\""},
	}
	text := PlainText(NewView(Event{Kind: KindOpened, Snapshot: inc}, classifier.LangEN))
	checkContains(t, "message", text,
		"Error rate:          47.5% (1m to 20:43 UTC)",
		"5xx responses:       19 of 40 requests (1m to 20:43 UTC)",
		"p99 latency:         150ms (1m to 20:43 UTC)",
		"40 of 40 failed requests sampled from the logs (8m to 20:43 UTC) show this cause",
		"Failing routes (8m to 20:43 UTC):\n    - GET /items/{id}  18 of 100 (18%)")
	if strings.Contains(text, "Window:") {
		t.Errorf("a bare window field is back:\n%s", text)
	}
}

// TestViewEvidenceIsOneTellingLine: the message shows the first evidence
// line (the one the cause rests on) on one line, escaped and cut by
// character; the other lines are kept for the thread and the page.
func TestViewEvidenceIsOneTellingLine(t *testing.T) {
	long := "(r1) Lambda execution failed: " + strings.Repeat("é", 300) + "\x1b[2J"
	inc := Snapshot{Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaFunctionError,
		Evidence: []string{long + "\nsecond physical line", "(r1) Method completed with status: 502", "", "(r2) more"}}}
	v := NewView(Event{Kind: KindOpened, Snapshot: inc}, classifier.LangEN)
	if len(v.Evidence) != 1 {
		t.Fatalf("evidence = %q, want one line", v.Evidence)
	}
	line := v.Evidence[0]
	if n := utf8.RuneCountInString(line); n != maxTellingLine || !strings.HasSuffix(line, "…") || strings.ContainsAny(line, "\n\x1b") {
		t.Errorf("telling line has %d characters, want %d ending in …, on one line, escaped: %q", n, maxTellingLine, line)
	}
	if want := []string{"(r1) Method completed with status: 502", "(r2) more"}; !slices.Equal(v.MoreEvidence, want) {
		t.Errorf("more evidence = %q, want %q", v.MoreEvidence, want)
	}
}

// TestViewOfAnIncidentStillDiagnosing: announced before its evidence is
// read, an incident says in every language that the cause follows, and
// gives neither remediation steps nor retry advice for a cause not known.
func TestViewOfAnIncidentStillDiagnosing(t *testing.T) {
	for _, lang := range []classifier.Lang{classifier.LangEN, classifier.LangJA, classifier.LangZhTW, classifier.LangPtBR} {
		ev := routeEvent(nil)
		ev.Snapshot.Diagnosing = true
		ev.Snapshot.Diagnosis = classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown}
		v := NewView(ev, lang)
		if v.CauseTitle == "" || v.CauseTitle != Label(lang, LabelDiagnosing) {
			t.Errorf("%s: cause title %q, want the diagnosing label", lang, v.CauseTitle)
		}
		if len(v.Steps) > 0 || v.Backoff != "" || v.Why != "" {
			t.Errorf("%s: steps %v, backoff %q, why %q for a cause not yet known", lang, v.Steps, v.Backoff, v.Why)
		}
	}
	if Label(classifier.LangJA, LabelDiagnosing) == Label(classifier.LangEN, LabelDiagnosing) {
		t.Error("the diagnosing label is not translated")
	}
}

// TestAnnouncementWhileDiagnosingReadsCleanly: the announcement's headline
// says what the metric already shows (some 5xx), its diagnosis line carries
// no cause id or 0 % confidence, and it prints no empty retry advice; the
// update that names the cause says it was found, not "unknown → …".
func TestAnnouncementWhileDiagnosingReadsCleanly(t *testing.T) {
	ev := routeEvent(nil)
	ev.Snapshot.Diagnosing = true
	ev.Snapshot.Diagnosis = classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown}
	v := NewView(ev, classifier.LangEN)
	text := PlainText(v)
	if v.Status != "5xx" || !strings.Contains(text, "— 5xx · orders / prod") {
		t.Errorf("status %q; want 5xx in the headline:\n%s", v.Status, text)
	}
	for _, bad := range []string{"[unknown]", "confidence", Label(classifier.LangEN, LabelBackoff)} {
		if strings.Contains(text, bad) {
			t.Errorf("the announcement holds %q:\n%s", bad, text)
		}
	}

	found := routeEvent(nil)
	found.Kind = KindUpdated
	found.Snapshot.Previous = &ev.Snapshot.Diagnosis
	if got, want := NewView(found, classifier.LangEN).Change, "Cause found: lambda_function_error, 502"; got != want {
		t.Errorf("change = %q, want %q", got, want)
	}
	resolved := ev
	resolved.Kind, resolved.Snapshot.Diagnosing = KindResolved, false
	resolved.Snapshot.Peak, resolved.Snapshot.Figures = ev.Snapshot.Figures, stage.Figures{Requests: 200}
	if got := NewView(resolved, classifier.LangEN).Status; got != "5xx" {
		t.Errorf("status %q once the latest window is clean; want the 5xx it showed while open", got)
	}
	ws := routeEvent(nil)
	ws.Snapshot.APIType = stage.APIWebSocket
	ws.Snapshot.Diagnosis = ev.Snapshot.Diagnosis
	if got := NewView(ws, classifier.LangEN).Status; got != "unknown" {
		t.Errorf("WebSocket status %q; its errors are no 5xx, want unknown", got)
	}
}
