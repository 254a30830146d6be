package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// exitTripped is run --once's exit status when a stage tripped: the poll
// worked, and something needs a person (a cron job or a CI gate can tell it
// from a failed poll, 1).
const exitTripped = 4

// runOnce polls once and prints one line per stage (only the tripped ones
// with quiet), then a summary line on standard error.
func runOnce(ctx context.Context, cfg *config.Config, env daemon.Env, quiet bool, s streams) int {
	res, err := daemon.PollOnce(ctx, cfg, env)
	if res == nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage run --once: poll failed: %s\n", oneLine(err))
		return 1
	}
	stages := res.Poll.Stages
	sort.Slice(stages, func(i, j int) bool { return stages[i].Stage.Key < stages[j].Stage.Key })
	tripped := 0
	for _, sr := range stages {
		if sr.Tripped {
			tripped++
		}
		if sr.Tripped || !quiet {
			writeStageLine(s.stdout, sr, res)
		}
	}
	for _, f := range res.Poll.Failures {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage run --once: account %s region %s: %s failed: %s\n", f.Account, f.Region, f.Op, failureReason(f.Err))
	}
	_, _ = fmt.Fprintf(s.stderr, "apigw-triage run --once: %s polled, %d tripped, %s of an account and region failed\n",
		plural(len(stages), "stage"), tripped, plural(len(res.Poll.Failures), "read"))
	switch {
	case err != nil || len(res.Poll.Failures) > 0:
		return 1
	case tripped > 0:
		return exitTripped
	}
	return 0
}

// failureReason is a failed read's error on one line; a credentials
// failure is told by its advice and the SDK's reason, without the operation
// and signing layers the SDK wraps around it.
func failureReason(err error) string {
	var ce *collector.CredentialsError
	if errors.As(err, &ce) {
		return oneLine(ce)
	}
	return oneLine(err)
}

// writeStageLine prints a stage's figures with the window they cover, and
// the diagnosis when it tripped.
func writeStageLine(w io.Writer, sr collector.StageResult, res *daemon.OnceResult) {
	st := sr.Stage
	state := "ok"
	switch {
	case sr.Tripped:
		state = "TRIPPED"
	case !sr.HasData:
		state = "no-data"
	}
	// The figures are those of one period, so they are labelled with it,
	// in the words the notifications use: the period that tripped the
	// stage when it tripped (the latest may be clean by now), else the
	// latest with traffic.
	fig, trip := sr.Figures, sr.Tripped && !sr.Trip.PeriodStart.IsZero()
	if trip {
		fig = sr.Trip
	}
	span := notifier.Span(classifier.LangEN, fig.WindowStart, fig.WindowEnd)
	if start, end := fig.Span(); !start.IsZero() {
		span = notifier.Span(classifier.LangEN, start, end)
	}
	figures := fmt.Sprintf("%.0f requests, %.0f 5xx (%.1f%%), %s %s",
		fig.Requests, fig.Errors5xx, 100*fig.ErrorRate, fig.LatencyName(), fig.Latency.Round(time.Millisecond))
	if sr.Screened && !trip {
		// only the 5xx count was read (README: screening): 0 requests and
		// a 0s latency would be figures nobody measured
		figures = fmt.Sprintf("%.0f 5xx (screened: requests and latency not read)", sr.Errors5xx)
	}
	// names are an AWS user's text: escaped, as every sink escapes them
	line := fmt.Sprintf("%-7s %s %s %s %s/%s (%s)  %s: %s",
		state, st.Account, st.Region, st.APIType, textsafe.Escape(st.APIName), textsafe.Escape(st.Stage), textsafe.Escape(st.APIID), span, figures)
	if d, ok := res.Diagnoses[st.Key]; ok {
		line += fmt.Sprintf("  diagnosis: %s %s (confidence %.2f)", d.Status, d.Cause, d.Confidence)
	}
	_, _ = fmt.Fprintln(w, line)
}

// plural is "1 stage", "2 stages": the summary line is read by people.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
