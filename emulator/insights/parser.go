package insights

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Query is a compiled Logs Insights query.
type Query struct {
	src    string
	stages []stage
}

// Parse compiles a query of the supported subset: fields/display, filter,
// parse, sort, limit, stats and dedup. Anything else is an *Error that
// locates the construct, as AWS's MalformedQueryException does.
func Parse(src string) (*Query, error) {
	q, err := parse(src)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.locate(src)
		}
		return nil, err
	}
	return q, nil
}

func parse(src string) (*Query, error) {
	for i, r := range src {
		if r == utf8.RuneError {
			return nil, errAt(i, i+1, "query is not valid UTF-8")
		}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	q := &Query{src: src}
	for {
		st, err := p.command()
		if err != nil {
			return nil, err
		}
		q.stages = append(q.stages, st)
		if p.peek().kind == tokEOF {
			return q, nil
		}
		if _, err := p.expectSym("|"); err != nil {
			return nil, err
		}
	}
}

// parser walks the token list.
type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func unexpected(t token) *Error {
	if t.kind == tokEOF {
		return errAt(t.start, t.end, "unexpected end of query")
	}
	return errAt(t.start, t.end, "unexpected symbol found "+t.text)
}

func (p *parser) isSym(s string) bool {
	t := p.peek()
	return t.kind == tokSymbol && t.text == s
}

func (p *parser) isKeyword(kw string) bool {
	t := p.peek()
	return t.kind == tokIdent && strings.EqualFold(t.text, kw)
}

func (p *parser) expectSym(s string) (token, error) {
	if !p.isSym(s) {
		return token{}, unexpected(p.peek())
	}
	return p.next(), nil
}

func (p *parser) expectKeyword(kw string) error {
	if !p.isKeyword(kw) {
		return unexpected(p.peek())
	}
	p.next()
	return nil
}

func (p *parser) field() (string, error) {
	t := p.peek()
	if t.kind != tokIdent {
		return "", unexpected(t)
	}
	p.next()
	return t.text, nil
}

// fieldList reads "a, b, c".
func (p *parser) fieldList() ([]string, error) {
	var out []string
	for {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		if !p.isSym(",") {
			return out, nil
		}
		p.next()
	}
}

// command parses one pipeline stage.
func (p *parser) command() (stage, error) {
	t := p.next()
	if t.kind != tokIdent {
		return nil, unexpected(t)
	}
	switch strings.ToLower(t.text) {
	case "fields", "display":
		return p.fieldsCmd()
	case "filter":
		e, err := p.expr()
		return &filterStage{pred: e}, err
	case "parse":
		return p.parseCmd()
	case "sort":
		return p.sortCmd()
	case "limit":
		return p.limitCmd()
	case "stats":
		return p.statsCmd()
	case "dedup":
		f, err := p.fieldList()
		return &dedupStage{fields: f}, err
	}
	return nil, errAt(t.start, t.end, "unexpected symbol found "+t.text)
}

func (p *parser) fieldsCmd() (stage, error) {
	names, err := p.fieldList()
	if err != nil {
		return nil, err
	}
	if !p.isSym("|") && p.peek().kind != tokEOF {
		return nil, unexpected(p.peek()) // computed fields and "as" aliases are not supported
	}
	return &fieldsStage{names: names}, nil
}

func (p *parser) sortCmd() (stage, error) {
	var keys []sortKey
	for {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		k := sortKey{field: f}
		switch {
		case p.isKeyword("desc"):
			p.next()
			k.desc = true
		case p.isKeyword("asc"):
			p.next()
		}
		keys = append(keys, k)
		if !p.isSym(",") {
			return &sortStage{keys: keys}, nil
		}
		p.next()
	}
}

// maxLimit is the largest limit Logs Insights accepts (query quotas).
const maxLimit = 10000

func (p *parser) limitCmd() (stage, error) {
	t := p.next()
	n, err := strconv.Atoi(t.text)
	if t.kind != tokNumber || err != nil || n < 1 || n > maxLimit {
		return nil, errAt(t.start, t.end, "limit must be a number from 1 to 10000, found "+t.text)
	}
	return &limitStage{n: n}, nil
}
