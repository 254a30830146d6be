package classifier

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestGuardsPassGeneratedMatches writes, for every guarded pattern, strings
// that its syntax tree describes (each alternative, each class's ends, a
// repetition taken zero to three times), set amid other text, and checks
// that a string the pattern matches passes the guard, and that Match
// answers as the pattern does. The corpus lines of TestGuardsKeepEveryMatch
// hold only the forms someone wrote; these hold every form a pattern names.
func TestGuardsPassGeneratedMatches(t *testing.T) {
	rules() // the rules' patterns are compiled on first use
	rng := rand.New(rand.NewPCG(1, 2))
	matched, total := 0, 0
	contexts := []string{"", " ", "x", "the line said: ", "\t", "0", "\"", "日本 "}
	for _, g := range guardedRegexps {
		for _, s := range generatedStrings(t, g.String(), contexts, rng, 300) {
			b := []byte(s)
			total++
			want := g.Regexp.Match(b)
			if want {
				matched++
			}
			if want && !g.mayMatch(b) {
				t.Errorf("guard of %s drops %q", g, s)
			}
			if got := g.Match(b); got != want {
				t.Errorf("%s on %q: Match %v, the pattern %v", g, s, got, want)
			}
		}
	}
	// most generated strings must be matches, or the test checks little
	if matched*2 < total {
		t.Errorf("only %d of %d generated strings match their pattern", matched, total)
	}
	t.Logf("%d patterns, %d of %d generated strings match", len(guardedRegexps), matched, total)
}

// generatedStrings writes n strings that pattern's syntax tree describes,
// each set between two of contexts (which may spoil the match).
func generatedStrings(t *testing.T, pattern string, contexts []string, rng *rand.Rand, n int) []string {
	t.Helper()
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		generate(&sb, tree, rng)
		out[i] = contexts[rng.IntN(len(contexts))] + sb.String() + contexts[rng.IntN(len(contexts))]
	}
	return out
}

// generate writes a string re describes; empty-width assertions are left
// to chance (the test keeps only what the pattern matches).
func generate(sb *strings.Builder, re *syntax.Regexp, rng *rand.Rand) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && rng.IntN(2) == 0 {
				r = otherCase(r)
			}
			sb.WriteRune(r)
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return
		}
		i := 2 * rng.IntN(len(re.Rune)/2)
		lo, hi := re.Rune[i], re.Rune[i+1]
		r := lo
		switch rng.IntN(3) {
		case 1:
			r = hi
		case 2:
			r = lo + rune(rng.Int64N(int64(hi-lo)+1))
		}
		if !utf8.ValidRune(r) {
			r = lo
		}
		sb.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		sb.WriteByte("a:9 "[rng.IntN(4)])
	case syntax.OpCapture:
		generate(sb, re.Sub[0], rng)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			generate(sb, sub, rng)
		}
	case syntax.OpAlternate:
		generate(sb, re.Sub[rng.IntN(len(re.Sub))], rng)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 || hi > lo+3 {
				hi = lo + 3
			}
		}
		n := lo + rng.IntN(hi-lo+1)
		for range n {
			generate(sb, re.Sub[0], rng)
		}
	}
}

// otherCase is r's other case, or r.
func otherCase(r rune) rune {
	if u := []rune(strings.ToUpper(string(r))); len(u) == 1 && u[0] != r {
		return u[0]
	}
	if l := []rune(strings.ToLower(string(r))); len(l) == 1 {
		return l[0]
	}
	return r
}
