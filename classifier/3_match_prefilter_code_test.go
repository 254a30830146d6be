package classifier

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// TestCodeNeedOf reads what each form of status pattern needs around its
// code (the regexp/syntax package's operators beside a group).
func TestCodeNeedOf(t *testing.T) {
	for _, c := range []struct {
		pattern     string
		ok          bool
		code, other string // a code the group takes, one it does not
		before      string // bytes that may precede the code, and one that may not
		notBefore   byte
		after       string
		notAfter    byte
	}{
		{`\b([45]\d\d)s\b`, true, "502", "200", " (", '7', "s", ' '},
		{`(?:^|\D)(50\d) ?で返`, true, "504", "510", "x ", '1', " \xe3", 'x'},
		{`status(?: code)? ?["'\x60]?([1-5]\d\d)\b`, true, "101", "600", "s\"'` e", 'x', " .\"", 'a'},
		{`found ([1-5]\d\d)$`, true, "403", "099", " ", '"', "", ' '}, // only the line's end follows
		{`x(\d+)`, false, "", "", "", 0, "", 0},                       // not three digits
		{`(?:a|(5\d\d))`, false, "", "", "", 0, "", 0},                // the group in an alternation
	} {
		n := codeNeedOf(c.pattern)
		if n.ok != c.ok {
			t.Errorf("%s: ok %v, want %v", c.pattern, n.ok, c.ok)
			continue
		}
		if !c.ok {
			continue
		}
		has := func(code string) bool { v := atoi3(code); return n.codes[v>>6]&(1<<(v&63)) != 0 }
		if !has(c.code) || has(c.other) {
			t.Errorf("%s: takes %s %v, %s %v", c.pattern, c.code, has(c.code), c.other, has(c.other))
		}
		for i := range len(c.before) {
			if !n.before.has(c.before[i]) {
				t.Errorf("%s: %q may not precede", c.pattern, c.before[i])
			}
		}
		for i := range len(c.after) {
			if !n.after.has(c.after[i]) {
				t.Errorf("%s: %q may not follow", c.pattern, c.after[i])
			}
		}
		if n.before.has(c.notBefore) || n.after.has(c.notAfter) {
			t.Errorf("%s: %q may precede or %q follow", c.pattern, c.notBefore, c.notAfter)
		}
	}
}

// TestCodeNeedBeside reads the strings that must stand right beside a
// code, where the parts next to the group spell them out.
func TestCodeNeedBeside(t *testing.T) {
	for _, c := range []struct {
		pattern       string
		before, after []string // nil: nothing is spelled out
	}{
		// an optional quote after a space: the space, or the space and the quote
		{`\bgot(?: \w+)* ["']?([1-5]\d\d)\b`, []string{" ", " \"", " '"}, nil},
		{`\b([45]\d\d)s\b`, nil, []string{"s"}},
		{`(?:^|\D)(50\d) ?で返`, nil, []string{"で返", " で返"}},
		// the whole run before the code is spelled out, up to the pattern's start
		{`status ?["']?([1-5]\d\d)`, []string{"status", "status\"", "status'", "status ", "status \"", "status '"}, nil},
		{`\d+ (50\d)`, []string{" "}, nil}, // a large class ends the run
	} {
		n := codeNeedOf(c.pattern)
		for i, want := range [][]string{c.before, c.after} {
			var got []string
			for _, b := range n.beside[i] {
				got = append(got, string(b))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: beside[%d] %q, want %q", c.pattern, i, got, want)
			}
		}
	}
}

func atoi3(s string) int { return int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0') }

// codePatterns are the status patterns whose code needs are used, each
// with its need.
func codePatterns() []struct {
	re   *regexp.Regexp
	need *codeNeed
} {
	var out []struct {
		re   *regexp.Regexp
		need *codeNeed
	}
	for _, g := range statusPhrases {
		out = append(out, struct {
			re   *regexp.Regexp
			need *codeNeed
		}{g.Regexp, &g.code})
	}
	for _, fs := range [][]litForm{proseForms, harnessForms, clientErrorForms, handshakeRefusalForms} {
		for i := range fs {
			out = append(out, struct {
				re   *regexp.Regexp
				need *codeNeed
			}{fs[i].re, &fs[i].need})
		}
	}
	return out
}

// keepsCode reports whether need lets b through when re shows a code in
// it that codeShown and litForm.code keep (one no separator joins to a
// number before it).
func keepsCode(re *regexp.Regexp, need *codeNeed, b []byte) bool {
	var spots codeSpots
	spotsOf(b, &spots)
	if need.fits(b, &spots) {
		return true
	}
	for _, m := range re.FindAllSubmatchIndex(b, -1) {
		if m[2] >= 0 && !inLargerNumber(b, m[2]) {
			return false
		}
	}
	return true
}

// TestCodeNeedsKeepEveryCode writes strings each status pattern's syntax
// tree describes, set amid other text (digits among it), and checks the
// lines of the corpus and the benchmarks: no line where the pattern
// shows a code that is kept is passed over.
func TestCodeNeedsKeepEveryCode(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	contexts := []string{"", " ", "x", "the line said: ", "1", "10:15:01.", "\"", "日本 ", "(", "12,", "a5", "s"}
	matched, total, used := 0, 0, 0
	for _, p := range codePatterns() {
		if p.need.ok {
			used++
		}
		for _, s := range generatedStrings(t, p.re.String(), contexts, rng, 300) {
			total++
			if p.re.MatchString(s) {
				matched++
			}
			if !keepsCode(p.re, p.need, []byte(s)) {
				t.Errorf("the code need of %s drops %q", p.re, s)
			}
		}
	}
	if matched*4 < total || used*2 < len(codePatterns()) { // (a digit in the context spoils a match)
		t.Errorf("%d of %d generated strings match; %d of %d patterns have a need", matched, total, used, len(codePatterns()))
	}
	for _, b := range underRace(guardLines(t)) {
		for _, p := range codePatterns() {
			if !keepsCode(p.re, p.need, b) {
				t.Errorf("the code need of %s drops %q", p.re, b)
			}
		}
	}
}

// TestWishesNameACode proves the check dropExpected makes before it looks
// for a wish below 500: every match of wishedBelow500 holds three digits
// in a row, the first 1 to 4 (hasStatusCode), on strings generated from
// its syntax tree and on every line of the corpus.
func TestWishesNameACode(t *testing.T) {
	tree, err := syntax.Parse(wishedBelow500.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	matched := 0
	for range 2000 {
		var sb strings.Builder
		generate(&sb, tree, rng)
		b := []byte(sb.String())
		if wishedBelow500.Match(b) {
			matched++
			if !hasStatusCode(b) {
				t.Errorf("a wish without a code: %q", b)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d of 2000 generated strings match", matched)
	}
	for _, b := range guardLines(t) {
		if wishedBelow500.Match(b) && !hasStatusCode(b) {
			t.Errorf("a wish without a code: %q", b)
		}
	}
}
