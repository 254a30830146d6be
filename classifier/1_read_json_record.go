package classifier

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// A line that is one JSON object (an access-log record, a CloudWatch event,
// a Lambda JSON log record) is read in one pass over its bytes, keeping
// only the fields of accessRecord: a JSON access log is one such line per
// request, most of what the daemon reads, and decoding each into a map cost
// dozens of allocations a line. The syntax checked is encoding/json's, so
// that what is no JSON object is still left to the other readers; values
// are decoded as encoding/json decodes them (escapes, surrogate pairs,
// invalid UTF-8 as U+FFFD), except that a number keeps its own digits.
// Objects nest at most maxRecordDepth deep, so a hostile line cannot make
// the reader recurse far.

// maxRecordDepth bounds the nesting of a record: a log record is flat or
// nearly so; a line nested deeper is read as text.
const maxRecordDepth = 64

// recordReader reads records; its buffers are reused from line to line.
type recordReader struct {
	b     []byte // the line
	i     int    // the next byte
	depth int
	inner []byte // the object a top-level "@message" holds

	arena []byte // the known fields' values, decoded
	spans [numFields][2]int32
	seen  uint64 // fields given a value; the rest are absent
	key   []byte // scratch: the normalised key, after its parent's
	raw   []byte // scratch: a key as decoded
	text  []byte // scratch: a record's messages, to be matched
}

// read reads msg, which must be one JSON object and nothing else, into rec
// and reports whether it was one.
func (r *recordReader) read(msg []byte, rec *accessRecord) bool {
	r.b, r.i, r.depth, r.inner = msg, 0, 0, nil
	r.arena, r.seen, r.key = r.arena[:0], 0, r.key[:0]
	r.ws()
	if r.peek() != '{' || !r.object(0) {
		return false
	}
	if r.ws(); r.i != len(r.b) {
		return false
	}
	r.fill(rec)
	return true
}

// fill copies the values into rec with one allocation for all of them.
func (r *recordReader) fill(rec *accessRecord) {
	*rec = accessRecord{msgObject: r.inner}
	vals := string(r.arena)
	for f := range numFields {
		if r.seen&(1<<f) != 0 {
			rec.set(f, vals[r.spans[f][0]:r.spans[f][1]])
		}
	}
}

// object reads an object at r.i. Level 0 is the record, 1 an object in it
// whose fields are kept under the parent's name (r.key[:prefix]); the
// members of deeper objects are only checked.
func (r *recordReader) object(level int) bool {
	prefix := len(r.key)
	if !r.enter() {
		return false
	}
	if r.ws(); r.peek() == '}' {
		r.i++
		return r.leave()
	}
	for {
		r.key = r.key[:prefix]
		if !r.member(level) {
			return false
		}
		r.ws()
		switch r.next() {
		case ',':
			r.ws()
		case '}':
			return r.leave()
		default:
			return false
		}
	}
}

// member reads `"key": value`.
func (r *recordReader) member(level int) bool {
	if level > 1 {
		_, _, ok := r.str()
		return ok && r.colon() && r.value()
	}
	body, plain, ok := r.str()
	if !ok {
		return false
	}
	key := body
	if !plain {
		r.raw = r.unquote(r.raw[:0], body, plain)
		key = r.raw
	}
	r.key = appendNormKey(r.key, key)
	message := level == 0 && string(key) == "@message"
	if !r.colon() {
		return false
	}
	f, known := fieldNamed(r.key)
	if known {
		r.seen &^= 1 << f // the last of duplicate keys counts, as in a map
	}
	if message {
		r.inner = nil
	}
	switch c := r.peek(); {
	case c == '{' && level == 0:
		start := r.i
		ok = r.object(1)
		if message {
			r.inner = r.b[start:r.i]
		}
		return ok
	case c == '"':
		body, plain, ok = r.str()
		if ok && known {
			r.keep(f, body, plain)
		}
		return ok
	case c == '{' || c == '[' || c == 'n':
		return r.value()
	}
	start := r.i
	if ok = r.value(); ok && known {
		r.keep(f, r.b[start:r.i], true) // a number, true or false as written
	}
	return ok
}

// keep stores the value of f.
func (r *recordReader) keep(f field, body []byte, plain bool) {
	start := len(r.arena)
	r.arena = r.unquote(r.arena, body, plain)
	r.spans[f] = [2]int32{int32(start), int32(len(r.arena))}
	r.seen |= 1 << f
}

// value checks any value at r.i and moves past it.
func (r *recordReader) value() bool {
	switch r.peek() {
	case '{':
		return r.object(2)
	case '[':
		return r.array()
	case '"':
		_, _, ok := r.str()
		return ok
	case 't':
		return r.literal("true")
	case 'f':
		return r.literal("false")
	case 'n':
		return r.literal("null")
	}
	return r.number()
}

func (r *recordReader) array() bool {
	if !r.enter() {
		return false
	}
	if r.ws(); r.peek() == ']' {
		r.i++
		return r.leave()
	}
	for {
		if !r.value() {
			return false
		}
		r.ws()
		switch r.next() {
		case ',':
			r.ws()
		case ']':
			return r.leave()
		default:
			return false
		}
	}
}

// enter moves past '{' or '[' unless that nests too deep.
func (r *recordReader) enter() bool {
	r.i++
	r.depth++
	return r.depth <= maxRecordDepth
}

// leave ends an object or array whose closing byte was read.
func (r *recordReader) leave() bool {
	r.depth--
	return true
}

func (r *recordReader) colon() bool {
	r.ws()
	if r.next() != ':' {
		return false
	}
	r.ws()
	return true
}

func (r *recordReader) literal(word string) bool {
	if !bytes.HasPrefix(r.b[r.i:], []byte(word)) {
		return false
	}
	r.i += len(word)
	return true
}

// number checks JSON's number syntax: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (r *recordReader) number() bool {
	if r.peek() == '-' {
		r.i++
	}
	switch c := r.peek(); {
	case c == '0':
		r.i++
	case '1' <= c && c <= '9':
		r.digits()
	default:
		return false
	}
	if r.peek() == '.' {
		r.i++
		if !r.digits() {
			return false
		}
	}
	if c := r.peek(); c == 'e' || c == 'E' {
		r.i++
		if c := r.peek(); c == '+' || c == '-' {
			r.i++
		}
		return r.digits()
	}
	return true
}

// digits moves past one digit or more and reports whether there was one.
func (r *recordReader) digits() bool {
	start := r.i
	for r.i < len(r.b) && isDigit(r.b[r.i]) {
		r.i++
	}
	return r.i > start
}

// str checks the string at r.i and moves past it. body is what its quotes
// hold; plain is whether that is its value as it stands (no escape, only
// ASCII), which most values of a log record are.
func (r *recordReader) str() (body []byte, plain, ok bool) {
	if r.peek() != '"' {
		return nil, false, false
	}
	start := r.i + 1
	plain = true
	for r.i = start; r.i < len(r.b); r.i++ {
		c := r.b[r.i]
		if !strStops[c] {
			continue
		}
		switch {
		case c == '"':
			r.i++
			return r.b[start : r.i-1], plain, true
		case c < 0x20:
			return nil, false, false
		case c == '\\':
			if !r.escape() {
				return nil, false, false
			}
		}
		plain = false
	}
	return nil, false, false
}

// strStops are the bytes a string's scan stops at: its end, an escape,
// a control character (invalid in JSON) and the bytes of non-ASCII text.
var strStops = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '"' || c == '\\' || c < 0x20 || c >= utf8.RuneSelf
	}
	return t
}()

// escape checks the escape at r.i and leaves r.i on its last byte.
func (r *recordReader) escape() bool {
	if r.i+1 >= len(r.b) {
		return false
	}
	r.i++
	switch r.b[r.i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	case 'u':
		if hex4(r.b[r.i+1:]) < 0 {
			return false
		}
		r.i += 4
		return true
	}
	return false
}

// unquote appends the value of a checked string's body to dst.
func (r *recordReader) unquote(dst, body []byte, plain bool) []byte {
	if plain {
		return append(dst, body...)
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '\\':
			var n int
			dst, n = appendEscape(dst, body[i:])
			i += n
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			ru, n := utf8.DecodeRune(body[i:]) // invalid UTF-8 is U+FFFD
			dst = utf8.AppendRune(dst, ru)
			i += n
		}
	}
	return dst
}

// appendEscape appends what the checked escape at the start of b stands
// for, and returns how many bytes it took: a \u surrogate joins the \u
// after it when the two make a pair, and is U+FFFD when they do not.
func appendEscape(dst, b []byte) ([]byte, int) {
	switch b[1] {
	case 'b':
		return append(dst, '\b'), 2
	case 'f':
		return append(dst, '\f'), 2
	case 'n':
		return append(dst, '\n'), 2
	case 'r':
		return append(dst, '\r'), 2
	case 't':
		return append(dst, '\t'), 2
	case 'u':
	default:
		return append(dst, b[1]), 2
	}
	ru := rune(hex4(b[2:]))
	if !utf16.IsSurrogate(ru) {
		return utf8.AppendRune(dst, ru), 6
	}
	if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
		if pair := utf16.DecodeRune(ru, rune(hex4(b[8:]))); pair != utf8.RuneError {
			return utf8.AppendRune(dst, pair), 12
		}
	}
	return utf8.AppendRune(dst, utf8.RuneError), 6
}

// hex4 reads four hex digits, -1 when they are not.
func hex4(b []byte) int {
	if len(b) < 4 {
		return -1
	}
	n := 0
	for _, c := range b[:4] {
		v := hexValue(c)
		if v < 0 {
			return -1
		}
		n = n<<4 | v
	}
	return n
}

func (r *recordReader) ws() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next byte, 0 at the end.
func (r *recordReader) peek() byte {
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

// next reads the next byte, 0 at the end.
func (r *recordReader) next() byte {
	c := r.peek()
	r.i = min(r.i+1, len(r.b))
	return c
}
