package collector

import (
	"fmt"
	"slices"
	"strings"
)

// delimitedStatusPattern builds a space-delimited pattern on the field
// that holds $context.status: anchored at the left when every field before
// it is one field whatever its values, else at the right when every field
// after it is and the format opens no quote or bracket before it. Anchored
// at the right, it relies on the values before the status closing each
// quote and bracket they open: a record where one does not is missed.
func delimitedStatusPattern(format string) (pattern, why string) {
	fields, starts := templateFields(format)
	at := -1
	for i, f := range fields {
		if slices.Contains(templateVars(f), statusVar) {
			if at >= 0 {
				return "", "$context.status stands in more than one field of its format"
			}
			at = i
		}
	}
	if at < 0 {
		return "", "its format has no $context.status"
	}
	value, why := statusValue(fields[at])
	if why != "" {
		return "", why
	}
	status := "status=" + value
	switch {
	case allFixed(fields[:at]):
		return "[" + strings.Join(append(fieldNames(at), status, "..."), ", ") + "]", ""
	case allFixed(fields[at:]) && !strings.ContainsAny(withoutVars(format[:starts[at]]), `"[]`):
		return "[" + strings.Join(append([]string{"...", status}, fieldNames(len(fields)-at-1)...), ", ") + "]", ""
	}
	return "", "fields on either side of the status may hold spaces, quotes or brackets, so its position varies"
}

// templateFields cuts a format where CloudWatch Logs cuts its records
// into fields, keeping each field's quotes or brackets: at spaces, except
// that a field opening with a double quote runs to the next one, and one
// opening with [ to the next ]. starts are where the fields start.
func templateFields(s string) (fields []string, starts []int) {
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		end := fieldEnd(s, i)
		fields, starts = append(fields, s[i:end]), append(starts, i)
		i = end
	}
	return fields, starts
}

func fieldEnd(s string, i int) int {
	closer := map[byte]byte{'"': '"', '[': ']'}[s[i]]
	if closer != 0 {
		if j := strings.IndexByte(s[i+1:], closer); j >= 0 {
			return i + j + 2
		}
		return len(s)
	}
	if j := strings.IndexAny(s[i:], " \t"); j >= 0 {
		return i + j
	}
	return len(s)
}

// ungroup strips a field's quotes or brackets; grouped says it had them.
func ungroup(f string) (inner string, grouped bool) {
	if len(f) >= 2 && (f[0] == '"' && f[len(f)-1] == '"' || f[0] == '[' && f[len(f)-1] == ']') {
		return f[1 : len(f)-1], true
	}
	return f, false
}

// fixedField reports whether a format's field renders as exactly one
// field whatever its variables hold.
func fixedField(f string) bool {
	inner, grouped := ungroup(f)
	if strings.ContainsAny(inner, `"[]`) {
		return false
	}
	for _, v := range templateVars(inner) {
		if !plainVars[v] && (!grouped || !spacedVars[v]) {
			return false
		}
	}
	return true
}

func allFixed(fields []string) bool {
	for _, f := range fields {
		if !fixedField(f) {
			return false
		}
	}
	return true
}

// statusValue is the pattern's value for the status field: 5*, or the
// field's literal text before the status then 5*, in quotes.
func statusValue(f string) (string, string) {
	inner, grouped := ungroup(f)
	if !grouped && strings.ContainsAny(inner, `"[]`) {
		return "", "the field of $context.status has quotes or brackets inside it"
	}
	before := inner[:varIndex(inner, statusVar)]
	if len(templateVars(before)) > 0 {
		return "", "$context.status shares a field of its format with the variables before it"
	}
	if strings.ContainsAny(before, "$\"[]*\\,\t") || !grouped && strings.Contains(before, " ") {
		return "", fmt.Sprintf("the field of $context.status opens with %q, which a pattern cannot spell", before)
	}
	if before == "" {
		return "5*", ""
	}
	return `"` + before + `5*"`, ""
}

// fieldNames names n fields f1, f2, ...
func fieldNames(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("f%d", i+1)
	}
	return out
}
