package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// classifyOptions are the flags of `apigw-triage classify` (docs/cli.md).
type classifyOptions struct {
	format     string
	lang       classifier.Lang
	api        classifier.APIType
	listCauses bool
	files      []string
}

// runClassify explains API Gateway 5xx evidence from files or standard
// input. Exit status: 0 when a diagnosis was printed, 2 for usage errors,
// 1 when input could not be read.
func runClassify(ctx context.Context, args []string, s streams) int {
	opts, code := parseClassifyFlags(args, s.stderr)
	if code >= 0 {
		return code
	}
	if opts.listCauses {
		return listCauses(s.stdout, s.stderr)
	}
	sess := classifier.NewSession(classifier.Hints{APIType: opts.api})
	for _, name := range opts.files {
		if ctx.Err() != nil {
			complain(s.stderr, "interrupted")
			return 1
		}
		if err := readEvidence(sess, name, s.stdin); err != nil {
			complain(s.stderr, "%s", oneLine(err))
			return 1
		}
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
func parseClassifyFlags(args []string, stderr io.Writer) (classifyOptions, int) {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	lang := fs.String("lang", "en", "remediation language: en, ja, zh-TW or pt-BR")
	api := fs.String("api-type", "auto", "API type: REST, HTTP, WEBSOCKET or auto (inferred from the evidence)")
	list := fs.Bool("list-causes", false, "print the cause ids, one a line, and exit")
	fs.Usage = func() {
		_, _ = fmt.Fprintln(stderr, "usage: apigw-triage classify [--format text|json] [--lang en|ja|zh-TW|pt-BR] [--api-type REST|HTTP|WEBSOCKET|auto] [FILE ...]")
		_, _ = fmt.Fprintln(stderr, "       apigw-triage classify --list-causes")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return classifyOptions{}, 0
		}
		return classifyOptions{}, 2
	}
	opts := classifyOptions{format: *format, files: fs.Args(), listCauses: *list}
	if opts.format != "text" && opts.format != "json" {
		return usageError(stderr, "--format must be text or json, not %q", opts.format)
	}
	if !validLang(*lang) {
		return usageError(stderr, "--lang must be en, ja, zh-TW or pt-BR, not %q", *lang)
	}
	opts.lang = classifier.Lang(*lang)
	t, err := classifier.ParseAPIType(*api)
	if err != nil {
		return usageError(stderr, "--api-type must be REST, HTTP, WEBSOCKET or auto, not %q", *api)
	}
	opts.api = t
	if len(opts.files) == 0 {
		opts.files = []string{"-"}
	}
	return opts, -1
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

func usageError(stderr io.Writer, format string, a ...any) (classifyOptions, int) {
	complain(stderr, format, a...)
	return classifyOptions{}, 2
}

// complain writes one error line; if standard error itself fails there is
// nowhere left to report it.
func complain(w io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(w, "apigw-triage classify: "+format+"\n", a...)
}

func validLang(l string) bool {
	for _, x := range classifier.Langs() {
		if string(x) == l {
			return true
		}
	}
	return false
}

// readEvidence streams one file ("-" is standard input) into the session.
func readEvidence(sess *classifier.Session, name string, stdin io.Reader) error {
	if name == "-" {
		if _, err := sess.ReadFrom(stdin); err != nil {
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
	if _, err := sess.ReadFrom(f); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// oneLine keeps an error message on one line (docs/cli.md).
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
