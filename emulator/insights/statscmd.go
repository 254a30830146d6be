package insights

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// timestampLayout is how Logs Insights renders @timestamp.
const timestampLayout = "2006-01-02 15:04:05.000"

type aggSpec struct{ fn, field, name string }

type groupSpec struct {
	field string
	bin   time.Duration // bin(@timestamp) when positive
	name  string
}

// statsStage is "stats agg(...) [as n], ... [by f | bin(5m), ...]".
type statsStage struct {
	aggs []aggSpec
	by   []groupSpec
}

type aggState struct {
	count          []float64
	sum, min, max  []float64
	groupVals      []string
	groupPresent   []bool
	numericSamples []int
}

func (s *statsStage) run(recs []*record) []*record {
	groups := map[string]*aggState{}
	var keys []string
	for _, r := range recs {
		vals, present := s.groupValues(r)
		k := strings.Join(vals, "\x00")
		g, ok := groups[k]
		if !ok {
			g = s.newState(vals, present)
			groups[k] = g
			keys = append(keys, k)
		}
		s.accumulate(g, r)
	}
	slices.Sort(keys)
	out := make([]*record, 0, len(keys))
	for _, k := range keys {
		out = append(out, s.result(groups[k]))
	}
	return out
}

func (s *statsStage) newState(vals []string, present []bool) *aggState {
	n := len(s.aggs)
	g := &aggState{count: make([]float64, n), sum: make([]float64, n), min: make([]float64, n),
		max: make([]float64, n), numericSamples: make([]int, n), groupVals: vals, groupPresent: present}
	for i := range g.min {
		g.min[i], g.max[i] = math.Inf(1), math.Inf(-1)
	}
	return g
}

func (s *statsStage) groupValues(r *record) ([]string, []bool) {
	vals := make([]string, len(s.by))
	present := make([]bool, len(s.by))
	for i, g := range s.by {
		v, ok := r.get(g.field)
		if ok && g.bin > 0 {
			if t, err := time.Parse(timestampLayout, v); err == nil {
				v = t.Truncate(g.bin).Format(timestampLayout)
			}
		}
		vals[i], present[i] = v, ok
	}
	return vals, present
}

func (s *statsStage) accumulate(g *aggState, r *record) {
	for i, a := range s.aggs {
		if a.field == "*" {
			g.count[i]++
			continue
		}
		v, ok := r.get(a.field)
		if !ok {
			continue
		}
		g.count[i]++
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		g.numericSamples[i]++
		g.sum[i] += f
		g.min[i], g.max[i] = math.Min(g.min[i], f), math.Max(g.max[i], f)
	}
}

func (s *statsStage) result(g *aggState) *record {
	r := newRecord(len(s.by) + len(s.aggs))
	for i, gs := range s.by {
		if g.groupPresent[i] {
			r.set(gs.name, g.groupVals[i])
		}
	}
	for i, a := range s.aggs {
		if v, ok := aggValue(a.fn, g, i); ok {
			r.set(a.name, v)
		}
	}
	return r
}

func aggValue(fn string, g *aggState, i int) (string, bool) {
	if fn == "count" {
		return strconv.FormatFloat(g.count[i], 'f', -1, 64), true
	}
	if g.numericSamples[i] == 0 {
		return "", false
	}
	var v float64
	switch fn {
	case "sum":
		v = g.sum[i]
	case "avg":
		v = g.sum[i] / float64(g.numericSamples[i])
	case "min":
		v = g.min[i]
	default:
		v = g.max[i]
	}
	return strconv.FormatFloat(v, 'f', -1, 64), true
}

var aggFuncs = []string{"count", "sum", "avg", "min", "max"}

// statsCmd parses the aggregate list and the optional by clause.
func (p *parser) statsCmd() (stage, error) {
	st := &statsStage{}
	for {
		a, err := p.aggregate()
		if err != nil {
			return nil, err
		}
		st.aggs = append(st.aggs, a)
		if !p.isSym(",") {
			break
		}
		p.next()
	}
	if !p.isKeyword("by") {
		return st, nil
	}
	p.next()
	for {
		g, err := p.groupBy()
		if err != nil {
			return nil, err
		}
		st.by = append(st.by, g)
		if !p.isSym(",") {
			return st, nil
		}
		p.next()
	}
}

func (p *parser) aggregate() (aggSpec, error) {
	start := p.peek()
	fn := strings.ToLower(start.text)
	if start.kind != tokIdent || !slices.Contains(aggFuncs, fn) {
		return aggSpec{}, unexpected(start)
	}
	p.next()
	if _, err := p.expectSym("("); err != nil {
		return aggSpec{}, err
	}
	a := aggSpec{fn: fn}
	if fn == "count" && p.isSym("*") {
		p.next()
		a.field = "*"
	} else {
		f, err := p.field()
		if err != nil {
			return aggSpec{}, err
		}
		a.field = f
	}
	if _, err := p.expectSym(")"); err != nil {
		return aggSpec{}, err
	}
	a.name = fn + "(" + a.field + ")"
	return a, p.alias(&a.name)
}

func (p *parser) alias(name *string) error {
	if !p.isKeyword("as") {
		return nil
	}
	p.next()
	f, err := p.field()
	*name = f
	return err
}

func (p *parser) groupBy() (groupSpec, error) {
	if !p.isKeyword("bin") {
		f, err := p.field()
		g := groupSpec{field: f, name: f}
		if err == nil {
			err = p.alias(&g.name)
		}
		return g, err
	}
	p.next()
	if _, err := p.expectSym("("); err != nil {
		return groupSpec{}, err
	}
	t := p.next()
	d, err := time.ParseDuration(t.text)
	if t.kind != tokNumber || err != nil || d <= 0 {
		return groupSpec{}, errAt(t.start, t.end, "invalid bin period "+t.text)
	}
	if _, err := p.expectSym(")"); err != nil {
		return groupSpec{}, err
	}
	g := groupSpec{field: "@timestamp", bin: d, name: "bin(" + t.text + ")"}
	return g, p.alias(&g.name)
}
