package notifier

import (
	"fmt"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
	"github.com/apigw-triage/apigw-triage/textsafe"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// MaxEvidenceLines is how many evidence lines a view keeps: the telling
// one in the message, the others in the thread (bot mode) and on the
// incident page; the Logs Insights link has the rest.
const MaxEvidenceLines = 5

// MaxRouteLines is how many failing routes a message shows: the worst
// few say whether one route or the whole API fails.
const MaxRouteLines = 5

// maxRouteText bounds a route's name (paths are user-defined).
const maxRouteText = 120

// maxEvidenceLine bounds one evidence line (a Lambda stack trace can be
// kilobytes on one line).
const maxEvidenceLine = 400

// maxTellingLine bounds the one evidence line a message shows: about
// five lines of a phone screen.
const maxTellingLine = 200

// Field is one labelled figure.
type Field struct {
	Label string
	Value string
}

// View is what a notification says, in one language, before any sink
// formats it. Every string is raw, unescaped text: each sink escapes it for
// its medium (Slack mrkdwn, a terminal, an Alertmanager annotation).
type View struct {
	Kind     Kind
	Lang     classifier.Lang
	Resolved bool
	// Headline is the localized kind ("Incident opened").
	Headline string
	// Status is the HTTP status shown ("502"), or "5xx" when not known.
	Status string
	// Target is "api-name / stage".
	Target string
	Fields []Field
	// Change says what changed in an update ("cause: a → b"); "" otherwise.
	Change string
	// Diagnosing is set while the cause is not known yet: CauseTitle then
	// says the diagnosis follows, and there is no cause id or confidence.
	Diagnosing bool
	CauseID    string
	CauseTitle string
	Confidence float64
	Why        string
	// Incomplete says, while the diagnosis rests on part of its evidence,
	// which reads failed and what each costs the diagnosis; Why ends with
	// it. "" otherwise.
	Incomplete string
	Breakdown  []string
	// Routes are the failing methods or routes, worst first, at most
	// MaxRouteLines ("GET /orders/{id}  42 of 57 (74%)"); empty without
	// detailed metrics, and once resolved (nothing fails any more).
	Routes []string
	// RoutesTitle and BreakdownTitle head the routes and the breakdown
	// with the window their counts cover.
	RoutesTitle    string
	BreakdownTitle string
	// Evidence is the one line the diagnosis rests on, on one line and
	// cut by character; MoreEvidence are the other lines kept, for the
	// thread and the incident page.
	Evidence     []string
	MoreEvidence []string
	Steps        []string
	Backoff      string
	MetricsURL   string
	LogsURL      string
}

// NewView builds the view of an event in a language.
func NewView(ev Event, lang classifier.Lang) View {
	inc := ev.Snapshot
	d := inc.Diagnosis
	advice := classifier.Remediate(d.Cause, lang)
	if advice.Title == "" || (advice.Title == d.Cause.String() && d.Remediation.Title != "") {
		advice = d.Remediation
	}
	// The commands of the incident's kind of API: apigatewayv2 for HTTP and
	// WebSocket APIs, never a REST-only --rest-api-id command.
	advice = advice.ForAPI(inc.APIType)
	advice = advice.Fill(Names(inc))
	v := View{
		Kind: ev.Kind, Lang: lang, Resolved: ev.Kind == KindResolved || !inc.ResolvedAt.IsZero(),
		Headline: KindLabel(lang, ev.Kind), Status: shownStatus(inc), Target: target(inc),
		CauseID: d.Cause.String(), CauseTitle: OneLine(advice.Title), Confidence: d.Confidence,
		Why: why(inc, lang), Steps: advice.Steps, Backoff: BackoffText(d, lang),
		MetricsURL: MetricsConsoleURL(inc), LogsURL: LogsInsightsURL(inc),
	}
	if v.CauseTitle == "" {
		v.CauseTitle = v.CauseID
	}
	if inc.Diagnosing {
		// Announced before its evidence was read: no cause to explain or
		// remediate yet, only that it follows.
		v.CauseTitle, v.Why, v.Steps, v.Backoff = Label(lang, LabelDiagnosing), "", nil, ""
		v.Diagnosing = true
	}
	if inc.EvidenceIncomplete && !inc.Diagnosing && !v.Resolved {
		// Said while it holds: the daemon reads the evidence of an open
		// incident again until a read is complete, and says so when the
		// cause changes.
		v.Incomplete = incompleteNote(inc.IncompleteReads, lang)
		v.Why = strings.TrimSpace(v.Why + " " + v.Incomplete)
	}
	v.Fields = fields(inc, lang, v.Resolved)
	v.Change = change(inc, lang)
	evidenceSpan := ""
	if span := Span(lang, inc.Scope.Start, inc.Scope.End); span != "" {
		evidenceSpan = " (" + span + ")"
	}
	if len(d.Breakdown) > 1 {
		v.BreakdownTitle = Label(lang, LabelBreakdown) + evidenceSpan
		for _, r := range d.Breakdown {
			v.Breakdown = append(v.Breakdown, fmt.Sprintf("%s (%s): %d", r.Cause, r.Status, r.Requests))
		}
	}
	if !v.Resolved {
		v.Routes = routeLines(inc.Routes, lang)
		v.RoutesTitle = Label(lang, LabelFailingRoutes) + evidenceSpan
	}
	v.Evidence, v.MoreEvidence = evidence(d.Evidence)
	return v
}

// evidence splits the diagnosis's lines into the telling one (the first:
// the line the classifier's sentence quotes, the one the cause rests on)
// and the others, each escaped and on one line, cut by character.
func evidence(lines []string) (telling, more []string) {
	for _, line := range lines {
		line = OneLine(line)
		switch {
		case line == "":
		case telling == nil:
			telling = []string{textsafe.Cut(line, maxTellingLine)}
		case len(more) < MaxEvidenceLines-1:
			more = append(more, textsafe.Cut(line, maxEvidenceLine))
		}
	}
	return telling, more
}

// why is the sentence under the diagnosis. When failed requests in the
// logs decided the cause, it counts them and names the logs' window, and
// leaves the quoted line to the evidence; other sentences (a decision
// from metrics, nothing found) get the evidence window appended.
func why(inc Snapshot, lang classifier.Lang) string {
	d := inc.Diagnosis
	span := Span(lang, inc.Scope.Start, inc.Scope.End)
	if row, ok := causeRow(d); ok && span != "" && d.Failed > 0 && len(d.Evidence) > 0 && d.Cause != classifier.CauseUnknown {
		return fmt.Sprintf(Label(lang, LabelFailedInLogs), row.Requests, d.Failed, span)
	}
	w := OneLine(d.Why)
	if w != "" && span != "" {
		w += " (" + span + ")"
	}
	return w
}

// incompleteNote says which reads a diagnosis lacks and what each costs
// it, then that it may change; without a known read (a record stored
// before the reads were), only that part of the evidence is missing.
func incompleteNote(reads []stage.Read, lang classifier.Lang) string {
	var parts []string
	for _, r := range stage.KnownReads(reads) {
		parts = append(parts, Label(lang, IncompleteReadLabel(r)))
	}
	if len(parts) == 0 {
		return Label(lang, LabelEvidenceIncomplete)
	}
	return strings.Join(append(parts, Label(lang, LabelIncompleteMayChange)), " ")
}

// causeRow is the breakdown row of the diagnosed cause.
func causeRow(d classifier.Diagnosis) (classifier.BreakdownRow, bool) {
	for _, r := range d.Breakdown {
		if r.Cause == d.Cause {
			return r, true
		}
	}
	return classifier.BreakdownRow{}, false
}

// routeLines formats the worst routes: the 5xx of the requests and their
// share, or only the 5xx when the request count is unknown.
func routeLines(rs []stage.RouteFigures, lang classifier.Lang) []string {
	var out []string
	for _, r := range rs {
		if len(out) == MaxRouteLines {
			break
		}
		name := textsafe.Cut(OneLine(r.Route), maxRouteText)
		if name == "" || r.Errors5xx <= 0 {
			continue
		}
		figures := fmt.Sprintf("%.0f", r.Errors5xx)
		if r.Requests >= r.Errors5xx {
			figures = fmt.Sprintf(Label(lang, LabelRouteFigures), r.Errors5xx, r.Requests, 100*r.Errors5xx/r.Requests)
		}
		out = append(out, name+"  "+figures)
	}
	return out
}

// shownStatus is the status of the incident's headline. Before its logs
// name one, a REST or HTTP stage whose figures count 5xx responses is
// known to answer some 5xx: "5xx" says that much, "unknown" would say less
// than the metric does. The worst window counts too, so the headline does
// not turn "unknown" when the latest window is clean (a resolution, a
// lull). A WebSocket stage's errors are no HTTP status.
func shownStatus(inc Snapshot) string {
	d := inc.Diagnosis
	counted := inc.Errors5xx > 0 || inc.Peak.Errors5xx > 0
	if d.Status == classifier.StatusUnknown && counted && inc.APIType != stage.APIWebSocket {
		return "5xx"
	}
	return statusText(d)
}

func statusText(d classifier.Diagnosis) string {
	s := d.Status
	if d.Cause == classifier.CauseLambdaErrorMaskedAs200 {
		return "200" // what the clients got, with the error as body
	}
	if s == classifier.StatusNone {
		return "5xx"
	}
	return s.String()
}

func target(inc Snapshot) string {
	name := inc.APIName
	if name == "" {
		name = inc.APIID
	}
	return OneLine(name) + " / " + OneLine(inc.Stage)
}

func fields(inc Snapshot, lang classifier.Lang, resolved bool) []Field {
	f := inc.Figures
	peak := resolved && !inc.Peak.WindowEnd.IsZero()
	if peak {
		// The window that resolved it is clean; what on-call needs on
		// record is how bad it got, and when.
		f = inc.Peak
	}
	latency := FormatDuration(f.Latency)
	if inc.LikelyTimeout && !peak {
		latency += " (" + Label(lang, LabelNearTimeout) + ")"
	}
	where := inc.Region
	if a := inc.AccountLabel(); a != "" {
		where += " / " + a
	}
	// Every figure carries the span it was measured over: the stage's
	// figures are one period, the evidence's a longer window, and side by
	// side without a label they seem to contradict each other.
	span := figureSpan(f, lang, peak)
	errorsLabel, ofRequests := LabelErrors5xx, LabelOfRequests
	if inc.APIType == stage.APIWebSocket {
		errorsLabel, ofRequests = LabelErrorsWS, LabelOfEvents
	}
	rate, errors := "-", fmt.Sprintf("%.0f", f.Errors5xx)
	if f.Requests > 0 {
		rate = fmt.Sprintf("%.1f%%", f.ErrorRate*100)
		errors = fmt.Sprintf(Label(lang, ofRequests), f.Errors5xx, f.Requests)
	}
	out := []Field{
		{Label(lang, LabelErrorRate), rate + span},
		{Label(lang, errorsLabel), errors + span},
		{fmt.Sprintf(Label(lang, LabelLatency), f.LatencyName()), latency + span},
		{Label(lang, LabelWhere), OneLine(where)},
	}
	if inc.MaskedErrors > 0 || inc.Diagnosis.Cause == classifier.CauseLambdaErrorMaskedAs200 {
		out = append(out, Field{Label(lang, LabelMasked200), fmt.Sprintf("%.0f", inc.MaskedErrors) + figureSpan(inc.Figures, lang, false)})
	}
	if resolved && !inc.OpenedAt.IsZero() && !inc.ResolvedAt.IsZero() {
		out = append(out, Field{Label(lang, LabelOpenFor), FormatDuration(inc.ResolvedAt.Sub(inc.OpenedAt))})
	}
	return out
}

// figureSpan is the " (1m to 21:01 UTC)" that follows a figure, with the
// worst-window label on a resolution's peak figures; "" when the span is
// not known.
func figureSpan(f stage.Figures, lang classifier.Lang, peak bool) string {
	start, end := f.Span()
	text := Span(lang, start, end)
	if text == "" {
		return ""
	}
	if peak {
		text = Label(lang, LabelPeakWindow) + ": " + text
	}
	return " (" + text + ")"
}

// Span names a span of time the way every figure of a message is labelled:
// its length and its end, "8m to 21:00 UTC" (with the date when it did not
// end on the day it started); "" when either end is unknown.
func Span(lang classifier.Lang, start, end time.Time) string {
	if start.IsZero() || end.IsZero() || !end.After(start) {
		return ""
	}
	s, e := start.UTC(), end.UTC()
	at := e.Format("15:04")
	if s.YearDay() != e.YearDay() || s.Year() != e.Year() {
		at = e.Format("2006-01-02 15:04")
	}
	return fmt.Sprintf(Label(lang, LabelSpan), FormatDuration(e.Sub(s)), at)
}

func change(inc Snapshot, lang classifier.Lang) string {
	p := inc.Previous
	if p == nil {
		return ""
	}
	d := inc.Diagnosis
	if p.Cause == classifier.CauseUnknown && d.Cause != classifier.CauseUnknown {
		// The first cause named (after the announcement while diagnosing,
		// or after an abstention): no "unknown →" to read past.
		return Label(lang, LabelCauseFound) + ": " + d.Cause.String() + ", " + statusText(d)
	}
	var parts []string
	if p.Cause != d.Cause {
		parts = append(parts, fmt.Sprintf("%s → %s", p.Cause, d.Cause))
	}
	if from, to := statusText(*p), statusText(d); from != to {
		parts = append(parts, fmt.Sprintf("%s → %s", from, to))
	}
	if len(parts) == 0 {
		return ""
	}
	return Label(lang, LabelCauseChanged) + ": " + strings.Join(parts, ", ")
}

// FormatDuration prints a duration the way people read it on a phone:
// 850ms, 2.3s, 4m10s, 3h5m.
func FormatDuration(d time.Duration) string {
	switch {
	case d <= 0:
		return "-"
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		d = d.Truncate(time.Second)
		if d%time.Minute == 0 {
			return fmt.Sprintf("%dm", int(d.Minutes())) // "41m", not "41m0s"
		}
		return d.String()
	}
	return strings.TrimSuffix(d.Truncate(time.Minute).String(), "0s")
}

// BackoffText is the client retry advice in plain words: the catalog's note
// when it has one, otherwise built from the hint's figures.
func BackoffText(d classifier.Diagnosis, lang classifier.Lang) string {
	h := d.Backoff
	var out string
	switch {
	case h.Note != "":
		out = h.Note
	case !h.Retryable:
		out = Label(lang, LabelNoRetry)
	default:
		out = fmt.Sprintf(Label(lang, LabelRetry),
			FormatDuration(time.Duration(h.InitialMS)*time.Millisecond), h.Multiplier,
			FormatDuration(time.Duration(h.MaxMS)*time.Millisecond), h.MaxAttempts, h.Jitter)
	}
	if d.RetryAfter > 0 {
		out += " " + fmt.Sprintf(Label(lang, LabelRetryAfter), FormatDuration(d.RetryAfter))
	}
	return OneLine(out)
}
