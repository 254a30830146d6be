package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/stage"

	"gopkg.in/yaml.v3"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// hints say what a scalar of a type must look like. Types without a hint
// (Regexp) report their own parse error instead.
var hints = map[reflect.Type]string{
	reflect.TypeFor[time.Duration]():     "a duration such as 60s or 5m",
	reflect.TypeFor[classifier.Status](): "one of 500, 502, 503 or 504",
	reflect.TypeFor[classifier.Cause]():  "a cause id of docs/taxonomy.md (apigw-triage classify --list-causes prints them)",
	reflect.TypeFor[stage.APIType]():     "REST, HTTP or WEBSOCKET",
	reflect.TypeFor[Secret]():            "a string",
}

func hasHint(t reflect.Type) bool {
	if _, ok := hints[t]; ok {
		return true
	}
	return !reflect.PointerTo(t).Implements(textUnmarshaler)
}

// hint says what a value of type t must be.
func hint(t reflect.Type) string {
	if h, ok := hints[t]; ok {
		return h
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Slice:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping"
	}
	return "a string"
}

// quoteValue quotes a rejected scalar for a message, except a secret's,
// which is never repeated anywhere.
func quoteValue(t reflect.Type, n *yaml.Node) string {
	if t == reflect.TypeFor[Secret]() {
		return "the value given"
	}
	v := n.Value
	if utf8.RuneCountInString(v) > 64 {
		v = string([]rune(v)[:64]) + "..."
	}
	return fmt.Sprintf("%q", v)
}

// suggest proposes a known key close to an unknown one (a typo, or a key
// of the wrong section would not be close).
func suggest(name string, fields map[string][]int) string {
	best, bestDist := "", 3
	for k := range fields {
		if d := editDistance(name, k); d < bestDist || (d == bestDist && k < best) {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return " (known keys: " + knownKeys(fields) + ")"
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

func knownKeys(fields map[string][]int) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// editDistance is the Levenshtein distance, bounded in cost by the short
// key names it compares.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// lowerFirst lower-cases the first letter of a message, as Go errors are.
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
