package main

import (
	"context"
	"fmt"
	"io"
)

// runCheckConfig validates a configuration file the way `run` loads it.
// Exit 0 and a one-line summary when it is valid; exit 1 and one
// FILE:LINE:COL: key: message line per problem (on standard error) when it
// is not; exit 2 for a usage error. --print also prints the configuration the
// daemon would run with, defaults filled in and secrets as <secret>.
func runCheckConfig(_ context.Context, args []string, s streams) int {
	fs := newCmdFlags("check-config", "apigw-triage check-config [--print] FILE | --config-env VAR",
		"Validates a configuration file the way run loads it. Exit 0 and a summary when it is valid;\n"+
			"exit 1 and one FILE:LINE:COL: key: message line per problem when it is not.\n"+
			"--config-env checks the configuration that run --config-env VAR would read ($VAR:LINE:COL:).",
		"apigw-triage check-config config.yaml",
		"apigw-triage check-config --print config.yaml",
		"apigw-triage check-config --config-env APIGW_TRIAGE_CONFIG")
	printCfg := fs.Bool("print", false, "print the effective configuration (secrets as <secret>)")
	fromEnv := fs.String("config-env", "", "check the configuration in this environment variable, as run --config-env reads it")
	if code := fs.parse(args, s); code >= 0 {
		return code
	}
	file := "$" + *fromEnv
	switch {
	case *fromEnv != "" && fs.NArg() != 0:
		return fs.usageError(s, "give a configuration file or --config-env VAR, not both")
	case *fromEnv == "" && fs.NArg() != 1:
		return fs.usageError(s, "give exactly one configuration file")
	case *fromEnv == "":
		file = fs.Arg(0)
	}
	cfg, err := loadConfig(fs.Arg(0), *fromEnv, s.getenv)
	if err != nil {
		_, _ = fmt.Fprintln(s.stderr, err) // nothing better to do if stderr fails
		return 1
	}
	for _, w := range cfg.Warnings {
		_, _ = fmt.Fprintf(s.stderr, "%s: warning: %s\n", file, w)
	}
	out := fmt.Sprintf("%s: ok: %s\n", file, cfg)
	if *printCfg {
		out += cfg.Redacted()
	}
	if _, err := io.WriteString(s.stdout, out); err != nil {
		return 1 // a check whose verdict was not delivered did not pass
	}
	return 0
}
