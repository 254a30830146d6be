package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// notifyWebhook posts one message per transition to an incoming webhook.
// Webhooks have no threads, no edits and no way to read back, so there is
// nothing to look up after a crash: a crash after Slack accepted a message
// and before the outbox recorded it repeats that one message. That is the
// one duplicate this sink cannot rule out; bot mode can.
func (n *Notifier) notifyWebhook(ctx context.Context, d *notifier.Delivery) (bool, error) {
	ev := d.Event
	r := n.route(ev.Snapshot)
	v := notifier.NewView(ev, r.Lang)
	mention := mention(r, ev)
	m := render(v, styleFull, mention)
	err := n.webhookSend(ctx, m)
	if blockCodes[slackCode(err)] {
		n.metrics.fallbacks.Inc()
		n.opts.Logger.Warn("slack refused the blocks; sending plain text", "err", slackCode(err))
		err = n.webhookSend(ctx, plainMessage(v, mention))
	}
	return n.done(d, err)
}

// webhookSend posts one message, paced like a channel.
func (n *Notifier) webhookSend(ctx context.Context, m message) error {
	if err := n.limiter.wait(ctx, methodWebhook); err != nil {
		return err
	}
	msg := &slackapi.WebhookMessage{Text: m.Text}
	if len(m.Blocks) > 0 {
		msg.Blocks = &slackapi.Blocks{BlockSet: m.Blocks}
	}
	no := false
	msg.UnfurlLinks, msg.UnfurlMedia = &no, &no
	return n.observe(methodWebhook, n.postWebhook(ctx, msg))
}

// postWebhook sends the JSON itself rather than through slack-go, whose
// webhook errors drop the error code Slack puts in the body
// (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks#handling_errors).
// Errors are mapped onto slack-go's types so one classify serves both modes.
func (n *Notifier) postWebhook(ctx context.Context, msg *slackapi.WebhookMessage) error {
	raw, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("encode webhook message: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.opts.WebhookURL, bytes.NewReader(raw))
	if err != nil {
		return n.redact(fmt.Errorf("webhook request: %w", err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.opts.HTTPClient.Do(req)
	if err != nil {
		return n.redact(err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	switch {
	case resp.StatusCode == http.StatusOK:
		return nil
	case resp.StatusCode == http.StatusTooManyRequests:
		if secs, perr := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); perr == nil && secs >= 0 {
			return &slackapi.RateLimitedError{RetryAfter: time.Duration(secs) * time.Second}
		}
		return slackapi.StatusCodeError{Code: resp.StatusCode, Status: resp.Status}
	case resp.StatusCode >= 500:
		return slackapi.StatusCodeError{Code: resp.StatusCode, Status: resp.Status}
	}
	code := strings.TrimSpace(string(body))
	if !codeRE.MatchString(code) {
		code = "http_" + strconv.Itoa(resp.StatusCode)
	}
	return slackapi.SlackErrorResponse{Err: code}
}
