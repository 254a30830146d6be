package slack

import (
	"strings"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks):
// a section's text holds at most 3000 characters, a header's 150, a field's
// 2000, a message at most 50 blocks; chat.postMessage truncates text past
// 40000 characters (https://docs.slack.dev/reference/methods/chat.postMessage).
const (
	maxSectionText = 3000
	maxHeaderText  = 150
	maxFieldText   = 2000
	maxBlocks      = 50
	maxMessageText = 40000
)

// escapeMrkdwn makes untrusted text (log lines, API names, anything that
// came from AWS) safe in Slack mrkdwn: control, bidi and zero-width
// characters are shown escaped (textsafe.Escape); &, < and > are escaped as
// Slack documents (https://docs.slack.dev/messaging/formatting-message-text#escaping),
// so no <!channel>, <@U123> or <http://evil|link> can be formed; the @ of
// @channel, @here and @everyone becomes a full-width ＠; and in runs of
// backticks every tick after the first becomes a look-alike ˋ, so the text
// can neither open nor close a ``` code block (single `inline code` stays).
func escapeMrkdwn(s string) string {
	s = textsafe.Escape(s)
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	return splitTicks(textsafe.BreakBroadcasts(s))
}

// escapeCode makes untrusted text safe inside a ``` code block.
func escapeCode(s string) string { return escapeMrkdwn(s) }

// escapePlain makes untrusted text safe in a plain_text object (a header):
// Slack does not decode entities there, so < and > become look-alike
// angle quotes instead, and broadcasts and fences are broken as above.
func escapePlain(s string) string {
	s = textsafe.Escape(s)
	s = strings.NewReplacer("<", "\u2039", ">", "\u203a").Replace(s)
	return splitTicks(textsafe.BreakBroadcasts(s))
}

// splitTicks turns every tick after the first of a run into a look-alike,
// so that no run of backticks can open or close a code block.
func splitTicks(s string) string {
	if !strings.Contains(s, "``") {
		return s
	}
	var b strings.Builder
	prevTick := false
	for _, r := range s {
		if r == '`' && prevTick {
			b.WriteRune('\u02cb')
			continue
		}
		prevTick = r == '`'
		b.WriteRune(r)
	}
	return b.String()
}

// truncate bounds escaped mrkdwn s to limit characters (runes, as Slack
// counts them), ending with "…" when it had to cut. It never splits a rune,
// and never cuts inside an escape such as &amp; (a cut entity would show as
// garbage).
func truncate(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	runes := []rune(s)[:limit-1]
	cut := string(runes)
	if i := strings.LastIndexByte(cut, '&'); i >= 0 && !strings.Contains(cut[i:], ";") {
		cut = cut[:i]
	}
	return cut + "…"
}
