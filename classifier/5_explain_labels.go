package classifier

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// Label returns a fixed piece of message text (a heading, a field name, a
// format such as "%s latency") from the catalog's labels, in the language,
// falling back to English for a language the catalog does not have and
// returning "" for a key no catalog holds. The notifiers name the keys;
// keeping the text here puts it under the catalog's consistency checks.
func Label(lang Lang, key string) string {
	cat, _ := loadedCatalog()
	if f, ok := cat[lang]; ok && f.Labels[key] != "" {
		return f.Labels[key]
	}
	if f, ok := cat[LangEN]; ok {
		return f.Labels[key]
	}
	return ""
}

// labelVerb matches one fmt verb of a label ("%s", "%.0f", "%%").
var labelVerb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// checkLabels validates one language's labels against the English ones:
// the same keys, each a usable single line, with the same fmt verbs in the
// same order, since the caller fills them with the same arguments.
func checkLabels(l Lang, labels, en map[string]string) []string {
	if len(en) == 0 {
		return []string{"en: no labels"}
	}
	var errs []string
	for _, k := range slices.Sorted(maps.Keys(en)) {
		v, ok := labels[k]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: label %s missing", l, k))
			continue
		}
		if msg := checkText(v, maxStepRunes); msg != "" {
			errs = append(errs, fmt.Sprintf("%s: label %s %s", l, k, msg))
		}
		if got, want := labelVerb.FindAllString(v, -1), labelVerb.FindAllString(en[k], -1); !slices.Equal(got, want) {
			errs = append(errs, fmt.Sprintf("%s: label %s verbs %q, English has %q", l, k, got, want))
		}
	}
	for k := range labels {
		if _, ok := en[k]; !ok {
			errs = append(errs, fmt.Sprintf("%s: label %s is not in English", l, k))
		}
	}
	return errs
}
