package notifier

import (
	"errors"
	"net/url"
	"strings"
)

// RedactedError is an error whose text has had secrets removed. It keeps the
// original in the chain for errors.As on typed errors that cannot hold a
// secret (Slack error codes, status codes), but Unwrap hides *url.Error,
// whose URL may be a webhook URL, and everything below it.
type RedactedError struct {
	msg string
	err error
}

func (e *RedactedError) Error() string { return e.msg }

// Unwrap returns the original error unless it carries a URL.
func (e *RedactedError) Unwrap() error {
	var ue *url.Error
	if errors.As(e.err, &ue) {
		return nil
	}
	return e.err
}

// Redact returns err with every non-empty secret replaced by "<secret>" in
// its text, and the URL of a *url.Error (net/http puts the full request URL,
// path and query included, in its errors) replaced by "<redacted>". A nil err
// stays nil.
func Redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		msg = strings.ReplaceAll(msg, ue.URL, "<redacted>")
		if u, perr := url.Parse(ue.URL); perr == nil {
			msg = strings.ReplaceAll(msg, u.Redacted(), "<redacted>")
		}
	}
	return &RedactedError{msg: RedactString(msg, secrets...), err: err}
}

// RedactString replaces every non-empty secret in s, and its URL-escaped
// forms, by "<secret>".
func RedactString(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) < 4 { // too short to be a real secret; replacing would garble text
			continue
		}
		s = strings.ReplaceAll(s, sec, "<secret>")
		s = strings.ReplaceAll(s, url.QueryEscape(sec), "<secret>")
		s = strings.ReplaceAll(s, url.PathEscape(sec), "<secret>")
	}
	return s
}
