package classifier

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
)

// A pasted line often does not hold the bytes the program logged: a web page
// or a word processor substitutes typographic quotes and no-break spaces,
// inserts zero-width spaces where long identifiers may wrap and, in its HTML
// source, writes entities for quotes and brackets; a terminal's copy keeps
// the colour codes of `aws logs tail --color on`. foldPresentation turns
// them back into what was logged, so that the prefixes, the JSON and the
// rules see the same line however it was copied.

// foldPresentation returns b with the substitutions above undone, or b
// itself when it holds none (the common case, checked eight bytes at a time:
// an export of hundreds of megabytes passes here line by line).
func foldPresentation(b []byte) []byte {
	if plainASCII(b) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == 0x1b:
			i += escapeSequenceLen(b[i:]) - 1
			continue
		case c == '&':
			if r, n := htmlEntity(b[i:]); n > 0 {
				out = appendFolded(out, r, b[i:i+n])
				i += n - 1
				continue
			}
		case c >= 0x80:
			r, n := utf8.DecodeRune(b[i:])
			out = appendFolded(out, r, b[i:i+n])
			i += n - 1
			continue
		}
		out = append(out, c)
	}
	return out
}

// appendFolded appends the ASCII a character stands for, nothing for an
// invisible one, or the original bytes.
func appendFolded(out []byte, r rune, orig []byte) []byte {
	switch r {
	case '\u00a0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
		'\u202f', '\u205f', '\u2028', '\u2029':
		return append(out, ' ') // no-break, typographic and separator spaces
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return out // zero-width characters and the soft hyphen
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
		return append(out, '\'')
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033':
		return append(out, '"')
	}
	if r < utf8.RuneSelf {
		return append(out, byte(r)) // an entity of an ASCII character
	}
	return append(out, orig...)
}

// plainASCII reports whether b has no byte that foldPresentation changes:
// nothing at or above 0x80, no '&' and no ESC. An export of hundreds of
// megabytes passes here line by line: the two bytes are searched for with
// the vectorised bytes.IndexByte, the high bits 32 bytes at a time.
func plainASCII(b []byte) bool {
	if bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, 0x1b) >= 0 {
		return false
	}
	const high = 0x8080808080808080
	le := binary.LittleEndian
	for len(b) >= 32 {
		if (le.Uint64(b)|le.Uint64(b[8:])|le.Uint64(b[16:])|le.Uint64(b[24:]))&high != 0 {
			return false
		}
		b = b[32:]
	}
	for len(b) >= 8 {
		if le.Uint64(b)&high != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// escapeSequenceLen is the length of the terminal escape sequence b opens
// with: a CSI sequence (ESC [ parameters final byte, as colour codes are),
// or the ESC alone.
func escapeSequenceLen(b []byte) int {
	if len(b) < 2 || b[1] != '[' {
		return 1
	}
	for i := 2; i < len(b) && i < 32; i++ {
		if b[i] >= 0x40 && b[i] <= 0x7e {
			return i + 1
		}
		if b[i] < 0x20 || b[i] > 0x3f {
			return i
		}
	}
	return 1
}

// namedEntities are the entities pages write for the characters log lines
// hold.
var namedEntities = map[string]rune{
	"quot": '"', "amp": '&', "lt": '<', "gt": '>', "apos": '\'', "nbsp": '\u00a0',
}

// htmlEntity returns the character of the entity b opens with ("&quot;",
// "&#39;", "&#x27;") and its length, or 0.
func htmlEntity(b []byte) (rune, int) {
	end := 1
	for end < len(b) && end < 10 && b[end] != ';' && b[end] != '&' && b[end] != ' ' {
		end++
	}
	if end >= len(b) || end < 2 || b[end] != ';' {
		return 0, 0
	}
	name := b[1:end]
	if name[0] != '#' {
		r, ok := namedEntities[string(name)]
		if !ok {
			return 0, 0
		}
		return r, end + 1
	}
	r := numericEntity(name[1:])
	if r <= 0 || r > utf8.MaxRune {
		return 0, 0
	}
	return r, end + 1
}

// numericEntity parses the digits of "&#39;" or "&#x27;", or returns -1.
func numericEntity(d []byte) rune {
	base := rune(10)
	if len(d) > 0 && (d[0] == 'x' || d[0] == 'X') {
		base, d = 16, d[1:]
	}
	if len(d) == 0 || len(d) > 6 {
		return -1
	}
	var r rune
	for _, c := range d {
		v := rune(hexValue(c))
		if v < 0 || v >= base {
			return -1
		}
		r = r*base + v
	}
	return r
}

func hexValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
