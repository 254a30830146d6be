package daemon

import (
	"fmt"
	"hash/fnv"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/notifier/alertmanager"
	"github.com/apigw-triage/apigw-triage/notifier/slack"
)

// Env is what the process hands the daemon besides its configuration.
type Env struct {
	// Clock drives polls, windows and incident times; default clock.Real.
	// Notification retries always wait in real time: Slack's Retry-After
	// is wall-clock seconds whatever clock the demo runs on.
	Clock  clock.Clock
	Logger *slog.Logger
	// ExtraSinks are added to the configured ones (the demo's console).
	ExtraSinks []notifier.Notifier
	// Collectors are registered with the daemon's registry besides its own
	// (the process's configuration reload status, which outlives a daemon).
	Collectors []prometheus.Collector
	// HTTPClient is used for Slack and Alertmanager; nil means defaults.
	HTTPClient *http.Client
	// OnPoll is passed to Options.OnPoll.
	OnPoll func(*collector.PollResult)
	// WebConfigFile is passed to Options.WebConfigFile (--web.config.file).
	WebConfigFile string
}

// Build makes a daemon from a loaded configuration. The returned close
// function releases the incident store; call it after Run returns.
func Build(cfg *config.Config, env Env) (*Daemon, func() error, error) {
	env.defaults()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, c := range env.Collectors {
		if err := reg.Register(c); err != nil {
			return nil, nil, fmt.Errorf("registering metrics: %w", err)
		}
	}

	// The collector reads a stage with an open incident in full every
	// poll; the incident manager is built after it, so it is asked late.
	var open func(string) bool
	copts := collectorOptions(cfg, env, reg)
	copts.Watching = func(key string) bool { return open != nil && open(key) }
	col, err := collector.New(copts)
	if err != nil {
		return nil, nil, fmt.Errorf("collector: %w", err)
	}
	st, err := incident.Open(storeOptions(cfg))
	if err != nil {
		return nil, nil, err
	}
	src, err := pollSource(cfg, env, col)
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	d, err := assemble(cfg, env, reg, src, st)
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	open = func(key string) bool {
		_, ok := d.opts.Incidents.Lookup(key)
		return ok
	}
	return d, st.Close, nil
}

// assemble builds the sinks, the incident manager, the dispatchers and the daemon.
func assemble(cfg *config.Config, env Env, reg *prometheus.Registry, col Collector, st *incident.Store) (*Daemon, error) {
	// The Slack sink draws an incident's graph through the manager, made
	// after the sinks (it needs their names); the dispatchers that call it
	// start after both exist.
	var mgr *incident.Manager
	graphOf := func(id string) ([]byte, error) { return mgr.Graph(id) }
	sinks, refreshers, err := buildSinks(cfg, env, reg, graphOf)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(sinks))
	for _, s := range sinks {
		names = append(names, s.Name())
	}
	mo := managerOptions(cfg, env, reg, names)
	mo.Editors = editors(sinks)
	mgr, err = incident.NewManager(st, mo)
	if err != nil {
		return nil, fmt.Errorf("incidents: %w", err)
	}
	runners := make([]Runner, 0, len(sinks))
	for _, s := range sinks {
		disp, err := incident.NewDispatcher(st, s, dispatcherOptions(cfg, env, reg, s))
		if err != nil {
			return nil, fmt.Errorf("dispatcher %s: %w", s.Name(), err)
		}
		runners = append(runners, disp)
	}
	o := daemonOptions(cfg, env)
	o.Registry, o.Collector, o.Incidents, o.IncidentsH, o.PageH = reg, col, mgr, mgr.Handler(), mgr.Page()
	o.Runners, o.Refreshers = runners, refreshers
	return New(o)
}

// editors names the sinks that keep an incident's message current in
// place: only they are told of the changes that notify nobody (a confirmed
// diagnosis, a change of the reads a partial one lacks).
func editors(sinks []notifier.Notifier) []string {
	var out []string
	for _, s := range sinks {
		if e, ok := s.(notifier.Editor); ok && e.EditsInPlace() {
			out = append(out, s.Name())
		}
	}
	return out
}

// defaults fills what the process may leave out.
func (env *Env) defaults() {
	if env.Clock == nil {
		env.Clock = clock.Real{}
	}
	if env.Logger == nil {
		env.Logger = slog.New(slog.DiscardHandler)
	}
}

// storeOptions are the incident store's path and options.
func storeOptions(cfg *config.Config) (string, incident.StoreOptions) {
	return cfg.State.Path, incident.StoreOptions{RetainFor: cfg.State.Retention}
}

// managerOptions are the incident manager's options.
func managerOptions(cfg *config.Config, env Env, reg prometheus.Registerer, sinks []string) incident.ManagerOptions {
	return incident.ManagerOptions{
		Clock: env.Clock, OutboxClock: clock.Real{}, Logger: env.Logger.With("component", "incidents"), Registerer: reg,
		Sinks: sinks, RepeatInterval: cfg.Slack.RepeatInterval,
	}
}

// daemonOptions are the daemon's own options; Build adds the parts.
func daemonOptions(cfg *config.Config, env Env) Options {
	return Options{
		Clock: env.Clock, Logger: env.Logger,
		Listen: cfg.Server.Listen, WebConfigFile: env.WebConfigFile, Interval: cfg.Collector.Interval,
		ShutdownTimeout: cfg.Server.ShutdownTimeout, Lang: cfg.Slack.Lang,
		OnPoll: env.OnPoll, SelfPaced: cfg.Alarms.QueueURL != "" && cfg.Alarms.Wait > 0,
		// An alarm brings no figures: its incident waits for the evidence.
		AnnounceEarly: cfg.Alarms.QueueURL == "", DiagnosisWait: cfg.Logs.DiagnosisWait,
		RediagnoseEvery: pollsIn(cfg.Logs.RediagnoseInterval, cfg.Collector.Interval),
	}
}

// pollsIn is how many polls span d, rounded up: evidence is read at a
// poll, and an incident is never read again sooner than d asks (each read
// is a billed Logs Insights query). At least one.
func pollsIn(d, interval time.Duration) int {
	if interval <= 0 {
		return config.RediagnosePolls
	}
	return max(1, int((d+interval-1)/interval))
}

// digestMax caps the incidents of one Slack digest.
const digestMax = 20

func dispatcherOptions(cfg *config.Config, env Env, reg prometheus.Registerer, s notifier.Notifier) incident.DispatcherOptions {
	o := incident.DispatcherOptions{
		Clock: clock.Real{}, Logger: env.Logger, Registerer: reg,
	}
	if s.Name() == "slack" && cfg.Slack.DigestThreshold > 1 {
		o.DigestMin, o.DigestWait, o.DigestMax = cfg.Slack.DigestThreshold, cfg.Slack.DigestWindow, digestMax
		// A digest posts its root and one reply per incident at Slack's
		// pace of about one message per second per channel, so one
		// NotifyBatch call needs that many seconds plus slack for answers.
		o.CallTimeout = time.Duration(digestMax+15) * time.Second
	}
	return o
}

// buildSinks makes the configured sinks plus the environment's extra ones.
func buildSinks(cfg *config.Config, env Env, reg prometheus.Registerer, graphOf func(string) ([]byte, error)) ([]notifier.Notifier, []Refresher, error) {
	var sinks []notifier.Notifier
	var refreshers []Refresher
	if cfg.Slack.Enabled() {
		o := slackOptions(cfg, env, reg)
		o.Graph = graphOf
		s, err := slack.New(o)
		if err != nil {
			return nil, nil, err
		}
		sinks = append(sinks, s)
	}
	if cfg.Alertmanager.Enabled() {
		am, err := alertmanager.New(alertmanagerOptions(cfg, env))
		if err != nil {
			return nil, nil, err
		}
		sinks = append(sinks, am)
		refreshers = append(refreshers, am)
	}
	sinks = append(sinks, env.ExtraSinks...)
	if len(sinks) == 0 {
		env.Logger.Warn("no notification sink configured: incidents are visible only in /api/incidents and /metrics")
	}
	return sinks, refreshers, nil
}

// alertmanagerOptions are the Alertmanager sink's options.
func alertmanagerOptions(cfg *config.Config, env Env) alertmanager.Options {
	return alertmanager.Options{
		URL: cfg.Alertmanager.URL, Interval: cfg.Collector.Interval, Lang: cfg.Slack.Lang,
		RunbookURL: cfg.Alertmanager.RunbookURL, BearerToken: cfg.Alertmanager.BearerToken.Value(),
		Timeout: cfg.Alertmanager.Timeout, HTTPClient: env.HTTPClient,
		Logger: env.Logger.With("sink", "alertmanager"), Now: env.Clock.Now,
	}
}

func slackOptions(cfg *config.Config, env Env, reg prometheus.Registerer) slack.Options {
	return slack.Options{
		Token: cfg.Slack.Token.Value(), WebhookURL: cfg.Slack.WebhookURL.Value(),
		APIURL: cfg.Slack.APIURL, Channel: cfg.Slack.Channel,
		Route: func(inc notifier.Snapshot) slack.Route {
			r := cfg.RouteFor(inc.APIName, inc.Stage)
			return slack.Route{Channel: r.Channel, Lang: r.Lang, Mention: r.Mention,
				MentionStatuses: r.MentionOnStatuses, MentionCauses: r.MentionOnCauses}
		},
		HTTPClient: env.HTTPClient, Logger: env.Logger.With("sink", "slack"), Registerer: reg,
		ChannelInterval: cfg.Slack.MinInterval, Timeout: cfg.Slack.Timeout,
	}
}

// collectorOptions maps the configuration onto the collector.
func collectorOptions(cfg *config.Config, env Env, reg prometheus.Registerer) collector.Options {
	o := collector.Options{
		Clock: env.Clock, Logger: env.Logger.With("component", "collector"), Registerer: reg,
		AWS: collector.AWSOptions{
			EndpointURL: cfg.AWS.EndpointURL, Region: cfg.AWS.Region, Regions: cfg.Regions,
			RetryMode: cfg.AWS.RetryMode, MaxAttempts: cfg.AWS.MaxAttempts, MaxBackoff: cfg.AWS.MaxBackoff,
		},
		Discovery: discovery(cfg.Discovery),
		Thresholds: func(api, stage string) collector.Thresholds {
			return collector.ThresholdsOf(cfg.ThresholdsFor(api, stage))
		},
		Interval: cfg.Collector.Interval, Period: cfg.Collector.Period, Delay: cfg.Collector.Delay,
		Reread: cfg.Collector.RereadPeriods, Concurrency: cfg.Collector.Concurrency, LatencyEvery: cfg.Collector.LatencyInterval,
		Logs: collector.LogsOptions{Insights: cfg.Logs.InsightsEnabled, Lookback: cfg.Logs.Lookback,
			MaxRequests: cfg.Logs.MaxRequestsSampled, ExtraLogGroups: cfg.Logs.ExtraLogGroups,
			FilterTPS: cfg.Logs.FilterLogEventsTPS, QueryTimeout: cfg.Logs.QueryTimeout},
		Prices: collector.Prices{PerThousandMetrics: cfg.Costs.MetricsPer1000, PerGBScanned: cfg.Costs.InsightsPerGB},
		Shard:  shard(cfg.HA),
	}
	if cfg.AWS.AccessKeyID != "" {
		o.AWS.Credentials = credentials.NewStaticCredentialsProvider(cfg.AWS.AccessKeyID, cfg.AWS.SecretAccessKey.Value(), "")
	}
	for _, a := range cfg.Accounts {
		o.Accounts = append(o.Accounts, collector.Account{ID: a.ID, Name: a.Name, RoleARN: a.RoleARN, ExternalID: a.ExternalID, Regions: a.Regions})
	}
	for _, t := range cfg.Targets {
		o.Targets = append(o.Targets, collector.Target{APIType: t.Type, API: t.API, Stages: t.Stages, Account: t.Account, Region: t.Region})
	}
	return o
}

// discovery folds the configured pattern lists into one anchored regexp each.
func discovery(d config.Discovery) collector.Discovery {
	return collector.Discovery{
		Enabled: d.Enabled, APITypes: d.APITypes,
		Include: anyOf(d.Include), Exclude: anyOf(d.Exclude),
		Tags: d.IncludeTags, ExcludeTags: d.ExcludeTags, Refresh: d.RefreshInterval,
	}
}

func anyOf(res []config.Regexp) *regexp.Regexp {
	if len(res) == 0 {
		return nil
	}
	parts := make([]string, len(res))
	for i, r := range res {
		parts[i] = "(?:" + r.String() + ")"
	}
	// The parts compiled alone at load, so their alternation compiles too.
	return regexp.MustCompile("^(?:" + strings.Join(parts, "|") + ")$")
}

// shard keeps the stages whose key hashes to this replica's index.
func shard(ha config.HA) func(string) bool {
	if ha.Shards <= 1 {
		return nil
	}
	return func(key string) bool {
		h := fnv.New32a()
		_, _ = h.Write([]byte(key))
		return int(h.Sum32()%uint32(ha.Shards)) == ha.ShardIndex
	}
}
