package scenario

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// pos is a line and column in the scenario file.
type pos struct{ line, col int }

// positions maps a field path ("accounts[0].regions[1].name") to where its
// value is written, so that validation errors can point into the file.
type positions map[string]pos

// strictWalk checks the YAML tree against the Go type before decoding: every
// key must name a field, and every scalar must decode into its field's type.
// yaml.v3's own KnownFields errors carry a line but no column; this walk
// reports both, in file order.
func strictWalk(n *yaml.Node, t reflect.Type, path string, ps positions, errs *[]fieldError) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) > 0 {
			strictWalk(n.Content[0], t, path, ps, errs)
		}
		return
	}
	ps[path] = pos{n.Line, n.Column}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if isNull(n) {
		return
	}
	switch {
	case t == reflect.TypeFor[Duration]() || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Map:
		checkScalar(n, t, path, errs)
	case t.Kind() == reflect.Struct:
		walkStruct(n, t, path, ps, errs)
	case t.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			*errs = append(*errs, fieldError{pos{n.Line, n.Column}, path, "must be a list"})
			return
		}
		for i, c := range n.Content {
			strictWalk(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i), ps, errs)
		}
	case t.Kind() == reflect.Map:
		if n.Kind != yaml.MappingNode {
			*errs = append(*errs, fieldError{pos{n.Line, n.Column}, path, "must be a mapping"})
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			strictWalk(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value), ps, errs)
		}
	}
}

func walkStruct(n *yaml.Node, t reflect.Type, path string, ps positions, errs *[]fieldError) {
	if n.Kind != yaml.MappingNode {
		*errs = append(*errs, fieldError{pos{n.Line, n.Column}, path, "must be a mapping"})
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := fieldByTag(t, k.Value)
		if !ok {
			*errs = append(*errs, fieldError{pos{k.Line, k.Column}, join(path, k.Value), "unknown field"})
			continue
		}
		if seen[k.Value] {
			*errs = append(*errs, fieldError{pos{k.Line, k.Column}, join(path, k.Value), "duplicate field"})
			continue
		}
		seen[k.Value] = true
		strictWalk(v, f.Type, join(path, k.Value), ps, errs)
	}
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key && f.IsExported() {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// checkScalar decodes one scalar into a throw-away value of the field's
// type, to report a type mismatch at the value's own position.
func checkScalar(n *yaml.Node, t reflect.Type, path string, errs *[]fieldError) {
	if n.Kind != yaml.ScalarNode {
		*errs = append(*errs, fieldError{pos{n.Line, n.Column}, path, "must be a single value"})
		return
	}
	v := reflect.New(t)
	if err := n.Decode(v.Interface()); err != nil {
		*errs = append(*errs, fieldError{pos{n.Line, n.Column}, path, scalarMessage(t, n.Value, err)})
	}
}

func scalarMessage(t reflect.Type, value string, err error) string {
	if t == reflect.TypeFor[Duration]() {
		return err.Error()
	}
	return fmt.Sprintf("cannot use %s as %s", strconv.Quote(value), kindName(t))
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int64, reflect.Uint64, reflect.Int32, reflect.Uint32:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	default:
		return "a string"
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldError is one problem at one place in the file.
type fieldError struct {
	at   pos
	path string
	msg  string
}

// UnmarshalYAML parses a Go duration string such as "90s" or "-10m".
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("must be a duration such as 90s or 15m")
	}
	v, err := parseDuration(n.Value)
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// MarshalYAML writes the duration in Go's form.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }
