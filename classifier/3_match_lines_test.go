package classifier

import "testing"

// TestLitPairsHoldTheLiteral keeps the matcher's pair filter sound and
// tight: every pair it checks for a rule occurs in the rule's literal (a
// line holding the literal is never rejected), and a literal longer than
// maxLitPairs pairs gets that many, its first and last among them.
func TestLitPairsHoldTheLiteral(t *testing.T) {
	var m matcher
	rs := rules()
	for i := range rs {
		r := &rs[i]
		m.low = append(m.low[:0], r.lit...)
		m.notePairs()
		if len(r.lit) >= 2 && !m.mayContain(r) {
			t.Errorf("%q: a line holding the literal is rejected", r.lit)
		}
		want := min(len(r.lit)-1, maxLitPairs)
		if len(r.lit) < 2 {
			want = 0
		}
		if len(r.pairs) != want {
			t.Errorf("%q: %d pairs, want %d", r.lit, len(r.pairs), want)
		}
	}
	p := litPairs([]byte("invalid permissions on lambda function"))
	first, last := []byte("in"), []byte("on")
	if len(p) != maxLitPairs || p[0] != uint16(first[0])<<8|uint16(first[1]) || p[len(p)-1] != uint16(last[0])<<8|uint16(last[1]) {
		t.Errorf("pairs %x: want %d from the first to the last", p, maxLitPairs)
	}
	if litPairs([]byte("x")) != nil {
		t.Error("a one-byte literal has no pair")
	}
}
