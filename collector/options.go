package collector

import (
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
)

// Options configures a Collector. The daemon maps its configuration onto
// it; zero values take the defaults documented on each field.
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

	Interval time.Duration // poll interval, default 60 s
	Period   time.Duration // CloudWatch period, default 60 s
	// Delay keeps the window clear of minutes CloudWatch has not finished
	// aggregating: 1-minute data is complete after about 2 minutes
	// (anchors.md 7.4), so the default is 2 m.
	Delay time.Duration
	// Reread is how many periods each poll reads again, so late samples
	// revise datapoints already seen; default 3.
	Reread int
	// LatencyEvery is how often the latency percentile of a stage with a
	// latency threshold is read while its screens show no 5xx to look at:
	// one billed metric per stage each time, so 5 m at a 60 s interval
	// adds 0.2 metric per stage per poll. Default 5 m.
	LatencyEvery time.Duration
	// Watching, when set, says whether a stage's incident is open: such a
	// stage is read in full every poll, so that it can clear.
	Watching func(stageKey string) bool

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
	// MaxAttempts is the SDK's total attempts per call, default 8: with
	// half of all calls throttled the chance to lose one is 0.5^8 = 0.4 %.
	MaxAttempts int
	// MaxBackoff caps the SDK's jittered exponential backoff, default 5 s.
	MaxBackoff time.Duration
}

// Account is one AWS account to watch, reached through an assumed role.
type Account struct {
	ID         string
	RoleARN    string // empty: the default credentials
	ExternalID string
	Regions    []string // empty: AWSOptions.Regions
}

// Target names stages explicitly.
type Target struct {
	APIType stage.APIType // REST or HTTP; unknown matches both
	API     string        // API name or id
	Stages  []string      // empty: every stage
	Account string        // empty: every account
	Region  string        // empty: every region
}

// Discovery selects APIs when no Targets are given.
type Discovery struct {
	Enabled  bool
	APITypes []stage.APIType   // empty: REST and HTTP
	Include  *regexp.Regexp    // on the API name; nil matches all
	Exclude  *regexp.Regexp    // on the API name; nil matches none
	Tags     map[string]string // every tag must match (Tagging GetResources)
	// ExcludeTags drops APIs carrying any one of these tags (checked on the
	// tags GetRestApis and GetApis return with each API).
	ExcludeTags map[string]string
	Refresh     time.Duration // discovery cache TTL, default 10 m
}

// Thresholds decide when a period breaches and when a stage trips/clears.
type Thresholds struct {
	ErrorRate   float64       // 5xx share of requests, 0..1, default 0.05
	Min5xx      float64       // minimum 5xx count in the period, default 5
	LatencyStat string        // percentile statistic, default "p99"
	Latency     time.Duration // breach at or above; 0 disables
	M, N        int           // trip when M of the last N periods breach; default 2 of 3
	ClearAfter  int           // clean periods with traffic to clear; default 5
	// MaskedMin: a period breaches when at least this many errors of the
	// functions behind a stage's custom Lambda integrations went out as
	// 2xx (lambda_error_masked_as_200); default 5, negative turns it off.
	MaskedMin float64
}

// DefaultThresholds are used where Options.Thresholds returns zero fields.
func DefaultThresholds() Thresholds {
	return Thresholds{ErrorRate: 0.05, Min5xx: 5, LatencyStat: "p99", M: 2, N: 3, ClearAfter: 5, MaskedMin: 5}
}

// LogsOptions configures evidence pulling.
type LogsOptions struct {
	// Insights turns on Logs Insights; off, evidence comes from
	// FilterLogEvents spot look-ups.
	Insights bool
	// Lookback widens the evidence window before the trip, default 1 period.
	Lookback time.Duration
	// MaxRequests caps the failing request ids sampled, default 20.
	MaxRequests    int
	ExtraLogGroups []string
	// FilterTPS limits FilterLogEvents per account; AWS allows 5 TPS per
	// account and region, shared with every other tool, so default 2 and
	// never above 5.
	FilterTPS float64
}

// Prices are the list prices used for the cost projection (us-east-1).
type Prices struct {
	PerThousandMetrics float64 // GetMetricData, default $0.01 per 1,000 metrics requested
	PerGBScanned       float64 // Logs Insights, default $0.005 per GB scanned
}

func (o *Options) setDefaults() {
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Registerer == nil {
		o.Registerer = prometheus.NewRegistry()
	}
	o.AWS.setDefaults()
	if o.Thresholds == nil {
		o.Thresholds = func(string, string) Thresholds { return DefaultThresholds() }
	}
	setDuration(&o.Interval, time.Minute)
	setDuration(&o.Period, time.Minute)
	setDuration(&o.Delay, 2*time.Minute)
	if o.Reread <= 0 {
		o.Reread = 3
	}
	setDuration(&o.LatencyEvery, 5*time.Minute)
	setDuration(&o.Discovery.Refresh, 10*time.Minute)
	o.Logs.setDefaults(o.Period)
	if o.Prices.PerThousandMetrics == 0 {
		o.Prices.PerThousandMetrics = 0.01
	}
	if o.Prices.PerGBScanned == 0 {
		o.Prices.PerGBScanned = 0.005
	}
}

func (a *AWSOptions) setDefaults() {
	if a.Region == "" {
		a.Region = "us-east-1"
	}
	if len(a.Regions) == 0 {
		a.Regions = []string{a.Region}
	}
	if a.MaxAttempts <= 0 {
		a.MaxAttempts = 8
	}
	setDuration(&a.MaxBackoff, 5*time.Second)
}

func (l *LogsOptions) setDefaults(period time.Duration) {
	setDuration(&l.Lookback, period)
	if l.MaxRequests <= 0 {
		l.MaxRequests = 20
	}
	if l.FilterTPS <= 0 {
		l.FilterTPS = 2
	}
	l.FilterTPS = min(l.FilterTPS, 5)
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
