package slack

import (
	"context"
	"strconv"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// The lookup after an interrupted delivery reads at most lookupPages pages
// of lookupLimit messages, starting lookupSlack before the pending marker
// was set (clock skew between this host and Slack), so it stays cheap
// however busy the channel.
const (
	lookupPages = 5
	lookupLimit = 200
	lookupSlack = 5 * time.Minute
	// lookupDefault is the window when the marker has no time (a state
	// written by an older version).
	lookupDefault = time.Hour
)

// pendingSince returns the oldest timestamp worth searching from.
func pendingSince(s notifier.SinkState, key string) time.Time {
	if secs, err := strconv.ParseInt(s.Extra[key], 10, 64); err == nil {
		return time.Unix(secs, 0).Add(-lookupSlack)
	}
	return time.Time{}
}

// ours reports whether a message carries this daemon's metadata for the
// incident in the given role, and returns its event id.
func ours(m slackapi.Message, incidentID, role string) (string, bool) {
	md := m.Metadata
	if md.EventType != metadataEventType || md.EventPayload["incident_id"] != incidentID || md.EventPayload["role"] != role {
		return "", false
	}
	id, _ := md.EventPayload["event_id"].(string)
	return id, true
}

// findRoot looks for the incident's root message posted since the given
// instant; it returns its ts and event id, or "" when there is none.
func (n *Notifier) findRoot(ctx context.Context, channel, incidentID string, since time.Time) (string, string, error) {
	var ts, eventID string
	err := n.scanHistory(ctx, channel, since, func(m slackapi.Message) bool {
		id, ok := ours(m, incidentID, "root")
		if ok {
			ts, eventID = m.Timestamp, id
		}
		return ok
	})
	return ts, eventID, err
}

// findReply reports whether the thread holds the event's reply in a role.
func (n *Notifier) findReply(ctx context.Context, channel, rootTS, eventID, role string, since time.Time) (bool, error) {
	p := &slackapi.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: rootTS, Limit: lookupLimit, IncludeAllMetadata: true,
	}
	if !since.IsZero() {
		p.Oldest = slackTS(since)
	}
	for range lookupPages {
		msgs, more, cursor, err := n.api.GetConversationRepliesContext(ctx, p)
		if err = n.observe(methodReplies, err); err != nil {
			return false, err
		}
		for _, m := range msgs {
			if m.Metadata.EventType == metadataEventType && m.Metadata.EventPayload["event_id"] == eventID &&
				m.Metadata.EventPayload["role"] == role {
				return true, nil
			}
		}
		if !more || cursor == "" {
			break
		}
		p.Cursor = cursor
	}
	return false, nil
}
