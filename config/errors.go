package config

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is one problem in a configuration file, with the position of the
// YAML node it concerns. Key is the dotted path of the offending key
// ("slack.routes[1].channel"); it is empty only for YAML syntax errors,
// which have no key.
type Error struct {
	File string
	Line int
	Col  int
	Key  string
	Msg  string
}

// Error formats the problem as FILE:LINE:COL: key: message, the form editors
// and CI annotations understand.
func (e Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Col, e.Key, e.Msg)
}

// Errors is every problem found in one file, in file order. Load returns
// all of them at once so that a user fixes a file in one pass, not one
// error per run.
type Errors []Error

// Error joins the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// position records where each key path of the document was written, so that
// validation, which works on the decoded struct, can still say where.
type position struct {
	key   *yaml.Node // the key node; nil for the document root and sequence items
	value *yaml.Node
}

// problems collects errors against one file.
type problems struct {
	file    string
	pos     map[string]position
	errs    Errors
	dropped int // errors past maxErrors
}

// maxErrors bounds the errors reported for one file: past a hundred, the
// file is not a configuration being edited, and a million lines would help
// no one.
const maxErrors = 100

func newProblems(file string) *problems {
	return &problems{file: file, pos: map[string]position{}}
}

// at reports a problem at an explicit node.
func (p *problems) at(n *yaml.Node, key, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		p.dropped++
		return
	}
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, Error{p.file, line, col, key, fmt.Sprintf(format, cutArgs(args)...)})
}

// add reports a problem about a key path. A key that was written points at
// its value; a key that is missing points at the nearest written ancestor's
// key, which is where the user has to add it.
func (p *problems) add(key, format string, args ...any) {
	if ps, ok := p.pos[key]; ok {
		p.at(ps.value, key, format, args...)
		return
	}
	for parent := parentPath(key); ; parent = parentPath(parent) {
		if ps, ok := p.pos[parent]; ok {
			n := ps.key
			if n == nil {
				n = ps.value
			}
			p.at(n, key, format, args...)
			return
		}
		if parent == "" {
			p.at(nil, key, format, args...)
			return
		}
	}
}

// has says whether the key path was written in the file with a value: a
// key written without one keeps its default, as if it were not written.
func (p *problems) has(key string) bool {
	ps, ok := p.pos[key]
	if !ok || ps.value == nil {
		return ok
	}
	n := ps.value
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n.Kind != yaml.ScalarNode || n.Tag != "!!null"
}

// result returns the problems sorted by position, or nil when there are none.
func (p *problems) result() error {
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool {
		a, b := p.errs[i], p.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if p.dropped > 0 {
		last := p.errs[len(p.errs)-1]
		p.errs = append(p.errs, Error{p.file, last.Line, last.Col, "", fmt.Sprintf("too many errors: %d more not shown", p.dropped)})
	}
	return p.errs
}

// parentPath strips the last element of a key path: "a.b[2].c" -> "a.b[2]",
// "a.b[2]" -> "a.b", "a" -> "".
func parentPath(key string) string {
	i := strings.LastIndexAny(key, ".[")
	if i < 0 {
		return ""
	}
	return key[:i]
}

// child joins a key path and a key name.
func child(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// item joins a key path and a sequence index.
func item(parent string, i int) string {
	return fmt.Sprintf("%s[%d]", parent, i)
}
