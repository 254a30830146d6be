package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// classifyOptions are the flags of `apigw-triage classify` (docs/classify.md).
type classifyOptions struct {
	format string
	lang   classifier.Lang
	api    stage.APIType
	// timeout is the API's configured integration timeout, 0 when not
	// given: the classifier then reads latencies by the defaults
	timeout    time.Duration
	listCauses bool
	files      []string
}

// runClassify explains API Gateway 5xx evidence from files or standard
// input. Exit status (docs/classify.md): 0 when a diagnosis was printed, 2 for
// usage errors, 1 when input could not be read, 3 when the input held
// nothing readable as evidence.
func runClassify(ctx context.Context, args []string, s streams) int {
	opts, code := parseClassifyFlags(args, s)
	if code >= 0 {
		return code
	}
	if opts.listCauses {
		return listCauses(s.stdout, s.stderr)
	}
	sess := classifier.NewSession(classifier.Hints{APIType: opts.api, IntegrationTimeout: opts.timeout})
	for _, name := range opts.files {
		if ctx.Err() != nil {
			complain(s.stderr, "interrupted")
			return 1
		}
		if name == "-" && isTerminal(s.stdin) {
			complain(s.stderr, "reading evidence from standard input (paste log lines, then Ctrl-D; -h for help)")
		}
		if err := readEvidence(ctx, sess, name, s.stdin); err != nil {
			complain(s.stderr, "%s", oneLine(err))
			return 1
		}
	}
	if sess.SawOnlySuccess() {
		complain(s.stderr, "only successful (2xx) answers in the input: no failure to diagnose")
		return 3
	}
	if !sess.SawEvidence() {
		if note := sess.UnansweredNote(opts.lang); note != "" {
			// a client's line without an answer: say what it shows
			complain(s.stderr, "nothing to diagnose: %s", textsafe.Escape(note))
			return 3
		}
		complain(s.stderr, "no API Gateway, Lambda or client output in the input: nothing to diagnose")
		return 3
	}
	if err := writeDiagnosis(s.stdout, sess.Diagnose(opts.lang), opts.format); err != nil {
		complain(s.stderr, "writing output: %s", oneLine(err))
		return 1
	}
	return 0
}

// writeDiagnosis renders d, then passes the whole report through the
// sanitiser before it reaches the terminal: whatever a log line held, no
// control, bidi or zero-width character is printed raw.
func writeDiagnosis(w io.Writer, d classifier.Diagnosis, format string) error {
	var buf bytes.Buffer
	if format == "json" {
		if err := classifier.WriteJSON(&buf, d); err != nil {
			return err
		}
		_, err := w.Write(textsafe.JSON(buf.Bytes()))
		return err
	}
	if err := classifier.WriteText(&buf, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, textsafe.Lines(buf.String()))
	return err
}

// parseClassifyFlags returns the options, or an exit code >= 0 when the
// command should stop (usage error, or -h).
func parseClassifyFlags(args []string, s streams) (classifyOptions, int) {
	fs := newCmdFlags("classify",
		"apigw-triage classify [--format text|json] [--lang en|ja|zh-TW|pt-BR] [--api-type REST|HTTP|WEBSOCKET|auto] [--integration-timeout DURATION] [FILE ...]",
		"Explains API Gateway 5xx evidence: execution, access and Lambda log lines, aws logs output,\n"+
			"curl output, in any mix, from the files or from standard input (none given, or -).\n"+
			"Exit status: 0 diagnosis printed, 1 input unreadable, 2 usage error, 3 nothing readable as evidence.",
		"apigw-triage classify --format json --lang ja execution.log lambda.log",
		"aws logs filter-log-events --log-group-name API-Gateway-Execution-Logs_abc123/prod | apigw-triage classify",
		"curl -si https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders | apigw-triage classify",
		"apigw-triage classify --integration-timeout 60s access.log lambda.log")
	format := fs.String("format", "text", "output format: text or json")
	lang := fs.String("lang", "en", "remediation language: en, ja, zh-TW or pt-BR")
	api := fs.String("api-type", "auto", "API type: REST, HTTP, WEBSOCKET or auto (inferred from the evidence)")
	timeout := fs.String("integration-timeout", "", "the API's configured integration timeout (timeoutInMillis), e.g. 60s or 500ms; not given: the defaults, 29s REST and WebSocket, 30s HTTP")
	list := fs.Bool("list-causes", false, "print the cause ids, one a line, and exit")
	asJSON := fs.Bool("json", false, "the same as --format json")
	if code := fs.parse(args, s); code >= 0 {
		return classifyOptions{}, code
	}
	// in any letter case, as --lang and --api-type take theirs
	opts := classifyOptions{format: strings.ToLower(*format), files: fs.Args(), listCauses: *list}
	if opts.listCauses && len(opts.files) > 0 {
		// it reads nothing: a file beside it would go unread without a word
		return classifyOptions{}, fs.usageError(s, "--list-causes reads no evidence, not %q", opts.files[0])
	}
	if *asJSON {
		if flagSet(fs, "format") && opts.format != "json" {
			return classifyOptions{}, fs.usageError(s, "--json and --format %s disagree", opts.format)
		}
		opts.format = "json"
	}
	if opts.format != "text" && opts.format != "json" {
		return classifyOptions{}, fs.usageError(s, "--format must be text or json, not %q", opts.format)
	}
	l, ok := parseLang(*lang)
	if !ok {
		return classifyOptions{}, fs.usageError(s, "--lang must be en, ja, zh-TW or pt-BR, not %q", *lang)
	}
	opts.lang = l
	t, err := stage.ParseAPIType(*api)
	if err != nil {
		return classifyOptions{}, fs.usageError(s, "--api-type must be REST, HTTP, WEBSOCKET or auto, not %q", *api)
	}
	opts.api = t
	if opts.timeout, err = parseIntegrationTimeout(*timeout); err != nil {
		return classifyOptions{}, fs.usageError(s, "--integration-timeout %s", err)
	}
	if len(opts.files) == 0 {
		opts.files = []string{"-"}
	}
	return opts, -1
}

// flagSet reports whether the command line gave the flag name.
func flagSet(fs *cmdFlags, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// minIntegrationTimeout is the least integration timeout API Gateway
// accepts, on every API type (the developer guide's quotas pages).
const minIntegrationTimeout = 50 * time.Millisecond

// maxIntegrationTimeout bounds the flag far above any timeout an API can
// have (a raised REST timeout stays within minutes), so that a typo such
// as 2562047h is refused instead of overflowing the classifier's waits.
const maxIntegrationTimeout = 24 * time.Hour

// parseIntegrationTimeout reads --integration-timeout: "" is not given; a
// Go duration of at least 50 ms otherwise, and at most a day: a Regional
// or private REST API's may be raised past 29 s after a quota increase,
// with no documented ceiling.
func parseIntegrationTimeout(v string) (time.Duration, error) {
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		return 0, fmt.Errorf("must be a duration such as 45s or 500ms, not %q", v)
	case d < minIntegrationTimeout:
		return 0, fmt.Errorf("must be at least 50ms (API Gateway's minimum), not %s", v)
	case d > maxIntegrationTimeout:
		return 0, fmt.Errorf("must be at most 24h, not %s", v)
	}
	return d, nil
}

// listCauses prints every cause id, in taxonomy order, one a line.
func listCauses(stdout, stderr io.Writer) int {
	for _, c := range classifier.Causes() {
		if _, err := fmt.Fprintln(stdout, c); err != nil {
			complain(stderr, "writing output: %s", oneLine(err))
			return 1
		}
	}
	return 0
}

// isTerminal reports whether r is a character device (a person typing),
// where a silent wait for standard input looks like a hang. The null
// device is a character device too, but what cron, systemd and CI jobs
// give as standard input: no one is there to read a prompt.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}

// complain writes one error line; if standard error itself fails there is
// nowhere left to report it.
func complain(w io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(w, "apigw-triage classify: "+format+"\n", a...)
}

// parseLang reads --lang as a language tag, which RFC 5646 (section 2.1.1)
// makes case-insensitive: zh-tw and PT-BR name the same languages as zh-TW
// and pt-BR, as --api-type takes rest for REST.
func parseLang(l string) (classifier.Lang, bool) {
	for _, x := range classifier.Langs() {
		if strings.EqualFold(string(x), l) {
			return x, true
		}
	}
	return "", false
}

// readEvidence streams one file ("-" is standard input) into the session.
func readEvidence(ctx context.Context, sess *classifier.Session, name string, stdin io.Reader) error {
	if name == "-" {
		if err := readInput(ctx, sess, stdin); err != nil {
			return fmt.Errorf("standard input: %w", err)
		}
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // read-only: a close error cannot lose data
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory", name)
	}
	if err := readInput(ctx, sess, f); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// oneLine keeps an error message on one line, as docs/interfaces.md says,
// with the control characters an AWS message may carry escaped (textsafe).
func oneLine(err error) string {
	return textsafe.Escape(strings.Join(strings.Fields(err.Error()), " "))
}
