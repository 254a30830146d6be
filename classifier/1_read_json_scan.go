package classifier

// A one-pass walk of JSON text that neither decodes nor allocates, for
// the readers that only need a value's shape (3_match_proxy_shape.go):
// what kind each value is, which keys an object holds. It keeps going to
// the text's end when the text is cut off, as logs cut long values, so a
// reader can tell text that stopped being JSON from text that stopped.

// valueKind is the kind of a JSON value, by its first byte.
type valueKind uint8

const (
	kindNone valueKind = iota // absent, or cut off before it began
	kindObject
	kindArray
	kindString
	kindNumber
	kindBool
	kindNull
	kindInvalid // no JSON value opens so
)

// kindOf is the kind of the value that opens with c.
func kindOf(c byte) valueKind {
	switch {
	case c == '{':
		return kindObject
	case c == '[':
		return kindArray
	case c == '"':
		return kindString
	case c == '-' || isDigit(c):
		return kindNumber
	case c == 't' || c == 'f':
		return kindBool
	case c == 'n':
		return kindNull
	}
	return kindInvalid
}

// jsonScan walks JSON text without decoding it.
type jsonScan struct {
	b []byte
	i int
}

func (s *jsonScan) end() bool { return s.i >= len(s.b) }

// ws passes JSON's white space.
func (s *jsonScan) ws() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// str reads the string that opens at s.i and returns its text as written
// (escapes kept) and whether it closed before the text's end.
func (s *jsonScan) str() (text []byte, closed bool) {
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch s.b[j] {
		case '\\':
			j++
		case '"':
			s.i = j + 1
			return s.b[start:j], true
		}
	}
	s.i = len(s.b)
	return nil, false
}

// skip passes one value, at s.i, and reports whether it was JSON as far as
// it went: nesting is counted, not checked pair by pair, and a scalar runs
// to the next delimiter.
func (s *jsonScan) skip() bool {
	depth := 0
	for s.i < len(s.b) {
		switch c := s.b[s.i]; c {
		case '"':
			s.str()
			if depth == 0 {
				return true
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return true // the end of the object the value is in
			}
			depth--
			if depth == 0 {
				s.i++
				return true
			}
		case ',':
			if depth == 0 {
				return true
			}
		}
		s.i++
	}
	return true
}

// object walks the object that opens at s.i, handing each member's key
// (as written, escapes kept) and its value's kind to see, which reads the
// value from s.i and reports whether it was JSON as far as it went. It
// reports whether the object was JSON as far as the text went, and whether
// it closed: text that ends inside it is a cut, which shows what came
// before it.
func (s *jsonScan) object(see func(key []byte, k valueKind) bool) (ok, closed bool) {
	s.i++ // the brace
	for first := true; ; first = false {
		s.ws()
		if s.end() {
			return true, false
		}
		if s.b[s.i] == '}' && first {
			s.i++
			return true, true
		}
		if s.b[s.i] != '"' {
			return false, false
		}
		key, _ := s.str() // a key cut off leaves s at the end
		s.ws()
		if s.end() {
			return true, false
		}
		if s.b[s.i] != ':' {
			return false, false
		}
		s.i++
		s.ws()
		if s.end() {
			return true, false
		}
		k := kindOf(s.b[s.i])
		if k == kindInvalid || !see(key, k) {
			return false, false
		}
		s.ws()
		if s.end() {
			return true, false
		}
		switch s.b[s.i] {
		case '}':
			s.i++
			return true, true
		case ',':
			s.i++
		default:
			return false, false
		}
	}
}

// members passes the object at s.i and hands each member's value kind to
// see; it reports whether the object was JSON as far as it went.
func (s *jsonScan) members(see func(valueKind)) bool {
	ok, _ := s.object(func(_ []byte, k valueKind) bool {
		see(k)
		return s.skip()
	})
	return ok
}
