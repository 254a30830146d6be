package main

import (
	"context"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
)

// reloadStatus is the outcome of the last configuration reload, exported
// as Prometheus exports its own (prometheus_config_last_reload_successful).
// It outlives each daemon a reload replaces, so its collectors are made
// once and registered with every daemon's registry.
type reloadStatus struct {
	ok         atomic.Bool
	at         atomic.Int64 // unix seconds of the last successful load
	collectors []prometheus.Collector
}

func newReloadStatus(now time.Time) *reloadStatus {
	r := &reloadStatus{}
	r.set(true, now)
	r.collectors = []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "apigw_triage_config_last_reload_successful",
			Help: "1 when the last configuration load (at start or on SIGHUP) succeeded, 0 when the file was refused and the previous configuration kept.",
		}, func() float64 {
			if r.ok.Load() {
				return 1
			}
			return 0
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "apigw_triage_config_last_reload_success_timestamp_seconds",
			Help: "Unix time of the last successful configuration load.",
		}, func() float64 { return float64(r.at.Load()) }),
	}
	return r
}

func (r *reloadStatus) set(ok bool, now time.Time) {
	r.ok.Store(ok)
	if ok {
		r.at.Store(now.Unix())
	}
}

// serveReloading runs the daemon until ctx ends. On SIGHUP it loads the
// configuration again: a file that does not load is logged and counted,
// and the daemon goes on with the configuration it has; a good one replaces
// the daemon, which is drained as on SIGTERM and built again on the same
// incident store, so its outbox carries over (nothing lost, nothing sent
// twice). The HTTP port is closed for the moment of the switch.
func serveReloading(ctx context.Context, cfg *config.Config, env daemon.Env, load func() (*config.Config, error),
	hup <-chan os.Signal, stderr io.Writer) int {
	status := newReloadStatus(time.Now())
	env.Collectors = append(env.Collectors, status.collectors...)
	for {
		runCtx, stop := context.WithCancel(ctx)
		next := make(chan *config.Config, 1)
		go awaitReload(runCtx, env, load, hup, status, next, stop)
		code := serveDaemon(runCtx, cfg, env)
		stop()
		select {
		case cfg = <-next:
			env.Logger = daemon.NewLogger(stderr, cfg.Log)
			env.Logger.Info("configuration reloaded", "config", cfg.String())
		default:
			return code
		}
	}
}

// awaitReload waits for SIGHUP until ctx ends; it hands a configuration
// that loads to next and stops the running daemon.
func awaitReload(ctx context.Context, env daemon.Env, load func() (*config.Config, error), hup <-chan os.Signal,
	status *reloadStatus, next chan<- *config.Config, stop context.CancelFunc) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
		}
		cfg, err := load()
		if err != nil {
			status.set(false, time.Now())
			env.Logger.Error("configuration reload refused; keeping the running configuration", "err", err)
			continue
		}
		status.set(true, time.Now())
		for _, w := range cfg.Warnings {
			env.Logger.Warn("configuration", "warning", w)
		}
		next <- cfg
		stop()
		return
	}
}
