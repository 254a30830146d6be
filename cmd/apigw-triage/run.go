package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/notifier/console"
)

// runOptions are the flags of `apigw-triage run`.
type runOptions struct {
	path, fromEnv string
	speed         float64
	zero          string
	once, quiet   bool
	console       bool
	webConfig     string
}

func parseRunFlags(args []string, s streams) (runOptions, int) {
	var o runOptions
	fs := newCmdFlags("run", "apigw-triage run --config FILE | --config-env VAR [--web.config.file FILE] [--once [--quiet]] [--console]",
		"Runs the daemon: polls CloudWatch, diagnoses tripped stages, notifies the configured sinks, and\n"+
			"serves /, /metrics, /healthz, /readyz and /api/incidents on server.listen.\n"+
			"--once polls once instead and prints one line per stage; exit 0 when every account and region\n"+
			"answered and no stage tripped, 1 when a poll failed, 4 when a stage tripped.",
		"apigw-triage run --config config.yaml",
		"apigw-triage run --config config.yaml --once --quiet",
		"apigw-triage run --config emulator.yaml --console --emulated-speed 60 --emulated-time-zero 2026-12-01T17:00:00Z")
	fs.StringVar(&o.path, "config", "", "configuration file (YAML)")
	fs.StringVar(&o.fromEnv, "config-env", "", "read the configuration from this environment variable instead of a file (ECS secrets, SSM parameters)")
	fs.Float64Var(&o.speed, "emulated-speed", 0, "with --emulated-time-zero: run on emulated time, this many times faster than wall time (against an emulator only)")
	fs.StringVar(&o.zero, "emulated-time-zero", "", "RFC 3339 wall instant from which emulated time runs --emulated-speed times faster")
	fs.BoolVar(&o.once, "once", false, "poll once, print a line per stage and exit (no notification, no HTTP server, no incident store)")
	fs.BoolVar(&o.quiet, "quiet", false, "with --once: print only the stages that tripped")
	fs.StringVar(&o.webConfig, "web.config.file", "", "web configuration (TLS, basic auth) for every HTTP endpoint, as prometheus/exporter-toolkit defines it")
	fs.BoolVar(&o.console, "console", false, "also print every notification to standard output, as the demo does")
	if code := fs.parse(args, s); code >= 0 {
		return o, code
	}
	if (o.path == "") == (o.fromEnv == "") || fs.NArg() > 0 {
		return o, fs.usageError(s, "give --config FILE or --config-env VAR, and no other argument")
	}
	if o.quiet && !o.once {
		return o, fs.usageError(s, "--quiet goes with --once")
	}
	if _, err := runClock(o.speed, o.zero); err != nil {
		return o, fs.usageError(s, "%v", err)
	}
	return o, -1
}

// runDaemon is `apigw-triage run --config FILE`: the production daemon.
func runDaemon(ctx context.Context, args []string, s streams) int {
	o, code := parseRunFlags(args, s)
	if code >= 0 {
		return code
	}
	clk, _ := runClock(o.speed, o.zero) // checked with the flags
	cfg, err := loadConfig(o.path, o.fromEnv, s.getenv)
	if err != nil {
		_, _ = fmt.Fprintln(s.stderr, strings.TrimRight(err.Error(), "\n"))
		return 1
	}
	logger := daemon.NewLogger(s.stderr, cfg.Log)
	for _, w := range cfg.Warnings {
		logger.Warn("configuration", "warning", w)
	}
	env := daemon.Env{Clock: clk, Logger: logger, WebConfigFile: o.webConfig}
	if o.once {
		return runOnce(ctx, cfg, env, o.quiet, s)
	}
	if o.console {
		env.ExtraSinks = []notifier.Notifier{console.New(s.stdout, nil)}
	}
	load := func() (*config.Config, error) { return loadConfig(o.path, o.fromEnv, s.getenv) }
	tuneMemory(s.getenv)
	return serveReloading(ctx, cfg, env, load, s.hup, s.stderr)
}

// serveDaemon runs the daemon until ctx ends.
func serveDaemon(ctx context.Context, cfg *config.Config, env daemon.Env) int {
	d, closeStore, err := daemon.Build(cfg, env)
	if err != nil {
		env.Logger.Error("cannot start", "err", err)
		return 1
	}
	defer func() {
		if err := closeStore(); err != nil {
			env.Logger.Error("closing the incident store", "err", err)
		}
	}()
	if err := d.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		env.Logger.Error("daemon stopped", "err", err)
		return 1
	}
	return 0
}

// loadConfig reads the configuration from a file or an environment variable.
func loadConfig(path, envVar string, getenv func(string) string) (*config.Config, error) {
	if envVar != "" {
		data := getenv(envVar)
		if data == "" {
			return nil, fmt.Errorf("$%s:1:1: environment variable is empty or unset", envVar)
		}
		return config.Parse([]byte(data), "$"+envVar, getenv)
	}
	return config.Load(path, getenv)
}
