package emulator

import (
	"regexp"
	"strconv"
	"strings"
)

// patternNumber is how a filter pattern's numeric value reads.
var patternNumber = regexp.MustCompile(`^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`)

// patScanner reads the JSON and space-delimited patterns' tokens.
type patScanner struct {
	s string
	i int
}

func (sc *patScanner) skipSpace() {
	for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t' || sc.s[sc.i] == '\n' || sc.s[sc.i] == '\r') {
		sc.i++
	}
}

func (sc *patScanner) done() bool {
	sc.skipSpace()
	return sc.i == len(sc.s)
}

// accept consumes tok, after any spaces, if it comes next.
func (sc *patScanner) accept(tok string) bool {
	sc.skipSpace()
	if strings.HasPrefix(sc.s[sc.i:], tok) {
		sc.i += len(tok)
		return true
	}
	return false
}

// operator reads a comparison operator.
func (sc *patScanner) operator() (string, bool) {
	for _, op := range []string{"<=", ">=", "!=", "=", "<", ">"} {
		if sc.accept(op) {
			return op, true
		}
	}
	return "", false
}

// name reads a run of the bytes ok allows.
func (sc *patScanner) name(ok func(byte) bool) string {
	sc.skipSpace()
	start := sc.i
	for sc.i < len(sc.s) && ok(sc.s[sc.i]) {
		sc.i++
	}
	return sc.s[start:sc.i]
}

// condition reads "OP VALUE": a value in double quotes (\" escapes a
// quote) or a bare one up to a space or a byte of stop.
func (sc *patScanner) condition(stop string) (condition, bool) {
	op, ok := sc.operator()
	if !ok {
		return condition{}, false
	}
	sc.skipSpace()
	if sc.i < len(sc.s) && sc.s[sc.i] == '"' {
		var b strings.Builder
		for j := sc.i + 1; j < len(sc.s); j++ {
			switch c := sc.s[j]; {
			case c == '\\' && j+1 < len(sc.s):
				j++
				b.WriteByte(sc.s[j])
			case c == '"':
				sc.i = j + 1
				return newCondition(op, b.String(), true)
			default:
				b.WriteByte(c)
			}
		}
		return condition{}, false
	}
	start := sc.i
	for sc.i < len(sc.s) && !strings.ContainsRune(" \t"+stop, rune(sc.s[sc.i])) {
		sc.i++
	}
	if sc.i == start {
		return condition{}, false
	}
	return newCondition(op, sc.s[start:sc.i], false)
}

// condition is one comparison of a field's value.
type condition struct {
	op    string
	text  string // a text value, * wildcards and all
	num   float64
	isNum bool
}

// newCondition types the value: a bare value that reads as a number is
// numeric, anything else is text, which only = and != compare.
func newCondition(op, v string, quoted bool) (condition, bool) {
	c := condition{op: op, text: v}
	if !quoted && patternNumber.MatchString(v) {
		n, err := strconv.ParseFloat(v, 64)
		c.num, c.isNum = n, err == nil
	}
	return c, c.isNum || op == "=" || op == "!="
}

// holds tests a field's value s; numeric says whether s may compare as a
// number (a JSON number, or any field of a space-delimited event).
func (c condition) holds(s string, numeric bool) bool {
	if !c.isNum {
		return globMatch(c.text, s) == (c.op == "=")
	}
	if !numeric {
		return false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return false
	}
	switch c.op {
	case "=":
		return n == c.num
	case "!=":
		return n != c.num
	case "<":
		return n < c.num
	case "<=":
		return n <= c.num
	case ">":
		return n > c.num
	}
	return n >= c.num
}

// globMatch matches text against a pattern value whose leading and
// trailing * stand for any text; a * inside it is itself.
func globMatch(pat, s string) bool {
	core := strings.Trim(pat, "*")
	head, tail := strings.HasPrefix(pat, "*"), strings.HasSuffix(pat, "*")
	switch {
	case core == "" && (head || tail):
		return true
	case head && tail:
		return strings.Contains(s, core)
	case head:
		return strings.HasSuffix(s, core)
	case tail:
		return strings.HasPrefix(s, core)
	}
	return s == pat
}
