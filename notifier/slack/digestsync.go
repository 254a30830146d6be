package slack

import (
	"context"
	"slices"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// recoverDigest looks for the root of every delivery left pending by an
// interrupted attempt, in one pass over the channel's history: a digest
// whose metadata names the event, or a single root message of the
// incident (an earlier attempt may have sent it alone).
func (n *Notifier) recoverDigest(ctx context.Context, g []*notifier.Delivery) error {
	var pending []*notifier.Delivery
	since := n.opts.Now()
	for _, d := range g {
		if d.State.RootTS != "" || !d.State.RootPending {
			continue
		}
		pending = append(pending, d)
		if s := pendingSince(d.State, extraRootPendingAt); s.Before(since) {
			since = s // zero when a marker has no time: the default window
		}
	}
	if len(pending) == 0 {
		return nil
	}
	channel := pending[0].State.Channel
	left := len(pending)
	err := n.scanHistory(ctx, channel, since, func(m slackapi.Message) bool {
		for _, d := range pending {
			if d.State.RootTS == "" && n.adoptFound(d, channel, m) {
				left--
			}
		}
		return left == 0
	})
	if slackCode(err) == "channel_not_found" && !channelIDRE.MatchString(channel) {
		n.opts.Logger.Warn("slack cannot look up an interrupted digest post: configure a channel ID", "channel", channel)
		return nil
	}
	return err
}

// adoptFound adopts m as the delivery's root when it is the digest that
// names its event or the incident's own root message.
func (n *Notifier) adoptFound(d *notifier.Delivery, channel string, m slackapi.Message) bool {
	p := m.Metadata.EventPayload
	if m.Metadata.EventType != metadataEventType {
		return false
	}
	isDigest := p["role"] == roleDigest && slices.Contains(splitIDs(p["event_ids"]), d.Event.ID)
	if !isDigest && (p["role"] != "root" || p["incident_id"] != d.Event.IncidentID) {
		return false
	}
	what := "root"
	if isDigest {
		what = roleDigest
	}
	n.metrics.recovered.WithLabelValues(what).Inc()
	n.opts.Logger.Info("slack "+what+" message recovered", "channel", channel, "incident", d.Event.IncidentID, "ts", m.Timestamp)
	// Channel stays: the history was read by the channel's ID or not at all.
	adopt(d, channel, m.Timestamp, isDigest)
	return true
}

// splitIDs reads a comma-joined list of the digest's metadata.
func splitIDs(v any) []string {
	s, _ := v.(string)
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// scanHistory reads the channel's top-level messages since the instant
// (the default window when zero), newest first, until visit returns true
// or the bounded number of pages is read.
func (n *Notifier) scanHistory(ctx context.Context, channel string, since time.Time, visit func(slackapi.Message) bool) error {
	if since.IsZero() {
		since = n.opts.Now().Add(-lookupDefault)
	}
	p := &slackapi.GetConversationHistoryParameters{
		ChannelID: channel, Oldest: slackTS(since), Limit: lookupLimit, IncludeAllMetadata: true,
	}
	for range lookupPages {
		resp, err := n.api.GetConversationHistoryContext(ctx, p)
		if err = n.observe(methodHistory, err); err != nil {
			return err
		}
		for _, m := range resp.Messages {
			if visit(m) {
				return nil
			}
		}
		if !resp.HasMore || resp.ResponseMetaData.NextCursor == "" {
			return nil
		}
		p.Cursor = resp.ResponseMetaData.NextCursor
	}
	return nil
}

// updateDigest edits the digest an incident was announced in: its line
// shows the event, the header and summary count the resolved incidents,
// every other line stays as it is. The digest is read back first (its
// blocks and metadata are the only record of the other incidents); a
// digest that was deleted is not recreated.
func (n *Notifier) updateDigest(ctx context.Context, d *notifier.Delivery, v notifier.View) error {
	msg, err := n.fetchMessage(ctx, d.State.Channel, d.State.RootTS)
	if err != nil {
		return err
	}
	if msg == nil || msg.Metadata.EventPayload["role"] != roleDigest {
		n.opts.Logger.Warn("slack digest message gone; not edited", "channel", d.State.Channel, "incident", d.Event.IncidentID)
		return nil
	}
	p := msg.Metadata.EventPayload
	l, _ := p["lang"].(string)
	lang := classifier.Lang(l)
	total := len(splitIDs(p["incident_ids"]))
	resolved := splitIDs(p["resolved_ids"])
	if v.Resolved && !slices.Contains(resolved, d.Event.IncidentID) {
		resolved = append(resolved, d.Event.IncidentID)
	}
	p["resolved_ids"] = strings.Join(resolved, ",")
	blocks := msg.Blocks.BlockSet
	for i, b := range blocks {
		switch b.ID() {
		case lineBlockID(d.Event.IncidentID):
			blocks[i] = digestLine(notifier.NewView(d.Event, lang), d.Event.IncidentID)
		case blockDigestHead:
			blocks[i] = digestHeader(lang, total, len(resolved))
		case blockDigestSummary:
			blocks[i] = digestSummary(lang, splitIDs(p["mentions"]), total, len(resolved), true)
		}
	}
	m := message{Text: msg.Text, Blocks: blocks}
	meta := slackapi.SlackMetadata{EventType: metadataEventType, EventPayload: p}
	err = n.send(ctx, methodUpdate, d.State.Channel, m, message{Text: msg.Text}, d.State.RootTS, meta)
	if code := slackCode(err); code == "message_not_found" || code == "cant_update_message" {
		n.opts.Logger.Warn("slack digest message gone; not edited", "channel", d.State.Channel, "incident", d.Event.IncidentID, "err", code)
		err = nil
	}
	return err
}

// fetchMessage reads one top-level message with its blocks and metadata,
// or nil when the channel no longer has it.
func (n *Notifier) fetchMessage(ctx context.Context, channel, ts string) (*slackapi.Message, error) {
	resp, err := n.api.GetConversationHistoryContext(ctx, &slackapi.GetConversationHistoryParameters{
		ChannelID: channel, Latest: ts, Oldest: ts, Inclusive: true, Limit: 1, IncludeAllMetadata: true,
	})
	if err = n.observe(methodHistory, err); err != nil {
		return nil, err
	}
	for i := range resp.Messages {
		if resp.Messages[i].Timestamp == ts {
			return &resp.Messages[i], nil
		}
	}
	return nil, nil
}
