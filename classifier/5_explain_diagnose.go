package classifier

import (
	"fmt"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Diagnose returns the incident-level diagnosis of the evidence added so
// far: the dominant cause, a breakdown by cause, the deciding lines, the
// remediation in lang and the client backoff advice. More evidence can be
// added afterwards and Diagnose called again. It does change the session in
// one way: what the last lines left waiting for lines to come is read as if
// the input ended there (a pretty-printed object still open, line by line;
// a line held to see whether a stack trace's frames follow, as no trace's),
// so lines added later do not join them. Nothing else changes: between
// lines that leave nothing waiting, a call changes no later answer.
func (s *Session) Diagnose(lang Lang) Diagnosis {
	d, _ := s.diagnose(lang)
	return d
}

// diagnose is Diagnose with the basis its confidence was calibrated from.
func (s *Session) diagnose(lang Lang) (Diagnosis, basis) {
	s.settle() // the answer must cover every line added, the waiting ones too
	api := s.apiType()
	t := s.tallyRequests(api)
	rows := t.sorted()
	d := Diagnosis{APIType: api, Requests: s.requestsSeen(), Failed: t.failed, RetryAfter: s.st.retryAfter}
	var b basis
	top := dominant(rows)
	switch {
	case top != nil:
		b = s.fromRows(&d, rows, top, t.failed)
	case t.masked != nil:
		b = s.fromRows(&d, []*causeRow{t.masked}, t.masked, t.masked.n)
		d.Why = maskedWhy(t.masked)
	case s.contextHit(api).weight > 0 && s.hints.Errors5xx > 0:
		b = s.fromContext(&d, api)
	default:
		b = s.noFailure(&d, lang)
	}
	s.noFalseAllClear(&d, api, &b)
	if d.Status != StatusUnknown && s.onlyLocalAnswers() {
		localStatus(&d)
	}
	// a failed request was seen, even one only its function's log showed
	// (a Lambda invocation is no API request group of its own)
	d.Requests = max(d.Requests, d.Failed)
	d.Confidence = b.confidence()
	d.Missing = s.missing(d)
	advice := Remediate(d.Cause, lang)
	switch {
	case d.Cause == CauseUnknown && top != nil && top.unnamed != "":
		advice = advice.WithReason()
	case d.Cause == CauseUnknown && d.Status.Is5xx():
		st := s.suspectStatus(d.Status, api, top)
		var of stage.APIType // whose reports they are
		d.Suspects, of = suspectsFor(api, st)
		advice = advice.WithSuspects(d.Suspects, of, statusName(st))
	}
	d.Remediation = advice.ForAPI(api).WithTimeout(d.Cause, s.timeoutMet())
	d.Backoff = BackoffFor(d.Cause, d.RetryAfter)
	// the note in the language the steps are in, as --lang promises
	d.Backoff.Note = BackoffNote(d.Backoff, d.Cause, lang)
	if d.Breakdown == nil {
		d.Breakdown = []BreakdownRow{}
	}
	if d.RequestIDs == nil {
		d.RequestIDs = []string{}
	}
	if d.Evidence == nil {
		d.Evidence = []string{}
	}
	return d, b
}

func (s *Session) fromRows(d *Diagnosis, rows []*causeRow, top *causeRow, failed int) basis {
	d.Cause, d.Status = top.cause, top.status()
	b := s.rowBasis(top, failed)
	for _, r := range rows {
		d.Breakdown = append(d.Breakdown, BreakdownRow{Cause: r.cause, Status: r.status(), Requests: r.n})
	}
	d.RequestIDs = top.ids
	d.Evidence = top.evidence
	switch {
	case top.cause == CauseUnknown && top.unnamed != "":
		d.Why = fmt.Sprintf("%d request(s) failed with %s; the gateway gave a reason no cause of this tool covers: %s", top.n, d.Status, quoteMessage(top.unnamed))
	case top.cause == CauseUnknown:
		d.Why = fmt.Sprintf("%d request(s) failed with %s, but no line in the evidence shows why.", top.n, d.Status)
	case len(top.evidence) == 0:
		d.Why = s.contextWhy(top.cause)
	default:
		d.Why = fmt.Sprintf("%d of %d failed request(s) point to %s: %s", top.n, failed, top.cause, whyLine(top.evidence))
	}
	return b
}

// whyLine quotes the first evidence line for the Why sentence.
func whyLine(evidence []string) string {
	if len(evidence) == 0 {
		return "(no line kept)"
	}
	return quoteMessage(evidence[0])
}

// fromContext decides from the metric context alone: the logs showed no
// failed request, but the metrics counted 5xx and show why.
func (s *Session) fromContext(d *Diagnosis, api stage.APIType) basis {
	h := s.contextHit(api)
	d.Cause = h.cause
	d.Status = h.cause.Status(api)
	if d.Status == StatusNone {
		d.Status = h.cause.Status(stage.APIREST)
	}
	d.Breakdown = []BreakdownRow{{Cause: d.Cause, Status: d.Status, Requests: int(s.hints.Errors5xx)}}
	d.Failed = int(s.hints.Errors5xx)
	d.Why = s.contextWhy(h.cause)
	return basis{kind: kindMetrics, weight: h.weight}
}

// contextWhy explains a cause no kept line named: the metric context's
// figure when the metrics decided it, else the structural fallback's
// reason (a bare status's likeliest cause), never a metric nobody gave.
func (s *Session) contextWhy(c Cause) string {
	h := s.hints
	switch {
	case c == CauseIntegrationTimeout && h.IntegrationLatencyMax > 0 && h.IntegrationTimeout == 0 && len(h.RouteTimeouts) > 0:
		// the stage's integrations differ: the metric is the stage's
		return fmt.Sprintf("IntegrationLatency reached %s, at the longest integration timeout of the stage's methods or routes, %s.", h.IntegrationLatencyMax, s.integrationTimeout(s.apiType()))
	case c == CauseIntegrationTimeout && h.IntegrationLatencyMax > 0:
		return fmt.Sprintf("IntegrationLatency reached %s, at the integration timeout of %s.", h.IntegrationLatencyMax, s.integrationTimeout(s.apiType()))
	case c == CauseLambdaThrottled && h.LambdaThrottles > 0:
		return fmt.Sprintf("The Lambda function was throttled %.0f time(s) in the window.", h.LambdaThrottles)
	case c == CauseLambdaFunctionTimeout && h.LambdaDurationMax > 0:
		return fmt.Sprintf("Lambda Duration reached %s, the function's timeout of %s.", h.LambdaDurationMax, h.LambdaTimeout)
	}
	return fmt.Sprintf("No line names the cause; %s is the likeliest for the status shown.", c)
}

// noFailure is the diagnosis when no request failed: not_5xx when the
// evidence shows requests that ended below 500, unknown (status and cause)
// when nothing shows what the client got: an all-clear needs positive
// evidence.
func (s *Session) noFailure(d *Diagnosis, lang Lang) basis {
	d.Status = StatusUnknown
	d.Cause = CauseUnknown
	if !s.sawEvidence() {
		d.Why = "The input holds no API Gateway, Lambda or client evidence that this tool recognises."
		if u := s.st.unanswered; u.kind != unansweredNone {
			// no HTTP answer the client could read: no all-clear, but say
			// what was seen
			d.Why = s.unansweredWhy(lang)
			d.Evidence = []string{u.line}
		}
		return basis{kind: kindNoEvidence}
	}
	if !s.sawAnswerBelow500() {
		d.Why = "No line in the evidence shows what the client received, nor why a request failed."
		return s.refusedWithoutStatus(d)
	}
	d.Status = StatusNone
	d.Cause = CauseNot5xx
	b := basis{kind: kindAllClear, by: byPerson, logs: s.logEvidence()}
	switch {
	case s.st.completed > 0 || s.st.notFailed > 0:
		b.by = byGateway // the gateway's own log or access log ended the requests
	case s.programShowedBelow500():
		b.by = byProgram // a client's status line or a gateway body
	}
	if b.by == byPerson && s.st.namedServerCode {
		return s.personNamedServerCode(d)
	}
	r := &causeRow{cause: CauseNot5xx, statuses: map[Status]int{}, seen: map[string]bool{}}
	for _, g := range s.notFailed {
		r.add(outcome{cause: CauseNot5xx, status: StatusNone}, g, 1)
	}
	live := 0
	for _, g := range s.liveInOrder() {
		if !g.lambda && g.interesting() {
			r.add(outcome{cause: CauseNot5xx, status: StatusNone}, g, 1)
			live++
		}
	}
	n := max(s.st.notFailed, len(s.notFailed)) + live
	if n > 0 {
		d.Breakdown = []BreakdownRow{{Cause: CauseNot5xx, Status: StatusNone, Requests: n}}
	}
	d.RequestIDs, d.Evidence = r.ids, r.evidence
	d.Why = "No request in the evidence ended in a 5xx response."
	if len(r.evidence) > 0 {
		d.Why = "No request ended in 5xx; the errors seen are client-side or masked: " + quoteMessage(r.evidence[0])
	}
	return b
}

// personNamedServerCode is the answer when only a person's words say the
// answer was below 500 and a person's line also names a 500 to 504 that
// no status form reads ("403 at first, and now a 502"): the words give no
// positive evidence that the client got no 5xx, so neither the status nor
// the cause is told.
func (s *Session) personNamedServerCode(d *Diagnosis) basis {
	d.Status, d.Cause = StatusUnknown, CauseUnknown
	d.Why = "A person's words say the answer was below 500, but also name a 5xx code: no line shows what the client received."
	return basis{kind: kindAbstain, logs: s.logEvidence()}
}

// refusedWithoutStatus names the look-alike a report shows when no line
// shows the status of the answer it is about: a browser's CORS refusal, a
// binary body that arrived as base64 text or garbled, an application's own
// 404 page, a deployment that failed. None is a 5xx cause, but the
// gateway's own 5xx answers carry no CORS headers either, a body people
// call garbled may be an error page, and a failed deployment leaves the
// last one serving, so the status stays unknown and the client's status
// line decides it.
func (s *Session) refusedWithoutStatus(d *Diagnosis) basis {
	for _, g := range s.liveInOrder() {
		if g.lambda || g.status != 0 || g.best.cause != CauseNot5xx || g.best.implied != 0 {
			continue
		}
		d.Cause = CauseNot5xx
		d.Evidence = []string{g.decider}
		d.Why = lookAlikeWhy(g.decider)
		return basis{kind: kindLookAlike, logs: s.logEvidence()}
	}
	return basis{kind: kindAbstain, logs: s.logEvidence()}
}

// lookAlikeWhy explains the look-alike line decider, which shows no status.
func lookAlikeWhy(decider string) string {
	low := []byte(strings.ToLower(decider))
	switch {
	case binaryBody.Match(low):
		return "A binary body arrived as base64 text or damaged, and no line shows its status: " + quoteMessage(decider) +
			". The API answered: its binary media types and the function's isBase64Encoded decide how a body is carried; the status line decides whether it was a 5xx."
	case deployFailure.Match(low):
		return "A deployment tool reports a change that failed, and no line shows a request's status: " + quoteMessage(decider) +
			". A failed change leaves the API as its last deployment made it, so no client got a 5xx from it; the message names what to fix before deploying again."
	case appNotFound.Match(low):
		return "The application's own 404 page, and no line shows its status: " + quoteMessage(decider) +
			". The request reached the function, whose application has no route for the path it was given: that path can hold a custom domain's base path or an HTTP API stage's name."
	}
	return "A browser refused a response for its CORS headers and shows no status: " + quoteMessage(decider) +
		". The gateway's own 5xx answers carry no CORS headers either; the status in the browser's network panel decides."
}

// noFalseAllClear keeps a report that shows a 5xx anywhere (a status line,
// a gateway body, a person's "we get 502") from being answered none: the
// requests that ended below 500 were others, or the masked error was not
// the one the client saw. The status is the one shown; the cause stays
// unknown unless a failing function was seen, which is the likeliest
// reason for a 5xx next to a masked error.
func (s *Session) noFalseAllClear(d *Diagnosis, api stage.APIType, b *basis) {
	if d.Status != StatusNone {
		return
	}
	if s.st.shown5xx == 0 {
		s.noAllClearAgainstMetrics(d, b)
		return
	}
	*b = basis{kind: kindShown5xx, logs: s.logEvidence()}
	cause := CauseUnknown
	if d.Cause == CauseLambdaErrorMaskedAs200 {
		cause = CauseLambdaFunctionError
	}
	d.Cause, d.Status = cause, toStatus(s.usualCode(cause, api, s.st.shown5xx))
	if s.st.shown5xx != implied5xx {
		d.Status = toStatus(s.st.shown5xx)
	}
	d.Failed = max(d.Failed, 1)
	d.Breakdown = []BreakdownRow{{Cause: d.Cause, Status: d.Status, Requests: d.Failed}}
	if cause == CauseUnknown {
		b.kind = kindAbstain
		d.Why = "The evidence shows a " + d.Status.String() + " response, but no line shows why."
		if len(d.Evidence) > 0 {
			// (not the all-clear's own words, which say no request ended in 5xx)
			d.Why += " What else it shows does not explain it: " + quoteMessage(d.Evidence[0])
		}
		return
	}
	d.Why = "The evidence shows a " + d.Status.String() + " response and a failing Lambda function: " + quoteMessage(firstOr(d.Evidence, ""))
}

// noAllClearAgainstMetrics keeps a stage whose metrics counted 5xx answers
// in the window (5XXError, 5xx) from being answered none, whatever its
// lines show below 500: they missed the failed requests (a recovering
// stage's newest lines are successes). No line shows which 5xx nor why,
// so status and cause are unknown: an answer that found nothing, which
// replaces no diagnosis an incident already has.
func (s *Session) noAllClearAgainstMetrics(d *Diagnosis, b *basis) {
	if s.hints.Errors5xx <= 0 {
		return
	}
	*b = basis{kind: kindAbstain, logs: s.logEvidence()}
	d.Cause, d.Status = CauseUnknown, StatusUnknown
	d.Failed = max(d.Failed, int(s.hints.Errors5xx))
	d.Breakdown = []BreakdownRow{{Cause: d.Cause, Status: d.Status, Requests: d.Failed}}
	d.Why = fmt.Sprintf("The stage's metrics counted %.0f 5xx response(s) in the window, which no line shows. %s", s.hints.Errors5xx, d.Why)
}

// firstOr returns the first line, or def when there is none.
func firstOr(lines []string, def string) string {
	if len(lines) == 0 {
		return def
	}
	return lines[0]
}

// programShowedBelow500 reports whether a client's or a CDN's line (a
// status line, the gateway's own 4xx body) showed an answer below 500; a
// person saying so is weaker evidence.
func (s *Session) programShowedBelow500() bool {
	for _, g := range s.live {
		if !g.lambda && g.status > 0 && !is5xx(g.status) && !g.toldStatus {
			return true
		}
	}
	return false
}

// sawAnswerBelow500 reports whether the evidence shows a request that ended
// below 500: a status line, an access record, a completed method.
func (s *Session) sawAnswerBelow500() bool {
	if s.st.completed > 0 || s.st.notFailed > 0 {
		return true
	}
	for _, g := range s.live {
		told2xx := g.toldStatus && is2xx(g.status)
		if !g.lambda && g.status > 0 && !is5xx(g.status) && !told2xx {
			return true
		}
		if !g.lambda && g.status == 0 && g.best.implied > 0 && !is5xx(g.best.implied) {
			return true
		}
	}
	return false
}

// logEvidence reports whether a program wrote any of the lines: the
// gateway, the access log, Lambda, the function, a client or a CDN.
func (s *Session) logEvidence() bool {
	return s.st.execLines+s.st.accessLines+s.st.lambdaLines > 0 || s.st.machine > 0
}

// sawEvidence reports whether any line was recognised as log or client output.
// A 5xx a client, a CDN or a person showed counts even when no request
// group kept it (another request's 200 status line before it, a wscat
// refusal after that): the answer is that 5xx, never "nothing to
// diagnose".
func (s *Session) sawEvidence() bool {
	s.settle()
	if s.st.execLines+s.st.accessLines+s.st.lambdaLines > 0 || s.st.completed > 0 || s.st.notFailed > 0 || s.st.shown5xx != 0 {
		return true
	}
	for _, g := range s.live {
		if g.interesting() {
			return true
		}
	}
	return false
}

// requestsSeen counts the API requests the evidence showed.
func (s *Session) requestsSeen() int {
	n := s.st.completed
	echoes := identifiedFailure(s.done)
	for _, g := range s.live {
		echoes = echoes || g.failedWithID()
	}
	for id, g := range s.live {
		if !g.lambda && !g.counted && (id != "" || g.interesting()) && (!echoes || !g.echo()) {
			n++
		}
	}
	return n
}

// quoteMessage shortens an evidence line to its message for a sentence.
func quoteMessage(line string) string {
	msg := stripPrefixes([]byte(line))
	if _, rest, ok := execRequestID(msg); ok {
		msg = rest
	}
	out := string(msg)
	if len(msg) > 0 && msg[0] == '{' {
		// the evidence line is escaped already; decoding its JSON turns
		// \u001b back into a control character, so escape the pick again
		out = escapeLine([]byte(accessMessage(msg, out)))
	} else {
		out = runtimeMessage(out)
	}
	return `"` + truncateRunes(strings.TrimSpace(out), maxWhyRunes) + `"`
}

// runtimeMessage returns the message of a Lambda runtime's log record as
// the escaped evidence holds it, without the fields before it: the
// Node.js and Python runtimes write "[LEVEL] TIMESTAMP REQUEST-ID
// [LEVEL] message" apart by tabs (the Lambda guide's logging pages for
// each runtime), which the sentence would otherwise quote as "\t8f3b...
// \tTask timed out". A line of no such record is returned as it is.
func runtimeMessage(msg string) string {
	const tab = `\t` // a tab, escaped
	fields := strings.SplitN(msg, tab, 5)
	for i, f := range fields[:min(len(fields)-1, 3)] {
		if !isUUID([]byte(f)) {
			continue
		}
		rest := strings.Join(fields[i+1:], tab)
		for _, level := range [...]string{"ERROR", "WARN", "INFO", "DEBUG", "TRACE", "FATAL"} {
			if m, ok := strings.CutPrefix(rest, level+tab); ok {
				return m
			}
		}
		return rest
	}
	return msg
}

// maxWhyRunes bounds the quoted line of a Why sentence, in characters.
const maxWhyRunes = 200

// truncateRunes cuts s to n characters (not bytes, so no character is
// split) with a "…" mark.
func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// accessMessage picks the error text out of a JSON access record for the
// Why sentence; the whole record stays in the evidence.
func accessMessage(msg []byte, fallback string) string {
	var r recordReader
	var rec accessRecord
	if !r.read(msg, &rec) {
		return fallback
	}
	if v := rec.get(fIntegrationErrorMessage, fIntegrationError, fAuthorizerError, fErrorMessage); v != "" {
		return v
	}
	// no message: the figures that decided, under their access-log
	// variables' names, rather than the record cut in its middle
	var parts []string
	for _, f := range [...]struct {
		name string
		f    field
	}{{"status", fStatus}, {"integrationStatus", fIntegrationStatus}, {"integrationLatency", fIntegrationLatency}, {"responseType", fErrorResponseType}} {
		if v := rec.get(f.f); v != "" {
			if f.f == fIntegrationLatency && leadingInt([]byte(v)) > 0 {
				v += " ms" // the variable is in milliseconds
			}
			parts = append(parts, f.name+" "+v)
		}
	}
	if len(parts) < 2 { // a status alone says less than the record
		return fallback
	}
	return strings.Join(parts, ", ")
}

// maskedWhy says why a function's failure was answered below 500: a line
// showed the 2xx, or, when none did, the function's error object was the
// body the client got, which only a custom integration sends, with 200.
func maskedWhy(r *causeRow) string {
	if r.inferred == r.n {
		return fmt.Sprintf("%d response(s) carried the Lambda function's error object as their body, which a custom (non-proxy) integration sends with 200 when no integration response matches its errorMessage (no line shows the status): %s", r.n, whyLine(r.evidence))
	}
	return fmt.Sprintf("%d request(s) answered 2xx although the Lambda function failed: %s", r.n, whyLine(r.evidence))
}

// suspectStatus is the status an abstention's suspects are looked up by:
// the one shown, or statusSome when no line showed the code and the
// answer's 500 only stands for REST's body, which 502s carry too.
func (s *Session) suspectStatus(status Status, api stage.APIType, top *causeRow) Status {
	shown := s.st.shown5xx != implied5xx
	if top != nil {
		shown = top.inferred < top.n
	}
	if !shown && status == Status500 && api != stage.APIHTTP {
		return statusSome
	}
	return status
}

// localStatus says that the status the evidence shows is a local
// emulator's answer (onlyLocalAnswers), which tells nothing of what the
// deployed API answers: the status becomes unknown, the cause stays.
func localStatus(d *Diagnosis) {
	shown := "The " + d.Status.String()
	if d.Status == StatusNone {
		shown = "The answer below 500"
	}
	d.Why += " " + shown + " is a local emulator's (sam local, serverless-offline, LocalStack), not the deployed API's: what the deployed API answers is unknown."
	d.Status = StatusUnknown
	for i := range d.Breakdown {
		d.Breakdown[i].Status = StatusUnknown
	}
}
