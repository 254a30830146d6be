package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds the nodes one decode visits, so that aliases nested in
// aliases cannot make a small file cost unbounded time.
const maxNodes = 200000

// decoder fills a struct from a yaml.Node tree. It does what yaml.v3's
// Decoder with KnownFields(true) does (and the tests check that both accept
// the same files), but it keeps going after an error and knows each node's
// key path and column, which yaml.v3's TypeError does not report: a user
// gets every problem, each as FILE:LINE:COL: key: message. It accepts one
// thing more: a ${NAME} reference for an ordinal key (ordinal.go).
type decoder struct {
	p      *problems
	budget int
	failed map[string]bool   // key paths whose value could not be decoded
	refs   map[string]string // ordinal key paths written as ${NAME}: the variable's name
}

func newDecoder(p *problems) *decoder {
	return &decoder{p: p, budget: maxNodes, failed: map[string]bool{}, refs: map[string]string{}}
}

func (d *decoder) fail(n *yaml.Node, key, format string, args ...any) {
	d.failed[key] = true
	d.p.at(n, key, format, args...)
}

// decode fills v from n; path is n's key path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if d.budget--; d.budget < 0 {
		if d.budget == -1 {
			d.fail(n, path, "document too complex (too many aliased nodes)")
		}
		return
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // a key written without a value keeps its default
	}
	t := v.Type()
	switch {
	case isLeaf(t):
		d.leaf(n, v, path)
	case t.Kind() == reflect.Pointer:
		e := reflect.New(t.Elem())
		d.decode(n, e.Elem(), path)
		v.Set(e)
	case t.Kind() == reflect.Struct:
		d.mapping(n, v, path)
	case t.Kind() == reflect.Slice:
		d.sequence(n, v, path)
	case t.Kind() == reflect.Map:
		d.stringMap(n, v, path)
	default:
		panic(fmt.Sprintf("config: cannot decode into %s", t)) // a programming error in the schema
	}
}

// mapping fills a struct from a mapping node, rejecting unknown and repeated
// keys. Merge keys (<<: *anchor) are applied first, so that keys written
// beside them win, as YAML specifies.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "must be a mapping, not %s", describe(n))
		return
	}
	fields := yamlFields(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			d.merge(n.Content[i+1], v, path)
		}
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "keys must be strings, not %s", describe(k))
			continue
		}
		key := child(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			d.fail(k, key, "duplicate key (first at line %d)", first.Line)
			continue
		}
		seen[k.Value] = k
		idx, ok := fields[k.Value]
		if why, gone := removed[key]; !ok && gone {
			d.fail(k, key, "removed: %s", why)
			continue
		}
		if !ok {
			d.fail(k, key, "unknown key%s", suggest(k.Value, fields))
			continue
		}
		d.p.pos[key] = position{key: k, value: val}
		if c, ok := commentedOut(k, val); ok {
			d.fail(val, key, "empty: YAML reads %s as a comment (a # after a space starts one); quote the value: %s: %q", c, k.Value, c)
			continue
		}
		d.decode(val, v.FieldByIndex(idx), key)
	}
}

// commentedOut reports a channel key whose value was meant to start with
// #, as a Slack channel does (channel: #payments-oncall): YAML reads it as
// a comment, and the key would keep its default without a word (a route's
// channel, the default channel). A comment as people write one, "# note",
// has a space after the #. No other key's value starts with #: beside one
// left empty, "#TODO" or "#off" is a comment, and the key keeps its
// default as every key written without a value does.
func commentedOut(k, val *yaml.Node) (string, bool) {
	c := k.LineComment
	if k.Value != "channel" || val.Kind != yaml.ScalarNode || val.Tag != "!!null" || val.Value != "" || len(c) < 2 || c[0] != '#' {
		return "", false
	}
	switch c[1] {
	case ' ', '\t', '#':
		return "", false
	}
	return c, true
}

// merge applies a merge key's value: one mapping or a list of them.
func (d *decoder) merge(n *yaml.Node, v reflect.Value, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.SequenceNode {
		for _, m := range n.Content {
			d.decode(m, v, path)
		}
		return
	}
	d.decode(n, v, path)
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, "must be a list, not %s", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, e := range n.Content {
		key := item(path, i)
		d.p.pos[key] = position{value: e}
		d.decode(e, s.Index(i), key)
	}
	v.Set(s)
}

func (d *decoder) stringMap(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "must be a mapping, not %s", describe(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "keys must be strings, not %s", describe(k))
			continue
		}
		key := child(path, k.Value)
		if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
			d.fail(k, key, "duplicate key")
			continue
		}
		d.p.pos[key] = position{key: k, value: val}
		e := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, e, key)
		m.SetMapIndex(reflect.ValueOf(k.Value), e)
	}
	v.Set(m)
}

// leaf decodes a scalar with yaml.v3's own rules (durations as "60s",
// TextUnmarshalers, plain kinds), replacing its messages with ones that say
// what was expected.
func (d *decoder) leaf(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, "must be %s, not %s", hint(v.Type()), describe(n))
		return
	}
	if d.ordinalRef(n, path) {
		return
	}
	if m := wholeEnvRef.FindStringSubmatch(n.Value); m != nil && n.ShortTag() == "!!str" && v.Type() != reflect.TypeFor[Secret]() {
		// only secrets and ordinal keys read the environment; any other
		// key would take the reference's text as its value, and its own
		// complaint ("must be an aws region") would not say why
		d.fail(n, path, "${%s} is read from the environment only in secrets (slack.token, slack.webhook_url, aws.secret_access_key, alertmanager.bearer_token) and ha.shard_index: write the value here", m[1])
		return
	}
	p := reflect.New(v.Type())
	err := n.Decode(p.Interface())
	if err == nil && isInt(v.Type()) && n.ShortTag() != "!!int" {
		// yaml.v3 truncates 2.5 to 2 for an integer field; a typo should not
		// pass unnoticed.
		err = errNotInteger
	}
	if err != nil {
		if hasHint(v.Type()) {
			d.fail(n, path, "must be %s, not %s", hint(v.Type()), quoteValue(v.Type(), n))
		} else {
			d.fail(n, path, "%s", lowerFirst(err.Error()))
		}
		return
	}
	v.Set(p.Elem())
}

var errNotInteger = errors.New("not an integer")

// isInt says whether t is a plain integer kind (time.Duration has its own rules).
func isInt(t reflect.Type) bool {
	if t == reflect.TypeFor[time.Duration]() || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return false
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// isLeaf says whether values of t are written as one scalar.
func isLeaf(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// yamlFields maps a struct's YAML key names to field indexes, descending
// into ",inline" fields.
func yamlFields(t reflect.Type) map[string][]int {
	out := map[string][]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if opts == "inline" {
			for k, idx := range yamlFields(f.Type) {
				out[k] = append([]int{i}, idx...)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = []int{i}
	}
	return out
}

// describe names a node's kind for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a scalar"
}
