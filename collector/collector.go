// Package collector watches API Gateway stages in CloudWatch: it discovers
// the stages, polls their 5xx and latency metrics in batched GetMetricData
// calls, evaluates thresholds, pulls the log evidence of a tripped stage,
// and accounts for what all of it costs.
package collector

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"golang.org/x/time/rate"

	"github.com/apigw-triage/apigw-triage/clock"
)

// Collector polls CloudWatch for a set of accounts and regions. Its
// methods are safe for concurrent use; overlapping polls are refused.
type Collector struct {
	opts    Options
	clk     clock.Clock
	log     *slog.Logger
	metrics *metrics
	regions []*region
	base    aws.Config // the SDK configuration every client starts from

	pollMu sync.Mutex // held during a poll; TryLock refuses overlaps

	mu     sync.Mutex
	disc   map[string]*discovered // by region id
	series map[string]*series     // by stage key
	watch  map[string]*watch      // screening state, by stage key
	health map[string]regionHealth
	cost   costState
	warned map[string]bool           // conditions already logged
	fns    map[string]cachedFunction // Lambda configurations read on trips, by region and name
	fnErrs map[string]fnErrors       // Lambda Errors of custom-integrated functions, by region and name
}

// regionHealth is the outcome of the last poll of one region.
type regionHealth struct {
	lastOK time.Time
	err    error
}

// ErrPollInProgress is returned by Poll while another poll runs: a slow
// poll makes the next tick skip, never queue.
var ErrPollInProgress = errors.New("poll already in progress")

// New builds a collector with real SDK clients from opts.AWS.
func New(opts Options) (*Collector, error) {
	opts.setDefaults()
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("collector metrics: %w", err)
	}
	base, err := baseConfig(opts.AWS, m, opts.Logger)
	if err != nil {
		return nil, err
	}
	c := newCollector(opts, m)
	c.base = base
	for _, acc := range accounts(opts) {
		cfg := accountConfig(base, acc)
		limit := rate.NewLimiter(rate.Limit(opts.Logs.FilterTPS), 1)
		for _, r := range acc.Regions {
			c.regions = append(c.regions, newRegion(cfg, acc, r, limit))
		}
	}
	return c, nil
}

// newCollector builds the collector without clients; tests add fakes.
func newCollector(opts Options, m *metrics) *Collector {
	return &Collector{
		opts:    opts,
		clk:     opts.Clock,
		log:     opts.Logger,
		metrics: m,
		disc:    map[string]*discovered{},
		series:  map[string]*series{},
		watch:   map[string]*watch{},
		health:  map[string]regionHealth{},
		warned:  map[string]bool{},
		fns:     map[string]cachedFunction{},
	}
}

// accounts returns the configured accounts with their regions filled in;
// none configured means the default credentials' account.
func accounts(opts Options) []Account {
	accs := opts.Accounts
	if len(accs) == 0 {
		accs = []Account{{}}
	}
	out := make([]Account, len(accs))
	for i, a := range accs {
		if a.ID == "" {
			a.ID = ambientAccount
		}
		if len(a.Regions) == 0 {
			a.Regions = opts.AWS.Regions
		}
		out[i] = a
	}
	return out
}

// Stages returns the stages currently monitored, sorted by key.
func (c *Collector) Stages() []Stage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Stage
	for _, d := range c.disc {
		out = append(out, d.stages...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Ready returns nil when the last poll of every account and region
// succeeded within three intervals; otherwise it names those that did not.
func (c *Collector) Ready() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.clk.Now()
	var bad []string
	for _, r := range c.regions {
		h, ok := c.health[r.id()]
		switch {
		case !ok:
			bad = append(bad, r.id()+": not polled yet")
		case h.err != nil:
			bad = append(bad, fmt.Sprintf("%s: %v", r.id(), h.err))
		case now.Sub(h.lastOK) > 3*c.opts.Interval:
			bad = append(bad, fmt.Sprintf("%s: last success %s ago", r.id(), now.Sub(h.lastOK)))
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}
