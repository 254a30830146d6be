package collector

import (
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
)

// Options configures a Collector. The daemon maps its configuration onto
// it; zero values take the values an empty configuration file gives
// (config.Default).
type Options struct {
	Clock      clock.Clock           // default clock.Real
	Logger     *slog.Logger          // default: discard
	Registerer prometheus.Registerer // default: a private registry (never the global one)

	AWS AWSOptions
	// Accounts to watch; empty means the default credentials' account in
	// AWS.Region (and AWS.Regions).
	Accounts []Account
	// Targets lists explicit stages; when empty, Discovery decides.
	Targets   []Target
	Discovery Discovery
	// Thresholds returns the thresholds of one stage; nil means
	// DefaultThresholds for every stage.
	Thresholds func(apiName, stage string) Thresholds

	Interval time.Duration // poll interval
	Period   time.Duration // CloudWatch period
	// Delay keeps the window clear of minutes CloudWatch has not finished
	// aggregating: 1-minute data is complete after about 2 minutes
	// (anchors.md 7.4).
	Delay time.Duration
	// Reread is how many periods each poll reads again, so late samples
	// revise datapoints already seen.
	Reread int
	// LatencyEvery is how often the latency percentile of a stage with a
	// latency threshold is read while its screens show no 5xx to look at:
	// one billed metric per stage each time, so 5 m at a 60 s interval
	// adds 0.2 metric per stage per poll.
	LatencyEvery time.Duration
	// Watching, when set, says whether a stage's incident is open: such a
	// stage is read in full every poll, so that it can clear.
	Watching func(stageKey string) bool
	// Concurrency bounds the accounts and regions polled at once.
	Concurrency int

	Logs   LogsOptions
	Prices Prices

	// Shard, when set, keeps only the stages it accepts (by Stage.Key):
	// replicas that split the stages by a stable hash never poll, and so
	// never notify, the same stage. Discovery still lists everything.
	Shard func(stageKey string) bool
}

// AWSOptions builds the SDK clients.
type AWSOptions struct {
	// EndpointURL, when set, is the base endpoint of every service (the
	// emulator, a VPC endpoint proxy).
	EndpointURL string
	Region      string   // default region, default "us-east-1"
	Regions     []string // regions of the default account; default [Region]
	// Credentials replaces the default credential chain (static keys in tests).
	Credentials aws.CredentialsProvider
	HTTPClient  *http.Client
	// RetryMode is the SDK's retryer: "standard" (jittered exponential
	// backoff) or "adaptive" (the same, and a client-side rate that drops
	// while AWS throttles).
	RetryMode string
	// MaxAttempts is the SDK's total attempts per call, the first included.
	MaxAttempts int
	// MaxBackoff caps the SDK's jittered exponential backoff.
	MaxBackoff time.Duration
}

// Account is one AWS account to watch, reached through an assumed role.
type Account struct {
	ID string
	// Name labels the account in messages; empty shows the id.
	Name       string
	RoleARN    string // empty: the default credentials
	ExternalID string
	Regions    []string // empty: AWSOptions.Regions
}

// Target names stages explicitly.
type Target struct {
	APIType stage.APIType // REST, HTTP or WEBSOCKET; unknown matches every type
	API     string        // API name or id
	Stages  []string      // empty: every stage
	Account string        // empty: every account
	Region  string        // empty: every region
}

// Discovery selects APIs when no Targets are given.
type Discovery struct {
	Enabled  bool
	APITypes []stage.APIType   // empty: REST, HTTP and WebSocket
	Include  *regexp.Regexp    // on the API name; nil matches all
	Exclude  *regexp.Regexp    // on the API name; nil matches none
	Tags     map[string]string // every tag must match (Tagging GetResources)
	// ExcludeTags drops APIs carrying any one of these tags (checked on the
	// tags GetRestApis and GetApis return with each API).
	ExcludeTags map[string]string
	Refresh     time.Duration // discovery cache TTL
}

// Thresholds decide when a period breaches and when a stage trips/clears.
type Thresholds struct {
	ErrorRate   float64       // 5xx share of requests, 0..1
	Min5xx      float64       // minimum 5xx count in the period
	LatencyStat string        // percentile statistic ("p99")
	Latency     time.Duration // breach at or above; 0 disables
	M, N        int           // trip when M of the last N periods breach
	ClearAfter  int           // clean periods with traffic to clear
	// MaskedMin: a period breaches when at least this many errors of the
	// functions behind a stage's custom Lambda integrations went out as
	// 2xx (lambda_error_masked_as_200); negative turns it off.
	MaskedMin float64
}

// ThresholdsOf maps a configuration's thresholds onto the collector's.
func ThresholdsOf(t config.Thresholds) Thresholds {
	masked := float64(t.Masked200MinErrors)
	if masked == 0 {
		masked = -1 // 0 turns the check off
	}
	return Thresholds{ErrorRate: t.ErrorRate, Min5xx: float64(t.Min5xxCount), LatencyStat: t.LatencyPercentile,
		Latency: t.Latency, M: t.MOfN.M, N: t.MOfN.N, ClearAfter: t.ClearAfter, MaskedMin: masked}
}

// DefaultThresholds are used where Options.Thresholds returns zero fields:
// those of an empty configuration file.
func DefaultThresholds() Thresholds {
	return ThresholdsOf(config.Default().Thresholds.Thresholds)
}

// LogsOptions configures evidence pulling.
type LogsOptions struct {
	// Insights turns on Logs Insights; off, evidence comes from
	// FilterLogEvents spot look-ups.
	Insights bool
	// Lookback widens the evidence window before the trip.
	Lookback time.Duration
	// MaxRequests caps the failing request ids sampled.
	MaxRequests    int
	ExtraLogGroups []string
	// FilterTPS limits FilterLogEvents per account; AWS allows 5 TPS per
	// account and region, shared with every other tool, so never above 5.
	FilterTPS float64
	// QueryTimeout bounds the wait for one Logs Insights query; the query
	// is stopped then, and the evidence comes from the other sources.
	QueryTimeout time.Duration
}

// Prices are the list prices used for the cost projection (us-east-1).
type Prices struct {
	PerThousandMetrics float64 // GetMetricData, per 1,000 metrics requested
	PerGBScanned       float64 // Logs Insights, per GB scanned
}

// setDefaults fills the zero fields with the values an empty
// configuration file gives (config.Default is the one place that holds
// them), so a collector built without a configuration behaves the same.
func (o *Options) setDefaults() {
	d := config.Default()
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Registerer == nil {
		o.Registerer = prometheus.NewRegistry()
	}
	o.AWS.setDefaults(d.AWS)
	if o.Thresholds == nil {
		o.Thresholds = func(string, string) Thresholds { return DefaultThresholds() }
	}
	setDuration(&o.Interval, d.Collector.Interval)
	setDuration(&o.Period, d.Collector.Period)
	setDuration(&o.Delay, d.Collector.Delay)
	setInt(&o.Reread, d.Collector.RereadPeriods)
	setInt(&o.Concurrency, d.Collector.Concurrency)
	setDuration(&o.LatencyEvery, d.Collector.LatencyInterval)
	setDuration(&o.Discovery.Refresh, d.Discovery.RefreshInterval)
	o.Logs.setDefaults(d.Logs)
	if o.Prices.PerThousandMetrics == 0 {
		o.Prices.PerThousandMetrics = d.Costs.MetricsPer1000
	}
	if o.Prices.PerGBScanned == 0 {
		o.Prices.PerGBScanned = d.Costs.InsightsPerGB
	}
}

func (a *AWSOptions) setDefaults(d config.AWS) {
	if a.Region == "" {
		a.Region = "us-east-1"
	}
	if len(a.Regions) == 0 {
		a.Regions = []string{a.Region}
	}
	if a.RetryMode == "" {
		a.RetryMode = d.RetryMode
	}
	setInt(&a.MaxAttempts, d.MaxAttempts)
	setDuration(&a.MaxBackoff, d.MaxBackoff)
}

func (l *LogsOptions) setDefaults(d config.Logs) {
	setDuration(&l.Lookback, d.Lookback)
	setInt(&l.MaxRequests, d.MaxRequestsSampled)
	if l.FilterTPS <= 0 {
		l.FilterTPS = d.FilterLogEventsTPS
	}
	l.FilterTPS = min(l.FilterTPS, 5)
	setDuration(&l.QueryTimeout, d.QueryTimeout)
}

// withDefaults fills the zero fields of t from DefaultThresholds.
func (t Thresholds) withDefaults() Thresholds {
	d := DefaultThresholds()
	if t.ErrorRate <= 0 {
		t.ErrorRate = d.ErrorRate
	}
	if t.Min5xx <= 0 {
		t.Min5xx = d.Min5xx
	}
	if t.LatencyStat == "" {
		t.LatencyStat = d.LatencyStat
	}
	if t.N <= 0 {
		t.N = d.N
	}
	if t.M <= 0 || t.M > t.N {
		t.M = min(d.M, t.N)
	}
	if t.ClearAfter <= 0 {
		t.ClearAfter = d.ClearAfter
	}
	if t.MaskedMin == 0 {
		t.MaskedMin = d.MaskedMin
	}
	return t
}

func setDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

func setInt(n *int, def int) {
	if *n <= 0 {
		*n = def
	}
}
