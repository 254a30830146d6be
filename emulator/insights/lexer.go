package insights

import (
	"fmt"
	"strings"
	"unicode"
)

// tokKind classifies a token of the query language.
type tokKind int

const (
	tokEOF    tokKind = iota
	tokIdent          // field names, keywords and function names
	tokString         // "..." or '...'
	tokRegex          // /.../
	tokNumber
	tokSymbol // | , ( ) [ ] = != < <= > >= =~ * and the like
)

// token is one lexeme and its byte offsets in the query.
type token struct {
	kind       tokKind
	text       string // for strings and regexes: the unquoted content
	start, end int
}

// lex splits a query into tokens. A '/' starts a regex literal only where
// an operand is expected (after like, =~, a comma, '(' or '['), which is
// all the grammar subset needs.
func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := rune(src[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '"' || c == '\'':
			t, err := lexQuoted(src, i, byte(c), tokString)
			if err != nil {
				return nil, err
			}
			toks, i = append(toks, t), t.end
		case c == '/' && regexAllowed(toks):
			t, err := lexQuoted(src, i, '/', tokRegex)
			if err != nil {
				return nil, err
			}
			toks, i = append(toks, t), t.end
		case c == '`':
			t, err := lexQuoted(src, i, '`', tokIdent)
			if err != nil {
				return nil, err
			}
			toks, i = append(toks, t), t.end
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentPart(rune(src[j])) {
				j++
			}
			toks, i = append(toks, token{kind: tokIdent, text: src[i:j], start: i, end: j}), j
		case unicode.IsDigit(c):
			j := i + 1
			for j < len(src) && (unicode.IsDigit(rune(src[j])) || src[j] == '.' || unicode.IsLetter(rune(src[j]))) {
				j++
			}
			toks, i = append(toks, token{kind: tokNumber, text: src[i:j], start: i, end: j}), j
		default:
			n := symbolLen(src[i:])
			if n == 0 {
				return nil, errAt(i, i+1, fmt.Sprintf("unexpected symbol found %c", c))
			}
			toks, i = append(toks, token{kind: tokSymbol, text: src[i : i+n], start: i, end: i + n}), i+n
		}
	}
	return append(toks, token{kind: tokEOF, start: len(src), end: len(src)}), nil
}

func lexQuoted(src string, start int, q byte, kind tokKind) (token, error) {
	var b strings.Builder
	for j := start + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && (src[j+1] == q || (kind != tokRegex && src[j+1] == '\\')) {
				j++
			} else if kind == tokRegex && j+1 < len(src) {
				b.WriteByte('\\')
				j++
			}
			b.WriteByte(src[j])
		case q:
			return token{kind: kind, text: b.String(), start: start, end: j + 1}, nil
		default:
			b.WriteByte(src[j])
		}
	}
	return token{}, errAt(start, len(src), "unterminated literal")
}

func regexAllowed(prev []token) bool {
	if len(prev) == 0 {
		return false
	}
	t := prev[len(prev)-1]
	if t.kind == tokIdent && (strings.EqualFold(t.text, "like") || strings.EqualFold(t.text, "parse")) {
		return true
	}
	if len(prev) >= 2 && prev[len(prev)-2].kind == tokIdent && strings.EqualFold(prev[len(prev)-2].text, "parse") {
		return true // parse @field /regex/
	}
	if t.kind != tokSymbol {
		return false
	}
	switch t.text {
	case "=~", ",", "(", "[":
		return true
	}
	return false
}

func isIdentStart(c rune) bool { return c == '@' || c == '_' || unicode.IsLetter(c) }

func isIdentPart(c rune) bool { return isIdentStart(c) || unicode.IsDigit(c) || c == '.' || c == '$' }

var symbols = []string{"!=", "<=", ">=", "==", "=~", "|", ",", "(", ")", "[", "]", "=", "<", ">", "*", "+", "-", "/"}

func symbolLen(s string) int {
	for _, sym := range symbols {
		if strings.HasPrefix(s, sym) {
			return len(sym)
		}
	}
	return 0
}
