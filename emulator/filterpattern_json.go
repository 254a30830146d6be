package emulator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// jsonExpr is a JSON pattern's expression over a decoded event.
type jsonExpr interface {
	eval(doc any) bool
}

type jsonOr []jsonExpr
type jsonAnd []jsonExpr

// jsonCond compares the value at a selector's path: object keys
// (string) and array indexes (int).
type jsonCond struct {
	path []any
	cond condition
}

func (o jsonOr) eval(doc any) bool {
	for _, e := range o {
		if e.eval(doc) {
			return true
		}
	}
	return false
}

func (a jsonAnd) eval(doc any) bool {
	for _, e := range a {
		if !e.eval(doc) {
			return false
		}
	}
	return true
}

func (c jsonCond) eval(doc any) bool {
	v := doc
	for _, step := range c.path {
		switch s := step.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return false
			}
			if v, ok = m[s]; !ok {
				return false
			}
		case int:
			l, ok := v.([]any)
			if !ok || s >= len(l) {
				return false
			}
			v = l[s]
		}
	}
	switch x := v.(type) {
	case string:
		return c.cond.holds(x, false)
	case json.Number:
		return c.cond.holds(x.String(), true)
	}
	return false // object, array, boolean, null
}

// jsonPattern matches events whose message is a JSON object.
type jsonPattern struct{ expr jsonExpr }

func (p jsonPattern) match(msg string) bool {
	d := json.NewDecoder(bytes.NewReader([]byte(msg)))
	d.UseNumber()
	var doc map[string]any
	if d.Decode(&doc) != nil || d.More() {
		return false
	}
	return p.expr.eval(doc)
}

func parseJSONPattern(p string) (logMatcher, error) {
	if !strings.HasSuffix(p, "}") {
		return nil, errLogsInvalidParam("If a filter pattern starts with '{' it must end with '}'")
	}
	sc := &patScanner{s: p[1 : len(p)-1]}
	e, ok := parseJSONOr(sc, 0)
	if !ok || !sc.done() {
		return nil, errInvalidPattern()
	}
	return jsonPattern{e}, nil
}

// maxPatternDepth bounds nested parentheses.
const maxPatternDepth = 32

func parseJSONOr(sc *patScanner, depth int) (jsonExpr, bool) {
	var or jsonOr
	for {
		e, ok := parseJSONAnd(sc, depth)
		if !ok {
			return nil, false
		}
		or = append(or, e)
		if !sc.accept("||") {
			break
		}
	}
	if len(or) == 1 {
		return or[0], true
	}
	return or, true
}

func parseJSONAnd(sc *patScanner, depth int) (jsonExpr, bool) {
	var and jsonAnd
	for {
		e, ok := parseJSONTerm(sc, depth)
		if !ok {
			return nil, false
		}
		and = append(and, e)
		if !sc.accept("&&") {
			break
		}
	}
	if len(and) == 1 {
		return and[0], true
	}
	return and, true
}

// parseJSONTerm reads a parenthesised expression or one comparison.
func parseJSONTerm(sc *patScanner, depth int) (jsonExpr, bool) {
	if sc.accept("(") {
		if depth >= maxPatternDepth {
			return nil, false
		}
		e, ok := parseJSONOr(sc, depth+1)
		return e, ok && sc.accept(")")
	}
	path, ok := parseSelector(sc)
	if !ok {
		return nil, false
	}
	c, ok := sc.condition("()&|")
	return jsonCond{path, c}, ok
}

// parseSelector reads $ and its steps: .name and [index].
func parseSelector(sc *patScanner) ([]any, bool) {
	if !sc.accept("$") {
		return nil, false
	}
	var path []any
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case '.':
			sc.i++
			n := sc.name(isSelectorByte)
			if n == "" {
				return nil, false
			}
			path = append(path, n)
			continue
		case '[':
			sc.i++
			n := sc.name(func(c byte) bool { return c >= '0' && c <= '9' })
			idx, err := strconv.Atoi(n)
			if err != nil || len(path) == 0 || !sc.accept("]") {
				return nil, false
			}
			path = append(path, idx)
			continue
		}
		break
	}
	return path, len(path) > 0
}

func isSelectorByte(c byte) bool {
	return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
