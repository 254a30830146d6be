package config

import (
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// Slack configures the Slack sink. It is enabled when Token or WebhookURL is
// set; setting both is an error, because the two modes post differently.
type Slack struct {
	// Token is a bot token (xoxb-...): messages are posted with
	// chat.postMessage, updates are thread replies, the root is edited.
	Token     Secret `yaml:"token"`
	TokenFile string `yaml:"token_file"`
	// WebhookURL is an incoming webhook: one message per transition, no threads.
	WebhookURL     Secret `yaml:"webhook_url"`
	WebhookURLFile string `yaml:"webhook_url_file"`
	// APIURL is Slack's Web API base URL; tests point it at a stand-in.
	APIURL string `yaml:"api_url"`
	// Channel is the default channel: "#name" or a channel id such as C0123ABCD.
	Channel string `yaml:"channel"`
	// Lang is the default language of remediation text.
	Lang classifier.Lang `yaml:"lang"`
	// Mention, MentionOnStatuses and MentionOnCauses are the defaults of
	// every route (see Route).
	Mention           string              `yaml:"mention"`
	MentionOnStatuses []classifier.Status `yaml:"mention_on_statuses"`
	MentionOnCauses   []classifier.Cause  `yaml:"mention_on_causes"`
	// Routes are tried in order; the first that matches an API stage
	// decides its channel, language and mention.
	Routes []Route `yaml:"routes"`
	// RepeatInterval is how long an incident may keep failing before a
	// reminder is posted in its thread.
	RepeatInterval time.Duration `yaml:"repeat_interval"`
	// DigestWindow is also how long the first opened notification waits for
	// others to join it, so it delays every first notification: the
	// incidents that trip in one poll are enqueued together, and a few
	// seconds catch them.
	// DigestThreshold: when this many incidents open within DigestWindow,
	// one digest message is posted instead of a storm; 0 turns digests off.
	DigestThreshold int           `yaml:"digest_threshold"`
	DigestWindow    time.Duration `yaml:"digest_window"`
	// MinInterval is the least time between two messages to one channel:
	// Slack allows about one message per second per channel
	// (https://api.slack.com/apis/rate-limits#posting-messages).
	MinInterval time.Duration `yaml:"min_interval"`
	// Timeout bounds one call to Slack.
	Timeout time.Duration `yaml:"timeout"`
}

// Enabled says whether Slack notifications are configured.
func (s Slack) Enabled() bool { return s.Token.IsSet() || s.WebhookURL.IsSet() }

// UsesWebhook says whether the sink posts through an incoming webhook.
func (s Slack) UsesWebhook() bool { return s.WebhookURL.IsSet() }

// Route decides where and how one API stage's notifications are posted.
// After loading, the fields a route leaves out hold the slack-level values.
type Route struct {
	Match   Match           `yaml:"match"`
	Channel string          `yaml:"channel"`
	Lang    classifier.Lang `yaml:"lang"`
	// Mention is a Slack mention: <!subteam^ID> for a user group, <@U...>
	// for a user, <!here> or <!channel>. Empty means no mention.
	Mention string `yaml:"mention"`
	// MentionOnStatuses and MentionOnCauses restrict the mention to
	// incidents with one of these statuses or causes; when both are empty
	// every incident of the route mentions.
	MentionOnStatuses []classifier.Status `yaml:"mention_on_statuses"`
	MentionOnCauses   []classifier.Cause  `yaml:"mention_on_causes"`
}

// RouteFor returns the route of one API stage: the first matching route, or
// the slack-level defaults when none matches.
func (c *Config) RouteFor(apiName, stage string) Route {
	for _, r := range c.Slack.Routes {
		if r.Match.Matches(apiName, stage) {
			return r
		}
	}
	return c.Slack.defaultRoute()
}

func (s Slack) defaultRoute() Route {
	return Route{
		Channel:           s.Channel,
		Lang:              s.Lang,
		Mention:           s.Mention,
		MentionOnStatuses: s.MentionOnStatuses,
		MentionOnCauses:   s.MentionOnCauses,
	}
}

// Alertmanager configures the optional Alertmanager sink; it is enabled
// when URL is set.
type Alertmanager struct {
	// URL is Alertmanager's base URL; alerts go to URL/api/v2/alerts.
	URL string `yaml:"url"`
	// Timeout bounds one POST.
	Timeout time.Duration `yaml:"timeout"`
	// RunbookURL is the base of the runbook_url annotation; the cause id is
	// appended ("https://wiki.example.com/apigw/" -> .../integration_timeout).
	RunbookURL string `yaml:"runbook_url"`
	// BearerToken authenticates to an Alertmanager behind a proxy.
	BearerToken     Secret `yaml:"bearer_token"`
	BearerTokenFile string `yaml:"bearer_token_file"`
}

// Enabled says whether the Alertmanager sink is configured.
func (a Alertmanager) Enabled() bool { return a.URL != "" }
