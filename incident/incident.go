package incident

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// State is where an incident is in its life.
type State string

// The incident states.
const (
	StateOpen     State = "open"
	StateResolved State = "resolved"
)

// maxTimeline bounds an incident's timeline so that a stage failing for
// days does not grow its record without limit.
const maxTimeline = 100

// maxEvidence bounds the evidence lines and request ids kept per incident:
// enough to show and to look up, small enough to persist every poll.
const maxEvidence = 20

// Incident is one failure episode of one API stage.
type Incident struct {
	ID       string `json:"id"`
	StageKey string `json:"stage_key"`
	State    State  `json:"state"`
	// Info is the incident as notifications show it: the stage, the figures
	// of the last window, the current and the previous diagnosis.
	Info notifier.Snapshot `json:"info"`
	// Seq is the sequence number of the last event enqueued for it.
	Seq int `json:"seq"`
	// Reopened counts how often the stage tripped again within the cooldown
	// after a resolution and this incident was reopened.
	Reopened int `json:"reopened,omitempty"`
	// LastNotified* are what the last notification said; updates and
	// reminders are decided against them.
	LastNotifiedAt     time.Time         `json:"last_notified_at"`
	LastNotifiedRate   float64           `json:"last_notified_rate"`
	LastNotifiedStatus classifier.Status `json:"last_notified_status"`
	LastNotifiedCause  classifier.Cause  `json:"last_notified_cause"`
	// LastSeenAt is the time of the last observation of the stage.
	LastSeenAt time.Time       `json:"last_seen_at"`
	Timeline   []TimelineEntry `json:"timeline"`
	// Series is the figures of the windows observed while the incident
	// was open (bounded by maxSeries), for its graph.
	Series []Sample `json:"series,omitempty"`
}

// TimelineEntry is one thing that happened to an incident.
type TimelineEntry struct {
	At        time.Time         `json:"at"`
	Kind      string            `json:"kind"` // a notifier.Kind, or "reopened"
	Status    classifier.Status `json:"status"`
	Cause     classifier.Cause  `json:"cause"`
	ErrorRate float64           `json:"error_rate"`
	Note      string            `json:"note,omitempty"`
}

// Open reports whether the incident is open.
func (i *Incident) Open() bool { return i.State == StateOpen }

// eventID is the notification id for one sequence number of an incident:
// stable across restarts, so sinks can make redeliveries idempotent.
func eventID(incidentID string, seq int) string {
	return fmt.Sprintf("%s#%d", incidentID, seq)
}

// newIncidentID names an incident after its stage's opening time and a
// store-wide sequence, so ids sort by age and never repeat within a store.
func newIncidentID(opened time.Time, seq uint64) string {
	return fmt.Sprintf("inc-%s-%d", opened.UTC().Format("20060102T150405Z"), seq)
}

// addTimeline appends an entry, dropping the oldest beyond maxTimeline.
func (i *Incident) addTimeline(e TimelineEntry) {
	i.Timeline = append(i.Timeline, e)
	if n := len(i.Timeline); n > maxTimeline {
		i.Timeline = append([]TimelineEntry(nil), i.Timeline[n-maxTimeline:]...)
	}
}

// clone returns a deep enough copy for the lifecycle to change without
// touching the caller's value (slices are copied).
func (i *Incident) clone() *Incident {
	c := *i
	c.Timeline = append([]TimelineEntry(nil), i.Timeline...)
	c.Series = append([]Sample(nil), i.Series...)
	c.Info.Diagnosis = cloneDiagnosis(i.Info.Diagnosis)
	if i.Info.Previous != nil {
		p := cloneDiagnosis(*i.Info.Previous)
		c.Info.Previous = &p
	}
	return &c
}

// cloneDiagnosis copies a diagnosis and bounds its evidence sample.
func cloneDiagnosis(d classifier.Diagnosis) classifier.Diagnosis {
	d.Breakdown = append([]classifier.BreakdownRow(nil), d.Breakdown...)
	d.Evidence = append([]string(nil), d.Evidence[:min(len(d.Evidence), maxEvidence)]...)
	d.RequestIDs = append([]string(nil), d.RequestIDs[:min(len(d.RequestIDs), maxEvidence)]...)
	d.Remediation.Steps = append([]string(nil), d.Remediation.Steps...)
	d.Missing = append([]string(nil), d.Missing...)
	d.Suspects = append([]classifier.Suspect(nil), d.Suspects...)
	return d
}
