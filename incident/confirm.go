package incident

import (
	"slices"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// confirmed turns a decision that notifies nothing into an edit of the
// sinks' message when it changes what the message says about the evidence
// of a diagnosis from part of it. The first read of complete evidence that
// keeps its cause and status (a change would be an update) is a
// confirmation: the message no longer says the diagnosis may change. A
// read that leaves the diagnosis marked but lacking other reads (a read in
// full that kept it, finding no 5xx while the stage trips, names none; a
// partial one, those that failed this time) is an evidence change: the
// message names the reads lacking now, not the earlier failed ones. Neither
// is a notification: the reminder schedule and what was last notified stay
// as they were; the events exist for the sinks that keep a message current
// in place (see notifier.Kind.EditOnly), and they are enqueued with the
// change, so an outage or a restart delays the edit but never loses it.
func confirmed(prev *Incident, d decision, now time.Time) decision {
	inc := d.next
	if d.kind != "" || inc == nil || !inc.Open() || !prev.Info.EvidenceIncomplete {
		return d
	}
	kind, note := notifier.KindConfirmed, "complete evidence confirmed the diagnosis"
	switch {
	case !inc.Info.EvidenceIncomplete:
	case slices.Equal(prev.Info.IncompleteReads, inc.Info.IncompleteReads):
		return d
	case len(inc.Info.IncompleteReads) == 0:
		kind, note = notifier.KindEvidenceChanged, "evidence read in full found no 5xx; the diagnosis from part of it is kept and read again"
	default:
		kind, note = notifier.KindEvidenceChanged, "evidence read again in part: the diagnosis lacks "+readNames(inc.Info.IncompleteReads)
	}
	inc.Seq++
	inc.addTimeline(TimelineEntry{
		At: now, Kind: string(kind), Note: note,
		Status: inc.Info.Diagnosis.Status, Cause: inc.Info.Diagnosis.Cause, ErrorRate: inc.Info.ErrorRate,
	})
	d.kind = kind
	return d
}

// readNames lists reads as /api/incidents names them ("functions, logs").
func readNames(reads []stage.Read) string {
	names := make([]string, len(reads))
	for i, r := range reads {
		names[i] = r.String()
	}
	return strings.Join(names, ", ")
}

// recipients are the sinks an event of kind k is enqueued for: every sink,
// but an edit that notifies nobody only for those that edit in place.
func (m *Manager) recipients(k notifier.Kind) []string {
	if k.EditOnly() {
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
