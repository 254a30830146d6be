package incident

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// incidentView is one incident as /api/incidents shows it. It is built
// field by field from the store so that nothing a sink saved (its state
// may hold channel ids or anything else) is shown by accident.
type incidentView struct {
	ID         string    `json:"id"`
	State      State     `json:"state"`
	Account    string    `json:"account,omitempty"`
	Region     string    `json:"region,omitempty"`
	APIType    string    `json:"api_type"`
	APIName    string    `json:"api_name,omitempty"`
	APIID      string    `json:"api_id,omitempty"`
	Stage      string    `json:"stage"`
	OpenedAt   time.Time `json:"opened_at"`
	ResolvedAt time.Time `json:"resolved_at,omitzero"`
	LastSeenAt time.Time `json:"last_seen_at"`
	Reopened   int       `json:"reopened"`
	// EvidenceIncomplete is set while the diagnosis rests on part of its
	// evidence; IncompleteReads names the reads that failed (none for an
	// incident stored before they were named).
	EvidenceIncomplete bool         `json:"evidence_incomplete,omitempty"`
	IncompleteReads    []stage.Read `json:"incomplete_reads,omitempty"`
	// Diagnosing is set while the stage's logs are still being read: the
	// diagnosis's unknown cause means "not yet", not "no line names one".
	Diagnosing bool `json:"diagnosing,omitempty"`

	Figures   figuresView     `json:"figures"`
	Diagnosis diagnosisView   `json:"diagnosis"`
	Previous  *diagnosisView  `json:"previous,omitempty"`
	Timeline  []TimelineEntry `json:"timeline"`
	// Notifications is per sink: delivered, pending and failed counts.
	Notifications map[string]SinkStatus `json:"notifications"`
}

type figuresView struct {
	WindowStart time.Time `json:"window_start"`
	WindowEnd   time.Time `json:"window_end"`
	ErrorRate   float64   `json:"error_rate"`
	Errors5xx   float64   `json:"errors_5xx"`
	Requests    float64   `json:"requests"`
	// LatencyMS is the latency at LatencyStatistic, the configured
	// percentile; the key keeps the name scripts know.
	LatencyMS        int64  `json:"latency_p99_ms"`
	LatencyStatistic string `json:"latency_statistic"`
	LikelyTimeout    bool   `json:"likely_timeout"`
}

type diagnosisView struct {
	Status           classifier.Status         `json:"status"`
	Cause            classifier.Cause          `json:"cause"`
	Confidence       float64                   `json:"confidence"`
	Breakdown        []classifier.BreakdownRow `json:"breakdown"`
	Evidence         []string                  `json:"evidence"`
	RequestIDs       []string                  `json:"request_ids"`
	RemediationTitle string                    `json:"remediation_title"`
	Remediation      []string                  `json:"remediation_steps"`
	Backoff          classifier.BackoffHint    `json:"backoff"`
	Why              string                    `json:"why,omitempty"`
}

// Handler serves /api/incidents: the open and the recent resolved
// incidents, newest first, as JSON. The query ?state=open|resolved|all
// (default all) filters them; resolved ones are capped at
// ManagerOptions.Recent.
func (m *Manager) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state := r.URL.Query().Get("state")
		if state == "" {
			state = "all"
		}
		if state != "all" && state != string(StateOpen) && state != string(StateResolved) {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "state must be open, resolved or all"})
			return
		}
		views, err := m.views(state)
		if err != nil {
			m.log.Error("listing incidents failed", "err", err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "incident store unreadable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"generated_at": m.clk.Now().UTC(), "incidents": views})
	})
}

// views lists the incidents of a state ("all" for both) with their
// notification state.
func (m *Manager) views(state string) ([]incidentView, error) {
	list, err := m.list(state)
	if err != nil {
		return nil, err
	}
	counts, err := m.st.notificationCounts()
	if err != nil {
		return nil, err
	}
	views := make([]incidentView, 0, len(list))
	for i := range list {
		views = append(views, view(&list[i], counts[list[i].ID], m.sinks))
	}
	return views, nil
}

func view(inc *Incident, counts sinkCounts, sinks []string) incidentView {
	i := &inc.Info
	v := incidentView{
		ID: inc.ID, State: inc.State, Account: i.Account, Region: i.Region, APIType: i.APIType.String(),
		APIName: i.APIName, APIID: i.APIID, Stage: i.Stage, OpenedAt: i.OpenedAt, ResolvedAt: i.ResolvedAt,
		LastSeenAt: inc.LastSeenAt, Reopened: inc.Reopened, Timeline: inc.Timeline,
		EvidenceIncomplete: i.EvidenceIncomplete, IncompleteReads: i.IncompleteReads, Diagnosing: i.Diagnosing,
		Figures: figuresView{
			WindowStart: i.WindowStart, WindowEnd: i.WindowEnd, ErrorRate: i.ErrorRate, Errors5xx: i.Errors5xx,
			Requests: i.Requests, LatencyMS: i.Latency.Milliseconds(), LatencyStatistic: i.LatencyName(), LikelyTimeout: i.LikelyTimeout,
		},
		Diagnosis:     diagnosis(i.Diagnosis),
		Notifications: map[string]SinkStatus{},
	}
	if i.Previous != nil {
		p := diagnosis(*i.Previous)
		v.Previous = &p
	}
	for _, s := range sinks {
		v.Notifications[s] = SinkStatus{}
	}
	for s, c := range counts {
		v.Notifications[s] = *c
	}
	return v
}

func diagnosis(d classifier.Diagnosis) diagnosisView {
	if d.Backoff.Jitter == "" {
		// an incident whose logs are still being read has no diagnosis
		// yet: its hint is the zero one, which says "no retry advice" in
		// the documented vocabulary ("full" or "none"), not in an empty string
		d.Backoff.Jitter = "none"
	}
	return diagnosisView{
		Status: d.Status, Cause: d.Cause, Confidence: d.Confidence,
		Breakdown: nonNil(d.Breakdown), Evidence: nonNil(d.Evidence), RequestIDs: nonNil(d.RequestIDs),
		RemediationTitle: d.Remediation.Title, Remediation: nonNil(d.Remediation.Steps),
		Backoff: d.Backoff, Why: d.Why,
	}
}

// nonNil makes empty lists encode as [] rather than null, for scripts.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// writeJSON encodes v; textsafe.JSON then shows the bidi, zero-width and
// C1 characters that encoding/json passes raw as escapes in the text, so a
// script printing a field shows them instead of obeying them. encoding/json
// already writes <, > and & as \u003c, \u003e and \u0026.
func writeJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the views hold only encodable types
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_, _ = w.Write(textsafe.JSON(buf.Bytes()))
}
