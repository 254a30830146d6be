package insights

import (
	"slices"
	"strconv"
	"strings"

	"github.com/apigw-triage/apigw-triage/internal/alternation"
)

// expr is a filter predicate.
type expr interface {
	eval(r *record) bool
}

type andExpr struct{ l, r expr }

func (e andExpr) eval(r *record) bool { return e.l.eval(r) && e.r.eval(r) }

type orExpr struct{ l, r expr }

func (e orExpr) eval(r *record) bool { return e.l.eval(r) || e.r.eval(r) }

type notExpr struct{ e expr }

func (e notExpr) eval(r *record) bool { return !e.e.eval(r) }

// operand is a field reference or a literal.
type operand struct {
	field string
	lit   string
	isLit bool
}

func (o operand) value(r *record) (string, bool) {
	if o.isLit {
		return o.lit, true
	}
	return r.get(o.field)
}

// cmpExpr compares numerically when both sides are numbers, else as
// strings. A missing field makes every comparison false, as a null does.
type cmpExpr struct {
	l, r operand
	op   string
}

func (e cmpExpr) eval(r *record) bool {
	a, okA := e.l.value(r)
	b, okB := e.r.value(r)
	if !okA || !okB {
		return false
	}
	c := compareValues(a, b)
	switch e.op {
	case "=", "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	}
	return c >= 0
}

func compareValues(a, b string) int {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return strings.Compare(a, b)
}

// likeExpr is "like /re/", "=~ /re/" or "like 'substring'".
type likeExpr struct {
	o   operand
	re  *alternation.Regexp
	sub string
}

func (e likeExpr) eval(r *record) bool {
	v, ok := e.o.value(r)
	if !ok {
		return false
	}
	if e.re != nil {
		return e.re.MatchString(v)
	}
	return strings.Contains(v, e.sub)
}

type inExpr struct {
	o    operand
	list []string
}

func (e inExpr) eval(r *record) bool {
	v, ok := e.o.value(r)
	return ok && slices.Contains(e.list, v)
}

type presentExpr struct{ field string }

func (e presentExpr) eval(r *record) bool {
	_, ok := r.get(e.field)
	return ok
}

// expr := and ("or" and)*
func (p *parser) expr() (expr, error) {
	l, err := p.andExpr()
	for err == nil && p.isKeyword("or") {
		p.next()
		var r expr
		if r, err = p.andExpr(); err == nil {
			l = orExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) andExpr() (expr, error) {
	l, err := p.notExpr()
	for err == nil && p.isKeyword("and") {
		p.next()
		var r expr
		if r, err = p.notExpr(); err == nil {
			l = andExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) notExpr() (expr, error) {
	if p.isKeyword("not") {
		p.next()
		e, err := p.notExpr()
		return notExpr{e}, err
	}
	if p.isSym("(") {
		p.next()
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		_, err = p.expectSym(")")
		return e, err
	}
	return p.predicate()
}

func (p *parser) predicate() (expr, error) {
	if p.isKeyword("ispresent") {
		p.next()
		return p.presentCall()
	}
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	neg := false
	if p.isKeyword("not") {
		p.next()
		neg = true
	}
	e, err := p.predicateTail(l)
	if neg && err == nil {
		e = notExpr{e}
	}
	return e, err
}

func (p *parser) presentCall() (expr, error) {
	if _, err := p.expectSym("("); err != nil {
		return nil, err
	}
	f, err := p.field()
	if err != nil {
		return nil, err
	}
	_, err = p.expectSym(")")
	return presentExpr{f}, err
}

func (p *parser) predicateTail(l operand) (expr, error) {
	t := p.peek()
	switch {
	case p.isKeyword("like") || p.isSym("=~"):
		p.next()
		return p.likeTail(l)
	case p.isKeyword("in"):
		p.next()
		return p.inTail(l)
	case t.kind == tokSymbol && slices.Contains([]string{"=", "==", "!=", "<", "<=", ">", ">="}, t.text):
		p.next()
		r, err := p.operand()
		return cmpExpr{l: l, r: r, op: t.text}, err
	}
	return nil, unexpected(t)
}

func (p *parser) likeTail(l operand) (expr, error) {
	t := p.next()
	switch t.kind {
	case tokRegex:
		re, err := alternation.Compile(t.text)
		if err != nil {
			return nil, errAt(t.start, t.end, "invalid regular expression: "+err.Error())
		}
		return likeExpr{o: l, re: re}, nil
	case tokString:
		return likeExpr{o: l, sub: t.text}, nil
	}
	return nil, unexpected(t)
}

func (p *parser) inTail(l operand) (expr, error) {
	if _, err := p.expectSym("["); err != nil {
		return nil, err
	}
	var list []string
	for {
		o, err := p.operand()
		if err != nil {
			return nil, err
		}
		if !o.isLit {
			return nil, errAt(p.toks[p.pos-1].start, p.toks[p.pos-1].end, "unexpected symbol found "+o.field)
		}
		list = append(list, o.lit)
		if p.isSym("]") {
			p.next()
			return inExpr{o: l, list: list}, nil
		}
		if _, err := p.expectSym(","); err != nil {
			return nil, err
		}
	}
}

// operand reads a field, a string or a number (with an optional minus).
func (p *parser) operand() (operand, error) {
	t := p.peek()
	switch {
	case t.kind == tokIdent && !isReserved(t.text):
		p.next()
		if p.isSym("(") {
			return operand{}, errAt(t.start, t.end, "unsupported function "+t.text)
		}
		return operand{field: t.text}, nil
	case t.kind == tokString || t.kind == tokNumber:
		p.next()
		return operand{lit: t.text, isLit: true}, nil
	case t.kind == tokSymbol && t.text == "-" && p.toks[p.pos+1].kind == tokNumber:
		p.next()
		return operand{lit: "-" + p.next().text, isLit: true}, nil
	}
	return operand{}, unexpected(t)
}

func isReserved(s string) bool {
	switch strings.ToLower(s) {
	case "and", "or", "not", "like", "in", "as", "by", "asc", "desc":
		return true
	}
	return false
}
