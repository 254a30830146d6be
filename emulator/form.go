package emulator

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// formTree turns an awsQuery form (MetricDataQueries.member.1.Id=m1, ...)
// into the same generic tree a JSON or CBOR body decodes to, so that one
// struct decoding serves every protocol.
func formTree(form url.Values) map[string]any {
	root := map[string]any{}
	for k, vs := range form {
		if k == "Action" || k == "Version" || len(vs) == 0 || vs[0] == "" {
			continue
		}
		setFormPath(root, strings.Split(k, "."), vs[0])
	}
	return normalizeForm(root).(map[string]any)
}

func setFormPath(m map[string]any, path []string, v string) {
	for _, seg := range path[:len(path)-1] {
		next, ok := m[seg].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[seg] = next
		}
		m = next
	}
	m[path[len(path)-1]] = v
}

// normalizeForm replaces {"member": {"1": a, "2": b}} with [a, b]. Empty
// values ("Dimensions=" for an empty list) were dropped by formTree.
func normalizeForm(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if members, ok := m["member"].(map[string]any); ok && len(m) == 1 {
		return memberList(members)
	}
	for k, e := range m {
		m[k] = normalizeForm(e)
	}
	return m
}

func memberList(members map[string]any) []any {
	idx := make([]int, 0, len(members))
	for k := range members {
		if n, err := strconv.Atoi(k); err == nil {
			idx = append(idx, n)
		}
	}
	sort.Ints(idx)
	out := make([]any, 0, len(idx))
	for _, n := range idx {
		out = append(out, normalizeForm(members[strconv.Itoa(n)]))
	}
	return out
}
