package emulator

import "strings"

// delimField is one slot of a space-delimited pattern: "..." (any
// number of fields), or one field, which its conditions, if any, test:
// any of the groups, each of whose conditions all hold.
type delimField struct {
	ellipsis bool
	anyOf    [][]condition
}

func (f delimField) test(v string) bool {
	if len(f.anyOf) == 0 {
		return true
	}
	for _, all := range f.anyOf {
		ok := true
		for _, c := range all {
			ok = ok && c.holds(v, true)
		}
		if ok {
			return true
		}
	}
	return false
}

// delimPattern matches an event's space-delimited fields, left to right.
type delimPattern []delimField

// maxEllipses bounds the backtracking of "..." slots.
const maxEllipses = 4

func parseDelimitedPattern(p string) (logMatcher, error) {
	if !strings.HasSuffix(p, "]") {
		return nil, errInvalidPattern()
	}
	sc := &patScanner{s: p[1 : len(p)-1]}
	var out delimPattern
	ellipses := 0
	for {
		f, ok := parseDelimField(sc)
		if !ok {
			return nil, errInvalidPattern()
		}
		if f.ellipsis {
			ellipses++
		}
		out = append(out, f)
		if !sc.accept(",") {
			break
		}
	}
	if !sc.done() || ellipses > maxEllipses {
		return nil, errInvalidPattern()
	}
	return out, nil
}

// parseDelimField reads "...", an empty slot, a name, or a name and its
// conditions: "status = 5* && status != 503 || status = 429".
func parseDelimField(sc *patScanner) (delimField, bool) {
	if sc.accept("...") {
		return delimField{ellipsis: true}, true
	}
	name := sc.name(isFieldNameByte)
	sc.skipSpace()
	if sc.i == len(sc.s) || sc.s[sc.i] == ',' {
		return delimField{}, true // a name alone, or an empty slot
	}
	if name == "" {
		return delimField{}, false
	}
	var f delimField
	var all []condition
	for {
		c, ok := sc.condition(",&|")
		if !ok {
			return delimField{}, false
		}
		all = append(all, c)
		switch {
		case sc.accept("&&"):
		case sc.accept("||"):
			f.anyOf, all = append(f.anyOf, all), nil
		default:
			f.anyOf = append(f.anyOf, all)
			return f, true
		}
		if sc.name(isFieldNameByte) != name {
			return delimField{}, false // a condition names its own field
		}
	}
}

func isFieldNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p delimPattern) match(msg string) bool {
	return matchFields(p, splitFields(msg))
}

func matchFields(p []delimField, fs []string) bool {
	if len(p) == 0 {
		return len(fs) == 0
	}
	if p[0].ellipsis {
		for k := 0; k <= len(fs); k++ {
			if matchFields(p[1:], fs[k:]) {
				return true
			}
		}
		return false
	}
	return len(fs) > 0 && p[0].test(fs[0]) && matchFields(p[1:], fs[1:])
}

// splitFields cuts an event at spaces; a field that opens with a double
// quote runs to the next one, one that opens with [ to the next ], and
// either is taken without them.
func splitFields(msg string) []string {
	var out []string
	for i := 0; i < len(msg); {
		if msg[i] == ' ' || msg[i] == '\t' {
			i++
			continue
		}
		closer := byte(0)
		switch msg[i] {
		case '"':
			closer = '"'
		case '[':
			closer = ']'
		}
		if closer != 0 {
			j := strings.IndexByte(msg[i+1:], closer)
			if j < 0 {
				out = append(out, msg[i+1:])
				break
			}
			out = append(out, msg[i+1:i+1+j])
			i += j + 2
			continue
		}
		j := strings.IndexAny(msg[i:], " \t")
		if j < 0 {
			j = len(msg) - i
		}
		out = append(out, msg[i:i+j])
		i += j
	}
	return out
}
