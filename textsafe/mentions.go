package textsafe

import (
	"regexp"
	"strings"
)

// broadcast matches the words Slack may turn into a broadcast mention when
// link_names is on somewhere along the way (a workspace setting, a proxy).
var broadcast = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)

// angles replaces the characters Slack reads as the start and end of a
// control sequence with look-alikes.
var angles = strings.NewReplacer("<", "\u2039", ">", "\u203a")

// NoMentions is Escape, and neutralises Slack mention and link syntax for
// text that reaches Slack through a renderer that does not escape it
// (Alertmanager's Slack receiver pastes annotations raw). Slack reads any
// <...> as a control sequence (https://docs.slack.dev/messaging/formatting-message-text),
// so < and > become the look-alikes ‹ and ›: no <!channel>, <@U123> or
// <https://evil|click> survives; and the @ of @channel, @here and @everyone
// becomes a full-width ＠.
func NoMentions(s string) string {
	return BreakBroadcasts(angles.Replace(Escape(s)))
}

// BreakBroadcasts replaces the @ of @channel, @here and @everyone with a
// full-width ＠, so that no setting downstream can make them notify anyone.
// The replacement is visible: an invisible joiner would itself be the kind
// of character Escape exists to show.
func BreakBroadcasts(s string) string {
	return broadcast.ReplaceAllString(s, "\uff20$1")
}
