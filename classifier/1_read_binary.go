package classifier

import (
	"encoding/binary"
	"unicode/utf8"
)

// binaryWindow is how much of a line notText looks at: garbage shows in
// its first bytes as well as anywhere, and a long log line must not cost a
// second pass.
const binaryWindow = 256

// notText reports whether a line is mostly not text: a third or more of
// its first bytes are control characters, invalid UTF-8 or replacement
// characters. Such a line (a binary file read as text, a corrupted paste)
// is nobody's words: a fragment of it such as "433s" between two non-ASCII
// bytes would otherwise read as a status a person reported. A log line
// with a stray invalid byte or two, and text in any script, stay text.
func notText(line []byte) bool {
	w := line[:min(len(line), binaryWindow)]
	bad := 0
	for i := 0; i < len(w); {
		if i+8 <= len(w) && printableWord(binary.LittleEndian.Uint64(w[i:])) {
			i += 8 // most lines are printable ASCII: eight bytes at a time
			continue
		}
		c := w[i]
		if c >= 0x20 && c < 0x80 || c == '\t' {
			i++
			continue
		}
		if c < 0x80 {
			bad++ // a control character (a terminal's colours were folded away)
			i++
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		if r == utf8.RuneError || r < 0xa0 {
			bad += n // invalid, a replacement character, or a C1 control
		}
		i += n
	}
	return bad*3 >= len(w)
}

// printableWord reports whether all eight bytes of x are ASCII from space
// to DEL: no high bit, and each byte plus 0x60 reaches 0x80 (no carry
// crosses bytes, as no byte exceeds 0x7f + 0x60).
func printableWord(x uint64) bool {
	const high = 0x8080808080808080
	return x&high == 0 && (x+0x6060606060606060)&high == high
}
