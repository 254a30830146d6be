package collector

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// unquotedMark starts, in a parsed JSON format, the name of a variable
// that stood outside quotes (a raw NUL cannot come from the format itself,
// which holds no escapes).
const unquotedMark = "\x00"

// jsonStatusPattern builds a JSON pattern on every key whose value is
// $context.status alone: "5*" where the format quotes it, >= 500 where it
// stands as a number; on the integration's status where the format has no
// $context.status.
func jsonStatusPattern(format string) (pattern, why string) {
	if strings.Contains(format, `\`) {
		return "", "its JSON format has escapes, whose records cannot be told from it"
	}
	text, unquoted := markUnquoted(format)
	for _, v := range unquoted {
		if !numericVars[v] {
			return "", fmt.Sprintf("$%s stands outside quotes in its JSON format, which then breaks the records it has no value in", v)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return "", "its JSON format does not parse: " + err.Error()
	}
	conds := statusConditions(doc, "$", statusVar, nil)
	for _, v := range integrationStatusVars {
		if len(conds) == 0 {
			conds = statusConditions(doc, "$", v, nil)
		}
	}
	if len(conds) == 0 {
		return "", "no key of its JSON format holds $context.status alone"
	}
	return "{ " + strings.Join(conds, " || ") + " }", ""
}

// markUnquoted turns each variable outside a JSON string into a string of
// its name after unquotedMark, so the format parses as the JSON its
// records are; it returns those variables.
func markUnquoted(format string) (string, []string) {
	var b strings.Builder
	var vars []string
	inString := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '"' {
			inString = !inString
		}
		if c == '$' && !inString {
			if v, n := templateVar(format, i); n > 0 {
				vars = append(vars, v)
				b.WriteString(`"\u0000` + v + `"`)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), vars
}

// statusConditions appends the conditions on the keys under sel (a
// selector) whose value is variable v alone, in key order; keys a
// selector cannot name are passed over.
func statusConditions(node any, sel, v string, out []string) []string {
	switch x := node.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			if selectorName(k) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = statusConditions(x[k], sel+"."+k, v, out)
		}
	case []any:
		if sel == "$" {
			return out
		}
		for i, e := range x {
			out = statusConditions(e, fmt.Sprintf("%s[%d]", sel, i), v, out)
		}
	case string:
		switch x {
		case "$" + v:
			out = append(out, sel+` = "5*"`)
		case unquotedMark + v:
			out = append(out, sel+" >= 500")
		}
	}
	return out
}

// selectorName reports whether a JSON pattern's selector can name key:
// letters, digits, '-' and '_'.
func selectorName(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c != '-' && c != '_' && !isLetter(c) && (c < '0' || c > '9') {
			return false
		}
	}
	return key != ""
}
