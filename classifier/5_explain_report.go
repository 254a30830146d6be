package classifier

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the diagnosis as exactly one JSON object, in the shape
// docs/classify.md gives for `classify --format json`, followed by a newline.
func WriteJSON(w io.Writer, d Diagnosis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteText writes the diagnosis for people: status and cause first, then
// why, the deciding lines, the steps and the client backoff advice.
func WriteText(w io.Writer, d Diagnosis) error {
	bw := &textWriter{w: bufio.NewWriter(w)}
	bw.printf("status:      %s\n", d.Status)
	bw.printf("cause:       %s (confidence %.2f)\n", d.Cause, d.Confidence)
	bw.printf("api type:    %s\n", d.APIType)
	bw.printf("requests:    %d seen, %d failed\n", d.Requests, d.Failed)
	if d.Why != "" {
		bw.printf("why:         %s\n", d.Why)
	}
	if len(d.Breakdown) > 0 {
		bw.printf("\nbreakdown:\n")
		for _, r := range d.Breakdown {
			bw.printf("  %-34s %-4s %d\n", r.Cause, r.Status, r.Requests)
		}
	}
	writeList(bw, "evidence", d.Evidence)
	if len(d.RequestIDs) > 0 {
		bw.printf("\nrequest ids: %s\n", strings.Join(d.RequestIDs, ", "))
	}
	writeList(bw, "missing evidence", d.Missing)
	writeRemediation(bw, d.Remediation)
	bw.printf("\nclient retries: %s\n", backoffText(d.Backoff))
	if bw.err != nil {
		return bw.err
	}
	return bw.w.Flush()
}

func writeList(w *textWriter, title string, items []string) {
	if len(items) == 0 {
		return
	}
	w.printf("\n%s:\n", title)
	for _, it := range items {
		w.printf("  %s\n", it)
	}
}

func writeRemediation(w *textWriter, a Advice) {
	if a.Title == "" && len(a.Steps) == 0 {
		return
	}
	w.printf("\nwhat to do: %s\n", a.Title)
	for i, st := range a.Steps {
		w.printf("  %d. %s\n", i+1, st)
	}
}

// backoffText renders the hint; the catalog's note, when present, is the
// plain-language advice and comes first. Each part is a sentence of its own:
// the notes end with their own full stop.
func backoffText(b BackoffHint) string {
	var parts []string
	if b.Note != "" {
		parts = append(parts, b.Note)
	}
	if b.Retryable {
		parts = append(parts, fmt.Sprintf("Exponential backoff with %s jitter: initial %d ms, cap %d ms, multiplier %g, at most %d attempts.",
			b.Jitter, b.InitialMS, b.MaxMS, b.Multiplier, b.MaxAttempts))
	} else if b.Note == "" {
		parts = append(parts, "Not retryable: retrying will not help, fix the configuration.")
	}
	return strings.Join(parts, " ")
}

// textWriter keeps the first write error, so the text layout reads as a
// plain sequence of lines.
type textWriter struct {
	w   *bufio.Writer
	err error
}

func (t *textWriter) printf(format string, a ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, a...)
	}
}
