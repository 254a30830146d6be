package classifier

import (
	"encoding/binary"
	"unicode/utf8"
)

// binaryWindow is the span a line's text is judged by: garbage shows in
// its first bytes, and wherever it starts later.
const binaryWindow = 256

// judgedSpan is how far after a stray bad byte whose window was judged
// text the next is not judged again: a line of text with many stray bytes
// costs at most binaryWindow/judgedSpan passes, and garbage that starts
// among them is found within judgedSpan bytes.
const judgedSpan = binaryWindow / 8

// textEnd returns how much of a line is text: 0 when its first
// binaryWindow bytes are mostly not text (a third or more of them control
// characters, invalid UTF-8 or replacement characters: a binary file read
// as text, a corrupted paste), else all of it, or up to the first bad byte
// after which the next binaryWindow bytes are mostly not text. What follows
// is nobody's words: a fragment of it such as "433s" between two non-ASCII
// bytes would otherwise read as a status a person reported. The text
// before it (a gateway's line that logged a binary body after its words)
// is read. A log line with a stray invalid byte or two, and text in any
// script, stay text.
func textEnd(line []byte) int {
	judged := -judgedSpan // where the last window judged text started
	for i := 0; i < len(line); {
		if i+8 <= len(line) && printableWord(binary.LittleEndian.Uint64(line[i:])) {
			i += 8 // most lines are printable ASCII: eight bytes at a time
			continue
		}
		if c := line[i]; c >= 0x20 && c < 0x80 || c == '\t' {
			i++
			continue
		}
		n := badBytes(line[i:])
		if n > 0 {
			i += n
			continue
		}
		// a bad byte: the first of the line's first window judges that
		// window, and any judges the window it opens
		if judged < 0 && i < binaryWindow && garbage(line) {
			return 0
		}
		if i >= judged+judgedSpan {
			if garbage(line[i:]) {
				return i
			}
			judged = i
		}
		i -= n
	}
	return len(line)
}

// garbage reports whether the first binaryWindow bytes of b are mostly not
// text.
func garbage(b []byte) bool {
	w := b[:min(len(b), binaryWindow)]
	bad := 0
	for i := 0; i < len(w); {
		if i+8 <= len(w) && printableWord(binary.LittleEndian.Uint64(w[i:])) {
			i += 8
			continue
		}
		n := badBytes(w[i:])
		if n < 0 {
			bad, n = bad-n, -n
		}
		i += n
	}
	return bad*3 >= len(w)
}

// badBytes returns the length of the character b opens, negated when it is
// no text: a control character (a terminal's colours were folded away),
// invalid UTF-8, a replacement character or a C1 control.
func badBytes(b []byte) int {
	c := b[0]
	if c >= 0x20 && c < 0x80 || c == '\t' {
		return 1
	}
	if c < 0x80 {
		return -1
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError || r < 0xa0 {
		return -n
	}
	return n
}

// printableWord reports whether all eight bytes of x are ASCII from space
// to DEL: no high bit, and each byte plus 0x60 reaches 0x80 (no carry
// crosses bytes, as no byte exceeds 0x7f + 0x60).
func printableWord(x uint64) bool {
	const high = 0x8080808080808080
	return x&high == 0 && (x+0x6060606060606060)&high == high
}
