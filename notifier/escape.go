package notifier

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
	MaxSectionText = 3000
	MaxHeaderText  = 150
	MaxFieldText   = 2000
	MaxBlocks      = 50
	MaxMessageText = 40000
)

// EscapeMrkdwn makes untrusted text (log lines, API names, anything that
// came from AWS) safe in Slack mrkdwn: control, bidi and zero-width
// characters are shown escaped (textsafe.Escape); &, < and > are escaped as
// Slack documents (https://docs.slack.dev/messaging/formatting-message-text#escaping),
// so no <!channel>, <@U123> or <http://evil|link> can be formed; the @ of
// @channel, @here and @everyone becomes a full-width ＠; and in runs of
// backticks every tick after the first becomes a look-alike ˋ, so the text
// can neither open nor close a ``` code block (single `inline code` stays).
func EscapeMrkdwn(s string) string {
	s = textsafe.Escape(s)
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	return splitTicks(textsafe.BreakBroadcasts(s))
}

// EscapeCode makes untrusted text safe inside a ``` code block.
func EscapeCode(s string) string { return EscapeMrkdwn(s) }

// EscapePlain makes untrusted text safe in a plain_text object (a header):
// Slack does not decode entities there, so < and > become look-alike
// angle quotes instead, and broadcasts and fences are broken as above.
func EscapePlain(s string) string {
	s = textsafe.Escape(s)
	s = strings.NewReplacer("<", "\u2039", ">", "\u203a").Replace(s)
	return splitTicks(textsafe.BreakBroadcasts(s))
}

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

// OneLine folds newlines and tabs into spaces and trims the result, for
// text that must stay on one line (a header, a field, an evidence line).
func OneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	return strings.TrimSpace(s)
}

// Truncate bounds s to max characters (runes, as Slack counts them),
// ending with "…" when it had to cut. It never splits a rune, and never cuts
// inside an escape such as &amp; (a cut entity would show as garbage).
func Truncate(s string, limit int) string {
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

// TruncateBytes bounds s to limit bytes without splitting a rune, for limits
// counted in bytes (Alertmanager annotations, log attributes).
func TruncateBytes(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := s[:limit]
	for len(cut) > 0 && !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return cut
}
