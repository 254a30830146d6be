package config

import (
	"regexp"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

var (
	accountID = regexp.MustCompile(`^[0-9]{12}$`)
	// roleARN captures the account id of an IAM role ARN, in any partition.
	roleARN = regexp.MustCompile(`^arn:aws[a-z-]*:iam::([0-9]{12}):role/[\w+=,.@/-]+$`)
	// logGroupName is CloudWatch Logs' rule for log group names.
	logGroupName = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]{1,512}$`)
)

func (v *validator) accounts(c *Config) {
	seen := map[string]int{}
	ambient := -1
	for i := range c.Accounts {
		a := &c.Accounts[i]
		key := item("accounts", i)
		v.account(key, a)
		if a.RoleARN == "" {
			if ambient >= 0 {
				v.add(key+".role_arn", "required: only one account (accounts[%d]) may use the ambient credentials", ambient)
			}
			ambient = i
		}
		if j, dup := seen[a.ID]; dup && a.ID != "" {
			v.add(key+".id", "account %s is listed twice (first at accounts[%d])", a.ID, j)
		}
		seen[a.ID] = i
		if len(a.Regions) == 0 {
			a.Regions = c.Regions
		}
	}
	if len(c.Accounts) == 0 {
		c.Accounts = []Account{{Name: "default", Regions: c.Regions}}
	}
}

func (v *validator) account(key string, a *Account) {
	if a.ID != "" && !accountID.MatchString(a.ID) {
		v.add(key+".id", "must be a 12-digit account id, not %q", a.ID)
	}
	if a.RoleARN != "" {
		m := roleARN.FindStringSubmatch(a.RoleARN)
		switch {
		case m == nil:
			v.add(key+".role_arn", "must be an iam role arn such as arn:aws:iam::123456789012:role/apigw-triage")
		case a.ID == "":
			a.ID = m[1]
		case a.ID != m[1]:
			v.add(key+".role_arn", "belongs to account %s, not to id %s", m[1], a.ID)
		}
	}
	if a.ExternalID != "" && a.RoleARN == "" {
		v.add(key+".external_id", "needs role_arn: an external id is only sent when assuming a role")
	}
	for j, r := range a.Regions {
		v.region(item(key+".regions", j), r)
	}
	if a.Name == "" {
		a.Name = a.ID
		if a.Name == "" {
			a.Name = "default"
		}
	}
}

func (v *validator) targets(c *Config) {
	ids := map[string]bool{}
	for _, a := range c.Accounts {
		ids[a.ID] = true
	}
	for i, t := range c.Targets {
		key := item("targets", i)
		if strings.TrimSpace(t.API) == "" {
			v.add(key+".api", "required: the api's name or id")
		}
		switch {
		case t.Type != stage.APIUnknown:
		case v.p.has(key + ".type"):
			v.add(key+".type", "must be REST, HTTP or WEBSOCKET, not %q", v.p.pos[key+".type"].value.Value)
		default:
			v.add(key+".type", "required: REST, HTTP or WEBSOCKET")
		}
		for j, s := range t.Stages {
			if strings.TrimSpace(s) == "" {
				v.add(item(key+".stages", j), "must not be empty")
			}
		}
		if t.Account != "" && !ids[t.Account] {
			v.add(key+".account", "must be the id of an account in accounts, not %q", t.Account)
		}
		if t.Region != "" {
			v.region(key+".region", t.Region)
		}
	}
	if !v.p.has("discovery.enabled") && len(c.Targets) > 0 {
		c.Discovery.Enabled = false
	}
	if !c.Discovery.Enabled && len(c.Targets) == 0 {
		v.add("targets", "nothing to watch: list targets or enable discovery")
	}
}

func (v *validator) discovery(c *Config) {
	d := &c.Discovery
	if len(d.APITypes) == 0 {
		v.add("discovery.api_types", "must list REST, HTTP, WEBSOCKET or several")
	}
	for i, t := range d.APITypes {
		if t == stage.APIUnknown {
			v.add(item("discovery.api_types", i), "must be REST, HTTP or WEBSOCKET")
		}
	}
	for _, tags := range []struct {
		key string
		m   map[string]string
	}{{"discovery.include_tags", d.IncludeTags}, {"discovery.exclude_tags", d.ExcludeTags}} {
		for k := range tags.m {
			if strings.TrimSpace(k) == "" {
				v.add(tags.key, "tag keys must not be empty")
			}
		}
	}
	v.durationRange("discovery.refresh_interval", d.RefreshInterval, 10*time.Second, 24*time.Hour)
}

func (v *validator) collector(c *Collector) {
	v.durationRange("collector.interval", c.Interval, time.Second, time.Hour)
	v.durationRange("collector.delay", c.Delay, 0, time.Hour)
	// API Gateway publishes 1-minute metrics: a period must be whole minutes.
	if c.Period <= 0 || c.Period%time.Minute != 0 || c.Period > time.Hour {
		v.add("collector.period", "must be a multiple of 60s up to 1h, not %s", fmtDuration(c.Period))
	}
	v.intRange("collector.reread_periods", c.RereadPeriods, 1, 60)
	v.intRange("collector.concurrency", c.Concurrency, 1, 64)
	v.durationRange("collector.latency_interval", c.LatencyInterval, time.Second, 6*time.Hour)
}

func (v *validator) logs(l *Logs, interval time.Duration) {
	v.durationRange("logs.lookback", l.Lookback, time.Minute, 24*time.Hour)
	// A Logs Insights query returns at most 10,000 rows.
	v.intRange("logs.max_requests_sampled", l.MaxRequestsSampled, 1, 1000)
	for i, g := range l.ExtraLogGroups {
		if !logGroupName.MatchString(g) {
			v.add(item("logs.extra_log_groups", i), "must be a log group name (letters, digits, . - _ / #), not %q", g)
		}
	}
	// FilterLogEvents is limited to 5 TPS per account and region, and the
	// quota cannot be raised (CloudWatch Logs quotas).
	if l.FilterLogEventsTPS <= 0 || l.FilterLogEventsTPS > 5 {
		v.add("logs.filter_log_events_tps", "must be above 0 and at most 5 (the account's fixed quota), not %g", l.FilterLogEventsTPS)
	}
	v.durationRange("logs.query_timeout", l.QueryTimeout, time.Second, time.Hour)
	v.durationRange("logs.diagnosis_wait", l.DiagnosisWait, 0, time.Hour)
	v.rediagnoseInterval(l, interval)
}

// rediagnoseInterval derives logs.rediagnose_interval from the poll
// interval when it is not written, as the daemon did before the key
// existed, and checks it when it is: evidence is read at a poll, so a
// shorter interval than the poll's could not be kept, and past 6h an open
// incident's cause would go stale for hours.
func (v *validator) rediagnoseInterval(l *Logs, interval time.Duration) {
	const key = "logs.rediagnose_interval"
	if !v.p.has(key) {
		l.RediagnoseInterval = RediagnosePolls * interval
		return
	}
	lo := max(interval, time.Second)
	if interval > 0 && l.RediagnoseInterval < lo {
		v.add(key, "must be at least collector.interval (%s), not %s: evidence is read again at a poll", fmtDuration(interval), fmtDuration(l.RediagnoseInterval))
		return
	}
	v.durationRange(key, l.RediagnoseInterval, lo, 6*time.Hour)
}
