package slack

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// Keys of SinkState.Extra. A pending marker records, before a post, when it
// started and for which event, so a repeated delivery knows where to look.
const (
	extraRootPendingAt  = "root_pending_at"
	extraReplyPending   = "reply_pending"
	extraReplyPendingAt = "reply_pending_at"
	// extraEvidenceDue marks a root posted without evidence lines to show
	// (diagnosing, or diagnosed from partial evidence without lines): they
	// go to the thread with the first update that has them, or with the
	// confirmation of the partial diagnosis.
	extraEvidenceDue = "evidence_due"
)

// notifyBot delivers an event in bot mode: the incident's first event posts
// the root message; later ones post a thread reply and edit the root to show
// the current state.
func (n *Notifier) notifyBot(ctx context.Context, d *notifier.Delivery) (bool, error) {
	return n.done(d, n.botEvent(ctx, d))
}

// botEvent is notifyBot without the classification of its error.
func (n *Notifier) botEvent(ctx context.Context, d *notifier.Delivery) error {
	ev := d.Event
	r := n.route(ev.Snapshot)
	if d.State.Channel == "" {
		d.State.Channel = r.Channel
	}
	v := notifier.NewView(ev, r.Lang)
	who := mention(r, ev)
	if d.State.RootTS == "" {
		shown, err := n.ensureRoot(ctx, d, v, who)
		if err != nil || shown {
			return err
		}
	}
	if err := n.reply(ctx, d, roleReply, render(v, styleReply, who), plainMessage(v, who)); err != nil {
		return err
	}
	if err := n.evidenceAfterDiagnosis(ctx, d, v); err != nil {
		return err
	}
	return n.editRoot(ctx, d, v)
}

// editRoot makes the incident's root message (or its line of the digest
// that announced it) show the event, without a mention: an edit pings
// nobody. chat.update is idempotent: repeating it after a crash is harmless.
func (n *Notifier) editRoot(ctx context.Context, d *notifier.Delivery, v notifier.View) error {
	if d.State.Extra[extraDigest] != "" {
		return n.updateDigest(ctx, d, v)
	}
	ev := d.Event
	root := render(v, styleRoot, "")
	err := n.send(ctx, methodUpdate, d.State.Channel, root, plainMessage(v, ""), d.State.RootTS, n.meta(ev, "root"))
	if code := slackCode(err); code == "message_not_found" || code == "cant_update_message" {
		n.opts.Logger.Warn("slack root message gone; state not edited", "channel", d.State.Channel, "incident", ev.IncidentID, "err", code)
		err = nil
	}
	return err
}

// done logs and classifies the outcome of a delivery.
func (n *Notifier) done(d *notifier.Delivery, err error) (bool, error) {
	if err == nil {
		return false, nil
	}
	retry, cerr := n.classify(err)
	n.opts.Logger.Warn("slack delivery failed", "event", d.Event.ID, "channel", d.State.Channel, "retry", retry, "err", cerr)
	return retry, cerr
}

// ensureRoot makes sure the incident has a root message. It reports whether
// the root now shows this event (nothing more to post).
func (n *Notifier) ensureRoot(ctx context.Context, d *notifier.Delivery, v notifier.View, mention string) (bool, error) {
	ev := d.Event
	if d.State.RootPending {
		ts, eventID, err := n.findRoot(ctx, d.State.Channel, ev.IncidentID, pendingSince(d.State, extraRootPendingAt))
		// A channel name can be posted to but not read back: warn and post.
		byName := slackCode(err) == "channel_not_found" && !channelIDRE.MatchString(d.State.Channel)
		if err != nil && !byName {
			return false, err
		}
		if byName {
			n.opts.Logger.Warn("slack cannot look up an interrupted root post: configure a channel ID", "channel", d.State.Channel)
		}
		if ts != "" {
			n.metrics.recovered.WithLabelValues("root").Inc()
			n.opts.Logger.Info("slack root message recovered", "channel", d.State.Channel, "incident", ev.IncidentID, "ts", ts)
			d.State.RootTS, d.State.RootPending = ts, false
			setExtra(&d.State, extraRootPendingAt, "")
			return eventID == ev.ID, nil
		}
	}
	d.State.RootPending = true
	setExtra(&d.State, extraRootPendingAt, strconv.FormatInt(n.opts.Now().Unix(), 10))
	// Checkpointed with the pending root, so a root adopted after a crash
	// still gets its evidence with the diagnosis.
	setExtra(&d.State, extraEvidenceDue, evidenceDue(ev, v))
	if err := checkpoint(d); err != nil {
		return false, err
	}
	root := render(v, styleRoot, mention)
	ch, ts, err := n.post(ctx, d.State.Channel, root, plainMessage(v, mention), "", n.meta(ev, "root"))
	if err != nil {
		if notPosted(err) {
			d.State.RootPending = false
			setExtra(&d.State, extraRootPendingAt, "")
		}
		return false, err
	}
	d.State.Channel, d.State.RootTS, d.State.RootPending = ch, ts, false
	setExtra(&d.State, extraRootPendingAt, "")
	// Only after a root this delivery posted: never twice.
	n.postEvidence(ctx, d, v)
	n.uploadGraph(ctx, d)
	return true, nil
}

// notPosted reports whether Slack's answer proves the message was not
// posted (ok:false, or a 429); after a 5xx or a lost answer it may have
// been, and the pending marker stays so the next attempt looks first.
func notPosted(err error) bool {
	var rl *slackapi.RateLimitedError
	var sc slackapi.StatusCodeError
	return slackCode(err) != "" || errors.As(err, &rl) || (errors.As(err, &sc) && sc.Code == http.StatusTooManyRequests)
}

// reply posts the event's thread reply in a role (m, or fallback when
// Slack refuses its blocks), unless an interrupted earlier attempt already
// did. An event posts one reply that it retries.
func (n *Notifier) reply(ctx context.Context, d *notifier.Delivery, role string, m, fallback message) error {
	ev := d.Event
	if d.State.Extra[extraReplyPending] == ev.ID {
		found, err := n.findReply(ctx, d.State.Channel, d.State.RootTS, ev.ID, role, pendingSince(d.State, extraReplyPendingAt))
		if err != nil {
			return err
		}
		if found {
			n.metrics.recovered.WithLabelValues("reply").Inc()
			setExtra(&d.State, extraReplyPending, "")
			setExtra(&d.State, extraReplyPendingAt, "")
			return nil
		}
	}
	setExtra(&d.State, extraReplyPending, ev.ID)
	setExtra(&d.State, extraReplyPendingAt, strconv.FormatInt(n.opts.Now().Unix(), 10))
	if err := checkpoint(d); err != nil {
		return err
	}
	_, _, err := n.post(ctx, d.State.Channel, m, fallback, d.State.RootTS, n.meta(ev, role))
	if err != nil {
		return err
	}
	setExtra(&d.State, extraReplyPending, "")
	setExtra(&d.State, extraReplyPendingAt, "")
	return nil
}

// meta is the message metadata that lets a later delivery recognise what
// this one posted (https://docs.slack.dev/messaging/message-metadata).
func (n *Notifier) meta(ev notifier.Event, role string) slackapi.SlackMetadata {
	return slackapi.SlackMetadata{EventType: metadataEventType, EventPayload: map[string]any{
		"incident_id": ev.IncidentID, "event_id": ev.ID, "role": role, "kind": string(ev.Kind),
	}}
}

// metadataEventType marks the messages this daemon posts.
const metadataEventType = "apigw_triage_incident"

// The roles of thread replies in their metadata: an event's own reply, and
// the evidence lines the root message leaves out.
const (
	roleReply    = "reply"
	roleEvidence = "evidence"
)

// post sends a new message (a thread reply when threadTS is set) and returns
// the channel ID and ts Slack gave it.
func (n *Notifier) post(ctx context.Context, channel string, m, fallback message, threadTS string, meta slackapi.SlackMetadata) (string, string, error) {
	var ch, ts string
	err := n.sendWith(ctx, methodPost, channel, m, fallback, func(opts ...slackapi.MsgOption) error {
		if threadTS != "" {
			opts = append(opts, slackapi.MsgOptionTS(threadTS))
		}
		var err error
		ch, ts, err = n.api.PostMessageContext(ctx, channel, append(opts, slackapi.MsgOptionMetadata(meta))...)
		return err
	})
	return ch, ts, err
}

// send edits the message at ts.
func (n *Notifier) send(ctx context.Context, method, channel string, m, fallback message, ts string, meta slackapi.SlackMetadata) error {
	return n.sendWith(ctx, method, channel, m, fallback, func(opts ...slackapi.MsgOption) error {
		_, _, _, err := n.api.UpdateMessageContext(ctx, channel, ts, append(opts, slackapi.MsgOptionMetadata(meta))...)
		return err
	})
}

// sendWith waits for the channel's turn and sends; when Slack refuses the
// blocks it sends the plain-text fallback once.
func (n *Notifier) sendWith(ctx context.Context, method, channel string, m, fallback message, call func(...slackapi.MsgOption) error) error {
	if err := n.limiter.wait(ctx, channel); err != nil {
		return err
	}
	err := n.observe(method, call(slackapi.MsgOptionText(m.Text, false), slackapi.MsgOptionBlocks(m.Blocks...), slackapi.MsgOptionDisableLinkUnfurl()))
	if !blockCodes[slackCode(err)] {
		return err
	}
	n.metrics.fallbacks.Inc()
	n.opts.Logger.Warn("slack refused the blocks; sending plain text", "channel", channel, "err", slackCode(err))
	if err := n.limiter.wait(ctx, channel); err != nil {
		return err
	}
	return n.observe(method, call(slackapi.MsgOptionText(fallback.Text, false), slackapi.MsgOptionBlocks(), slackapi.MsgOptionDisableLinkUnfurl()))
}
