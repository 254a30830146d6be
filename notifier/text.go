package notifier

import (
	"strings"
	"unicode/utf8"
)

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
