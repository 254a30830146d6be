package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// emulateOptions are the flags of apigw-triage emulate.
type emulateOptions struct {
	listen   string
	scenario string
	speed    float64
	start    string
	seed     int64
}

func parseEmulate(args []string, s streams) (emulateOptions, error) {
	var o emulateOptions
	fs := flag.NewFlagSet("emulate", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	fs.StringVar(&o.listen, "listen", "127.0.0.1:4566", "address to serve the emulated AWS APIs on")
	fs.StringVar(&o.scenario, "scenario", "catalog", "built-in scenario (catalog, fleet:N, fleet-idle:N) or scenario YAML file")
	fs.Float64Var(&o.speed, "speed", 1, "emulated seconds per wall second")
	fs.StringVar(&o.start, "start", "", "the scenario's time zero, RFC 3339 (default: now, to the minute)")
	fs.Int64Var(&o.seed, "seed", 1, "seed of the wire layer's throttling decisions")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.speed <= 0 {
		return o, errors.New("--speed must be positive")
	}
	return o, nil
}

// runEmulate serves every emulated AWS API for a scenario on one address,
// with emulated time running --speed times faster than wall time.
func runEmulate(ctx context.Context, args []string, s streams) int {
	o, err := parseEmulate(args, s)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		}
		return 2
	}
	sc, err := scenario.Open(o.scenario)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	}
	start := time.Now().UTC().Truncate(time.Minute)
	if o.start != "" {
		if start, err = time.Parse(time.RFC3339, o.start); err != nil {
			_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: --start: %v\n", err)
			return 2
		}
	}
	w := scenario.NewWorld(sc, clock.NewScaled(start, o.speed), start)
	logger := slog.New(slog.NewTextHandler(s.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage emulate: %v\n", err)
		return 1
	}
	logger.Info("emulating AWS", "addr", "http://"+ln.Addr().String(), "scenario", sc.Name,
		"speed", o.speed, "time_zero", start.Format(time.RFC3339), "episodes", len(w.Episodes()))
	return serveEmulator(ctx, ln, emulator.NewServer(w, emulator.Options{Logger: logger, Seed: o.seed}), s)
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
