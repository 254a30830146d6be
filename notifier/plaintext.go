package notifier

import (
	"fmt"
	"strings"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// PlainText renders a view as plain, multi-line text ending with a blank
// line: the console sink prints it, and the Slack sink falls back to it when
// Slack refuses the blocks.
func PlainText(v View) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s %s — %s · %s", marker(v), clean(v.Headline), clean(v.Status), clean(v.Target))
	if v.Change != "" {
		line("  %s", clean(v.Change))
	}
	for _, f := range v.Fields {
		line("  %-20s %s", clean(f.Label)+":", clean(f.Value))
	}
	if v.Diagnosing {
		line("  %s: %s", clean(Label(v.Lang, LabelDiagnosis)), clean(v.CauseTitle))
	} else {
		line("  %s: %s [%s] (%s %.0f%%)", clean(Label(v.Lang, LabelDiagnosis)), clean(v.CauseTitle), clean(v.CauseID),
			clean(Label(v.Lang, LabelConfidence)), v.Confidence*100)
	}
	if v.Why != "" {
		line("    %s", clean(v.Why))
	}
	section(&b, v.BreakdownTitle, v.Breakdown, "    - ")
	section(&b, v.RoutesTitle, v.Routes, "    - ")
	section(&b, Label(v.Lang, LabelEvidence), v.Evidence, "    | ")
	section(&b, Label(v.Lang, LabelRemediation), numbered(v.Steps), "    ")
	if v.Backoff != "" && !v.Resolved {
		line("  %s: %s", clean(Label(v.Lang, LabelBackoff)), clean(v.Backoff))
	}
	if v.MetricsURL != "" {
		line("  %s: %s", clean(Label(v.Lang, LabelMetrics)), clean(v.MetricsURL))
	}
	if v.LogsURL != "" {
		line("  %s: %s", clean(Label(v.Lang, LabelLogs)), clean(v.LogsURL))
	}
	b.WriteString("\n")
	return b.String()
}

func section(b *strings.Builder, title string, items []string, prefix string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s:\n", clean(title))
	for _, it := range items {
		fmt.Fprintf(b, "%s%s\n", prefix, clean(it))
	}
}

func numbered(steps []string) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = fmt.Sprintf("%d. %s", i+1, s)
	}
	return out
}

func marker(v View) string {
	switch {
	case v.Resolved:
		return "[OK]"
	case v.Kind == KindUpdated:
		return "[UPD]"
	case v.Kind == KindReminder:
		return "[..]"
	}
	return "[!!]"
}

// clean keeps one line and shows control, bidi and zero-width characters
// escaped, so a log line cannot move the cursor, clear the screen, forge a
// line or reorder what the reader sees; Slack mention and link syntax is
// neutralised too, since Slack shows this text when it refuses the blocks.
func clean(s string) string {
	return textsafe.NoMentions(OneLine(s))
}
