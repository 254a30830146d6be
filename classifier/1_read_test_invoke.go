package classifier

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"unicode/utf16"
	"unicode/utf8"
)

// `aws apigateway test-invoke-method` prints its answer as indented JSON,
// one field a line, and the test request's whole execution log is one of
// them: "log", a single JSON string. A large request or response body
// makes that line hundreds of kilobytes, longer than any line the reader
// keeps, so the field is decoded as it streams: each line of the log is
// read as it ends, and the gathered object keeps an empty log in its
// place. Another string field too long for a line (a large body) keeps its
// first keptFieldBytes, so the object still closes as the JSON it was.

// keptFieldBytes is how much of a long string field (not the log) the
// gathered object keeps: the error objects and messages the rules read sit
// at a body's start.
const keptFieldBytes = 16 << 10

// testInvokeStatus is the first field of test-invoke-method's output as
// the gathered object holds it: the method's status.
var testInvokeStatus = regexp.MustCompile(`^\{\n"status": [1-5]\d\d,\n`)

// streamedField returns the key of the string field a raw line opens and
// where its value starts in raw (after its opening quote), when the line is
// to be streamed: inside a gathered test-invoke-method object, its log
// (whatever its length), or another string field longer than the reader's
// buffer (cut: the line did not end in it).
func (s *Session) streamedField(raw []byte, cut bool) ([]byte, int, bool) {
	p := s.pretty
	if p == nil || p.src != srcAuto || p.depth != 1 || p.inStr || !testInvokeStatus.Match(p.text) {
		return nil, 0, false
	}
	line := trimSpace(raw)
	if len(line) < 2 || line[0] != '"' {
		return nil, 0, false
	}
	end := bytes.IndexByte(line[1:], '"') + 1
	if end == 0 {
		return nil, 0, false
	}
	key, rest := line[1:end], trimSpace(line[end+1:])
	if len(rest) == 0 || rest[0] != ':' {
		return nil, 0, false
	}
	rest = trimSpace(rest[1:])
	if len(rest) == 0 || rest[0] != '"' || !cut && !bytes.Equal(key, []byte("log")) {
		return nil, 0, false
	}
	// rest is raw's own bytes, cut at the front (and at the back, which
	// leaves the capacity): the capacities give its offset
	return key, cap(raw) - cap(rest) + 1, true
}

// streamField decodes the string field whose value starts at raw[at] (raw
// the first part of a line from br; err the error reading it gave) through
// its end, and adds the line the gathered object keeps in its place. It
// returns the error reading ended with.
func (s *Session) streamField(br *bufio.Reader, key, raw []byte, at int, err error) error {
	key = bytes.Clone(key) // raw is the reader's buffer, which the next read reuses
	d := fieldDecoder{log: bytes.Equal(key, []byte("log"))}
	if d.log {
		d.onLine = s.addLogLine
	}
	chunk := raw[at:]
	for {
		if n, done := d.feed(chunk); done {
			s.addLine(d.replacement(key, trimSpace(chunk[n:])), srcAuto)
			if errors.Is(err, bufio.ErrBufferFull) {
				return skipRestOfLine(br)
			}
			return err
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			// the input ended inside the string: what it held is read
			d.flush()
			s.addLine(d.replacement(key, []byte(",")), srcAuto)
			return err
		}
		chunk, err = br.ReadSlice('\n')
	}
}

// addLogLine reads a line of the log as a line of its own, not a line of
// the object being gathered.
func (s *Session) addLogLine(line []byte) {
	p := s.pretty
	s.pretty = nil
	s.addLine(line, srcAuto)
	s.pretty = p
}

// fieldDecoder decodes a JSON string as it streams.
type fieldDecoder struct {
	log    bool         // the log: its lines go to onLine
	onLine func([]byte) // each line of the log, as it ends
	cur    []byte       // the line so far (log) or the text kept (another field)
	esc    bool         // after a backslash
	hex    []byte       // the digits of a \u escape so far (inU)
	inU    bool
	high   rune // a high surrogate waiting for its pair
}

// feed decodes chunk and reports how many bytes it took and whether the
// string ended in it (its closing quote taken).
func (d *fieldDecoder) feed(chunk []byte) (int, bool) {
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		switch {
		case d.inU:
			d.hex = append(d.hex, c)
			if len(d.hex) == 4 {
				d.inU = false
				d.unicode()
			}
		case d.esc:
			d.esc = false
			d.escaped(c)
		case c == '\\':
			d.esc = true
		case c == '"':
			d.flush()
			return i + 1, true
		case c == '\n' || c == '\r':
			// a raw line break is no JSON: the field ends where its line does
			d.flush()
			return i, true
		default:
			d.put(c)
		}
	}
	return len(chunk), false
}

// escaped decodes the character after a backslash.
func (d *fieldDecoder) escaped(c byte) {
	switch c {
	case 'n':
		d.newline()
	case 't':
		d.put('\t')
	case 'r', 'b', 'f':
		// a carriage return ends no line the log means; the others are no text
	case 'u':
		d.inU, d.hex = true, d.hex[:0]
	default:
		d.put(c) // \" \\ \/
	}
}

// unicode decodes a \u escape, joining a surrogate pair.
func (d *fieldDecoder) unicode() {
	var r rune
	for _, h := range d.hex {
		r <<= 4
		switch {
		case '0' <= h && h <= '9':
			r |= rune(h - '0')
		case 'a' <= h && h <= 'f':
			r |= rune(h-'a') + 10
		case 'A' <= h && h <= 'F':
			r |= rune(h-'A') + 10
		default:
			return // no escape: dropped
		}
	}
	switch {
	case utf16.IsSurrogate(r) && r < 0xdc00:
		d.high = r
		return
	case utf16.IsSurrogate(r) && d.high != 0:
		r = utf16.DecodeRune(d.high, r)
	case r == '\n':
		d.high = 0
		d.newline()
		return
	}
	d.high = 0
	d.putRune(r)
}

func (d *fieldDecoder) put(c byte) {
	if len(d.cur) < d.limit() {
		d.cur = append(d.cur, c)
	}
}

func (d *fieldDecoder) putRune(r rune) {
	if len(d.cur)+utf8.UTFMax <= d.limit() {
		d.cur = utf8.AppendRune(d.cur, r)
	}
}

// limit bounds what is kept: a line of the log as the reader bounds any
// line, another field to its first keptFieldBytes.
func (d *fieldDecoder) limit() int {
	if d.log {
		return maxLineBytes
	}
	return keptFieldBytes
}

// newline ends a line of the log (in another field, a newline is text).
func (d *fieldDecoder) newline() {
	if !d.log {
		d.put('\n')
		return
	}
	d.flush()
}

// flush reads the log's line so far.
func (d *fieldDecoder) flush() {
	if d.log && len(d.cur) > 0 {
		d.onLine(d.cur)
		d.cur = d.cur[:0]
	}
}

// replacement is the line the gathered object keeps for the field: the
// log empty (its lines were read), another field with what was kept; rest
// is what followed the string on its line (a comma).
func (d *fieldDecoder) replacement(key, rest []byte) []byte {
	val, _ := json.Marshal(string(d.cur))
	if d.log {
		val = []byte(`""`)
	}
	out := append([]byte{'"'}, key...)
	out = append(append(append(out, `": `...), val...), rest...)
	return out
}
