package emulator

import (
	"strings"
)

// CloudWatch Logs filter patterns, as FilterLogEvents reads them
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
// What this emulator relies on, and so what the collector may send:
//
//   - A pattern is one of three kinds, told by its first character: "{"
//     a JSON pattern, "[" a space-delimited one, anything else text terms
//     ("%" opens a regular expression, which is not emulated). Matching is
//     case-sensitive in every kind.
//   - Text: every plain term must occur in the message, at least one
//     ?-term when there are any, and no -term; a term in double quotes may
//     hold spaces.
//   - JSON: "{ SELECTOR OP VALUE }" where the selector walks the event's
//     JSON from its root ($.a.b, $.list[0].c; names of letters, digits,
//     '-' and '_'). Conditions combine with && and ||, && binding tighter,
//     and parentheses group. An event that is not JSON, or lacks the
//     field, or whose field is an object, array, boolean or null, does not
//     match, whatever the operator: != included.
//   - Space-delimited: "[name, name OP VALUE, ..., name]" lists the fields
//     of the event from the left. The event is cut at spaces, except that
//     what stands between double quotes or between [ and ] is one field
//     (without its quotes or brackets). "..." stands for any number of
//     fields, an empty slot for one field of any value; without "...", the
//     event must have as many fields as the pattern. A field's conditions
//     may be joined with && and ||, each naming that same field.
//   - A VALUE that reads as a number (an optional sign, digits, a
//     fraction, an exponent) compares numerically with =, !=, <, <=, >,
//     >=; any other value, bare or in double quotes, compares as text with
//     = or != only, and a * at its start or end (not inside) stands for
//     any text, so "5*" is any status of the 500s and "*" any value.
//   - Where the documentation is silent, this emulator takes the stricter
//     reading, so that a pattern that works only by the looser one fails
//     here first: a numeric comparison matches only a JSON number, never a
//     string that spells one ({ $.status >= 500 } misses "status":"502"),
//     while a text comparison reads a JSON number by its digits.
//   - Every pattern the service cannot parse is refused with
//     InvalidParameterException "Invalid filter pattern"; so is every form
//     outside the subset above (regular expressions, IS NULL, NOT EXISTS,
//     IS TRUE).

// logMatcher is a parsed filter pattern.
type logMatcher interface {
	match(msg string) bool
}

func errInvalidPattern() *apiError { return errLogsInvalidParam("Invalid filter pattern") }

// parseFilterPattern parses a pattern of any of the three kinds.
func parseFilterPattern(p string) (logMatcher, error) {
	p = strings.TrimSpace(p)
	switch {
	case p == "" || p == `""`:
		return textPattern{}, nil
	case p[0] == '{':
		return parseJSONPattern(p)
	case p[0] == '[':
		return parseDelimitedPattern(p)
	case p[0] == '%':
		return nil, errInvalidPattern()
	}
	return parseTextPattern(p)
}

// MatchFilterPattern reports whether a log event's message matches a
// filter pattern as this emulator's FilterLogEvents reads it, or why the
// pattern would be refused. Tests of code that builds patterns use it.
func MatchFilterPattern(pattern, message string) (bool, error) {
	m, err := parseFilterPattern(pattern)
	if err != nil {
		return false, err
	}
	return m.match(message), nil
}

// textPattern is a text pattern: terms that must all appear, ?-terms of
// which one must appear, and -terms that must not.
type textPattern struct {
	all, any, none []string
}

func parseTextPattern(p string) (textPattern, error) {
	var fp textPattern
	for p != "" {
		term, rest, err := nextFilterTerm(p)
		if err != nil {
			return fp, err
		}
		p = strings.TrimSpace(rest)
		switch {
		case strings.HasPrefix(term.text, "?"):
			fp.any = append(fp.any, term.unquote(1))
		case strings.HasPrefix(term.text, "-"):
			fp.none = append(fp.none, term.unquote(1))
		default:
			fp.all = append(fp.all, term.unquote(0))
		}
	}
	return fp, nil
}

type filterTerm struct{ text string }

// unquote drops the ?/- prefix (skip bytes) and the quotes of a quoted term.
func (t filterTerm) unquote(skip int) string {
	s := t.text[skip:]
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
	}
	return s
}

// nextFilterTerm reads one term: an optional ?/- and a quoted string or a
// run of non-space characters.
func nextFilterTerm(p string) (filterTerm, string, error) {
	i := 0
	if p[0] == '?' || p[0] == '-' {
		i = 1
	}
	if i < len(p) && p[i] == '"' {
		for j := i + 1; j < len(p); j++ {
			if p[j] == '\\' {
				j++
				continue
			}
			if p[j] == '"' {
				return filterTerm{p[:j+1]}, p[j+1:], nil
			}
		}
		return filterTerm{}, "", errInvalidPattern()
	}
	end := strings.IndexAny(p, " \t")
	if end < 0 {
		end = len(p)
	}
	if end == i {
		return filterTerm{}, "", errInvalidPattern()
	}
	return filterTerm{p[:end]}, p[end:], nil
}

func (fp textPattern) match(msg string) bool {
	for _, t := range fp.none {
		if strings.Contains(msg, t) {
			return false
		}
	}
	for _, t := range fp.all {
		if !strings.Contains(msg, t) {
			return false
		}
	}
	if len(fp.any) == 0 {
		return true
	}
	for _, t := range fp.any {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}
