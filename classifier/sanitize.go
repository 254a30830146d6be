package classifier

import (
	"strconv"
	"unicode/utf8"
)

// maxEvidenceBytes bounds one evidence line in a diagnosis. API Gateway
// itself truncates execution-log events at 1 KB; half of that keeps the
// deciding part of a line and keeps Slack messages and JSON small.
const maxEvidenceBytes = 512

// escapeLine makes a log line safe to print: control characters and invalid
// UTF-8 are escaped (a terminal or a Slack message must not interpret them)
// and the result is cut at maxEvidenceBytes with a "…" mark.
func escapeLine(b []byte) string {
	out := make([]byte, 0, min(len(b), maxEvidenceBytes)+8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		var piece []byte
		switch {
		case r == utf8.RuneError && size <= 1:
			piece = []byte(`\x` + hex2(b[0]))
		case r == '\t':
			piece = []byte(`\t`)
		case r == '\n':
			piece = []byte(`\n`)
		case r == '\r':
			piece = []byte(`\r`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029:
			piece = []byte(strconv.QuoteRuneToASCII(r))
			piece = piece[1 : len(piece)-1]
		default:
			piece = b[:size]
		}
		if len(out)+len(piece) > maxEvidenceBytes-len("…") {
			return string(out) + "…"
		}
		out = append(out, piece...)
		b = b[size:]
	}
	return string(out)
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
