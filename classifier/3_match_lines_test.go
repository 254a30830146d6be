package classifier

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRuleIndexKeepsEveryLiteral holds the rule index to what it must
// never do: pass over a rule whose literal the line holds. Each rule's
// literal is put alone, and between words, in a line.
func TestRuleIndexKeepsEveryLiteral(t *testing.T) {
	rs := rules()
	var set []uint64
	for i := range rs {
		for _, line := range [][]byte{rs[i].lit, append(append([]byte("x the request "), rs[i].lit...), " failed"...)} {
			set = ruleIndex().candidates(line, set)
			if set[i/64]&(1<<(i%64)) == 0 {
				t.Errorf("rule %d (%q): not looked at on %q", i, rs[i].lit, line)
			}
		}
	}
}

// indexCheck compares, on every line the matcher reads while it is set,
// the hit of the indexed rules with the hit of every rule run in turn, and
// checks that each rule whose literal the line holds was a candidate.
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
		if !held && bytes.Contains(m.low, rs[i].lit) {
			c.t.Errorf("rule %d (%q) passed over on %q", i, rs[i].lit, m.low)
		}
	}
	every := matcher{low: append([]byte(nil), m.low...), invocation: m.invocation, wait: m.wait}
	if want := every.matchRules(layer, all); got != want {
		c.t.Errorf("layer %v %q: indexed %+v, every rule %+v", layer, line, got, want)
	}
	c.lines++
}

// TestRuleIndexMatchesEveryRule reads the real reports of both sides, the
// fixtures the fuzz tests start from and the benchmarks' generated logs,
// and checks each line the matcher reads (indexCheck): the index must
// change no hit, and must leave most rules unread.
func TestRuleIndexMatchesEveryRule(t *testing.T) {
	c := &indexCheck{t: t}
	matchChecked = c.check
	defer func() { matchChecked = nil }()
	read := func(data []byte) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		s.Diagnose(LangEN)
	}
	for _, rc := range loadRealCases(t) {
		read(rc.excerpt)
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
		read(raw)
		for l := range bytes.Lines(raw) {
			s := NewSession(Hints{})
			s.AddLine(string(l))
			s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: string(l)})
			s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: string(l)})
			s.AddEvent(LogEvent{Group: "access", Message: string(l)})
			s.Diagnose(LangEN)
		}
	}
	for _, data := range [][]byte{execExport(400, 20), functionLogExport(1 << 20), proseExport(1 << 20), accessExport(2000, 10)} {
		read(data)
	}
	if c.lines < 10000 {
		t.Fatalf("only %d lines read", c.lines)
	}
	n := len(rules())
	t.Logf("%d lines, %.1f of %d rules looked at a line", c.lines, float64(c.candidates)/float64(c.lines), n)
	if c.candidates > c.lines*n/4 {
		t.Errorf("%d lines, %d rules looked at: the index passes over less than three rules in four", c.lines, c.candidates)
	}
}
