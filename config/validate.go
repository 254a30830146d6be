package config

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// validator checks and normalises a decoded Config, reporting each problem
// at the key it concerns.
type validator struct {
	p      *problems
	failed map[string]bool   // keys the decoder already reported
	refs   map[string]string // ordinal keys written as ${NAME} (decoder.refs)
	getenv func(string) string
	// warnings are kept in Config.Warnings when the file is valid.
	warnings []string
}

// add reports a problem unless the key's value already failed to decode,
// which would only repeat the same complaint about a default.
func (v *validator) add(key, format string, args ...any) {
	if v.failed[key] {
		return
	}
	v.p.add(key, format, args...)
}

func (v *validator) config(c *Config) {
	v.secrets(c)
	v.aws(c)
	v.accounts(c)
	v.targets(c)
	v.discovery(c)
	v.thresholds(c)
	v.collector(&c.Collector)
	v.logs(&c.Logs, c.Collector.Interval)
	v.slack(&c.Slack)
	v.alertmanager(&c.Alertmanager)
	v.process(c)
	v.alarms(&c.Alarms)
}

// secrets resolves every credential: inline with ${ENV} references, or read
// from its *_file.
func (v *validator) secrets(c *Config) {
	getenv := v.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	v.resolveSecret(&c.AWS.SecretAccessKey, c.AWS.SecretAccessKeyFile, "aws.secret_access_key", "aws.secret_access_key_file", getenv)
	v.resolveSecret(&c.Slack.Token, c.Slack.TokenFile, "slack.token", "slack.token_file", getenv)
	v.resolveSecret(&c.Slack.WebhookURL, c.Slack.WebhookURLFile, "slack.webhook_url", "slack.webhook_url_file", getenv)
	v.resolveSecret(&c.Alertmanager.BearerToken, c.Alertmanager.BearerTokenFile, "alertmanager.bearer_token", "alertmanager.bearer_token_file", getenv)
}

func (v *validator) durationRange(key string, d, lo, hi time.Duration) {
	if d < lo || d > hi {
		v.add(key, "must be between %s and %s, not %s", fmtDuration(lo), fmtDuration(hi), fmtDuration(d))
	}
}

func (v *validator) intRange(key string, n, lo, hi int) {
	if n < lo || n > hi {
		v.add(key, "must be between %d and %d, not %d", lo, hi, n)
	}
}

func (v *validator) oneOf(key, s string, allowed ...string) {
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	v.add(key, "must be one of %s, not %q", strings.Join(allowed, ", "), s)
}

// httpURL checks an http(s) URL. The value is not quoted: it may hold a
// credential (a webhook URL is one).
func (v *validator) httpURL(key, s string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(key, "must be an http:// or https:// url")
	}
}

// fmtDuration prints 1m0s as 1m and 1h0m0s as 1h, as users write them.
func fmtDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// regionPattern is an AWS region name: us-east-1, eu-central-2, us-gov-west-1.
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)

func (v *validator) region(key, r string) {
	if !regionPattern.MatchString(r) {
		v.add(key, "must be an aws region such as us-east-1, not %q", r)
	}
}

func (v *validator) aws(c *Config) {
	a := &c.AWS
	if a.Region != "" {
		v.region("aws.region", a.Region)
	}
	if a.EndpointURL != "" {
		v.httpURL("aws.endpoint_url", a.EndpointURL)
	}
	if (a.AccessKeyID == "") != !a.SecretAccessKey.IsSet() {
		v.add("aws.access_key_id", "set both access_key_id and secret_access_key, or neither")
	}
	v.oneOf("aws.retry_mode", a.RetryMode, "standard", "adaptive")
	v.intRange("aws.max_attempts", a.MaxAttempts, 1, 20)
	v.durationRange("aws.max_backoff", a.MaxBackoff, time.Second, 5*time.Minute)

	seen := map[string]bool{}
	for i, r := range c.Regions {
		key := item("regions", i)
		v.region(key, r)
		if seen[r] {
			v.add(key, "region %q is listed twice", r)
		}
		seen[r] = true
	}
	switch {
	case len(c.Regions) == 0 && a.Region == "":
		v.add("aws.region", "required: set aws.region or regions")
	case len(c.Regions) == 0:
		c.Regions = []string{a.Region}
	case a.Region == "":
		a.Region = c.Regions[0]
	}
}
