package classifier

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// guardedRegexp is a regexp with the literals one of which every match
// must hold: a line holding none of them cannot match, and is passed over
// without running the regexp. Most lines a function or a person writes
// hold none of a status or client pattern's words, and the regexp engine,
// run over a whole line for a large alternation, costs a hundred times the
// scan. The literals are read off the pattern's syntax tree, so a guard
// never changes what the pattern matches.
type guardedRegexp struct {
	*regexp.Regexp
	need []literal // nil: no literal is needed, run the regexp on every line
	// also are more sets of literals a match needs one of each of, read
	// off the other parts of a concatenation ("reserved|account" and
	// "limit|reached" beside "concurrency"): a line must hold one of
	// need and one of each of also
	also [][]literal
	// alts are, for a pattern that is an alternation, each alternative's
	// sets of literals (its need, then its also): a line must hold one of
	// each set of some alternative
	alts [][][]literal
	// branches are the pattern's top-level alternatives, each compiled
	// alone with its own literals: Match runs only those whose literals the
	// line holds (the pattern matches where one of them does), and an
	// anchored branch fails at the line's start instead of the whole
	// alternation being walked over the line.
	branches []branch
	// code is what the pattern needs around its code, for the status
	// patterns (codeShown)
	code codeNeed
}

// branch is one top-level alternative of a guarded pattern.
type branch struct {
	re   *regexp.Regexp
	need []literal
}

// literal is a string a match needs, with the set of its bytes and of its
// byte pairs, so that a line lacking one of them is ruled out without a
// search.
type literal struct {
	s     []byte
	bytes byteSet
	pairs []uint16 // pairKey of each pair of adjacent bytes
}

// lineSet is the bytes and the byte pairs a line holds: a literal whose
// bytes or pairs it lacks is not in it (most literals of a large
// alternation share their letters with any sentence, not their pairs).
type lineSet struct {
	bytes byteSet
	pairs [1 << pairBits / 64]uint64
}

// pairBits is the size of the pair hash: 4096 slots, so that the pairs
// of lower-case letters each have their own.
const pairBits = 12

// pairKey hashes two adjacent bytes.
func pairKey(a, b byte) uint16 { return uint16((uint32(a)*31 + uint32(b)) & (1<<pairBits - 1)) }

// lineSetOf reads b's bytes and pairs.
func lineSetOf(b []byte, l *lineSet) {
	*l = lineSet{}
	for i, c := range b {
		l.bytes.add(c)
		if i > 0 {
			k := pairKey(b[i-1], c)
			l.pairs[k>>6] |= 1 << (k & 63)
		}
	}
}

// mayHold reports whether a line of set l may hold lit.
func (l *lineSet) mayHold(lit *literal) bool {
	if !lit.bytes.within(&l.bytes) {
		return false
	}
	for _, k := range lit.pairs {
		if l.pairs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// byteSet is a set of byte values.
type byteSet [4]uint64

func (b *byteSet) add(c byte) { b[c>>6] |= 1 << (c & 63) }

// within reports whether every byte of b is in line.
func (b *byteSet) within(line *byteSet) bool {
	return b[0]&^line[0] == 0 && b[1]&^line[1] == 0 && b[2]&^line[2] == 0 && b[3]&^line[3] == 0
}

func bytesOf(s []byte) byteSet {
	var b byteSet
	for _, c := range s {
		b.add(c)
	}
	return b
}

// guardedRegexps are every guarded pattern, for the test that checks each
// guard against the corpus.
var guardedRegexps []*guardedRegexp

// guard compiles pattern as regexp.MustCompile does, with its literals
// and its alternatives for Match.
func guard(pattern string) *guardedRegexp {
	g, tree := guardParsed(pattern)
	if tree != nil && tree.Op == syntax.OpAlternate {
		g.branches = branchesOf(tree)
	}
	return g
}

// guardFind is guard for a pattern only ever searched for its submatches
// (a rule's), which keeps no alternatives compiled apart.
func guardFind(pattern string) *guardedRegexp {
	g, _ := guardParsed(pattern)
	return g
}

// guardParsed compiles pattern with its literals, and returns its syntax
// tree (nil when it does not parse) for guard's alternatives.
func guardParsed(pattern string) (*guardedRegexp, *syntax.Regexp) {
	re := regexp.MustCompile(pattern)
	g := &guardedRegexp{Regexp: re}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return g, nil // unreachable: MustCompile parsed it
	}
	g.need = literals(requiredLiterals(tree))
	for _, set := range alsoRequired(tree) {
		g.also = append(g.also, literals(set))
	}
	if g.need != nil && tree.Op == syntax.OpAlternate {
		for _, sub := range tree.Sub {
			sets := [][]literal{literals(requiredLiterals(sub))}
			for _, set := range alsoRequired(sub) {
				sets = append(sets, literals(set))
			}
			g.alts = append(g.alts, sets)
		}
	}
	g.code = codeNeedOf(pattern)
	guardedRegexps = append(guardedRegexps, g)
	return g, tree
}

// literals adds each string's byte set.
func literals(ss [][]byte) []literal {
	var out []literal
	for _, s := range ss {
		l := literal{s: s, bytes: bytesOf(s)}
		for i := 1; i < len(s); i++ {
			if k := pairKey(s[i-1], s[i]); !slices.Contains(l.pairs, k) {
				l.pairs = append(l.pairs, k)
			}
		}
		out = append(out, l)
	}
	return out
}

// branchesOf compiles each alternative of tree alone, or returns nil when
// one does not compile as printed.
func branchesOf(tree *syntax.Regexp) []branch {
	var out []branch
	for _, sub := range tree.Sub {
		re, err := regexp.Compile(sub.String())
		if err != nil {
			return nil
		}
		out = append(out, branch{re: re, need: literals(requiredLiterals(sub))})
	}
	return out
}

// holdsOne reports whether b, whose bytes and pairs are line, holds one of need; a
// nil need is held by every line.
func holdsOne(b []byte, line *lineSet, need []literal) bool {
	if need == nil {
		return true
	}
	for i := range need {
		if line.mayHold(&need[i]) && bytes.Contains(b, need[i].s) {
			return true
		}
	}
	return false
}

// fewLiterals is the most literals searched for directly; more are first
// checked against the line's byte set, one pass over the line.
const fewLiterals = 4

// lineView is a line and, once a guard needs them, its bytes and pairs
// (lineSet): the guards that check one line in turn (attribute, the
// rules, the status phrases) share one reading of it.
type lineView struct {
	b    []byte
	set  lineSet
	read bool
}

// lineSet returns v's bytes and pairs, read on the first call.
func (v *lineView) lineSet() *lineSet {
	if !v.read {
		lineSetOf(v.b, &v.set)
		v.read = true
	}
	return &v.set
}

// mayMatch reports whether b holds one of the literals a match needs (and
// one of each set of also, and of each set of one of alts).
func (g *guardedRegexp) mayMatch(b []byte) bool {
	return g.mayMatchIn(&lineView{b: b})
}

// mayMatchIn is mayMatch on a line v views.
func (g *guardedRegexp) mayMatchIn(v *lineView) bool {
	if g.need == nil {
		return true
	}
	if !holdsSet(v, g.need) || !holdsEach(v, g.also) {
		return false
	}
	if g.alts == nil {
		return true
	}
	for _, sets := range g.alts {
		if holdsEach(v, sets) {
			return true
		}
	}
	return false
}

// holdsEach reports whether the line v views holds one literal of each of
// sets.
func holdsEach(v *lineView, sets [][]literal) bool {
	for _, need := range sets {
		if !holdsSet(v, need) {
			return false
		}
	}
	return true
}

// holdsSet is holdsEach for one set: a few literals are searched for
// directly, more are first checked against the line's bytes and pairs.
func holdsSet(v *lineView, need []literal) bool {
	if len(need) <= fewLiterals {
		return containsOne(v.b, need)
	}
	return holdsOne(v.b, v.lineSet(), need)
}

// containsOne reports whether b holds one of need.
func containsOne(b []byte, need []literal) bool {
	for i := range need {
		if bytes.Contains(b, need[i].s) {
			return true
		}
	}
	return false
}

// maxAlso is the most sets of literals besides need a guard checks.
const maxAlso = 2

// alsoRequired returns, for a concatenation, the sets of literals its
// other parts need besides the one requiredLiterals chose (the next most
// selective first), at most maxAlso of them.
func alsoRequired(re *syntax.Regexp) [][][]byte {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		return nil
	}
	best := requiredLiterals(re)
	var sets [][][]byte
	for _, l := range append(concatRuns(re.Sub), subLiterals(re.Sub)...) {
		if l != nil && shortest(l) > 0 && !sameSet(l, best) {
			sets = append(sets, l)
		}
	}
	slices.SortStableFunc(sets, func(a, b [][]byte) int { return shortest(b) - shortest(a) })
	return sets[:min(len(sets), maxAlso)]
}

// sameSet reports whether a and b hold the same strings in order.
func sameSet(a, b [][]byte) bool {
	return slices.EqualFunc(a, b, bytes.Equal)
}

// Match is regexp.Match, run branch by branch on those b can match.
func (g *guardedRegexp) Match(b []byte) bool {
	return g.matchIn(&lineView{b: b})
}

// matchIn is Match on a line v views.
func (g *guardedRegexp) matchIn(v *lineView) bool {
	if g.branches == nil {
		return g.mayMatchIn(v) && g.Regexp.Match(v.b)
	}
	line := v.lineSet()
	for _, br := range g.branches {
		if holdsOne(v.b, line, br.need) && br.re.Match(v.b) {
			return true
		}
	}
	return false
}

// FindSubmatch is regexp.FindSubmatch, skipped when b cannot match.
func (g *guardedRegexp) FindSubmatch(b []byte) [][]byte {
	if !g.mayMatch(b) {
		return nil
	}
	return g.Regexp.FindSubmatch(b)
}

// FindSubmatchIndex is regexp.FindSubmatchIndex, skipped when b cannot match.
func (g *guardedRegexp) FindSubmatchIndex(b []byte) []int {
	return g.findSubmatchIndexIn(&lineView{b: b})
}

// findSubmatchIndexIn is FindSubmatchIndex on a line v views.
func (g *guardedRegexp) findSubmatchIndexIn(v *lineView) []int {
	if !g.mayMatchIn(v) {
		return nil
	}
	return g.Regexp.FindSubmatchIndex(v.b)
}

// FindAllSubmatchIndex is regexp.FindAllSubmatchIndex, skipped when b cannot match.
func (g *guardedRegexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return g.findAllSubmatchIndexIn(&lineView{b: b}, n)
}

// findAllSubmatchIndexIn is FindAllSubmatchIndex on a line v views.
func (g *guardedRegexp) findAllSubmatchIndexIn(v *lineView, n int) [][]int {
	if !g.mayMatchIn(v) {
		return nil
	}
	return g.Regexp.FindAllSubmatchIndex(v.b, n)
}

// ReplaceAll is regexp.ReplaceAll, skipped when b cannot match.
func (g *guardedRegexp) ReplaceAll(b, repl []byte) []byte {
	if !g.mayMatch(b) {
		return b
	}
	return g.Regexp.ReplaceAll(b, repl)
}

// maxClass is the most runes a character class may have to be read as a
// set of one-byte literals; a larger one needs nothing in particular.
const maxClass = 4

// requiredLiterals returns strings one of which every match of re holds, or
// nil when it finds no such set. Case-folded literals and classes of more
// than maxClass runes need nothing; a concatenation needs what its most
// selective part needs; an alternation needs what each branch needs.
func requiredLiterals(re *syntax.Regexp) [][]byte {
	switch re.Op {
	case syntax.OpLiteral:
		// a folded literal matches other bytes; U+FFFD matches any
		// invalid byte
		if re.Flags&syntax.FoldCase != 0 || slices.Contains(re.Rune, utf8.RuneError) {
			return nil
		}
		return [][]byte{[]byte(string(re.Rune))}
	case syntax.OpCharClass:
		return classLiterals(re)
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		return requiredLiterals(re.Sub[0])
	case syntax.OpConcat:
		var best [][]byte
		for _, l := range append(concatRuns(re.Sub), subLiterals(re.Sub)...) {
			if l != nil && (best == nil || shortest(l) > shortest(best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		var all [][]byte
		for _, sub := range re.Sub {
			l := requiredLiterals(sub)
			if l == nil {
				return nil
			}
			all = append(all, l...)
		}
		return minimalSet(all)
	}
	return nil
}

// subLiterals is the literals each part of a concatenation needs.
func subLiterals(subs []*syntax.Regexp) [][][]byte {
	var out [][][]byte
	for _, sub := range subs {
		out = append(out, requiredLiterals(sub))
	}
	return out
}

// maxSpelled is the most strings spelled out for a part of a pattern.
const maxSpelled = 64

// concatRuns spells out each run of adjacent parts of a concatenation
// whose every match is one of a few strings (spelled), as the strings the
// run matches: the parser factors an alternation's common prefixes out
// ("returns|returned|gets?|got" is parsed as
// "return(?:s|ed)|g(?:ets?|ot)"), which leaves each part a short
// literal, and the run joins them again ("get", "got"). A run that may
// match the empty string needs nothing.
func concatRuns(subs []*syntax.Regexp) [][][]byte {
	var out [][][]byte
	run := [][]byte{nil}
	flush := func() {
		if len(run) > 0 && shortest(run) > 0 {
			out = append(out, minimalSet(run))
		}
		run = [][]byte{nil}
	}
	for _, sub := range subs {
		set, ok := spelled(sub)
		if !ok {
			flush()
			continue
		}
		next := crossJoin(run, set)
		if next == nil {
			flush() // too many: keep the run so far, start again from this part
			next = set
		}
		run = next
	}
	flush()
	return out
}

// spelled returns every string re matches, when they are few (an
// empty-width assertion matches the empty string); ok is false otherwise.
func spelled(re *syntax.Regexp) (set [][]byte, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return [][]byte{nil}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || slices.Contains(re.Rune, utf8.RuneError) {
			return nil, false
		}
		return [][]byte{[]byte(string(re.Rune))}, true
	case syntax.OpCharClass:
		l := classLiterals(re)
		return l, l != nil
	case syntax.OpCapture:
		return spelled(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := spelled(re.Sub[0])
		if !ok || len(sub) >= maxSpelled {
			return nil, false
		}
		return append([][]byte{nil}, sub...), true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := spelled(sub)
			if !ok || len(set)+len(l) > maxSpelled {
				return nil, false
			}
			set = append(set, l...)
		}
		return set, true
	case syntax.OpConcat:
		set = [][]byte{nil}
		for _, sub := range re.Sub {
			l, ok := spelled(sub)
			if !ok {
				return nil, false
			}
			if set = crossJoin(set, l); set == nil {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// crossJoin returns every string of a followed by one of b, or nil when
// they are more than maxSpelled.
func crossJoin(a, b [][]byte) [][]byte {
	if len(a)*len(b) > maxSpelled {
		return nil
	}
	out := make([][]byte, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, append(slices.Clip(x), y...))
		}
	}
	return out
}

// minimalSet drops each string that holds another of the set: a line
// holding it holds the other.
func minimalSet(set [][]byte) [][]byte {
	var out [][]byte
	for i, s := range set {
		redundant := false
		for j, o := range set {
			if i != j && bytes.Contains(s, o) && (len(o) < len(s) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

// classLiterals reads a small class as literals, one a rune; a class
// holding U+FFFD, which any invalid byte matches, needs nothing.
func classLiterals(re *syntax.Regexp) [][]byte {
	var out [][]byte
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if (lo <= utf8.RuneError && utf8.RuneError <= hi) || int(hi-lo)+1+len(out) > maxClass {
			return nil
		}
		for r := lo; r <= hi; r++ {
			out = append(out, []byte(string(r)))
		}
	}
	if out == nil {
		return nil
	}
	return out
}

// shortest is the length of the shortest of ls.
func shortest(ls [][]byte) int {
	return len(slices.MinFunc(ls, func(a, b []byte) int { return len(a) - len(b) }))
}
