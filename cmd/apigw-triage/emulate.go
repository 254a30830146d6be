package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// emulateOptions are the flags of apigw-triage emulate.
type emulateOptions struct {
	listen      string
	scenario    string
	speed       float64
	start       string
	seed        int64
	writeConfig string
}

func parseEmulate(args []string, s streams) (emulateOptions, int) {
	var o emulateOptions
	fs := newCmdFlags("emulate", "apigw-triage emulate [--listen ADDR] [--scenario NAME|FILE] [--speed N] [--write-config FILE]",
		"Serves every emulated AWS API (API Gateway, CloudWatch, Logs, Lambda, tagging, STS) on one address,\n"+
			"playing a scenario of failures with emulated time --speed times faster than wall time. It prints\n"+
			"the run command whose clock matches it; --write-config writes the configuration that command reads\n"+
			"(the emulator's endpoint, its dummy credentials, its account).",
		"apigw-triage emulate --write-config emulator.yaml",
		"apigw-triage emulate --listen 127.0.0.1:4566 --scenario fleet:2000 --speed 1")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:4566", "address to serve the emulated AWS APIs on")
	fs.StringVar(&o.scenario, "scenario", "catalog", "built-in scenario ("+scenario.BuiltinNames+") or scenario YAML file")
	fs.Float64Var(&o.speed, "speed", 60, "emulated seconds per wall second (60: the catalog's first failure is announced within a minute)")
	fs.StringVar(&o.start, "start", "", "the scenario's time zero, RFC 3339 (default: now, to the minute)")
	fs.Int64Var(&o.seed, "seed", 1, "seed of the wire layer's throttling decisions")
	fs.StringVar(&o.writeConfig, "write-config", "", "write a daemon configuration for this emulator to FILE (replaced if it exists)")
	if code := fs.parseNoArgs(args, s); code >= 0 {
		return o, code
	}
	if o.speed <= 0 {
		return o, fs.usageError(s, "--speed must be positive")
	}
	if o.start != "" {
		if _, err := time.Parse(time.RFC3339, o.start); err != nil {
			return o, fs.usageError(s, "--start must be an RFC 3339 time such as 2026-12-01T17:00:00Z, not %q", o.start)
		}
	}
	return o, -1
}

// runEmulate serves every emulated AWS API for a scenario on one address,
// with emulated time running --speed times faster than wall time.
func runEmulate(ctx context.Context, args []string, s streams) int {
	o, code := parseEmulate(args, s)
	if code >= 0 {
		return code
	}
	sc, err := scenario.Open(o.scenario)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	}
	// Emulated time is anchored at this wall instant: run, given the same
	// zero and speed, reads the same emulated time in its own process.
	zero := time.Now().UTC()
	start := zero.Truncate(time.Minute)
	if o.start != "" {
		start, _ = time.Parse(time.RFC3339, o.start) // checked with the flags
	}
	clk := anchoredClock{zero: zero, speed: o.speed}
	w := scenario.NewWorld(sc, clk, start)
	logger := slog.New(slog.NewTextHandler(s.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	}
	endpoint := "http://" + ln.Addr().String()
	if err := announceEmulator(s, o, endpoint, w.Accounts()[0], zero); err != nil {
		_ = ln.Close()
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	}
	logger.Info("emulating AWS", "addr", endpoint, "scenario", sc.Name,
		"speed", o.speed, "time_zero", start.Format(time.RFC3339), "episodes", len(w.Episodes()))
	return serveEmulator(ctx, ln, emulator.NewServer(w, emulator.Options{Logger: logger, Seed: o.seed, Clock: clk}), s)
}

// announceEmulator writes the configuration when asked, and prints the run
// command that matches the emulator's clock and address.
func announceEmulator(s streams, o emulateOptions, endpoint, account string, zero time.Time) error {
	cfgPath := o.writeConfig
	if cfgPath != "" {
		text := "# apigw-triage configuration for the emulator at " + endpoint + " (written by apigw-triage emulate).\n" +
			"# The access keys are the emulator's dummies: no AWS account or credentials are needed.\n" +
			emulatorConfigText(emulatorSettings{
				Endpoint: endpoint, Account: account, Listen: "127.0.0.1:9108", StatePath: "apigw-triage-emulator.db",
				Speed: o.speed,
			})
		if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
			return fmt.Errorf("--write-config: %w", err)
		}
	} else {
		cfgPath = "FILE"
		_, _ = fmt.Fprintln(s.stdout, "(--write-config FILE writes the configuration for this emulator)")
	}
	_, _ = fmt.Fprintf(s.stdout, "Emulated AWS at %s. Run the daemon against it, notifications on the terminal:\n", endpoint)
	_, _ = fmt.Fprintf(s.stdout, "  apigw-triage run --config %s --console --emulated-speed %g --emulated-time-zero %s\n",
		cfgPath, o.speed, zero.Format(time.RFC3339Nano))
	return nil
}

// serveEmulator serves until ctx ends, then shuts down within 5 s.
func serveEmulator(ctx context.Context, ln net.Listener, h http.Handler, s streams) int {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: shutdown: %v\n", err)
		return 1
	}
	return 0
}
