package insights

import "strings"

// record is one log event, or one stats group, as the pipeline sees it.
type record struct {
	vals map[string]string
	// order lists the fields in the order they appeared, for default output.
	order []string
}

func newRecord(n int) *record {
	return &record{vals: make(map[string]string, n), order: make([]string, 0, n)}
}

func (r *record) get(f string) (string, bool) {
	v, ok := r.vals[f]
	return v, ok
}

func (r *record) set(f, v string) {
	if _, ok := r.vals[f]; !ok {
		r.order = append(r.order, f)
	}
	r.vals[f] = v
}

// key joins the values of fields into a grouping key.
func (r *record) key(fields []string) string {
	var b strings.Builder
	for _, f := range fields {
		v, ok := r.vals[f]
		if ok {
			b.WriteByte(1)
		}
		b.WriteString(v)
		b.WriteByte(0)
	}
	return b.String()
}
