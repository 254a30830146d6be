// Package alternation matches regular expressions that are alternations of
// literal phrases, the shape of every log filter in this project, without
// a backtracking run of the whole expression on each line.
package alternation

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// Regexp is a compiled regular expression. Log filters are long
// alternations of literal phrases, and a backtracking match of the whole
// alternation on every log line was most of the CPU of an end-to-end run
// (the emulator's Logs Insights filter, the collector's failure marker).
// Each top-level branch is matched on its own, behind a substring check of
// its literal prefix: a line that contains none of the prefixes costs a few
// strings.Contains. The answer is always the whole expression's.
type Regexp struct {
	whole    *regexp.Regexp
	branches []branch // nil: match whole
}

// branch is one alternative: a match of re must begin with prefix.
type branch struct {
	prefix   string
	complete bool // re is prefix itself
	re       *regexp.Regexp
}

// Compile parses pattern with regexp's syntax.
func Compile(pattern string) (*Regexp, error) {
	whole, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	l := &Regexp{whole: whole}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || tree.Op != syntax.OpAlternate {
		return l, nil
	}
	for _, sub := range tree.Sub {
		re, err := regexp.Compile(sub.String())
		if err != nil {
			return &Regexp{whole: whole}, nil // keep the whole; never fail where regexp did not
		}
		prefix, complete := re.LiteralPrefix()
		l.branches = append(l.branches, branch{prefix: prefix, complete: complete, re: re})
	}
	return l, nil
}

// MatchString reports whether s contains a match of the expression.
func (l *Regexp) MatchString(s string) bool {
	if l.branches == nil {
		return l.whole.MatchString(s)
	}
	for _, b := range l.branches {
		if b.prefix != "" && !strings.Contains(s, b.prefix) {
			continue
		}
		if b.complete || b.re.MatchString(s) {
			return true
		}
	}
	return false
}

// MustCompile is Compile for patterns known at build time.
func MustCompile(pattern string) *Regexp {
	l, err := Compile(pattern)
	if err != nil {
		panic("alternation: " + err.Error())
	}
	return l
}
