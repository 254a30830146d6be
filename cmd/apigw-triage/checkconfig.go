package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/apigw-triage/apigw-triage/config"
)

// runCheckConfig validates a configuration file the way `run` loads it.
// Exit 0 and a one-line summary when it is valid; exit 1 and one
// FILE:LINE:COL: key: message line per problem (on standard error) when it
// is not; exit 2 for a usage error. --print also prints the configuration the
// daemon would run with, defaults filled in and secrets as <secret>.
func runCheckConfig(_ context.Context, args []string, s streams) int {
	fs := flag.NewFlagSet("check-config", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	printCfg := fs.Bool("print", false, "print the effective configuration (secrets as <secret>)")
	fs.Usage = func() {
		fmt.Fprintln(s.stderr, "usage: apigw-triage check-config [--print] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	cfg, err := config.Load(file, s.getenv)
	if err != nil {
		fmt.Fprintln(s.stderr, err)
		return 1
	}
	fmt.Fprintf(s.stdout, "%s: ok: %s\n", file, cfg)
	if *printCfg {
		fmt.Fprint(s.stdout, cfg.Redacted())
	}
	return 0
}
