package slack

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// A digest announces incidents that opened at once in one message per
// channel instead of one each. In bot mode the digest is the root of every
// incident it lists: each incident's full details follow as a thread reply,
// its later updates and resolution are replies in the same thread, and the
// digest is edited in place, line by line: the incident's line shows its
// current cause or its resolution, and the summary counts "k of N
// resolved". The digest's message metadata names every event and incident
// it holds, which lets an interrupted delivery find it instead of posting a
// second one, and lets an edit keep the other lines as they are.
const (
	// extraDigest marks an incident whose root is a digest: its updates
	// edit its line of the digest rather than replace the whole message.
	extraDigest = "digest"
	// extraDetail holds the opened event whose details reply is posted in
	// the digest's thread, so a repeated batch does not repeat it.
	extraDetail = "digest_detail"
	roleDigest  = "digest"
)

// NotifyBatch announces newly opened incidents in one digest per channel
// (bot mode) or one message (webhook mode). A channel whose delivery fails
// does not hold back the others; the error returned is the first worth a
// retry, so the outbox honours its Retry-After, and the retry repeats
// nothing that was posted: every delivery keeps its own state.
func (n *Notifier) NotifyBatch(ctx context.Context, ds []*notifier.Delivery) (bool, error) {
	if len(ds) == 0 {
		return false, nil
	}
	ds = worstFirst(ds)
	if n.api == nil {
		return n.done(ds[0], n.webhookDigest(ctx, ds))
	}
	var retry bool
	var first error
	for _, g := range n.byChannel(ds) {
		err := n.botDigest(ctx, g)
		if err == nil {
			continue
		}
		r, cerr := n.done(g[0], err)
		if first == nil || (r && !retry) {
			first = cerr
		}
		retry = retry || r
	}
	return retry, first
}

// worstFirst orders a copy of the deliveries by error rate, highest first:
// the digest lists the worst incident at the top, and its details come
// first in the thread.
func worstFirst(ds []*notifier.Delivery) []*notifier.Delivery {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b *notifier.Delivery) int {
		return cmp.Compare(b.Event.Snapshot.ErrorRate, a.Event.Snapshot.ErrorRate)
	})
	return out
}

// byChannel groups deliveries by channel, in the order they came.
func (n *Notifier) byChannel(ds []*notifier.Delivery) [][]*notifier.Delivery {
	index := map[string]int{}
	var out [][]*notifier.Delivery
	for _, d := range ds {
		if d.State.Channel == "" {
			d.State.Channel = n.route(d.Event.Snapshot).Channel
		}
		i, ok := index[d.State.Channel]
		if !ok {
			i = len(out)
			index[d.State.Channel] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], d)
	}
	return out
}

// botDigest delivers one channel's share: adopt what an interrupted attempt
// posted, post the digest for the rest (a lone incident gets its usual root
// message), then each incident's details in the digest's thread.
func (n *Notifier) botDigest(ctx context.Context, g []*notifier.Delivery) error {
	if err := n.recoverDigest(ctx, g); err != nil {
		return err
	}
	var fresh []*notifier.Delivery
	for _, d := range g {
		if d.State.RootTS == "" {
			fresh = append(fresh, d)
		}
	}
	switch {
	case len(fresh) == 1:
		if err := n.botEvent(ctx, fresh[0]); err != nil {
			return err
		}
	case len(fresh) > 1:
		if err := n.postDigest(ctx, fresh); err != nil {
			return err
		}
	}
	for _, d := range g {
		if err := n.detail(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// digestOf gathers what the digest of these deliveries shows, in the
// language of the first one's route.
func (n *Notifier) digestOf(ds []*notifier.Delivery, threaded bool) digest {
	dg := digest{Lang: n.route(ds[0].Event.Snapshot).Lang, Threaded: threaded}
	for _, d := range ds {
		dg.Views = append(dg.Views, notifier.NewView(d.Event, dg.Lang))
		dg.IncidentIDs = append(dg.IncidentIDs, d.Event.IncidentID)
		if m := mention(n.route(d.Event.Snapshot), d.Event); m != "" && !slices.Contains(dg.Mentions, m) {
			dg.Mentions = append(dg.Mentions, m)
		}
	}
	return dg
}

// postDigest posts the digest of deliveries that have no root yet. Every
// delivery is checkpointed as pending first, like a single root message.
func (n *Notifier) postDigest(ctx context.Context, ds []*notifier.Delivery) error {
	now := strconv.FormatInt(n.opts.Now().Unix(), 10)
	for _, d := range ds {
		d.State.RootPending = true
		setExtra(&d.State, extraRootPendingAt, now)
		if err := checkpoint(d); err != nil {
			return err
		}
	}
	dg := n.digestOf(ds, true)
	ch, ts, err := n.post(ctx, ds[0].State.Channel, renderDigest(dg), digestPlain(dg), "", digestMeta(ds, dg))
	if err != nil {
		if notPosted(err) {
			for _, d := range ds {
				d.State.RootPending = false
				setExtra(&d.State, extraRootPendingAt, "")
			}
		}
		return err
	}
	for _, d := range ds {
		adopt(d, ch, ts, true)
		// Saved now, so a crash among the replies needs no lookup.
		if err := checkpoint(d); err != nil {
			return err
		}
	}
	return nil
}

// adopt makes the message at ts the incident's root.
func adopt(d *notifier.Delivery, channel, ts string, isDigest bool) {
	d.State.Channel, d.State.RootTS, d.State.RootPending = channel, ts, false
	setExtra(&d.State, extraRootPendingAt, "")
	if isDigest {
		setExtra(&d.State, extraDigest, "1")
	}
}

// detail posts an incident's full details in its digest's thread, once.
func (n *Notifier) detail(ctx context.Context, d *notifier.Delivery) error {
	if d.State.RootTS == "" || d.State.Extra[extraDigest] == "" || d.State.Extra[extraDetail] == d.Event.ID {
		return nil
	}
	v := notifier.NewView(d.Event, n.route(d.Event.Snapshot).Lang)
	// A reply an interrupted attempt may have posted is looked up, not
	// posted again; the graph after it may be there too, so it is only
	// uploaded after a reply this attempt posted: never twice.
	recovering := d.State.Extra[extraReplyPending] == d.Event.ID
	if err := n.reply(ctx, d, roleReply, render(v, styleDetail, ""), plainMessage(v, "")); err != nil {
		return err
	}
	setExtra(&d.State, extraDetail, d.Event.ID)
	if !recovering {
		n.uploadGraph(ctx, d) // the incident's graph under its details
	}
	return nil
}

// digestMeta names every event and incident of the digest, its language
// and mentions (to redraw its summary), and which incidents are resolved.
func digestMeta(ds []*notifier.Delivery, dg digest) slackapi.SlackMetadata {
	events := make([]string, len(ds))
	for i, d := range ds {
		events[i] = d.Event.ID
	}
	// Lists are comma-joined strings: Slack's metadata payload allows
	// arrays of objects only.
	return slackapi.SlackMetadata{EventType: metadataEventType, EventPayload: map[string]any{
		"role": roleDigest, "kind": string(notifier.KindOpened),
		"event_ids": strings.Join(events, ","), "incident_ids": strings.Join(dg.IncidentIDs, ","),
		"resolved_ids": "", "lang": string(dg.Lang), "mentions": strings.Join(dg.Mentions, ","),
	}}
}

// webhookDigest posts the digest as one webhook message. A webhook has no
// threads: the details of each incident are not posted, and its later
// transitions arrive as messages of their own, as without a digest.
func (n *Notifier) webhookDigest(ctx context.Context, ds []*notifier.Delivery) error {
	dg := n.digestOf(ds, false)
	err := n.webhookSend(ctx, renderDigest(dg))
	if blockCodes[slackCode(err)] {
		n.metrics.fallbacks.Inc()
		n.opts.Logger.Warn("slack refused the blocks; sending plain text", "err", slackCode(err))
		err = n.webhookSend(ctx, digestPlain(dg))
	}
	return err
}
