// Package daemon wires the flow together: the collector polls CloudWatch,
// a tripped stage's evidence goes to the classifier, the incident manager
// keeps the lifecycle and the outbox, the dispatchers deliver to the sinks,
// and the HTTP server exposes /metrics, /healthz, /readyz and /api/incidents.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// Collector is what the daemon asks of the collector.
type Collector interface {
	Poll(ctx context.Context) (*collector.PollResult, error)
	Evidence(ctx context.Context, st collector.Stage, start, end time.Time) (*collector.Evidence, error)
	Ready() error
}

// Refresher is a sink that wants the open incidents after every poll
// (Alertmanager re-sends firing alerts so they do not expire).
type Refresher interface {
	Refresh(ctx context.Context, open []notifier.Snapshot) error
}

// Runner is a background loop the daemon starts and drains on shutdown (the
// outbox dispatchers).
type Runner interface {
	Run(ctx context.Context) error
}

// Options are the parts of a daemon; Build makes them from a configuration.
type Options struct {
	Clock      clock.Clock // drives polls and windows; the emulator's clock in the demo
	Logger     *slog.Logger
	Registry   *prometheus.Registry
	Collector  Collector
	Incidents  *incident.Manager
	IncidentsH http.Handler // serves /api/incidents
	PageH      http.Handler // serves the incident page at /
	Runners    []Runner
	Refreshers []Refresher
	Listen     string
	// WebConfigFile is a prometheus/exporter-toolkit web configuration (TLS,
	// basic auth) applied to every endpoint; empty serves plain HTTP.
	WebConfigFile string
	// IdleTimeout closes keep-alive connections idle that long (default 2m).
	IdleTimeout time.Duration
	Interval    time.Duration
	// ShutdownTimeout bounds the drain of the runners and the HTTP server.
	ShutdownTimeout time.Duration
	// Lang is the language of the diagnosis kept with the incident; sinks
	// render their own route's language from the cause.
	Lang classifier.Lang
	// RediagnoseEvery re-reads the evidence of an open incident every that
	// many polls, so a changed cause is noticed (logs.rediagnose_interval;
	// default config.RediagnosePolls). It is also the longest wait between
	// re-reads of evidence that failed in part.
	RediagnoseEvery int
	// EvidenceConcurrency bounds parallel evidence pulls in one poll (default 4).
	EvidenceConcurrency int
	// AnnounceEarly: a trip whose evidence is still being read after
	// DiagnosisWait opens its incident without a diagnosis, announced at
	// once, and the diagnosis follows as an update. Off, every incident
	// waits for its diagnosis (alarm mode, whose alarms bring no figures
	// to announce before the evidence does).
	AnnounceEarly bool
	DiagnosisWait time.Duration
	// SelfPaced: the collector's Poll waits for work itself (alarm mode's
	// long poll), so the next poll starts at once instead of an Interval
	// later.
	SelfPaced bool
	// OnPoll, when set, is called after every poll (tests, the demo's progress).
	OnPoll func(*collector.PollResult)
}

// Daemon is a running apigw-triage.
type Daemon struct {
	opts    Options
	log     *slog.Logger
	metrics *metrics
	srv     *server

	mu       sync.Mutex
	lastPoll time.Time // clock time of the last poll that reached AWS
	lastErr  error
	polls    int
	reads    map[string]lastRead // stage key -> its last evidence read
	seen     map[string]bool
}

// New binds the listener and registers the daemon's metrics.
func New(opts Options) (*Daemon, error) {
	if opts.Collector == nil || opts.Incidents == nil || opts.Registry == nil {
		return nil, errors.New("daemon: collector, incidents and registry are required")
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	opts.Interval = orDefault(opts.Interval, time.Minute)
	opts.ShutdownTimeout = orDefault(opts.ShutdownTimeout, config.Default().Server.ShutdownTimeout)
	if opts.RediagnoseEvery <= 0 {
		opts.RediagnoseEvery = config.RediagnosePolls
	}
	if opts.EvidenceConcurrency <= 0 {
		opts.EvidenceConcurrency = 4
	}
	if opts.Lang == "" {
		opts.Lang = classifier.LangEN
	}
	d := &Daemon{opts: opts, log: opts.Logger, reads: map[string]lastRead{}, seen: map[string]bool{}}
	d.metrics = newMetrics(opts.Registry)
	srv, err := listen(opts.Listen, newMux(opts.Registry, d.Ready, opts.IncidentsH, opts.PageH), opts)
	if err != nil {
		return nil, err
	}
	d.srv = srv
	return d, nil
}

// Addr is the address the HTTP server listens on.
func (d *Daemon) Addr() string { return d.srv.Addr() }

// Run serves and polls until ctx is done, then shuts down in order: stop
// polling, let the dispatchers finish their in-flight call (they keep
// undelivered notifications in the store), stop the HTTP server.
func (d *Daemon) Run(ctx context.Context) error {
	bg, stopBG := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, r := range d.opts.Runners {
		wg.Go(func() {
			if err := r.Run(bg); err != nil && !errors.Is(err, context.Canceled) {
				d.log.Error("dispatcher stopped", "err", err)
			}
		})
	}
	srvCtx, stopSrv := context.WithCancel(context.Background())
	srvErr := make(chan error, 1)
	go func() { srvErr <- d.srv.serve(srvCtx, d.opts.ShutdownTimeout) }()

	d.log.Info("daemon started", "listen", d.Addr(), "interval", d.opts.Interval)
	d.loop(ctx)

	d.log.Info("shutting down")
	stopBG()
	drained := make(chan struct{})
	go func() { wg.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(d.opts.ShutdownTimeout):
		d.log.Warn("dispatchers did not stop in time; undelivered notifications stay in the store")
	}
	stopSrv()
	if err := <-srvErr; err != nil {
		return fmt.Errorf("http server: %w", err)
	}
	return nil
}

// loop polls at start, then once per interval of the daemon's clock. A poll
// that takes longer than the interval delays the next one; polls never queue.
func (d *Daemon) loop(ctx context.Context) {
	for {
		d.pollOnce(ctx)
		if d.opts.SelfPaced && d.lastPollOK() {
			if ctx.Err() != nil {
				return
			}
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-d.opts.Clock.After(d.opts.Interval):
		}
	}
}

// lastPollOK: a self-paced poll that failed waits an interval before the
// next, so an unreachable queue is not retried in a tight loop.
func (d *Daemon) lastPollOK() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.lastErr == nil
}

// Ready reports nil when the last poll succeeded recently for every account
// and region (the collector says which failed).
func (d *Daemon) Ready() error {
	d.mu.Lock()
	last, lastErr := d.lastPoll, d.lastErr
	d.mu.Unlock()
	if lastErr != nil {
		// before the first success too: a first poll that failed (no
		// credentials, no network) says why, not that none has completed
		return lastErr
	}
	if last.IsZero() {
		return errors.New("no poll has completed yet")
	}
	if err := d.opts.Incidents.Healthy(); err != nil {
		return err
	}
	if age := d.opts.Clock.Now().Sub(last); age > 3*d.opts.Interval {
		return fmt.Errorf("last successful poll was %s ago", age.Round(time.Second))
	}
	return d.opts.Collector.Ready()
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Incidents is the daemon's incident manager (the demo's summary reads it).
func (d *Daemon) Incidents() *incident.Manager { return d.opts.Incidents }
