package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
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
// with every notification printed to standard output and a summary of every
// episode at the end.
func runDemo(ctx context.Context, args []string, s streams) int {
	o, code := parseDemoFlags(args, s)
	if code >= 0 {
		return code
	}
	if err := demo(ctx, o, s); err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage demo: %v\n", err)
		return 1
	}
	return 0
}

// durationUnset is --duration's default: the scenario's own length.
const durationUnset = -1

func parseDemoFlags(args []string, s streams) (demoOptions, int) {
	o := demoOptions{duration: durationUnset}
	fs := newCmdFlags("demo", "apigw-triage demo [--listen ADDR] [--duration D] [--speed N] [--scenario NAME|FILE] [--slack-webhook-url URL]",
		"Runs the built-in AWS emulator's catalog of failures and the real daemon against it, prints each\n"+
			"notification, serves the incident page and /metrics on --listen, and ends with a summary of\n"+
			"every episode: when it was detected, what it was diagnosed as, when it was resolved.",
		"apigw-triage demo",
		"apigw-triage demo --speed 120 --duration 0",
		"apigw-triage demo --slack-webhook-url https://hooks.slack.com/services/T000/B000/XXXX")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:9108", "address for the incident page, /metrics, /healthz, /readyz and /api/incidents")
	fs.Func("duration", "stop after this much wall time, a `duration` such as 2m (default: until every episode of the scenario has resolved; 0: until interrupted)", func(v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return errors.New("must be a duration of 0 or more, such as 2m")
		}
		o.duration = d
		return nil
	})
	fs.Float64Var(&o.speed, "speed", 60, "emulated seconds per wall second")
	fs.StringVar(&o.webhook, "slack-webhook-url", "", "also post each notification to this Slack incoming webhook")
	fs.StringVar(&o.scenario, "scenario", "catalog", "emulator scenario: "+scenario.BuiltinNames+", or a scenario YAML file")
	fs.StringVar(&o.webCfg, "web.config.file", "", "web configuration (TLS, basic auth) for every HTTP endpoint, as prometheus/exporter-toolkit defines it")
	fs.StringVar(&o.logLevel, "log-level", "warn", "daemon log level on standard error: debug, info, warn or error")
	if code := fs.parseNoArgs(args, s); code >= 0 {
		return o, code
	}
	if o.speed <= 0 {
		return o, fs.usageError(s, "--speed must be positive")
	}
	// the demo writes these into a configuration of its own, whose errors
	// would name a file and keys the user never wrote
	if _, _, err := net.SplitHostPort(o.listen); err != nil {
		return o, fs.usageError(s, "--listen must be host:port such as 127.0.0.1:9108 or :9108, not %q", o.listen)
	}
	if u, err := url.Parse(o.webhook); o.webhook != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return o, fs.usageError(s, "--slack-webhook-url must be an http:// or https:// URL such as https://hooks.slack.com/services/...")
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, o.logLevel) {
		return o, fs.usageError(s, "--log-level must be debug, info, warn or error, not %q", o.logLevel)
	}
	return o, -1
}

func demo(ctx context.Context, o demoOptions, s streams) error {
	sc, err := scenario.Open(o.scenario)
	if err != nil {
		return err
	}
	start := time.Now().UTC().Truncate(time.Minute)
	clk := clock.NewScaled(start, o.speed)
	world := scenario.NewWorld(sc, clk, start)
	logger := daemon.NewLogger(s.stderr, config.Log{Level: o.logLevel})

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
	cfg, err := emulatorConfig(emulatorSettings{
		Endpoint: emuURL, Account: world.Accounts()[0], Listen: o.listen,
		StatePath: filepath.Join(dir, "incidents.db"), WebhookURL: o.webhook, Speed: o.speed,
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
	wall := demoWall(o, world, start)
	printDemoStart(s, o, sc.Name, world, start, emuURL, d.Addr(), wall)
	runCtx, cancel := ctx, context.CancelFunc(func() {})
	switch {
	case wall > 0 && o.duration == durationUnset:
		// until the scenario has played out, at most twice the estimate
		runCtx, cancel = context.WithTimeout(ctx, 2*wall)
		go stopWhenSettled(runCtx, cancel, wall, world.Episodes(), d.Incidents().Recent, clk.Now)
	case wall > 0:
		runCtx, cancel = context.WithTimeout(ctx, wall)
	}
	defer cancel()
	if err := d.Run(runCtx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	incs, err := d.Incidents().Recent()
	if err != nil {
		return err
	}
	writeSummary(s.stdout, world.Episodes(), incs, clk.Now())
	return nil
}

// printDemoStart says what runs, where to look, and how long it lasts.
func printDemoStart(s streams, o demoOptions, name string, world *scenario.World, start time.Time, emuURL, addr string, wall time.Duration) {
	_, _ = fmt.Fprintf(s.stdout, "apigw-triage demo: scenario %s, %d failure episodes, emulated time ×%g from %s\n",
		name, len(world.Episodes()), o.speed, start.Format(time.RFC3339))
	_, _ = fmt.Fprintf(s.stdout, "incident page: http://%s/   metrics: http://%s/metrics   emulated AWS: %s\n", addr, addr, emuURL)
	switch {
	case wall > 0 && o.duration == durationUnset:
		_, _ = fmt.Fprintf(s.stdout, "runs until every episode has resolved, about %s of wall time, then prints a summary (Ctrl-C to stop sooner)\n\n", wall.Round(time.Second))
	case wall > 0:
		_, _ = fmt.Fprintf(s.stdout, "runs %s of wall time, then prints a summary (Ctrl-C to stop sooner)\n\n", wall.Round(time.Second))
	default:
		_, _ = fmt.Fprintln(s.stdout, "runs until Ctrl-C, then prints a summary")
		_, _ = fmt.Fprintln(s.stdout)
	}
}

// demoTail is the emulated time after the last episode ends that the
// daemon needs to see it clear (the clear periods, CloudWatch's delay and
// one poll) before the summary.
const demoTail = 8 * time.Minute

// demoWall is how long the demo runs in wall time: --duration when given,
// else an estimate of when the last episode has ended and had time to
// resolve (the demo stops once it has, see stopWhenSettled).
func demoWall(o demoOptions, world *scenario.World, start time.Time) time.Duration {
	if o.duration != durationUnset {
		return o.duration
	}
	var last time.Time
	for _, e := range world.Episodes() {
		if e.End.After(last) {
			last = e.End
		}
	}
	if last.IsZero() {
		return 0
	}
	return time.Duration(float64(last.Add(demoTail).Sub(start)) / o.speed).Round(time.Second)
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
