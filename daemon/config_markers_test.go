package daemon

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// wire builds every part's options from cfg, as Build does.
func wire(t *testing.T, cfg *config.Config) wired {
	t.Helper()
	env := Env{}
	env.defaults()
	reg := prometheus.NewRegistry()
	w := wired{col: collectorOptions(cfg, env, reg), am: alertmanagerOptions(cfg, env),
		mgr: managerOptions(cfg, env, reg, nil), alarms: alarmOptions(cfg, env), disp: dispatcherOptions(cfg, env, reg, namedSink("slack")),
		d: daemonOptions(cfg, env)}
	w.path, w.store = storeOptions(cfg)
	if cfg.Slack.Enabled() {
		w.slack = slackOptions(cfg, env, reg)
	}
	var buf bytes.Buffer
	NewLogger(&buf, cfg.Log).Debug("marker")
	w.log = strings.TrimSpace(buf.String())
	return w
}

type namedSink string

func (n namedSink) Name() string { return string(n) }
func (namedSink) Notify(context.Context, *notifier.Delivery) (bool, error) {
	return false, nil
}

func creds(w wired) [2]string {
	if w.col.AWS.Credentials == nil {
		return [2]string{}
	}
	c, err := w.col.AWS.Credentials.Retrieve(context.Background())
	if err != nil {
		return [2]string{"error", err.Error()}
	}
	return [2]string{c.AccessKeyID, c.SecretAccessKey}
}

// route is the Slack route of a stage named api/st, printed.
func route(w wired, api, st string) string {
	r := w.slack.Route(notifier.Snapshot{Identity: stage.Identity{APIName: api, Stage: st}})
	return fmt.Sprint(r.Channel, r.Lang, r.Mention, r.MentionStatuses, r.MentionCauses)
}

func shardOf(key string, shards int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key))
	return int(h.Sum32() % uint32(shards))
}

const slackOn = "slack: {token: xoxb-on, channel: '#on'"

var overrides = `thresholds:
  overrides:
    - match: {api: ov-api, stage: ov-stage}
      error_rate: 0.33
      min_5xx_count: 13
      latency_percentile: p90
      latency: 9s
      m_of_n: {m: 4, n: 6}
      clear_after: 8
`

var routes = slackOn + `,
  routes: [{match: {api: r-api, stage: r-stage}, channel: '#route-marker', lang: pt-BR, mention: '<!subteam^SROUTE>',
            mention_on_statuses: [502], mention_on_causes: [integration_timeout]}]}
`

var accounts = "accounts: [{role_arn: 'arn:aws:iam::123456789012:role/marker', id: '123456789012', name: acct-marker, external_id: ext-marker, regions: [ap-south-1]}]\n"

var targets = accounts + "regions: [ca-central-1]\ntargets: [{api: api-marker, type: HTTP, stages: [stage-marker], account: '123456789012', region: ca-central-1}]\n"

// ovr is the override's thresholds, for the stage it matches and for one
// it does not (which keeps the top-level ones).
func ovr(f func(collector.Thresholds) any) func(w wired) any {
	return func(w wired) any {
		return [2]any{f(w.col.Thresholds("ov-api", "ov-stage")), f(w.col.Thresholds("other", "ov-stage"))}
	}
}

func markers() []marker {
	d := config.Default()
	dt := collector.ThresholdsOf(d.Thresholds.Thresholds)
	return []marker{
		{"aws.region", "aws: {region: eu-north-1}", func(w wired) any { return w.col.AWS.Region }, "eu-north-1"},
		{"aws.endpoint_url", "aws: {region: us-east-1, endpoint_url: 'http://127.0.0.1:4599'}", func(w wired) any { return w.col.AWS.EndpointURL }, "http://127.0.0.1:4599"},
		{"aws.access_key_id", "aws: {region: us-east-1, access_key_id: AKIAMARKER, secret_access_key: sk-marker}", creds2(0), "AKIAMARKER"},
		{"aws.secret_access_key", "aws: {region: us-east-1, access_key_id: AKIAMARKER, secret_access_key: sk-marker}", creds2(1), "sk-marker"},
		{"aws.secret_access_key_file", "aws: {region: us-east-1, access_key_id: AKIAFILE, secret_access_key_file: '{dir}/aws_secret'}", creds2(1), "sk-file-marker"},
		{"aws.retry_mode", "aws: {region: us-east-1, retry_mode: standard}", func(w wired) any { return w.col.AWS.RetryMode }, "standard"},
		{"aws.max_attempts", "aws: {region: us-east-1, max_attempts: 7}", func(w wired) any { return w.col.AWS.MaxAttempts }, 7},
		{"aws.max_backoff", "aws: {region: us-east-1, max_backoff: 13s}", func(w wired) any { return w.col.AWS.MaxBackoff }, 13 * time.Second},

		{"accounts[].role_arn", accounts, func(w wired) any { return w.col.Accounts[0].RoleARN }, "arn:aws:iam::123456789012:role/marker"},
		{"accounts[].id", "accounts: [{id: '210987654321'}]", func(w wired) any { return w.col.Accounts[0].ID }, "210987654321"},
		{"accounts[].name", accounts, func(w wired) any { return w.col.Accounts[0].Name }, "acct-marker"},
		{"accounts[].external_id", accounts, func(w wired) any { return w.col.Accounts[0].ExternalID }, "ext-marker"},
		{"accounts[].regions", accounts, func(w wired) any { return w.col.Accounts[0].Regions }, []string{"ap-south-1"}},
		{"regions", "regions: [sa-east-1]", func(w wired) any { return w.col.AWS.Regions }, []string{"sa-east-1"}},

		{"targets[].api", targets, func(w wired) any { return w.col.Targets[0].API }, "api-marker"},
		{"targets[].type", targets, func(w wired) any { return w.col.Targets[0].APIType }, stage.APIHTTP},
		{"targets[].stages", targets, func(w wired) any { return w.col.Targets[0].Stages }, []string{"stage-marker"}},
		{"targets[].account", targets, func(w wired) any { return w.col.Targets[0].Account }, "123456789012"},
		{"targets[].region", targets, func(w wired) any { return w.col.Targets[0].Region }, "ca-central-1"},

		{"discovery.enabled", targets + "discovery: {enabled: false}", func(w wired) any { return w.col.Discovery.Enabled }, false},
		{"discovery.api_types", "discovery: {api_types: [HTTP]}", func(w wired) any { return w.col.Discovery.APITypes }, []stage.APIType{stage.APIHTTP}},
		{"discovery.include", "discovery: {include: ['inc-marker-.*']}", func(w wired) any { return w.col.Discovery.Include.MatchString("inc-marker-1") }, true},
		{"discovery.exclude", "discovery: {exclude: ['exc-marker-.*']}", func(w wired) any { return w.col.Discovery.Exclude.MatchString("exc-marker-1") }, true},
		{"discovery.include_tags", "discovery: {include_tags: {team: tag-marker}}", func(w wired) any { return w.col.Discovery.Tags }, map[string]string{"team": "tag-marker"}},
		{"discovery.exclude_tags", "discovery: {exclude_tags: {off: xtag-marker}}", func(w wired) any { return w.col.Discovery.ExcludeTags }, map[string]string{"off": "xtag-marker"}},
		{"discovery.refresh_interval", "discovery: {refresh_interval: 17m}", func(w wired) any { return w.col.Discovery.Refresh }, 17 * time.Minute},

		{"thresholds.error_rate", "thresholds: {error_rate: 0.21}", func(w wired) any { return w.col.Thresholds("a", "s").ErrorRate }, 0.21},
		{"thresholds.min_5xx_count", "thresholds: {min_5xx_count: 11}", func(w wired) any { return w.col.Thresholds("a", "s").Min5xx }, 11.0},
		{"thresholds.latency_percentile", "thresholds: {latency_percentile: p95}", func(w wired) any { return w.col.Thresholds("a", "s").LatencyStat }, "p95"},
		{"thresholds.latency", "thresholds: {latency: 7s}", func(w wired) any { return w.col.Thresholds("a", "s").Latency }, 7 * time.Second},
		{"thresholds.m_of_n.m", "thresholds: {m_of_n: {m: 3, n: 7}}", func(w wired) any { return w.col.Thresholds("a", "s").M }, 3},
		{"thresholds.m_of_n.n", "thresholds: {m_of_n: {m: 3, n: 7}}", func(w wired) any { return w.col.Thresholds("a", "s").N }, 7},
		{"thresholds.masked_200_min_errors", "thresholds: {masked_200_min_errors: 12}", func(w wired) any { return w.col.Thresholds("a", "s").MaskedMin }, 12.0},
		{"thresholds.clear_after", "thresholds: {clear_after: 9}", func(w wired) any { return w.col.Thresholds("a", "s").ClearAfter }, 9},
		{"thresholds.overrides[].match.api", overrides, ovr(func(t collector.Thresholds) any { return t.ErrorRate }), [2]any{0.33, dt.ErrorRate}},
		{"thresholds.overrides[].match.stage", overrides, func(w wired) any { return w.col.Thresholds("ov-api", "other").ErrorRate }, dt.ErrorRate},
		{"thresholds.overrides[].error_rate", overrides, ovr(func(t collector.Thresholds) any { return t.ErrorRate }), [2]any{0.33, dt.ErrorRate}},
		{"thresholds.overrides[].min_5xx_count", overrides, ovr(func(t collector.Thresholds) any { return t.Min5xx }), [2]any{13.0, dt.Min5xx}},
		{"thresholds.overrides[].latency_percentile", overrides, ovr(func(t collector.Thresholds) any { return t.LatencyStat }), [2]any{"p90", dt.LatencyStat}},
		{"thresholds.overrides[].latency", overrides, ovr(func(t collector.Thresholds) any { return t.Latency }), [2]any{9 * time.Second, dt.Latency}},
		{"thresholds.overrides[].m_of_n.m", overrides, ovr(func(t collector.Thresholds) any { return t.M }), [2]any{4, dt.M}},
		{"thresholds.overrides[].m_of_n.n", overrides, ovr(func(t collector.Thresholds) any { return t.N }), [2]any{6, dt.N}},
		{"thresholds.overrides[].masked_200_min_errors", overrides + "      masked_200_min_errors: 14\n", ovr(func(t collector.Thresholds) any { return t.MaskedMin }), [2]any{14.0, dt.MaskedMin}},
		{"thresholds.overrides[].clear_after", overrides, ovr(func(t collector.Thresholds) any { return t.ClearAfter }), [2]any{8, dt.ClearAfter}},

		{"collector.interval", "collector: {interval: 2m}", func(w wired) any { return [2]any{w.col.Interval, w.d.Interval} }, [2]any{2 * time.Minute, 2 * time.Minute}},
		{"collector.delay", "collector: {delay: 4m}", func(w wired) any { return w.col.Delay }, 4 * time.Minute},
		{"collector.period", "collector: {period: 180s}", func(w wired) any { return w.col.Period }, 3 * time.Minute},
		{"collector.reread_periods", "collector: {reread_periods: 5}", func(w wired) any { return w.col.Reread }, 5},
		{"collector.concurrency", "collector: {concurrency: 6}", func(w wired) any { return w.col.Concurrency }, 6},
		{"collector.latency_interval", "collector: {latency_interval: 14m}", func(w wired) any { return w.col.LatencyEvery }, 14 * time.Minute},

		{"logs.insights_enabled", "logs: {insights_enabled: false}", func(w wired) any { return w.col.Logs.Insights }, false},
		{"logs.lookback", "logs: {lookback: 25m}", func(w wired) any { return w.col.Logs.Lookback }, 25 * time.Minute},
		{"logs.max_requests_sampled", "logs: {max_requests_sampled: 33}", func(w wired) any { return w.col.Logs.MaxRequests }, 33},
		{"logs.extra_log_groups", "logs: {extra_log_groups: [/marker/group]}", func(w wired) any { return w.col.Logs.ExtraLogGroups }, []string{"/marker/group"}},
		{"logs.filter_log_events_tps", "logs: {filter_log_events_tps: 3.5}", func(w wired) any { return w.col.Logs.FilterTPS }, 3.5},
		{"logs.query_timeout", "logs: {query_timeout: 45s}", func(w wired) any { return w.col.Logs.QueryTimeout }, 45 * time.Second},
		{"logs.diagnosis_wait", "logs: {diagnosis_wait: 37s}", func(w wired) any { return w.d.DiagnosisWait }, 37 * time.Second},
		{"logs.rediagnose_interval", "logs: {rediagnose_interval: 13m}", func(w wired) any { return [2]any{w.d.RediagnoseEvery, w.alarms.Repeat} }, [2]any{13, 13 * time.Minute}},

		{"slack.token", "slack: {token: xoxb-marker, channel: '#c'}", func(w wired) any { return w.slack.Token }, "xoxb-marker"},
		{"slack.token_file", "slack: {token_file: '{dir}/slack_token', channel: '#c'}", func(w wired) any { return w.slack.Token }, "xoxb-file-marker"},
		{"slack.webhook_url", "slack: {webhook_url: 'https://hooks.example.com/marker'}", func(w wired) any { return w.slack.WebhookURL }, "https://hooks.example.com/marker"},
		{"slack.webhook_url_file", "slack: {webhook_url_file: '{dir}/slack_hook'}", func(w wired) any { return w.slack.WebhookURL }, "https://hooks.example.com/file-marker"},
		{"slack.api_url", slackOn + ", api_url: 'http://127.0.0.1:1/marker/'}", func(w wired) any { return w.slack.APIURL }, "http://127.0.0.1:1/marker/"},
		{"slack.channel", "slack: {token: xoxb-on, channel: '#chan-marker'}", func(w wired) any { return [2]string{w.slack.Channel, w.slack.Route(notifier.Snapshot{}).Channel} }, [2]string{"#chan-marker", "#chan-marker"}},
		{"slack.lang", slackOn + ", lang: ja}", func(w wired) any { return [2]any{w.slack.Route(notifier.Snapshot{}).Lang, w.d.Lang} }, [2]any{classifier.LangJA, classifier.LangJA}},
		{"slack.mention", slackOn + ", mention: '<!subteam^SMARKER>'}", func(w wired) any { return w.slack.Route(notifier.Snapshot{}).Mention }, "<!subteam^SMARKER>"},
		{"slack.mention_on_statuses", slackOn + ", mention: '<!here>', mention_on_statuses: [503]}", func(w wired) any { return w.slack.Route(notifier.Snapshot{}).MentionStatuses }, []classifier.Status{classifier.Status503}},
		{"slack.mention_on_causes", slackOn + ", mention: '<!here>', mention_on_causes: [lambda_throttled]}", func(w wired) any { return w.slack.Route(notifier.Snapshot{}).MentionCauses }, []classifier.Cause{classifier.CauseLambdaThrottled}},
		{"slack.routes[].match.api", routes, func(w wired) any {
			return [2]any{route(w, "r-api", "r-stage"), route(w, "other", "r-stage") == route(w, "r-api", "r-stage")}
		}, [2]any{routeWant, false}},
		{"slack.routes[].match.stage", routes, func(w wired) any { return route(w, "r-api", "other") == route(w, "r-api", "r-stage") }, false},
		{"slack.routes[].channel", routes, func(w wired) any { return w.slack.Route(rs()).Channel }, "#route-marker"},
		{"slack.routes[].lang", routes, func(w wired) any { return w.slack.Route(rs()).Lang }, classifier.LangPtBR},
		{"slack.routes[].mention", routes, func(w wired) any { return w.slack.Route(rs()).Mention }, "<!subteam^SROUTE>"},
		{"slack.routes[].mention_on_statuses", routes, func(w wired) any { return w.slack.Route(rs()).MentionStatuses }, []classifier.Status{classifier.Status502}},
		{"slack.routes[].mention_on_causes", routes, func(w wired) any { return w.slack.Route(rs()).MentionCauses }, []classifier.Cause{classifier.CauseIntegrationTimeout}},
		{"slack.repeat_interval", slackOn + ", repeat_interval: 3h}", func(w wired) any { return w.mgr.RepeatInterval }, 3 * time.Hour},
		{"slack.digest_threshold", slackOn + ", digest_threshold: 7}", func(w wired) any { return w.disp.DigestMin }, 7},
		{"slack.digest_window", slackOn + ", digest_window: 4s}", func(w wired) any { return w.disp.DigestWait }, 4 * time.Second},
		{"slack.min_interval", slackOn + ", min_interval: 2s}", func(w wired) any { return w.slack.ChannelInterval }, 2 * time.Second},
		{"slack.timeout", slackOn + ", timeout: 1s}", func(w wired) any { return w.slack.Timeout }, time.Second},

		{"alertmanager.url", "alertmanager: {url: 'http://am-marker:9093'}", func(w wired) any { return w.am.URL }, "http://am-marker:9093"},
		{"alertmanager.timeout", "alertmanager: {url: 'http://am:9093', timeout: 3s}", func(w wired) any { return w.am.Timeout }, 3 * time.Second},
		{"alertmanager.runbook_url", "alertmanager: {url: 'http://am:9093', runbook_url: 'https://wiki.example/marker/'}", func(w wired) any { return w.am.RunbookURL }, "https://wiki.example/marker/"},
		{"alertmanager.bearer_token", "alertmanager: {url: 'http://am:9093', bearer_token: am-marker}", func(w wired) any { return w.am.BearerToken }, "am-marker"},
		{"alertmanager.bearer_token_file", "alertmanager: {url: 'http://am:9093', bearer_token_file: '{dir}/am_token'}", func(w wired) any { return w.am.BearerToken }, "am-file-marker"},

		{"alarms.queue_url", "alarms: {queue_url: 'https://sqs.us-east-1.amazonaws.com/123456789012/marker'}", func(w wired) any { return [2]any{w.alarms.QueueURL, w.d.SelfPaced} }, [2]any{"https://sqs.us-east-1.amazonaws.com/123456789012/marker", true}},
		{"alarms.wait", "alarms: {queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q', wait: 7s}", func(w wired) any { return w.alarms.Wait }, 7 * time.Second},
		{"server.listen", "server: {listen: '127.0.0.1:19108'}", func(w wired) any { return w.d.Listen }, "127.0.0.1:19108"},
		{"server.shutdown_timeout", "server: {shutdown_timeout: 17s}", func(w wired) any { return w.d.ShutdownTimeout }, 17 * time.Second},
		{"log.level", "log: {level: debug}", func(w wired) any { return strings.Contains(w.log, "marker") }, true},
		{"log.format", "log: {level: debug, format: json}", func(w wired) any { return strings.HasPrefix(w.log, "{") }, true},
		{"state.path", "state: {path: marker.db}", func(w wired) any { return w.path }, "marker.db"},
		{"state.retention", "state: {retention: 100h}", func(w wired) any { return w.store.RetainFor }, 100 * time.Hour},
		{"costs.metrics_per_1000", "costs: {metrics_per_1000: 0.07}", func(w wired) any { return w.col.Prices.PerThousandMetrics }, 0.07},
		{"costs.insights_per_gb", "costs: {insights_per_gb: 0.009}", func(w wired) any { return w.col.Prices.PerGBScanned }, 0.009},
		{"ha.shards", "ha: {shards: 3, shard_index: 2}", shardCheck(3, 2), true},
		{"ha.shard_index", "ha: {shards: 3, shard_index: 2}", shardCheck(3, 2), true},
	}
}

var routeWant = fmt.Sprint("#route-marker", classifier.LangPtBR, "<!subteam^SROUTE>",
	[]classifier.Status{classifier.Status502}, []classifier.Cause{classifier.CauseIntegrationTimeout})

func rs() notifier.Snapshot {
	return notifier.Snapshot{Identity: stage.Identity{APIName: "r-api", Stage: "r-stage"}}
}

func creds2(i int) func(w wired) any {
	return func(w wired) any { return creds(w)[i] }
}

// shardCheck: the replica keeps exactly the stages whose key hashes to its
// shard.
func shardCheck(shards, index int) func(w wired) any {
	return func(w wired) any {
		if w.col.Shard == nil {
			return false
		}
		kept := 0
		for i := range 30 {
			key := stage.New("1", "r", stage.APIREST, "api"+string(rune('a'+i)), "", "prod").Key
			if w.col.Shard(key) != (shardOf(key, shards) == index) {
				return false
			}
			if w.col.Shard(key) {
				kept++
			}
		}
		return kept > 0 && kept < 30
	}
}
