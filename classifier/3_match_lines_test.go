package classifier

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLitIndexesKeepEveryLiteral holds each literal index (the rules', the
// status phrases', the API type's marks) to what it must never do: pass
// over a literal the text holds. Each literal is put alone, between words,
// after a part of itself and before another, in a text, and so is every
// line of the corpus (indexCorpus), lower-cased as the matcher reads it:
// candidates must hold every literal the text holds, and any must say what
// a search for each literal says.
func TestLitIndexesKeepEveryLiteral(t *testing.T) {
	rules()
	var texts [][]byte
	for _, x := range litIndexes {
		for _, lit := range x.lits {
			texts = append(texts, lit, append(append([]byte("x the request "), lit...), " failed"...),
				append(append([]byte(nil), lit[:len(lit)-1]...), lit...), append(append([]byte(nil), lit...), lit[1:]...))
		}
	}
	var lines [][]byte
	for _, text := range indexCorpus(t) {
		for l := range bytes.Lines(text) {
			lines = append(lines, appendLower(nil, l))
		}
	}
	if len(litIndexes) < 5 || len(lines) < 10000 {
		t.Fatalf("%d indexes, %d lines", len(litIndexes), len(lines))
	}
	texts = append(texts, underRace(lines)...)
	var set []uint64
	for _, x := range litIndexes {
		for _, text := range texts {
			set = x.candidates(text, set)
			for i, lit := range x.lits {
				if o := x.owner[i]; set[o/64]&(1<<(o%64)) == 0 && bytes.Contains(text, lit) {
					t.Errorf("%q: passed over in %q", lit, text)
				}
			}
			if got, want := x.any(text), containsAny(text, x.lits); got != want {
				t.Errorf("%q: any %v, a search for each of %d literals %v", text, got, len(x.lits), want)
			}
		}
	}
}

// indexCorpus is the text the index tests read: the real reports of both
// sides, the fixtures the fuzz tests start from and the benchmarks'
// generated logs.
func indexCorpus(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	for _, rc := range loadRealCases(t) {
		out = append(out, rc.excerpt)
	}
	fixtures, err := filepath.Glob("testdata/cases/*.log")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range fixtures {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, raw)
	}
	return append(out, execExport(400, 20), functionLogExport(1<<20), proseExport(1<<20), accessExport(2000, 10))
}

// indexCheck compares, on every line the matcher reads while it is set,
// the hit of the indexed rules with the hit of every rule run in turn, and
// checks that each rule whose literal and pattern the line holds was a
// candidate.
type indexCheck struct {
	t                 *testing.T
	lines, candidates int
}

func (c *indexCheck) check(m *matcher, line []byte, layer Layer, got hit) {
	rs := rules()
	all := make([]uint64, len(m.candidates))
	for i := range rs {
		all[i/64] |= 1 << (i % 64)
		held := m.candidates[i/64]&(1<<(i%64)) != 0
		if held {
			c.candidates++
		}
		if !held && bytes.Contains(m.low, rs[i].lit) && (rs[i].re == nil || rs[i].re.Regexp.Match(m.low)) {
			c.t.Errorf("rule %d (%q) passed over on %q", i, rs[i].lit, m.low)
		}
	}
	every := matcher{low: append([]byte(nil), m.low...), invocation: m.invocation, wait: m.wait}
	if want := every.matchRules(layer, all); got != want {
		c.t.Errorf("layer %v %q: indexed %+v, every rule %+v", layer, line, got, want)
	}
	c.lines++
}

// TestRuleIndexMatchesEveryRule reads the index corpus, each text whole
// and each line of it as four sources do (a file's line, a function's, an
// execution log's and an access log's event), and checks each line the
// matcher reads (indexCheck): the index must change no hit, and must leave
// most rules unread.
func TestRuleIndexMatchesEveryRule(t *testing.T) {
	c := &indexCheck{t: t}
	matchChecked = c.check
	defer func() { matchChecked = nil }()
	for _, text := range indexCorpus(t) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(text)); err != nil {
			t.Fatal(err)
		}
		s.Diagnose(LangEN)
		if len(text) > 1<<16 {
			continue // a generated log: its lines are all alike
		}
		for _, l := range underRace(slices.Collect(bytes.Lines(text))) {
			s := NewSession(Hints{})
			s.AddLine(string(l))
			s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: string(l)})
			s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: string(l)})
			s.AddEvent(LogEvent{Group: "access", Message: string(l)})
			s.Diagnose(LangEN)
		}
	}
	if c.lines < 10000 {
		t.Fatalf("only %d lines read", c.lines)
	}
	n := len(rules())
	t.Logf("%d lines, %.1f of %d rules looked at a line", c.lines, float64(c.candidates)/float64(c.lines), n)
	if c.candidates > c.lines*n/50 {
		t.Errorf("%d lines, %d rules looked at: the index passes over less than 49 rules in 50", c.lines, c.candidates)
	}
}

// TestRuleKeys checks what the rule index keys a rule by: its literal,
// unless that is shorter than a key and the pattern alone decides.
func TestRuleKeys(t *testing.T) {
	const re = `\b(5\d\d) (?:bad gateway|gone)\b`
	for _, c := range []struct {
		name string
		r    rule
		want []string
	}{
		{"a literal long enough", rule{lit: []byte("bad gateway"), re: guardFind(re)}, []string{"bad gateway"}},
		{"a short literal, the pattern's words", rule{lit: []byte("5"), re: guardFind(re)}, []string{" bad gateway", " gone"}},
		{"a short literal, no pattern", rule{lit: []byte("5")}, []string{"5"}},
		{"except rewrites the line", rule{lit: []byte("5"), re: guardFind(re), except: guard(`x gone`)}, []string{"5"}},
		{"a configured wait decides", rule{lit: []byte("5"), re: guardFind(re), outlived: true}, []string{"5"}},
		{"the pattern's words are short", rule{lit: []byte("5"), re: guardFind(`(5\d\d) (?:ok|no)`)}, []string{"5"}},
	} {
		var got []string
		for _, k := range c.r.keys() {
			got = append(got, string(k))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: keys %q, want %q", c.name, got, c.want)
		}
	}
}
