package incident

import (
	"slices"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// confirmed turns a decision that notifies nothing into a confirmation
// when it is the first read of complete evidence after a diagnosis from
// part of it and keeps that diagnosis's cause and status (a change would
// be an update). It is no notification: the reminder schedule and what
// was last notified stay as they were; the event exists for the sinks that
// keep a message current in place, whose message still says the diagnosis
// may change (see notifier.KindConfirmed), and it is enqueued with the
// change, so an outage or a restart delays the edit but never loses it.
func confirmed(prev *Incident, d decision, now time.Time) decision {
	inc := d.next
	if d.kind != "" || inc == nil || !inc.Open() || !prev.Info.EvidenceIncomplete || inc.Info.EvidenceIncomplete {
		return d
	}
	inc.Seq++
	inc.addTimeline(TimelineEntry{
		At: now, Kind: string(notifier.KindConfirmed), Note: "complete evidence confirmed the diagnosis",
		Status: inc.Info.Diagnosis.Status, Cause: inc.Info.Diagnosis.Cause, ErrorRate: inc.Info.ErrorRate,
	})
	d.kind = notifier.KindConfirmed
	return d
}

// recipients are the sinks an event of kind k is enqueued for: every sink,
// but a confirmation only for those that edit in place.
func (m *Manager) recipients(k notifier.Kind) []string {
	if k == notifier.KindConfirmed {
		return m.editors
	}
	return m.sinks
}

// editorsOf returns the editors that are sinks: only a sink has an outbox.
func editorsOf(o ManagerOptions) []string {
	var out []string
	for _, e := range o.Editors {
		if slices.Contains(o.Sinks, e) {
			out = append(out, e)
		}
	}
	return out
}
