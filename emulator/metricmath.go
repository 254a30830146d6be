package emulator

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Metric math, the arithmetic subset only: numbers, query ids, + - * / and
// parentheses, e.g. "100*m5/mc" (reference §4). Functions such as FILL or
// METRICS are refused with InvalidParameterValue rather than answered
// wrongly. Series combine on common timestamps, as CloudWatch does, and a
// division by zero drops the point.

// mathVal is a scalar (series == nil) or a series keyed by timestamp.
type mathVal struct {
	scalar float64
	series map[time.Time]float64
}

type mathParser struct {
	src  string
	pos  int
	byID map[string]metricSeries
}

func evalExpression(q metricQuery, byID map[string]metricSeries, scanBy string) (metricSeries, error) {
	p := &mathParser{src: q.Expression, byID: byID}
	v, err := p.expr()
	if err == nil && p.skipSpace() < len(p.src) {
		err = p.fail()
	}
	if err != nil {
		return metricSeries{}, err
	}
	sr := metricSeries{ID: q.ID, Label: q.Label}
	if sr.Label == "" {
		sr.Label = q.ID
	}
	if v.series == nil {
		return sr, nil // a constant has no timestamps to attach to
	}
	for t := range v.series {
		sr.Timestamps = append(sr.Timestamps, t)
	}
	slices.SortFunc(sr.Timestamps, func(a, b time.Time) int { return a.Compare(b) })
	if scanBy != "TimestampAscending" {
		slices.Reverse(sr.Timestamps)
	}
	for _, t := range sr.Timestamps {
		sr.Values = append(sr.Values, v.series[t])
	}
	return sr, nil
}

func (p *mathParser) fail() error {
	return errInvalidParam("Error in expression '" + p.src + "': only arithmetic on query ids and numbers is supported by this endpoint (at character " + strconv.Itoa(p.pos+1) + ").")
}

func (p *mathParser) skipSpace() int {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	return p.pos
}

func (p *mathParser) expr() (mathVal, error) {
	return p.binary(p.term, "+-")
}

func (p *mathParser) term() (mathVal, error) {
	return p.binary(p.factor, "*/")
}

func (p *mathParser) binary(next func() (mathVal, error), ops string) (mathVal, error) {
	left, err := next()
	for err == nil && p.skipSpace() < len(p.src) && strings.IndexByte(ops, p.src[p.pos]) >= 0 {
		op := p.src[p.pos]
		p.pos++
		var right mathVal
		if right, err = next(); err == nil {
			left = combine(left, right, op)
		}
	}
	return left, err
}

func (p *mathParser) factor() (mathVal, error) {
	if p.skipSpace() >= len(p.src) {
		return mathVal{}, p.fail()
	}
	c := rune(p.src[p.pos])
	switch {
	case c == '(':
		p.pos++
		v, err := p.expr()
		if err != nil || p.skipSpace() >= len(p.src) || p.src[p.pos] != ')' {
			return mathVal{}, p.fail()
		}
		p.pos++
		return v, nil
	case c == '-':
		p.pos++
		v, err := p.factor()
		return combine(mathVal{scalar: -1}, v, '*'), err
	case unicode.IsDigit(c) || c == '.':
		return p.number()
	case unicode.IsLower(c):
		return p.ident()
	}
	return mathVal{}, p.fail()
}

func (p *mathParser) number() (mathVal, error) {
	start := p.pos
	for p.pos < len(p.src) && (unicode.IsDigit(rune(p.src[p.pos])) || p.src[p.pos] == '.') {
		p.pos++
	}
	f, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil {
		return mathVal{}, p.fail()
	}
	return mathVal{scalar: f}, nil
}

func (p *mathParser) ident() (mathVal, error) {
	start := p.pos
	for p.pos < len(p.src) && (isIdentByte(p.src[p.pos])) {
		p.pos++
	}
	sr, ok := p.byID[p.src[start:p.pos]]
	if !ok || (p.pos < len(p.src) && p.src[p.pos] == '(') {
		p.pos = start
		return mathVal{}, p.fail()
	}
	m := make(map[time.Time]float64, len(sr.Values))
	for i, t := range sr.Timestamps {
		m[t] = sr.Values[i]
	}
	return mathVal{series: m}, nil
}

func isIdentByte(b byte) bool {
	return b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
}

func combine(a, b mathVal, op byte) mathVal {
	if a.series == nil && b.series == nil {
		v, ok := arith(a.scalar, b.scalar, op)
		if !ok {
			v = 0
		}
		return mathVal{scalar: v}
	}
	out := mathVal{series: map[time.Time]float64{}}
	keys := a.series
	if keys == nil {
		keys = b.series
	}
	for t := range keys {
		x, okA := pick(a, t)
		y, okB := pick(b, t)
		if !okA || !okB {
			continue
		}
		if v, ok := arith(x, y, op); ok {
			out.series[t] = v
		}
	}
	return out
}

func pick(v mathVal, t time.Time) (float64, bool) {
	if v.series == nil {
		return v.scalar, true
	}
	x, ok := v.series[t]
	return x, ok
}

func arith(x, y float64, op byte) (float64, bool) {
	switch op {
	case '+':
		return x + y, true
	case '-':
		return x - y, true
	case '*':
		return x * y, true
	}
	if y == 0 {
		return 0, false
	}
	return x / y, true
}
