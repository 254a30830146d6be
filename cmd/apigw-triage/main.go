// Command apigw-triage watches Amazon API Gateway for 5xx errors, explains
// why they happen and tells the on-call engineer what to do about them.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// streams are the process's standard streams and environment; commands take
// them instead of touching os directly, so tests can run commands in-process.
type streams struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// hup delivers SIGHUP to `run` (nil elsewhere): reload the configuration.
	hup <-chan os.Signal
}

// command runs one subcommand with its arguments and returns the exit status.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, s streams) int
}

func commands() map[string]command {
	return map[string]command{
		"run":          {"run the daemon: apigw-triage run --config FILE", runDaemon},
		"demo":         {"run the daemon against the built-in emulator, no AWS or Slack needed", runDemo},
		"classify":     {"explain API Gateway 5xx evidence from files or standard input", runClassify},
		"check-config": {"validate a configuration file: apigw-triage check-config FILE", runCheckConfig},
		"emulate":      {"serve the emulated AWS APIs: apigw-triage emulate --listen ADDR", runEmulate},
		"version":      {"print the version, commit and build date (also --version)", runVersion},
		"notify":       {"test the notification sinks: apigw-triage notify test --config FILE", runNotify},
		"healthcheck":  {"probe a running daemon's /healthz (for container health checks)", runHealthcheck},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	s := streams{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	if len(os.Args) > 1 && os.Args[1] == "run" {
		// The daemon reloads its configuration on SIGHUP, as Prometheus
		// does; other commands keep the default (end on hangup).
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		s.hup = hup
	}
	code := dispatch(ctx, os.Args[1:], s)
	stop()
	os.Exit(code)
}

// dispatch picks the subcommand. Exit status 2 is a usage error, as docs/interfaces.md says.
func dispatch(ctx context.Context, args []string, s streams) int {
	cmds := commands()
	if len(args) == 2 && args[0] == "help" {
		// help COMMAND is COMMAND -h, as in git and go
		c, ok := cmds[args[1]]
		if !ok {
			_, _ = fmt.Fprintf(s.stderr, "apigw-triage help: unknown command %q (try apigw-triage help)\n", args[1])
			return 2
		}
		return c.run(ctx, []string{"-h"}, s)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 0 {
			usage(s.stderr, cmds)
			return 2
		}
		usage(s.stdout, cmds)
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		return runVersion(ctx, args[1:], s)
	}
	c, ok := cmds[args[0]]
	if !ok {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage: unknown command %q (try apigw-triage help)\n", args[0])
		return 2
	}
	return c.run(ctx, args[1:], s)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	_, _ = fmt.Fprintln(w, "usage: apigw-triage <command> [flags]")
	_, _ = fmt.Fprintln(w)
	for _, n := range names {
		_, _ = fmt.Fprintf(w, "  %-13s %s\n", n, cmds[n].summary)
	}
	_, _ = fmt.Fprintln(w)
	_, _ = fmt.Fprintln(w, "apigw-triage <command> -h (or apigw-triage help <command>) shows a command's flags and examples.")
}
