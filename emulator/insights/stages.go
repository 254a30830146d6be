package insights

import (
	"regexp"
	"slices"
	"strings"
)

// stage is one command of the pipeline.
type stage interface {
	// run transforms the records; streaming stages also implement keep.
	run(recs []*record) []*record
}

// streamer is a stage that decides record by record, so the evaluator can
// apply it while scanning instead of holding every event.
type streamer interface {
	keep(r *record) bool
}

type filterStage struct{ pred expr }

func (s *filterStage) keep(r *record) bool { return s.pred.eval(r) }

func (s *filterStage) run(recs []*record) []*record { return keepAll(recs, s) }

// fieldsStage only chooses the output columns (see Query.columns).
type fieldsStage struct{ names []string }

func (s *fieldsStage) keep(*record) bool { return true }

func (s *fieldsStage) run(recs []*record) []*record { return recs }

// parseStage extracts fields from another field with a glob or a regex;
// records that do not match keep going without the fields.
type parseStage struct {
	field string
	re    *regexp.Regexp
	names []string // capture i+1 goes to names[i]
}

func (s *parseStage) keep(r *record) bool {
	v, ok := r.get(s.field)
	if !ok {
		return true
	}
	m := s.re.FindStringSubmatch(v)
	for i := 1; i < len(m) && i-1 < len(s.names); i++ {
		if s.names[i-1] != "" {
			r.set(s.names[i-1], m[i])
		}
	}
	return true
}

func (s *parseStage) run(recs []*record) []*record { return keepAll(recs, s) }

func keepAll(recs []*record, s streamer) []*record {
	out := recs[:0]
	for _, r := range recs {
		if s.keep(r) {
			out = append(out, r)
		}
	}
	return out
}

type sortKey struct {
	field string
	desc  bool
}

type sortStage struct{ keys []sortKey }

// run sorts stably; records without the field sort last either way.
func (s *sortStage) run(recs []*record) []*record {
	slices.SortStableFunc(recs, func(a, b *record) int {
		for _, k := range s.keys {
			va, okA := a.get(k.field)
			vb, okB := b.get(k.field)
			if c := compareMissing(okA, okB); c != 0 {
				return c
			}
			c := compareValues(va, vb)
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	return recs
}

func compareMissing(okA, okB bool) int {
	switch {
	case okA == okB:
		return 0
	case okA:
		return -1
	}
	return 1
}

type limitStage struct{ n int }

func (s *limitStage) run(recs []*record) []*record { return recs[:min(s.n, len(recs))] }

type dedupStage struct{ fields []string }

func (s *dedupStage) run(recs []*record) []*record {
	seen := map[string]bool{}
	out := recs[:0]
	for _, r := range recs {
		k := r.key(s.fields)
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// parseCmd: parse FIELD "glob * pattern" as a, b | parse FIELD /(?<a>re)/.
func (p *parser) parseCmd() (stage, error) {
	f, err := p.field()
	if err != nil {
		return nil, err
	}
	t := p.next()
	switch t.kind {
	case tokRegex:
		re, err := regexp.Compile(t.text)
		if err != nil {
			return nil, errAt(t.start, t.end, "invalid regular expression: "+err.Error())
		}
		names := re.SubexpNames()[1:]
		if !slices.ContainsFunc(names, func(n string) bool { return n != "" }) {
			return nil, errAt(t.start, t.end, "the regular expression of parse needs named groups (?<name>...)")
		}
		return &parseStage{field: f, re: re, names: names}, nil
	case tokString:
		return p.globParse(f, t)
	}
	return nil, unexpected(t)
}

func (p *parser) globParse(f string, t token) (stage, error) {
	if err := p.expectKeyword("as"); err != nil {
		return nil, err
	}
	names, err := p.fieldList()
	if err != nil {
		return nil, err
	}
	parts := strings.Split(t.text, "*")
	if len(parts)-1 != len(names) {
		return nil, errAt(t.start, p.toks[p.pos-1].end, "the number of * in the parse pattern and of fields after as differ")
	}
	var b strings.Builder
	for i, lit := range parts {
		b.WriteString(regexp.QuoteMeta(lit))
		switch {
		case i == len(parts)-1:
		case i == len(parts)-2 && parts[i+1] == "":
			b.WriteString("(.*)") // a trailing * takes the rest of the value
		default:
			b.WriteString("(.*?)")
		}
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, errAt(t.start, t.end, "invalid parse pattern: "+err.Error())
	}
	return &parseStage{field: f, re: re, names: names}, nil
}
