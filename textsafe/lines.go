package textsafe

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Lines is Escape for multi-line output that the program itself laid out
// (a terminal report, an indented JSON document): line feeds stay, every
// other unsafe rune is escaped. The text inside it must have been escaped
// already (or come from the program), so that a line feed in it is the
// program's and not forged by input.
func Lines(s string) string {
	if Clean(strings.ReplaceAll(s, "\n", "")) {
		return s
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = Escape(p)
	}
	return strings.Join(parts, "\n")
}

// JSON makes an encoded JSON document safe for whoever prints its values
// (`jq -r`, a dashboard): every unsafe character inside a string, written
// raw (encoding/json passes DEL, C1, bidi and zero-width characters) or as
// a JSON escape (\n, \u001b, \u2028), becomes the text of its escape, so
// a decoder yields the six characters \u202e, never the control. The
// document's own line feeds and indentation stay. doc must be valid JSON.
func JSON(doc []byte) []byte {
	out := make([]byte, 0, len(doc)+16)
	inString := false
	for i := 0; i < len(doc); {
		c := doc[i]
		switch {
		case !inString:
			inString = c == '"'
			out = append(out, c)
			i++
		case c == '"':
			inString = false
			out = append(out, c)
			i++
		case c == '\\':
			n := jsonEscape(doc[i:], &out)
			i += n
		default:
			r, size := utf8.DecodeRune(doc[i:])
			if Unsafe(r) || (r == utf8.RuneError && size <= 1) {
				out = append(out, '\\')
				out = append(out, Escape(string(doc[i:i+size]))...)
			} else {
				out = append(out, doc[i:i+size]...)
			}
			i += size
		}
	}
	return out
}

// jsonEscape copies the escape at the start of e (inside a JSON string) to
// out, turned into visible text when it stands for an unsafe character,
// and returns its length.
func jsonEscape(e []byte, out *[]byte) int {
	if len(e) < 2 {
		*out = append(*out, e...)
		return len(e)
	}
	switch e[1] {
	case 'n', 'r', 't', 'b', 'f':
		*out = append(*out, '\\', '\\', e[1])
		return 2
	case 'u':
		if len(e) < 6 {
			break
		}
		cp, err := strconv.ParseUint(string(e[2:6]), 16, 32)
		if err == nil && Unsafe(rune(cp)) {
			*out = append(*out, '\\', '\\')
			*out = append(*out, e[1:6]...)
			return 6
		}
		*out = append(*out, e[:6]...)
		return 6
	}
	*out = append(*out, e[:2]...)
	return 2
}
