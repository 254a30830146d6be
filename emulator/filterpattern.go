package emulator

import (
	"strings"
)

// filterPattern is a CloudWatch Logs text filter pattern: terms that must
// all appear, ?-terms of which one must appear, and -terms that must not
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
// Matching is case-sensitive, as in AWS.
type filterPattern struct {
	all, any, none []string
}

// parseFilterPattern parses the text subset. JSON ({...}), space-delimited
// ([...]) and regex (%...%) patterns are refused instead of being matched
// as if they were text.
func parseFilterPattern(p string) (filterPattern, error) {
	var fp filterPattern
	p = strings.TrimSpace(p)
	if p == "" || p == `""` {
		return fp, nil
	}
	if strings.ContainsAny(p[:1], "{[%") {
		return fp, errLogsInvalidParam("Invalid filter pattern: JSON, space-delimited and regular-expression patterns are not supported by this endpoint: " + p)
	}
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
		return filterTerm{}, "", errLogsInvalidParam("Invalid filter pattern: unterminated quote")
	}
	end := strings.IndexAny(p, " \t")
	if end < 0 {
		end = len(p)
	}
	if end == i {
		return filterTerm{}, "", errLogsInvalidParam("Invalid filter pattern: empty term")
	}
	return filterTerm{p[:end]}, p[end:], nil
}

func (fp filterPattern) match(msg string) bool {
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
