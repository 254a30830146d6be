package incident

import "regexp"

// Sink errors end up in logs and in /api/incidents. Go's HTTP client puts
// the full URL in its errors, and a Slack incoming-webhook URL is a secret,
// as is a token; so the dispatcher keeps only the scheme and host of URLs
// and the prefix of Slack tokens, whatever the sink forgot to strip.
var (
	urlPattern   = regexp.MustCompile(`(https?://[^/\s"'?#]+)[^\s"']*`)
	tokenPattern = regexp.MustCompile(`\b(xox[a-z]|xapp)-[A-Za-z0-9-]+`)
)

// redact removes URL paths, queries and Slack tokens from an error text.
func redact(s string) string {
	s = urlPattern.ReplaceAllString(s, "$1/<redacted>")
	return tokenPattern.ReplaceAllString(s, "$1-<redacted>")
}
