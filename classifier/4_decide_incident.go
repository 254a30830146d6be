package classifier

import (
	"math"
	"sort"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Caps of the incident-level diagnosis, as docs/classify.md gives them.
const (
	maxEvidence   = 10
	maxRequestIDs = 10
)

// causeRow accumulates the requests attributed to one cause.
type causeRow struct {
	cause    Cause
	n        int
	statuses map[Status]int
	weight   int
	ids      []string
	evidence []string
	inferred int             // requests whose status no line showed
	named    outcome         // the request whose evidence named the cause most strongly (fallbacks too), for the confidence
	unnamed  string          // a reason the gateway gave that no rule knows
	seen     map[string]bool // evidence messages already taken, without prefixes
}

func (r *causeRow) add(o outcome, g *group, n int) {
	r.n += n
	if o.inferred {
		r.inferred += n
	}
	r.statuses[o.status] += n
	r.weight = max(r.weight, g.best.weight)
	// (at equal weight a program's line outranks a person's words: the
	// cause rests on what the gateway or the function printed, whichever
	// request the input showed first)
	if o.weight > r.named.weight || o.weight == r.named.weight && r.named.told && !o.told {
		r.named = o
	}
	if g.id != "" && len(r.ids) < maxRequestIDs {
		r.ids = append(r.ids, g.id)
	}
	if r.unnamed == "" {
		r.unnamed = g.unnamed
	}
	lines := g.evidence()
	if len(r.evidence) > 0 && len(lines) > 1 {
		lines = lines[:1] // after the first request, only new deciding lines
	}
	for _, l := range lines {
		key := string(stripPrefixes([]byte(l)))
		if _, msg, ok := execRequestID([]byte(key)); ok {
			key = string(msg)
		}
		if len(r.evidence) < maxEvidence && !r.seen[key] {
			r.seen[key] = true
			r.evidence = append(r.evidence, l)
		}
	}
}

// status is the row's most common status shown (ties: the larger code);
// unknown when no request of the row showed one, and for a row of no
// request at all: none is an answer some request showed, never a default.
func (r *causeRow) status() Status {
	best, bestN := StatusUnknown, 0
	for _, st := range Statuses() {
		if n := r.statuses[st]; st != StatusUnknown && n > 0 && n >= bestN {
			best, bestN = st, n
		}
	}
	return best
}

// tally groups the decided requests by cause. Requests whose function
// failed while the client got 2xx are counted apart: they did not fail.
type tally struct {
	rows   map[Cause]*causeRow
	masked *causeRow
	failed int
}

func (t *tally) row(c Cause) *causeRow {
	r, ok := t.rows[c]
	if !ok {
		r = &causeRow{cause: c, statuses: map[Status]int{}, seen: map[string]bool{}}
		t.rows[c] = r
	}
	return r
}

// tallyRequests decides every request and counts them by cause.
func (s *Session) tallyRequests(api stage.APIType) *tally {
	t := &tally{rows: map[Cause]*causeRow{}}
	for _, g := range s.collect() {
		o := s.decide(g, api)
		switch {
		case o.cause == CauseLambdaErrorMaskedAs200:
			if t.masked == nil {
				t.masked = &causeRow{cause: o.cause, statuses: map[Status]int{}, seen: map[string]bool{}}
			}
			t.masked.add(o, g, 1)
			continue
		case o.status == StatusNone, o.status == StatusUnknown && o.cause == CauseUnknown:
			continue // not failed, or nothing to tell
		}
		t.row(o.cause).add(o, g, 1)
		t.failed++
	}
	for o, n := range s.overflow {
		if o.status != StatusNone {
			r := t.row(s.adjust(o.cause, api))
			r.n += n
			r.statuses[o.status] += n
			t.failed += n
		}
	}
	return t
}

// sorted returns the rows largest first; among equal counts the stronger
// evidence, then taxonomy order, so the output is deterministic.
func (t *tally) sorted() []*causeRow {
	rows := make([]*causeRow, 0, len(t.rows))
	for _, r := range t.rows {
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.n != b.n {
			return a.n > b.n
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.cause < b.cause
	})
	return rows
}

// dominant is the largest row with a known cause: requests the evidence
// cannot explain (often those logged at a level that hides the cause) are
// most likely failing for the reason the explained ones show.
func dominant(rows []*causeRow) *causeRow {
	for _, r := range rows {
		if r.cause != CauseUnknown {
			return r
		}
	}
	if len(rows) > 0 {
		return rows[0]
	}
	return nil
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
