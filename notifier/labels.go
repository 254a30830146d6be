package notifier

import (
	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// LabelKey names one fixed piece of message text: the remediation steps
// come from the classifier's catalog, and so do these labels around them,
// in each language of the catalog (its labels section, whose keys these are).
type LabelKey string

// The labels a notification uses.
const (
	LabelOpened    LabelKey = "opened"
	LabelUpdated   LabelKey = "updated"
	LabelReminder  LabelKey = "reminder"
	LabelResolved  LabelKey = "resolved"
	LabelOpen      LabelKey = "open"
	LabelErrorRate LabelKey = "error_rate"
	LabelErrors5xx LabelKey = "errors_5xx"
	// LabelErrorsWS names a WebSocket stage's errors, which are no 5xx
	// responses: IntegrationError plus ExecutionError.
	LabelErrorsWS     LabelKey = "errors_ws"
	LabelLatency      LabelKey = "latency" // a format: the statistic ("p99") goes in
	LabelWhere        LabelKey = "where"
	LabelDiagnosis    LabelKey = "diagnosis"
	LabelConfidence   LabelKey = "confidence"
	LabelBreakdown    LabelKey = "breakdown"
	LabelEvidence     LabelKey = "evidence"
	LabelRemediation  LabelKey = "remediation"
	LabelBackoff      LabelKey = "backoff"
	LabelMetrics      LabelKey = "metrics"
	LabelLogs         LabelKey = "logs"
	LabelCauseChanged LabelKey = "cause_changed"
	LabelCauseFound   LabelKey = "cause_found"
	// LabelDiagnosing stands for the cause of an incident announced
	// before its diagnosis.
	LabelDiagnosing    LabelKey = "diagnosing"
	LabelNearTimeout   LabelKey = "near_timeout"
	LabelOpenFor       LabelKey = "open_for"
	LabelNoRetry       LabelKey = "no_retry"
	LabelRetry         LabelKey = "retry"
	LabelRetryAfter    LabelKey = "retry_after"
	LabelDigest        LabelKey = "digest"
	LabelFailingRoutes LabelKey = "failing_routes"
	LabelRouteFigures  LabelKey = "route_figures"
	LabelMasked200     LabelKey = "masked_200"
	LabelPeakWindow    LabelKey = "peak_window"
	// LabelOfRequests is a format: the 5xx and the requests of a span.
	LabelOfRequests LabelKey = "of_requests"
	// LabelOfEvents is LabelOfRequests for a WebSocket stage, whose
	// requests are connects and messages.
	LabelOfEvents LabelKey = "of_events"
	// LabelSpan is a format: how long a span of time is, and when it
	// ended (HH:MM UTC), the window a figure was measured over.
	LabelSpan LabelKey = "span"
	// LabelFailedInLogs is a format: how many of the failed requests
	// sampled from the logs point to the cause, and the logs' span.
	LabelFailedInLogs LabelKey = "failed_in_logs"
	// LabelEvidenceIncomplete follows the why of a diagnosis that rests
	// on part of its evidence, while the incident is open, when the
	// incident does not name the reads that failed (a store written
	// before it did).
	LabelEvidenceIncomplete LabelKey = "evidence_incomplete"
	// LabelIncompleteMayChange ends the sentences of the reads a
	// diagnosis lacks (see IncompleteReadLabel).
	LabelIncompleteMayChange LabelKey = "incomplete_may_change"
)

// IncompleteReadLabel is the sentence saying that a read of the evidence
// failed and what that costs the diagnosis ("incomplete_functions", ...).
func IncompleteReadLabel(r stage.Read) LabelKey { return LabelKey("incomplete_" + r.String()) }

// Label returns the label in the language, falling back to English for an
// unsupported language; an unknown key has no text.
func Label(lang classifier.Lang, key LabelKey) string {
	return classifier.Label(lang, string(key))
}

// KindLabel returns the label for what happened to the incident.
func KindLabel(lang classifier.Lang, k Kind) string {
	switch k {
	case KindUpdated:
		return Label(lang, LabelUpdated)
	case KindReminder:
		return Label(lang, LabelReminder)
	case KindResolved:
		return Label(lang, LabelResolved)
	}
	return Label(lang, LabelOpened)
}
