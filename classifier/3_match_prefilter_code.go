package classifier

import (
	"bytes"
	"regexp/syntax"
	"unicode/utf8"
)

// codeNeed is what a status pattern needs around its code: the group is
// three digits, the codes it can hold are known, and so are the bytes
// that can stand right before and right after it. A line whose every run
// of three digits is another code, or sits between other bytes, cannot
// show a code through the pattern, and the pattern is not run: most
// function log lines hold digits (timestamps, ids, sizes), few of them a
// code where a status pattern wants one. Read off the pattern's syntax
// tree, as the literals of a guardedRegexp are.
type codeNeed struct {
	ok     bool // false: nothing is known, run the pattern
	codes  [16]uint64
	before byteSet // the bytes that can precede the code
	after  byteSet // the bytes that can follow it
	// atStart, atEnd: the code may open or end the line
	atStart, atEnd bool
	// beside: the strings one of which must stand right before the code
	// and right after it, when the parts beside the group spell them out
	// (" " or ` "` before "\b(?:devuelv...)(?: (?:un|...))* ["']?([1-5]\d\d)":
	// a quote alone is not enough); nil: no such strings
	beside [2][][]byte
}

// codeNeedOf reads pattern's need; a pattern whose first group is not a
// part of its top-level concatenation, or holds other than three digits,
// needs nothing.
func codeNeedOf(pattern string) codeNeed {
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return codeNeed{}
	}
	tree = tree.Simplify()
	seq := flatten([]*syntax.Regexp{tree})
	for i, re := range seq {
		if re.Op != syntax.OpCapture || re.Cap != 1 {
			continue
		}
		n := codeNeed{ok: true}
		if !digitCodes(re.Sub[0], &n.codes) {
			return codeNeed{}
		}
		n.after, n.atEnd = nextBytes(seq[i+1:], true)
		n.before, n.atStart = nextBytes(reversed(seq[:i]), false)
		n.beside = [2][][]byte{adjacentStrings(reversed(seq[:i]), false), adjacentStrings(seq[i+1:], true)}
		return n
	}
	return codeNeed{}
}

// flatten replaces each concatenation and capture other than the first
// group in seq with its parts.
func flatten(seq []*syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	for _, re := range seq {
		switch {
		case re.Op == syntax.OpConcat:
			out = append(out, flatten(re.Sub)...)
		case re.Op == syntax.OpCapture && re.Cap != 1:
			out = append(out, flatten(re.Sub)...)
		default:
			out = append(out, re)
		}
	}
	return out
}

// reversed returns seq in reverse order.
func reversed(seq []*syntax.Regexp) []*syntax.Regexp {
	out := make([]*syntax.Regexp, len(seq))
	for i, re := range seq {
		out[len(seq)-1-i] = re
	}
	return out
}

// digitCodes sets in codes every code group matches, and reports whether
// group matches three ASCII digits and nothing else.
func digitCodes(group *syntax.Regexp, codes *[16]uint64) bool {
	var pos []byteSet
	for _, re := range flatten([]*syntax.Regexp{group}) {
		switch {
		case re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0:
			for _, r := range re.Rune {
				var b byteSet
				if r < '0' || r > '9' {
					return false
				}
				b.add(byte(r))
				pos = append(pos, b)
			}
		case re.Op == syntax.OpCharClass:
			var b byteSet
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] < '0' || re.Rune[i+1] > '9' {
					return false
				}
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					b.add(byte(r))
				}
			}
			pos = append(pos, b)
		default:
			return false
		}
	}
	if len(pos) != 3 {
		return false
	}
	for c := range 1000 {
		if pos[0].has(byte('0'+c/100)) && pos[1].has(byte('0'+c/10%10)) && pos[2].has(byte('0'+c%10)) {
			codes[c>>6] |= 1 << (c & 63)
		}
	}
	return true
}

func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

// allBytes is every byte value.
var allBytes = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// nonWordBytes are the bytes \b lets stand beside a digit.
var nonWordBytes = func() byteSet {
	var b byteSet
	for c := range 256 {
		if !isWordByte(byte(c)) {
			b.add(byte(c))
		}
	}
	return b
}()

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// nextBytes returns the bytes the first byte matched by seq can be, and
// whether seq can reach the line's edge first. fwd: seq runs forwards
// from the code's end; otherwise backwards from its start (seq reversed,
// each part read from its end). The code beside it is a digit, which
// \b and \B use. Whatever is not known is every byte.
func nextBytes(seq []*syntax.Regexp, fwd bool) (set byteSet, edge bool) {
	if len(seq) == 0 {
		return allBytes, true // the match ends: anything may follow
	}
	re, rest := seq[0], seq[1:]
	with := func(sub *syntax.Regexp) []*syntax.Regexp {
		return append([]*syntax.Regexp{sub}, rest...)
	}
	switch re.Op {
	case syntax.OpCapture:
		return nextBytes(with(re.Sub[0]), fwd)
	case syntax.OpConcat:
		subs := re.Sub
		if !fwd {
			subs = reversed(subs)
		}
		return nextBytes(append(append([]*syntax.Regexp{}, subs...), rest...), fwd)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, e := nextBytes(with(sub), fwd)
			set, edge = union(set, s), edge || e
		}
		return set, edge
	case syntax.OpEmptyMatch:
		return nextBytes(rest, fwd)
	case syntax.OpQuest, syntax.OpStar:
		s1, e1 := nextBytes(with(re.Sub[0]), fwd)
		s2, e2 := nextBytes(rest, fwd)
		return union(s1, s2), e1 || e2
	case syntax.OpPlus:
		return nextBytes(with(re.Sub[0]), fwd)
	case syntax.OpRepeat:
		s, e := nextBytes(with(re.Sub[0]), fwd)
		if re.Min == 0 {
			s2, e2 := nextBytes(rest, fwd)
			s, e = union(s, s2), e || e2
		}
		return s, e
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return allBytes, true
		}
		r := re.Rune[0]
		if !fwd {
			r = re.Rune[len(re.Rune)-1]
		}
		return runeEdgeBytes(r, r, fwd), false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set = union(set, runeEdgeBytes(re.Rune[i], re.Rune[i+1], fwd))
		}
		return set, false
	case syntax.OpWordBoundary:
		return nonWordBytes, true // beside a digit, a non-word byte or the edge
	case syntax.OpEndText:
		if fwd {
			return byteSet{}, true
		}
	case syntax.OpBeginText:
		if !fwd {
			return byteSet{}, true
		}
	}
	return allBytes, true
}

// adjacentStrings spells out the parts of seq next to the code, outwards
// (fwd: after it, else before it, seq reversed), as far as each part
// matches only a few strings, and returns the strings one of which stands
// right beside the code; nil when one of them is empty (a part that may
// match nothing leaves the byte beside the code to what comes past it).
func adjacentStrings(seq []*syntax.Regexp, fwd bool) [][]byte {
	acc := [][]byte{nil}
	for _, re := range seq {
		set, ok := spelled(re)
		if !ok {
			break
		}
		var next [][]byte
		if fwd {
			next = crossJoin(acc, set)
		} else {
			next = crossJoin(set, acc)
		}
		if next == nil {
			break
		}
		acc = next
	}
	for _, a := range acc {
		if len(a) == 0 {
			return nil
		}
	}
	return acc
}

// besideOne reports whether one of strs ends before (fwd false) or opens
// rest; nil strs are always there.
func besideOne(rest []byte, strs [][]byte, fwd bool) bool {
	if strs == nil {
		return true
	}
	for _, s := range strs {
		if fwd && bytes.HasPrefix(rest, s) || !fwd && bytes.HasSuffix(rest, s) {
			return true
		}
	}
	return false
}

// runeEdgeBytes is the bytes the runes lo to hi can open (fwd) or end
// with in UTF-8: an ASCII rune itself, any other a byte of 0x80 or more.
func runeEdgeBytes(lo, hi rune, fwd bool) byteSet {
	var b byteSet
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		b.add(byte(r))
	}
	if hi >= utf8.RuneSelf {
		for c := 0x80; c < 0x100; c++ {
			b.add(byte(c))
		}
	}
	return b
}

func union(a, b byteSet) byteSet {
	return byteSet{a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]}
}

// maxCodeAt is the most three-digit runs codeSpots records; a line with
// more is read by every pattern.
const maxCodeAt = 64

// codeSpots are where a line holds three digits in a row that no
// separator joins to a number before them (inLargerNumber): the places a
// status pattern's code can be, as codeShown and litForm.code keep it.
type codeSpots struct {
	n    int
	over bool
	at   [maxCodeAt]int
}

// spotsOf finds the codeSpots of low.
func spotsOf(low []byte, s *codeSpots) {
	s.n, s.over = 0, false
	for i := 0; i+2 < len(low); i++ {
		if !isDigit(low[i]) || !isDigit(low[i+1]) || !isDigit(low[i+2]) || inLargerNumber(low, i) {
			continue
		}
		if s.n == maxCodeAt {
			s.over = true
			return
		}
		s.at[s.n] = i
		s.n++
	}
}

// fits reports whether low, whose spots are s, holds a code where the
// pattern of n can take it.
func (n *codeNeed) fits(low []byte, s *codeSpots) bool {
	if !n.ok || s.over {
		return true
	}
	for _, i := range s.at[:s.n] {
		c := int(low[i]-'0')*100 + int(low[i+1]-'0')*10 + int(low[i+2]-'0')
		if n.codes[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		if i == 0 && !n.atStart || i > 0 && !n.before.has(low[i-1]) {
			continue
		}
		if end := i + 3; end == len(low) && !n.atEnd || end < len(low) && !n.after.has(low[end]) {
			continue
		}
		if !besideOne(low[:i], n.beside[0], false) || !besideOne(low[i+3:], n.beside[1], true) {
			continue
		}
		return true
	}
	return false
}
