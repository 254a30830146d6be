package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/notifier/console"
)

type demoOptions struct {
	listen   string
	duration time.Duration
	speed    float64
	webhook  string
	scenario string
	logLevel string
	webCfg   string
}

// runDemo is `apigw-triage demo`: the emulator's catalog scenario and the
// real daemon against it through the real AWS SDK, on one emulated clock,
// with every notification printed to standard output.
func runDemo(ctx context.Context, args []string, s streams) int {
	o, ok := parseDemoFlags(args, s)
	if !ok {
		return 2
	}
	if o.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.duration)
		defer cancel()
	}
	if err := demo(ctx, o, s); err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage demo: %v\n", err)
		return 1
	}
	return 0
}

func parseDemoFlags(args []string, s streams) (demoOptions, bool) {
	var o demoOptions
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	fs.StringVar(&o.listen, "listen", "127.0.0.1:9108", "address for /metrics, /healthz, /readyz and /api/incidents")
	fs.DurationVar(&o.duration, "duration", 0, "stop after this much wall time (0: until interrupted)")
	fs.Float64Var(&o.speed, "speed", 60, "emulated seconds per wall second")
	fs.StringVar(&o.webhook, "slack-webhook-url", "", "also post each notification to this Slack incoming webhook")
	fs.StringVar(&o.scenario, "scenario", "catalog", "emulator scenario: catalog, fleet:N or a scenario file")
	fs.StringVar(&o.webCfg, "web.config.file", "", "web configuration (TLS, basic auth) for every HTTP endpoint, as prometheus/exporter-toolkit defines it")
	fs.StringVar(&o.logLevel, "log-level", "warn", "daemon log level on standard error: debug, info, warn or error")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if fs.NArg() > 0 {
			_, _ = fmt.Fprintf(s.stderr, "apigw-triage demo: unexpected argument %q\n", fs.Arg(0))
		}
		return o, false
	}
	if o.speed <= 0 {
		_, _ = fmt.Fprintln(s.stderr, "apigw-triage demo: --speed must be positive")
		return o, false
	}
	return o, true
}

func demo(ctx context.Context, o demoOptions, s streams) error {
	sc, err := scenario.Open(o.scenario)
	if err != nil {
		return err
	}
	start := time.Now().UTC().Truncate(time.Minute)
	clk := clock.NewScaled(start, o.speed)
	world := scenario.NewWorld(sc, clk, start)
	logger := newLogger(s.stderr, config.Log{Level: o.logLevel})

	emuURL, stopEmu, err := serveDemoEmulator(world, logger)
	if err != nil {
		return err
	}
	defer stopEmu()

	dir, err := os.MkdirTemp("", "apigw-triage-demo-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	cfg, err := daemon.EmulatorConfig(daemon.EmulatorSettings{
		Endpoint: emuURL, Account: world.Accounts()[0], Listen: o.listen,
		StatePath: filepath.Join(dir, "incidents.db"), WebhookURL: o.webhook,
	}, s.getenv)
	if err != nil {
		return err
	}
	out := &wallTimed{inner: console.New(s.stdout, nil), w: s.stdout, start: time.Now()}
	d, closeStore, err := daemon.Build(cfg, daemon.Env{
		Clock: clk, Logger: logger, ExtraSinks: []notifier.Notifier{out}, WebConfigFile: o.webCfg,
	})
	if err != nil {
		return err
	}
	defer func() { _ = closeStore() }()
	_, _ = fmt.Fprintf(s.stdout, "apigw-triage demo: scenario %s, %d failure episodes, emulated time ×%g from %s\n",
		sc.Name, len(world.Episodes()), o.speed, start.Format(time.RFC3339))
	_, _ = fmt.Fprintf(s.stdout, "emulated AWS at %s; metrics at http://%s/metrics, incidents at http://%s/api/incidents\n\n",
		emuURL, d.Addr(), d.Addr())
	if err := d.Run(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// serveDemoEmulator serves the emulated AWS on a free loopback port.
func serveDemoEmulator(world *scenario.World, logger *slog.Logger) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: emulator.NewServer(world, emulator.Options{Logger: logger.With("component", "emulator")}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return "http://" + ln.Addr().String(), stop, nil
}
