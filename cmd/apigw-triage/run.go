package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
)

// runDaemon is `apigw-triage run --config FILE`: the production daemon.
func runDaemon(ctx context.Context, args []string, s streams) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	path := fs.String("config", "", "configuration file (YAML)")
	fromEnv := fs.String("config-env", "", "read the configuration from this environment variable instead of a file (ECS secrets, SSM parameters)")
	speed := fs.Float64("emulated-speed", 0, "with --emulated-time-zero: run on emulated time, this many times faster than wall time (against an emulator only)")
	zero := fs.String("emulated-time-zero", "", "RFC 3339 wall instant from which emulated time runs --emulated-speed times faster")
	webConfig := fs.String("web.config.file", "", "web configuration (TLS, basic auth) for every HTTP endpoint, as prometheus/exporter-toolkit defines it")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*path == "") == (*fromEnv == "") || fs.NArg() > 0 {
		_, _ = fmt.Fprintln(s.stderr, "usage: apigw-triage run --config FILE | --config-env VAR [--web.config.file FILE]")
		return 2
	}
	clk, err := runClock(*speed, *zero)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage run: %v\n", err)
		return 2
	}
	cfg, err := loadConfig(*path, *fromEnv, s.getenv)
	if err != nil {
		_, _ = fmt.Fprintln(s.stderr, strings.TrimRight(err.Error(), "\n"))
		return 1
	}
	logger := newLogger(s.stderr, cfg.Log)
	d, closeStore, err := daemon.Build(cfg, daemon.Env{Clock: clk, Logger: logger, WebConfigFile: *webConfig})
	if err != nil {
		logger.Error("cannot start", "err", err)
		return 1
	}
	defer func() {
		if err := closeStore(); err != nil {
			logger.Error("closing the incident store", "err", err)
		}
	}()
	if err := d.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		logger.Error("daemon stopped", "err", err)
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

// newLogger builds the process's slog logger from the log settings.
func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
