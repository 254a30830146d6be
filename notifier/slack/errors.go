package slack

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// transientCodes are ok:false error codes that Slack documents as passing
// (https://docs.slack.dev/reference/methods/chat.postMessage#errors); every
// other code (channel_not_found, invalid_auth, not_in_channel,
// account_inactive, ...) needs a person and is not retried.
var transientCodes = map[string]bool{
	"internal_error": true, "fatal_error": true, "service_unavailable": true,
	"request_timeout": true, "ratelimited": true, "team_added_to_org": true,
}

// blockCodes mean Slack refused the message's shape; the sink re-sends it
// once as plain text rather than lose it.
var blockCodes = map[string]bool{
	"invalid_blocks": true, "invalid_blocks_format": true, "msg_too_long": true,
	"msg_blocks_too_long": true, "invalid_payload": true,
}

var (
	// mentionRE accepts a user group id (S0123ABCD) or Slack's mention
	// syntax as the configuration writes it: <!subteam^ID>, <@U...>,
	// <!here>, <!channel>.
	mentionRE = regexp.MustCompile(`^([SW][A-Z0-9]{2,20}|<!subteam\^[A-Z0-9]{2,20}(\|[^<>&|]{0,80})?>|<@[UW][A-Z0-9]{2,20}>|<!here>|<!channel>)$`)
	codeRE    = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	// channelIDRE matches conversation IDs (public, private, DM, group DM).
	channelIDRE = regexp.MustCompile(`^[CGD][A-Z0-9]{6,}$`)
)

// slackCode returns the ok:false error code in err, or "".
func slackCode(err error) string {
	var se slackapi.SlackErrorResponse
	if errors.As(err, &se) {
		return se.Err
	}
	return ""
}

// result names the outcome of one request for the requests metric.
func result(err error) string {
	var rl *slackapi.RateLimitedError
	var sc slackapi.StatusCodeError
	switch {
	case err == nil:
		return resultOK
	case errors.As(err, &rl):
		return resultRateLimited
	case errors.As(err, &sc):
		if sc.Code == 429 {
			return resultRateLimited
		}
		return resultServerError
	case slackCode(err) != "":
		return resultSlackError
	}
	return resultNetworkError
}

// classify turns a failed request into the outbox's answer: retry or not,
// and an error that names the method and Slack's code but no secret.
func (n *Notifier) classify(err error) (bool, error) {
	method := "request"
	var me *methodError
	if errors.As(err, &me) {
		method, err = me.method, me.err
	}
	var rl *slackapi.RateLimitedError
	if errors.As(err, &rl) {
		return true, &notifier.RetryAfterError{
			After: rl.RetryAfter,
			Err:   fmt.Errorf("slack %s: rate limited, retry after %s", method, rl.RetryAfter),
		}
	}
	var sc slackapi.StatusCodeError
	if errors.As(err, &sc) {
		return sc.Retryable(), fmt.Errorf("slack %s: HTTP %d", method, sc.Code)
	}
	if code := slackCode(err); code != "" {
		if transientCodes[code] {
			return true, fmt.Errorf("slack %s: %s", method, code)
		}
		return false, fmt.Errorf("slack %s: %s (permanent: fix the configuration or the app's scopes)", method, code)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true, n.redact(fmt.Errorf("slack %s: %w", method, err))
	}
	return true, n.redact(fmt.Errorf("slack %s: %w", method, err))
}

// redact removes the token and webhook URL from an error's text.
func (n *Notifier) redact(err error) error {
	return notifier.Redact(err, n.opts.Token, n.opts.WebhookURL)
}

// mentionMarkup is a mention as Slack's mrkdwn writes it: a bare user
// group id becomes <!subteam^ID>; the other forms are already markup.
func mentionMarkup(m string) string {
	if strings.HasPrefix(m, "<") {
		return m
	}
	return "<!subteam^" + m + ">"
}
