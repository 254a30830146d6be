// Package textsafe is the one sanitiser of untrusted text: log lines, API
// names, handler settings, anything a client or an AWS user can write. Every
// sink (the terminal, Slack, Alertmanager, the JSON API) passes such text
// through it, so a control character cannot clear a screen or forge a line,
// a bidi control cannot reorder what a reader sees, and a zero-width
// character cannot hide text.
package textsafe

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Ellipsis marks text that was cut.
const Ellipsis = "…"

// Unsafe reports whether r must never reach a reader raw: C0 and C1
// control characters and DEL, the line and paragraph separators, and every
// format character (Unicode category Cf: the bidi controls U+200E/F,
// U+202A-202E and U+2066-2069, the zero-width characters U+200B-200D, U+2060
// and U+FEFF, the soft hyphen, the tag characters used to smuggle text).
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return r > 0xa0 && unicode.Is(unicode.Cf, r)
}

// Escape returns s with every unsafe rune written as a Go escape (\x1b, \n,
// \u202e, \U000e0041) and every invalid UTF-8 byte as \xff. The result is
// valid UTF-8 and holds no unsafe rune.
func Escape(s string) string {
	return Cut(s, -1)
}

// Cut is Escape with the result bounded to limit characters (runes), ending
// with "…" when it had to cut. It never splits a character or an escape;
// a negative limit means no bound.
func Cut(s string, limit int) string {
	if limit < 0 && Clean(s) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	n := 0
	for len(s) > 0 {
		piece, size := next(s)
		pn := utf8.RuneCountInString(piece)
		if limit >= 0 && n+pn > limit-1 && (n+pn > limit || len(s) > size) {
			if limit == 0 {
				return ""
			}
			return string(out) + Ellipsis
		}
		out = append(out, piece...)
		n += pn
		s = s[size:]
	}
	return string(out)
}

// CutBytes is Cut with the bound counted in bytes (for limits set in bytes,
// such as Alertmanager annotations), "…" included.
func CutBytes(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	out := make([]byte, 0, min(len(s), limit)+8)
	for len(s) > 0 {
		piece, size := next(s)
		if len(out)+len(piece) > limit-len(Ellipsis) && (len(out)+len(piece) > limit || len(s) > size) {
			if limit < len(Ellipsis) {
				return "" // no room for the mark, and a cut without it would mislead
			}
			return string(out) + Ellipsis
		}
		out = append(out, piece...)
		s = s[size:]
	}
	return string(out)
}

// next returns the safe form of the first rune of s and its size in s.
func next(s string) (string, int) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size <= 1:
		return `\x` + strconv.FormatUint(uint64(s[0])|0x100, 16)[1:], 1
	case Unsafe(r):
		q := strconv.QuoteRuneToASCII(r)
		return q[1 : len(q)-1], size
	}
	return s[:size], size
}

// Clean reports whether s is valid UTF-8 without any unsafe rune, that is
// whether Escape would return it unchanged.
func Clean(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false
			}
		}
		if Unsafe(r) {
			return false
		}
	}
	return true
}
