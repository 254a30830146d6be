package config

import (
	"reflect"
	"sort"
)

// Keys lists every key path of the configuration file, "[]" standing for a
// list item ("slack.routes[].match.api"), sorted. Tests hold the example
// file and the wiring to it, so that no key can be added without both.
func Keys() []string {
	keys := schemaKeys(reflect.TypeFor[Config](), "")
	sort.Strings(keys)
	return keys
}

// schemaKeys lists the key paths of a config type, "[]" standing for a list item.
func schemaKeys(t reflect.Type, prefix string) []string {
	var out []string
	for name, idx := range yamlFields(t) {
		key := child(prefix, name)
		out = append(out, key)
		ft := t.FieldByIndex(idx).Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			if ft.Kind() == reflect.Slice {
				key += "[]"
			}
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !isLeaf(ft) {
			out = append(out, schemaKeys(ft, key)...)
		}
	}
	return out
}
