package config

import (
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

var (
	// percentile is a CloudWatch percentile statistic: p50, p99, p99.9.
	percentile = regexp.MustCompile(`^p([0-9]{1,2}(\.[0-9]{1,2})?)$`)
	// channelName is "#name" (Slack's rules for names) or a channel id.
	channelName = regexp.MustCompile(`^(#[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{8,})$`)
	// mention is Slack's mention syntax for a user group, a user, @here or @channel.
	mention = regexp.MustCompile(`^(<!subteam\^[A-Z0-9]+(\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!here>|<!channel>)$`)
)

// matchGiven requires a match of api, stage or both. A pattern written but
// refused by the decoder (an invalid regular expression) counts as given:
// its own error says what is wrong, and "required" beside it would not.
func (v *validator) matchGiven(key string, m Match) {
	if m.API.IsSet() || m.Stage.IsSet() || v.failed[key+".match.api"] || v.failed[key+".match.stage"] {
		return
	}
	v.add(key+".match", "required: api, stage or both")
}

func (v *validator) thresholds(c *Config) {
	v.thresholdValues("thresholds", c.Thresholds.Thresholds, func(string) bool { return true })
	for i := range c.Thresholds.Overrides {
		o := &c.Thresholds.Overrides[i]
		key := item("thresholds.overrides", i)
		v.matchGiven(key, o.Match)
		// An override writing only m (or only n) keeps the other from the defaults.
		if o.MOfN != nil {
			if !v.p.has(key + ".m_of_n.m") {
				o.MOfN.M = c.Thresholds.MOfN.M
			}
			if !v.p.has(key + ".m_of_n.n") {
				o.MOfN.N = c.Thresholds.MOfN.N
			}
		}
		if o.empty() {
			v.add(key, "sets no threshold")
		}
		// Check the merged values, but only at the keys the override wrote:
		// a bad default is reported once, at the default.
		written := func(field string) bool {
			return v.p.has(key+"."+field) || (strings.HasPrefix(field, "m_of_n.") && v.p.has(key+".m_of_n"))
		}
		v.thresholdValues(key, o.apply(c.Thresholds.Thresholds), written)
	}
}

// thresholdValues checks one set of thresholds, reporting only the fields
// that report accepts.
func (v *validator) thresholdValues(key string, t Thresholds, report func(field string) bool) {
	checkThresholds(t, func(field, format string, args ...any) {
		if report(field) {
			v.add(key+"."+field, format, args...)
		}
	})
}

// checkThresholds calls add for every field of t out of range.
func checkThresholds(t Thresholds, add func(field, format string, args ...any)) {
	if t.ErrorRate <= 0 || t.ErrorRate > 1 {
		add("error_rate", "must be above 0 and at most 1 (a fraction: 0.05 is 5%%), not %g", t.ErrorRate)
	}
	if t.Min5xxCount < 1 {
		add("min_5xx_count", "must be at least 1, not %d", t.Min5xxCount)
	}
	if t.Masked200MinErrors < 0 {
		add("masked_200_min_errors", "must be 0 (off) or more, not %d", t.Masked200MinErrors)
	}
	if m := percentile.FindStringSubmatch(t.LatencyPercentile); m == nil || m[1] == "0" || m[1] == "00" {
		add("latency_percentile", "must be a percentile such as p99 or p99.9, not %q", t.LatencyPercentile)
	}
	if t.Latency < 0 || t.Latency > 10*time.Minute {
		add("latency", "must be between 0 (off) and 10m, not %s", fmtDuration(t.Latency))
	}
	if t.MOfN.N < 1 || t.MOfN.N > 60 {
		add("m_of_n.n", "must be between 1 and 60, not %d", t.MOfN.N)
	}
	if t.MOfN.M < 1 || t.MOfN.M > t.MOfN.N {
		add("m_of_n.m", "must be between 1 and n (%d), not %d", t.MOfN.N, t.MOfN.M)
	}
	if t.ClearAfter < 1 || t.ClearAfter > 60 {
		add("clear_after", "must be between 1 and 60, not %d", t.ClearAfter)
	}
}

func (v *validator) slack(s *Slack) {
	if s.Token.IsSet() && s.WebhookURL.IsSet() {
		v.add("slack.webhook_url", "set either slack.token or slack.webhook_url, not both")
	}
	if s.Token.IsSet() && !strings.HasPrefix(s.Token.Value(), "xoxb-") {
		v.add("slack.token", "must be a bot token (xoxb-...)")
	}
	if s.WebhookURL.IsSet() {
		v.httpURL("slack.webhook_url", s.WebhookURL.Value())
	}
	v.httpURL("slack.api_url", s.APIURL)
	if !strings.HasSuffix(s.APIURL, "/") {
		s.APIURL += "/" // slack-go joins method names to the base without a separator
	}
	if s.Channel == "" && s.Token.IsSet() {
		v.add("slack.channel", "required with slack.token: where to post")
	}
	v.channel("slack.channel", s.Channel)
	v.lang("slack.lang", s.Lang)
	v.mention("slack.mention", s.Mention)
	v.statuses("slack.mention_on_statuses", s.MentionOnStatuses)
	for i := range s.Routes {
		v.route(item("slack.routes", i), &s.Routes[i], s)
	}
	v.durationRange("slack.repeat_interval", s.RepeatInterval, time.Minute, 7*24*time.Hour)
	v.intRange("slack.digest_threshold", s.DigestThreshold, 0, 1000)
	if s.DigestThreshold > 0 {
		v.durationRange("slack.digest_window", s.DigestWindow, time.Second, time.Hour)
	}
	v.durationRange("slack.min_interval", s.MinInterval, 0, time.Minute)
	v.durationRange("slack.timeout", s.Timeout, time.Second, 5*time.Minute)
}

// route checks a route and fills what it leaves out from the slack-level values.
func (v *validator) route(key string, r *Route, s *Slack) {
	v.matchGiven(key, r.Match)
	if r.Channel != "" && s.WebhookURL.IsSet() {
		v.add(key+".channel", "needs slack.token: an incoming webhook posts to one channel")
	}
	v.channel(key+".channel", r.Channel)
	v.lang(key+".lang", r.Lang)
	v.mention(key+".mention", r.Mention)
	v.statuses(key+".mention_on_statuses", r.MentionOnStatuses)
	d := s.defaultRoute()
	if r.Channel == "" {
		r.Channel = d.Channel
	}
	if r.Lang == "" {
		r.Lang = d.Lang
	}
	if r.Mention == "" {
		r.Mention = d.Mention
		if len(r.MentionOnStatuses) == 0 && len(r.MentionOnCauses) == 0 {
			r.MentionOnStatuses, r.MentionOnCauses = d.MentionOnStatuses, d.MentionOnCauses
		}
	}
}

func (v *validator) channel(key, ch string) {
	if ch != "" && !channelName.MatchString(ch) {
		v.add(key, "must start with '#' or be a channel id such as C0123ABCD, not %q", ch)
	}
}

func (v *validator) lang(key string, l classifier.Lang) {
	if l == "" {
		return
	}
	names := make([]string, 0, 4)
	for _, x := range classifier.Langs() {
		if x == l {
			return
		}
		names = append(names, string(x))
	}
	v.add(key, "must be one of %s, not %q", strings.Join(names, ", "), string(l))
}

func (v *validator) mention(key, m string) {
	if m != "" && !mention.MatchString(m) {
		v.add(key, "must be a slack mention such as <!subteam^S0123ABCD>, <@U0123ABCD> or <!here>, not %q", m)
	}
}

// statuses rejects "none": an incident always has a 5xx status.
func (v *validator) statuses(key string, ss []classifier.Status) {
	for i, s := range ss {
		if s == classifier.StatusNone {
			v.add(item(key, i), "must be one of 500, 502, 503 or 504, not \"none\"")
		}
	}
}

func (v *validator) alertmanager(a *Alertmanager) {
	if a.URL != "" {
		v.httpURL("alertmanager.url", a.URL)
	}
	if a.RunbookURL != "" {
		v.httpURL("alertmanager.runbook_url", a.RunbookURL)
	}
	if a.BearerToken.IsSet() && a.URL == "" {
		v.add("alertmanager.bearer_token", "needs alertmanager.url")
	}
	v.durationRange("alertmanager.timeout", a.Timeout, time.Second, 5*time.Minute)
}

// process checks the keys about the process itself.
func (v *validator) process(c *Config) {
	if host, port, err := net.SplitHostPort(c.Server.Listen); err != nil || !validPort(port) || strings.ContainsAny(host, " /") {
		v.add("server.listen", "must be host:port such as 127.0.0.1:9108 or :9108, not %q", c.Server.Listen)
	}
	v.durationRange("server.shutdown_timeout", c.Server.ShutdownTimeout, time.Second, 5*time.Minute)
	v.oneOf("log.level", c.Log.Level, "debug", "info", "warn", "error")
	v.oneOf("log.format", c.Log.Format, "text", "json")
	if strings.TrimSpace(c.State.Path) == "" {
		v.add("state.path", "required: where the incident store lives")
	}
	v.durationRange("state.retention", c.State.Retention, time.Hour, 366*24*time.Hour)
	if c.Costs.MetricsPer1000 < 0 {
		v.add("costs.metrics_per_1000", "must not be negative")
	}
	if c.Costs.InsightsPerGB < 0 {
		v.add("costs.insights_per_gb", "must not be negative")
	}
	v.intRange("ha.shards", c.HA.Shards, 1, 1000)
	v.ordinal("ha.shard_index", &c.HA.ShardIndex)
	if c.HA.ShardIndex < 0 || c.HA.ShardIndex >= c.HA.Shards {
		v.add("ha.shard_index", "must be between 0 and shards-1 (%d), not %d", c.HA.Shards-1, c.HA.ShardIndex)
	}
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 0 && n <= 65535
}
