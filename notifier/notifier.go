// Package notifier delivers incident notifications to sinks (Slack,
// Alertmanager). Each sink lives in its own package and implements
// Notifier; the incident store's outbox calls them and records what was sent,
// so an outage delays notifications but never drops or doubles them.
package notifier

import (
	"context"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// Kind is what happened to an incident.
type Kind string

// The kinds of notification, in the order an incident goes through them.
const (
	KindOpened   Kind = "opened"   // the incident tripped
	KindUpdated  Kind = "updated"  // the diagnosis changed: cause, status, or a large change in rate
	KindReminder Kind = "reminder" // still failing after the repeat interval
	KindResolved Kind = "resolved" // the clear condition held
)

// KindConfirmed is no notification: the complete evidence confirmed the
// cause and status of a diagnosis made from part of it, so nobody is told
// anything new. It goes only to the sinks that keep an incident's message
// current in place (see Editor), for them to edit it: it no longer says the
// diagnosis may change.
const KindConfirmed Kind = "confirmed"

// KindEvidenceChanged is no notification either: a diagnosis still resting
// on part of its evidence now lacks other reads than its message names (a
// read in full that kept it, finding no 5xx while the stage trips, names
// none; a later partial read, the ones that failed then), with the same
// cause and status. Like KindConfirmed it goes only to the sinks that keep
// an incident's message current in place, for them to edit it.
const KindEvidenceChanged Kind = "evidence_changed"

// EditOnly reports whether an event of kind k notifies nobody and exists
// only for the sinks that keep a message current in place (see Editor).
func (k Kind) EditOnly() bool { return k == KindConfirmed || k == KindEvidenceChanged }

// Kinds returns every kind of notification (the EditOnly kinds are none);
// metric label sets are pre-created from it.
func Kinds() []Kind { return []Kind{KindOpened, KindUpdated, KindReminder, KindResolved} }

// Event is one notification. ID is unique and stable across restarts
// (incident id and sequence number), so sinks can make retries idempotent.
type Event struct {
	ID         string
	IncidentID string
	Seq        int
	Kind       Kind
	At         time.Time
	// Snapshot is the incident as of this event. Stored outboxes keep the
	// key earlier versions wrote.
	Snapshot Snapshot `json:"Incident"`
}

// Snapshot is an incident as a notification shows it: the stage, when it
// opened and resolved, the figures of the last evaluated window, the
// diagnosis and what it replaced.
type Snapshot struct {
	stage.Identity
	OpenedAt time.Time
	// ResolvedAt is zero while the incident is open.
	ResolvedAt time.Time
	// Figures of the last evaluated window.
	stage.Figures

	// LogGroups are the log groups the evidence was read from (execution or
	// access logs, the Lambda function's group), for the Logs Insights link.
	// When empty, a REST API's execution log group is derived from APIID.
	LogGroups []string

	Diagnosis classifier.Diagnosis
	// Diagnosing is set while the incident is announced before its
	// diagnosis: the trip is certain, the evidence is still being read,
	// and the cause follows as an update.
	Diagnosing bool `json:",omitempty"`
	// EvidenceIncomplete is set while the diagnosis rests on part of its
	// evidence: a read of the logs or metrics failed (an AWS outage,
	// throttling past the retries, a query that outlived its timeout). The
	// daemon reads the evidence again at every poll until it is complete,
	// and the diagnosis of the complete evidence replaces this one.
	EvidenceIncomplete bool `json:",omitempty"`
	// IncompleteReads names the reads that failed when the diagnosis was
	// made (set only with EvidenceIncomplete), so messages can say what
	// the diagnosis lacks. Stores written before it have none: their
	// messages say only that part of the evidence is missing.
	IncompleteReads []stage.Read `json:",omitempty"`
	// Scope is what the diagnosis's evidence covered: the window its logs
	// and metrics were read over, and the method or route that failed most
	// in those logs. Zero when the diagnosis came without evidence.
	Scope stage.EvidenceScope `json:",omitzero"`
	// Previous is the diagnosis before an update, for "cause changed" messages.
	Previous *classifier.Diagnosis

	// Peak is the window with the highest error rate while the incident was
	// open: a resolution shows it, not the clean window that resolved it.
	Peak stage.Figures

	// Routes are the methods or routes that answered 5xx, most first, from
	// the stage's detailed metrics; empty when those are off.
	Routes []stage.RouteFigures `json:",omitempty"`
}

// SinkState is what a sink remembers about one incident between
// notifications (for Slack: where the root message is). The outbox persists
// it with the delivery bookkeeping.
type SinkState struct {
	Channel string `json:"channel,omitempty"`
	RootTS  string `json:"root_ts,omitempty"`
	// RootPending is set, and checkpointed, just before a root message is
	// posted; if the process dies before RootTS is recorded, the next attempt
	// looks the message up instead of posting a second one.
	RootPending bool              `json:"root_pending,omitempty"`
	Extra       map[string]string `json:"extra,omitempty"`
}

// Delivery is one attempt to deliver an event to one sink.
type Delivery struct {
	Event Event
	// State is the sink's state for the incident; Notify updates it in place.
	State SinkState
	// Attempt counts from 1.
	Attempt int
	// Checkpoint persists State now, before the sink does something that
	// cannot be undone. It may be nil in tests that do not need it.
	Checkpoint func(SinkState) error
}

// Notifier is a sink. Notify reports whether a failed delivery is worth
// retrying (network errors, 5xx, 429) or permanent (invalid_auth,
// channel_not_found); RetryAfter, when the sink was told how long to wait.
type Notifier interface {
	Name() string
	Notify(ctx context.Context, d *Delivery) (retry bool, err error)
}

// Editor is a sink that can keep a message of each incident current in
// place (Slack's root message in bot mode). When EditsInPlace says so, the
// outbox hands it the EditOnly events too (KindConfirmed,
// KindEvidenceChanged).
type Editor interface {
	EditsInPlace() bool
}

// RetryAfterError is returned by sinks that were told how long to wait
// (HTTP 429 with Retry-After); the outbox waits that long, an hour at most.
type RetryAfterError struct {
	After time.Duration
	Err   error
}

func (e *RetryAfterError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *RetryAfterError) Unwrap() error { return e.Err }
