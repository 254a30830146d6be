package main

import (
	"strings"
	"testing"
)

// TestEveryCommandHelp: -h and --help exit 0 with the synopsis and examples
// on standard output, and a bad flag exits 2 with one usage line on
// standard error, on every subcommand alike.
func TestEveryCommandHelp(t *testing.T) {
	for name := range commands() {
		t.Run(name, func(t *testing.T) {
			for _, h := range []string{"-h", "--help"} {
				code, out, errOut := runCmd(t, name, h)
				if code != 0 || !strings.HasPrefix(out, "usage: apigw-triage "+name) || !strings.Contains(out, "\nexamples:\n  apigw-triage ") {
					t.Errorf("%s %s: exit %d, stdout %q, stderr %q", name, h, code, out, errOut)
				}
			}
			code, out, errOut := runCmd(t, name, "--no-such-flag")
			if code != 2 || out != "" || !strings.Contains(errOut, "usage: apigw-triage "+name) {
				t.Errorf("%s --no-such-flag: exit %d, stdout %q, stderr %q", name, code, out, errOut)
			}
		})
	}
	code, out, _ := runCmd(t, "help")
	if code != 0 || !strings.Contains(out, "notify") {
		t.Errorf("help: exit %d, stdout %q", code, out)
	}
	// help COMMAND shows that command's help, as git and go do
	for name := range commands() {
		code, out, _ := runCmd(t, "help", name)
		if code != 0 || !strings.HasPrefix(out, "usage: apigw-triage "+name) {
			t.Errorf("help %s: exit %d, stdout %q", name, code, out)
		}
	}
	if code, out, errOut := runCmd(t, "help", "nope"); code != 2 || out != "" || !strings.Contains(errOut, `unknown command "nope"`) {
		t.Errorf("help nope: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestFlagOnlyCommandsRefuseArguments: a command that takes flags only
// names a stray argument and exits 2 before doing anything.
func TestFlagOnlyCommandsRefuseArguments(t *testing.T) {
	for _, name := range []string{"demo", "emulate", "healthcheck", "version"} {
		code, out, errOut := runCmd(t, name, "stray")
		if code != 2 || out != "" || !strings.Contains(errOut, `apigw-triage `+name+`: unexpected argument "stray"`) {
			t.Errorf("%s stray: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
}

// TestHelpNamesFlagValues: a flag's value in -h is named by what it takes
// (duration, string, float), never by the flag package's "value" for a
// flag parsed by a function.
func TestHelpNamesFlagValues(t *testing.T) {
	for name := range commands() {
		_, out, _ := runCmd(t, name, "-h")
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) == 2 && strings.HasPrefix(f[0], "-") && f[1] == "value" {
				t.Errorf("%s -h: %q names no value type", name, strings.TrimSpace(l))
			}
		}
	}
}

// TestFlagErrorsSayWhatTheFlagTakes: a flag the flag package refuses is
// reported like the commands' own checks: the command named first, the
// flag with two dashes, what it takes (never "parse error"), the value.
func TestFlagErrorsSayWhatTheFlagTakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"healthcheck", "--timeout", "5"}, `apigw-triage healthcheck: --timeout must be a duration such as 3s or 2m, not "5"` + "\n"},
		{[]string{"demo", "--speed", "fast"}, `apigw-triage demo: --speed must be a number, not "fast"` + "\n"},
		{[]string{"demo", "--duration", "-1s"}, `apigw-triage demo: --duration must be a duration of 0 or more, such as 2m, not "-1s"` + "\n"},
		{[]string{"emulate", "--seed", "x"}, `apigw-triage emulate: --seed must be a whole number, not "x"` + "\n"},
		{[]string{"run", "--once=maybe"}, `apigw-triage run: --once must be true or false, not "maybe"` + "\n"},
		{[]string{"classify", "--no-such-flag"}, "apigw-triage classify: flag provided but not defined: --no-such-flag\n"},
		{[]string{"classify", "--format"}, "apigw-triage classify: flag needs an argument: --format\n"},
	} {
		code, out, errOut := runCmd(t, tc.args...)
		first, _, _ := strings.Cut(errOut, "usage: ")
		if code != 2 || out != "" || first != tc.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the line %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// TestScenarioFlagsNameEveryBuiltin: the --scenario of demo and emulate
// both take every built-in scenario, and their help names each of them.
func TestScenarioFlagsNameEveryBuiltin(t *testing.T) {
	for _, name := range []string{"demo", "emulate"} {
		_, out, _ := runCmd(t, name, "-h")
		for _, sc := range []string{"catalog", "authorizers", "fleet:N", "fleet-idle:N"} {
			if !strings.Contains(out, sc) {
				t.Errorf("%s -h names no %s scenario:\n%s", name, sc, out)
			}
		}
	}
}

// TestUsageErrorsEndWithTheUsageLine: every usage error (exit 2) names
// the problem and then the command's usage line, as docs/interfaces.md
// says, also those found after the flags were parsed.
func TestUsageErrorsEndWithTheUsageLine(t *testing.T) {
	for _, args := range [][]string{
		{"emulate", "--start", "yesterday"},
		{"run", "--config", "c.yaml", "--emulated-speed", "60"},
		{"run", "--config", "c.yaml", "--emulated-speed", "60", "--emulated-time-zero", "noon"},
		{"healthcheck", "--url", "::9108"},
		{"healthcheck", "--timeout", "0s"},
		{"classify", "--list-causes", "execution.log"},
		// the demo's own configuration would otherwise name keys of a file
		// the user never wrote, or fall back to info without a word
		{"demo", "--listen", "9108"},
		{"demo", "--slack-webhook-url", "hooks.slack.com/services/T0/B0/X"},
		{"demo", "--log-level", "verbose"},
	} {
		code, out, errOut := runCmd(t, args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || out != "" || len(lines) != 2 || !strings.HasPrefix(lines[0], "apigw-triage "+args[0]+": ") ||
			!strings.HasPrefix(lines[1], "usage: apigw-triage "+args[0]) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, the problem, then the usage line", args, code, out, errOut)
		}
	}
}
