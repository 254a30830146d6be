package classifier

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the diagnosis as exactly one JSON object, in the shape
// CONTRACT.md gives for `classify --format json`, followed by a newline.
func WriteJSON(w io.Writer, d Diagnosis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteText writes the diagnosis for people: status and cause first, then
// why, the deciding lines, the steps and the client backoff advice.
func WriteText(w io.Writer, d Diagnosis) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "status:      %s\n", d.Status)
	fmt.Fprintf(bw, "cause:       %s (confidence %.2f)\n", d.Cause, d.Confidence)
	fmt.Fprintf(bw, "api type:    %s\n", d.APIType)
	fmt.Fprintf(bw, "requests:    %d seen, %d failed\n", d.Requests, d.Failed)
	if d.Why != "" {
		fmt.Fprintf(bw, "why:         %s\n", d.Why)
	}
	if len(d.Breakdown) > 0 {
		fmt.Fprintln(bw, "\nbreakdown:")
		for _, r := range d.Breakdown {
			fmt.Fprintf(bw, "  %-34s %-4s %d\n", r.Cause, r.Status, r.Requests)
		}
	}
	writeList(bw, "evidence", d.Evidence)
	if len(d.RequestIDs) > 0 {
		fmt.Fprintf(bw, "\nrequest ids: %s\n", strings.Join(d.RequestIDs, ", "))
	}
	writeList(bw, "missing evidence", d.Missing)
	writeRemediation(bw, d.Remediation)
	fmt.Fprintf(bw, "\nclient retries: %s\n", backoffText(d.Backoff))
	return bw.Flush()
}

func writeList(w io.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, it := range items {
		fmt.Fprintf(w, "  %s\n", it)
	}
}

func writeRemediation(w io.Writer, a Advice) {
	if a.Title == "" && len(a.Steps) == 0 {
		return
	}
	fmt.Fprintf(w, "\nwhat to do: %s\n", a.Title)
	for i, st := range a.Steps {
		fmt.Fprintf(w, "  %d. %s\n", i+1, st)
	}
}

// backoffText renders the hint; the catalog's note, when present, is the
// plain-language advice and comes first.
func backoffText(b BackoffHint) string {
	var parts []string
	if b.Note != "" {
		parts = append(parts, b.Note)
	}
	if b.Retryable {
		parts = append(parts, fmt.Sprintf("exponential backoff with %s jitter: initial %d ms, cap %d ms, multiplier %g, at most %d attempts",
			b.Jitter, b.InitialMS, b.MaxMS, b.Multiplier, b.MaxAttempts))
	} else if b.Note == "" {
		parts = append(parts, "not retryable: retrying will not help, fix the configuration")
	}
	return strings.Join(parts, "; ")
}
