package slack

import (
	"context"

	"github.com/apigw-triage/apigw-triage/notifier"
)

var _ notifier.Editor = (*Notifier)(nil)

// EditsInPlace reports whether the sink keeps each incident's root message
// current: in bot mode. A webhook message cannot be edited.
func (n *Notifier) EditsInPlace() bool { return n.api != nil }

// confirm shows an edit that notifies nobody (notifier.Kind.EditOnly): a
// confirmation (the complete evidence kept the cause and status of a
// diagnosis made from part of it) or an evidence change (the diagnosis
// still rests on part of its evidence, but lacks other reads than the root
// names). No one is notified: no reply, no mention, no new root. In bot
// mode the root message is edited to the incident's current state: it no
// longer says the diagnosis may change, or names the reads it lacks now
// (a digest's line says neither), and after a confirmation the thread gets
// the evidence lines still due to it. Webhook mode sends nothing: its
// messages cannot be edited, and a new one would notify.
func (n *Notifier) confirm(ctx context.Context, d *notifier.Delivery) (bool, error) {
	if n.api == nil {
		return false, nil
	}
	if d.State.RootTS == "" {
		// The incident's announcement failed for good: nothing to edit.
		n.opts.Logger.Warn("slack incident has no root message; edit not shown", "incident", d.Event.IncidentID, "kind", string(d.Event.Kind))
		return false, nil
	}
	v := notifier.NewView(d.Event, n.route(d.Event.Snapshot).Lang)
	if err := n.confirmedEvidence(ctx, d, v); err != nil {
		return n.done(d, err)
	}
	if d.State.Extra[extraDigest] != "" {
		return false, nil // a digest's line shows no why: nothing to edit
	}
	return n.done(d, n.editRoot(ctx, d, v))
}

// confirmedEvidence posts the evidence lines still due to the thread (a
// partial read without lines left them due; see evidenceDue). Unlike
// postEvidence it is retried: no later event may come to carry them. The
// reply's pending marker makes an attempt after a crash look before it
// posts, so they are posted once; the mark is cleared once they are.
func (n *Notifier) confirmedEvidence(ctx context.Context, d *notifier.Delivery, v notifier.View) error {
	if d.State.Extra[extraEvidenceDue] == "" || evidenceDue(d.Event, v) != "" {
		// none due, or still due: a diagnosis kept from part of the
		// evidence has no lines the root would have posted
		return nil
	}
	if m, fallback, ok := evidenceMessage(v); ok {
		if err := n.reply(ctx, d, roleEvidence, m, fallback); err != nil {
			return err
		}
	}
	setExtra(&d.State, extraEvidenceDue, "")
	return nil
}
