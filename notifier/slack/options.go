// Package slack delivers incident notifications to Slack, either with a bot
// token (one root message per incident, kept current with chat.update,
// updates and the resolution as thread replies) or through an incoming
// webhook (one message per transition).
//
// Retries belong to the outbox: slack-go's own retry is never enabled, a
// 429 comes back as *notifier.RetryAfterError with exactly Slack's wait, and
// every message carries Slack message metadata naming the incident and event
// so that a delivery repeated after a crash finds what was already posted
// instead of posting it twice.
package slack

import (
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// Route says where and how one incident is announced. The daemon's config
// builds it (default channel, per-API/stage overrides); the sink only asks.
type Route struct {
	// Channel is a channel ID (C0123ABCD) in bot mode; a name works for
	// posting but not for finding a message again after a crash.
	Channel string
	Lang    classifier.Lang
	// Mention is a user group ID (S0123ABCD), mentioned as <!subteam^ID>,
	// or a mention in Slack's syntax (<!subteam^ID>, <@U...>, <!here>)
	// when the incident's status or cause is listed below (both lists empty:
	// every incident).
	Mention         string
	MentionStatuses []classifier.Status
	MentionCauses   []classifier.Cause
}

// mentions reports whether the route's user group is to be mentioned for d.
func (r Route) mentions(d classifier.Diagnosis) bool {
	if !mentionRE.MatchString(r.Mention) {
		return false
	}
	if len(r.MentionStatuses) == 0 && len(r.MentionCauses) == 0 {
		return true
	}
	return slices.Contains(r.MentionStatuses, d.Status) || slices.Contains(r.MentionCauses, d.Cause)
}

// Options configure a Notifier. Exactly one of Token and WebhookURL is set.
type Options struct {
	Token      string
	WebhookURL string
	// APIURL is the Web API base, "https://slack.com/api/" when empty; tests
	// and Slack stand-ins point it elsewhere.
	APIURL string
	// Channel is the default channel when Route is nil or returns none.
	Channel string
	Route   func(notifier.Snapshot) Route
	// HTTPClient carries the calls; each gives up after Timeout.
	HTTPClient *http.Client
	// Timeout bounds one call to Slack (default: the configuration's).
	Timeout time.Duration
	Logger  *slog.Logger
	// Registerer receives the sink's own metrics; nil registers nothing.
	Registerer prometheus.Registerer
	Now        func() time.Time
	// ChannelInterval spaces messages to one channel; Slack allows about one
	// message per second per channel
	// (https://docs.slack.dev/apis/web-api/rate-limits#posting-messages).
	// Zero means one second; a negative value disables the spacing (tests).
	ChannelInterval time.Duration
	// Graph, when set, draws an incident's graph (a PNG) by incident id; in
	// bot mode it is uploaded into the incident's thread after the root
	// message. A graph that cannot be drawn or uploaded is logged and
	// skipped: it never delays or repeats the message.
	Graph func(incidentID string) ([]byte, error)
}

// defaults fills the zero fields and checks the rest.
func (o Options) defaults() (Options, error) {
	if (o.Token == "") == (o.WebhookURL == "") {
		return o, errors.New("slack: exactly one of token and webhook_url must be set")
	}
	if o.Token != "" && o.Channel == "" && o.Route == nil {
		return o, errors.New("slack: bot mode needs a channel or a route")
	}
	if o.APIURL == "" {
		o.APIURL = "https://slack.com/api/"
	}
	if o.Timeout <= 0 {
		o.Timeout = config.Default().Slack.Timeout
	}
	o.HTTPClient = notifier.HTTPClient(o.HTTPClient, o.Timeout)
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.ChannelInterval == 0 {
		o.ChannelInterval = time.Second
	}
	return o, nil
}
