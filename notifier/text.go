package notifier

import "strings"

// OneLine folds newlines and tabs into spaces and trims the result, for
// text that must stay on one line (a header, a field, an evidence line).
func OneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	return strings.TrimSpace(s)
}
