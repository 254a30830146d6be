package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// cmdFlags is one subcommand's flag set with its help: a usage line and
// examples. Every subcommand parses through it, so -h behaves the same
// everywhere: the help on standard output and exit 0; a bad flag gets one
// line on standard error and exit 2 (docs/interfaces.md).
type cmdFlags struct {
	*flag.FlagSet
	name     string
	usage    string   // the synopsis after "usage: "
	about    string   // one paragraph on what the command does
	examples []string // command lines, one per example
}

func newCmdFlags(name, usage, about string, examples ...string) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	c := &cmdFlags{FlagSet: fs, name: name, usage: usage, about: about, examples: examples}
	// flag prints its own error line to Output; the help is printed by parse.
	fs.Usage = func() {}
	return c
}

// parse parses args. It returns -1 when the command should go on, else the
// exit status: 0 after -h, 2 after a usage error.
func (c *cmdFlags) parse(args []string, s streams) int {
	c.SetOutput(io.Discard) // the error is printed below, in the commands' own form
	err := c.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.help(s.stdout)
		return 0
	case err != nil:
		return c.usageError(s, "%s", c.flagError(err))
	}
	return -1
}

// flagError rewords the flag package's error: flags are written with two
// dashes, as the help and docs write them, and a value the package could not
// parse says what the flag takes instead of "parse error".
func (c *cmdFlags) flagError(err error) string {
	msg := err.Error()
	if m := invalidFlagRE.FindStringSubmatch(msg); m != nil {
		value, name, why := m[1], m[2], m[3]
		if why == "parse error" {
			why = "must be " + c.takes(name)
		}
		if strings.HasPrefix(why, "must ") {
			return fmt.Sprintf("--%s %s, not %s", name, why, value) // as the commands' own checks say it
		}
		return fmt.Sprintf("--%s %s: %s", name, value, why)
	}
	if i := strings.LastIndex(msg, " -"); i > 0 {
		return msg[:i] + " --" + msg[i+2:] // "flag provided but not defined: --x"
	}
	return msg
}

// invalidFlagRE reads the flag package's "invalid value" and "invalid
// boolean value" errors: the value, the flag's name and the reason.
var invalidFlagRE = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-(\S+): (.*)$`)

// takes names what a flag's value must be, by the type of its default.
func (c *cmdFlags) takes(name string) string {
	g, ok := c.Lookup(name).Value.(flag.Getter)
	if !ok {
		return "a valid value"
	}
	switch g.Get().(type) {
	case time.Duration:
		return "a duration such as 3s or 2m"
	case float64:
		return "a number"
	case int, int64, uint, uint64:
		return "a whole number"
	case bool:
		return "true or false"
	}
	return "a valid value"
}

// parseNoArgs is parse for a command that takes flags only: an argument
// left after them is a usage error.
func (c *cmdFlags) parseNoArgs(args []string, s streams) int {
	if code := c.parse(args, s); code >= 0 {
		return code
	}
	if c.NArg() > 0 {
		return c.usageError(s, "unexpected argument %q", c.Arg(0))
	}
	return -1
}

// usageError reports a usage problem found after parsing: one line, then
// the synopsis; exit status 2.
func (c *cmdFlags) usageError(s streams, format string, a ...any) int {
	_, _ = fmt.Fprintf(s.stderr, "apigw-triage %s: %s\n", c.name, fmt.Sprintf(format, a...))
	c.usageHint(s.stderr)
	return 2
}

func (c *cmdFlags) usageHint(w io.Writer) {
	_, _ = fmt.Fprintf(w, "usage: %s (apigw-triage %s -h for help)\n", c.usage, c.name)
}

// help prints the synopsis, the description, the flags and the examples.
func (c *cmdFlags) help(w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s\n\n%s\n", c.usage, c.about)
	hasFlags := false
	c.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		b.WriteString("\nflags:\n")
		c.SetOutput(&b)
		c.PrintDefaults()
	}
	if len(c.examples) > 0 {
		b.WriteString("\nexamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	_, _ = io.WriteString(w, b.String())
}
