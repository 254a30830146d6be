package slack

import (
	"context"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// postEvidence puts the evidence lines the root message leaves out (it
// shows only the telling one) into the incident's thread. Like the graph
// it is best effort, posted only after a root this delivery posted: a
// failure is logged, never retried, and the message stands without it;
// the incident page and the Logs Insights link hold the same lines.
func (n *Notifier) postEvidence(ctx context.Context, d *notifier.Delivery, v notifier.View) {
	m, fallback, ok := evidenceMessage(v)
	if !ok {
		return
	}
	_, _, err := n.post(ctx, d.State.Channel, m, fallback, d.State.RootTS, n.meta(d.Event, roleEvidence))
	if err != nil {
		n.opts.Logger.Warn("slack evidence reply failed; the message stands without it", "incident", d.Event.IncidentID, "channel", d.State.Channel, "err", err)
	}
}

// evidenceMessage is the thread reply that holds every evidence line of
// the view (blocks, and the plain-text fallback); ok is false when the
// root message shows them all already.
func evidenceMessage(v notifier.View) (m, fallback message, ok bool) {
	if len(v.MoreEvidence) == 0 {
		return message{}, message{}, false
	}
	title := escapeMrkdwn(notifier.Label(v.Lang, notifier.LabelEvidence))
	lines := append(append([]string(nil), v.Evidence...), v.MoreEvidence...)
	// The text (push notifications, screen readers) names the cause the
	// lines are evidence of.
	text := title + ": " + escapeMrkdwn(v.CauseTitle)
	m = message{Text: text, Blocks: []slackapi.Block{section(codeBlock(title, lines))}}
	plain := text
	for _, l := range lines {
		plain += "\n" + escapeMrkdwn(l)
	}
	return m, message{Text: truncate(plain, maxMessageText)}, true
}

// evidenceDue is the evidence_due mark of a root that shows ev, as v: set
// while the incident is diagnosing (the root has no evidence to show yet),
// or diagnosed from partial evidence that gave no lines for the thread.
func evidenceDue(ev notifier.Event, v notifier.View) string {
	if ev.Snapshot.Diagnosing || (ev.Snapshot.EvidenceIncomplete && len(v.MoreEvidence) == 0) {
		return "1"
	}
	return ""
}

// evidenceAfterDiagnosis posts the evidence lines still due to a root's
// thread with the first update that has lines to show: the one a root
// would post them with (see evidenceDue), so an update still diagnosing,
// or diagnosed from partial evidence without lines, leaves them due. A
// partial read that has lines posts them: the complete read that follows
// sends only a confirmation when it confirms the cause, which posts the
// lines still due (see confirmedEvidence). The mark is cleared and
// checkpointed first, so a repeated delivery never posts them twice (best
// effort, as for a root).
func (n *Notifier) evidenceAfterDiagnosis(ctx context.Context, d *notifier.Delivery, v notifier.View) error {
	if d.State.Extra[extraEvidenceDue] == "" || evidenceDue(d.Event, v) != "" {
		return nil
	}
	setExtra(&d.State, extraEvidenceDue, "")
	if err := checkpoint(d); err != nil {
		return err
	}
	n.postEvidence(ctx, d, v)
	return nil
}
