package classifier

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// TestRecordReaderFields checks that the reader finds a field under every
// spelling a record's writer may give it, and decodes values as
// encoding/json does.
func TestRecordReaderFields(t *testing.T) {
	cases := []struct {
		name, record string
		f            field
		want         string
	}{
		{"camel case", `{"integrationErrorMessage": "Internal server error"}`, fIntegrationErrorMessage, "Internal server error"},
		{"snake case", `{"integration_error_message": "x"}`, fIntegrationErrorMessage, "x"},
		{"dotted", `{"integration.error": "x"}`, fIntegrationError, "x"},
		{"upper case", `{"STATUS": "502"}`, fStatus, "502"},
		{"nested once", `{"integration": {"status": "503"}}`, fIntegrationStatus, "503"},
		{"nested under a nested name", `{"integration": {"integrationStatus": "503"}}`, fIntegrationIntegrationStatus, "503"},
		{"platform record", `{"type": "platform.report", "record": {"requestId": "r", "status": "timeout"}}`, fRecordStatus, "timeout"},
		{"a number as written", `{"integrationLatency": 30001, "status": 5.02e2}`, fIntegrationLatency, "30001"},
		{"an exponent as written", `{"status": 5.02e2}`, fStatus, "5.02e2"},
		{"a boolean", `{"error": true}`, fError, "true"},
		{"escapes", `{"errorMessage": "a \"b\"\\c\/d\n\t\u00e9"}`, fErrorMessage, "a \"b\"\\c/d\n\té"},
		{"a surrogate pair", `{"error": "\ud83d\ude00"}`, fError, "\U0001F600"},
		{"a lone surrogate", `{"error": "\ud83dx"}`, fError, "\uFFFDx"},
		{"invalid UTF-8", "{\"error\": \"a\xffb\"}", fError, "a\uFFFDb"},
		{"an escaped key", `{"st\u0061tus": "500"}`, fStatus, "500"},
		{"the last of duplicates", `{"status": "200", "status": "502"}`, fStatus, "502"},
		{"null after a value", `{"status": "502", "status": null}`, fStatus, ""},
		{"deeper objects are not fields", `{"integration": {"error": {"message": "x"}}}`, fIntegrationErrorMessage, ""},
		{"arrays are not fields", `{"error": ["x"]}`, fError, ""},
		{"the Insights message", `{"@message": "Method completed with status: 502"}`, fMessage, "Method completed with status: 502"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r recordReader
			var rec accessRecord
			if !r.read([]byte(c.record), &rec) {
				t.Fatalf("%s: not read", c.record)
			}
			if got := rec.val[c.f]; got != c.want {
				t.Errorf("%s: %s = %q, want %q", c.record, fieldNames[c.f], got, c.want)
			}
		})
	}
}

// TestRecordReaderPresence checks that a field logged empty is present
// and a null one is not: an empty $context.integrationErrorMessage still
// shows the format has the variable.
func TestRecordReaderPresence(t *testing.T) {
	var r recordReader
	var rec accessRecord
	if !r.read([]byte(`{"integrationErrorMessage": "", "integrationError": null, "status": "-"}`), &rec) {
		t.Fatal("not read")
	}
	if !rec.has(fIntegrationErrorMessage) || rec.has(fIntegrationError) || !rec.has(fStatus) || rec.get(fStatus) != "" {
		t.Errorf("present %b, status %q", rec.present, rec.get(fStatus))
	}
}

// TestRecordReaderRejects checks that what encoding/json refuses is no
// record, and so is read as text by the other readers.
func TestRecordReaderRejects(t *testing.T) {
	for _, s := range []string{
		``, `{`, `}`, `[]`, `null`, `"status"`, `{"status": "502"} x`, `{"status": "502",}`, `{"status" "502"}`,
		`{status: "502"}`, `{'status': '502'}`, `{"a": 01}`, `{"a": 1.}`, `{"a": -}`, `{"a": .5}`, `{"a": 1e}`,
		`{"a": tru}`, `{"a": nul}`, `{"a": "x\q"}`, `{"a": "\u12g4"}`, "{\"a\": \"x\ty\"}", `{"a": "open}`,
		`{"a": [1,]}`, `{"a": [1 2]}`, `{"a": {"b": 1,}}`, `{"a": 1}{"b": 2}`, `{"a":1}]`,
		`{"a":` + strings.Repeat("[", maxRecordDepth) + strings.Repeat("]", maxRecordDepth) + `}`,
	} {
		var r recordReader
		var rec accessRecord
		if r.read([]byte(s), &rec) {
			t.Errorf("%q was read as a record", s)
		}
	}
}

// TestRecordReaderInner checks that a top-level "@message" object is handed
// back whole (a Logs Insights row whose message was JSON), and nothing else
// is.
func TestRecordReaderInner(t *testing.T) {
	for _, c := range []struct{ record, inner string }{
		{`{"@timestamp": "2024-03-12 10:15:00.000", "@message": {"status": "502", "requestId": "a"}, "status": "502"}`, `{"status": "502", "requestId": "a"}`},
		{`{"@message": "text"}`, ""},
		{`{"@message": {"a": 1}, "@message": "text"}`, ""},
		{`{"detail": {"@message": {"a": 1}}}`, ""},
	} {
		var r recordReader
		var rec accessRecord
		ok := r.read([]byte(c.record), &rec)
		if !ok || string(rec.msgObject) != c.inner {
			t.Errorf("%s: inner %q (read %t), want %q", c.record, rec.msgObject, ok, c.inner)
		}
	}
}

// FuzzRecordReader checks the reader against encoding/json on any line: it
// never panics, takes a line exactly when encoding/json decodes it as one
// object (nested at most maxRecordDepth deep), finds every known field's
// value as encoding/json decodes it (numbers as written), and keeps no more
// than a bounded multiple of the line.
func FuzzRecordReader(f *testing.F) {
	seedCorpus(f, false)
	for _, s := range []string{
		`{"requestId":"a","status":"502","integration":{"status":"-","latency":-1},"error":{"message":"x\u00e9"}}`,
		`{"@message":{"status":"502"},"@log":"123456789012:g"}`, `{"a":"\ud800\udc00\udbff"}`, "{\"a\":\"\xff\xfe\"}",
		`{"a":` + strings.Repeat(`{"b":`, 70) + `1` + strings.Repeat(`}`, 70) + `}`, `{"a":[[[[]]]],"b":-0.0e+00}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var r recordReader
		var rec accessRecord
		ok := r.read(line, &rec)
		want, depth, unique, wantOK := decodeRecord(line)
		if ok != (wantOK && depth <= maxRecordDepth) {
			t.Fatalf("%q: read %t, encoding/json %t at depth %d", line, ok, wantOK, depth)
		}
		if cap(r.arena) > 3*len(line)+64 || cap(r.key) > len(line)+64 {
			t.Fatalf("kept %d and %d bytes for a line of %d", cap(r.arena), cap(r.key), len(line))
		}
		if !ok || !unique {
			return
		}
		for f := range numFields {
			if rec.val[f] != want[fieldNames[f]] {
				t.Fatalf("%q: %s = %q, encoding/json %q", line, fieldNames[f], rec.val[f], want[fieldNames[f]])
			}
		}
	})
}

// decodeRecord is what the reader must find, by encoding/json: the
// scalar values of a JSON object and its objects' under normalised names,
// numbers as written. unique is false when two keys normalise to one name
// (a map's order decides those), depth is the deepest nesting.
func decodeRecord(line []byte) (vals map[string]string, depth int, unique, ok bool) {
	head := bytes.TrimLeft(line, " \t\r\n")
	if !json.Valid(line) || len(head) == 0 || head[0] != '{' {
		return nil, 0, false, false
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var m map[string]any
	if dec.Decode(&m) != nil {
		return nil, 0, false, false
	}
	vals, seen := map[string]string{}, map[string]bool{}
	unique = true
	for k, v := range m {
		unique = flattenInto(vals, seen, string(appendNormKey(nil, []byte(k))), v, true) && unique
	}
	return vals, nesting(line), unique && keysUnique(line), true
}

// flattenInto adds one value under name, and an object's values under
// their names after it when nested is true; it reports false when a name
// was given before (seen), whatever its value.
func flattenInto(vals map[string]string, seen map[string]bool, name string, v any, nested bool) bool {
	unique := !seen[name]
	seen[name] = true
	switch t := v.(type) {
	case map[string]any:
		for k, v := range t {
			if nested {
				unique = flattenInto(vals, seen, name+string(appendNormKey(nil, []byte(k))), v, false) && unique
			}
		}
	case string:
		vals[name] = t
	case json.Number:
		vals[name] = string(t)
	case bool:
		vals[name] = strconv.FormatBool(t)
	}
	return unique
}

// nesting is the deepest nesting of objects and arrays in a valid line.
func nesting(line []byte) int {
	dec := json.NewDecoder(bytes.NewReader(line))
	depth, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return deepest
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			deepest = max(deepest, depth)
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
}

// keysUnique reports whether no object of a valid line repeats a key
// (encoding/json keeps the last, whatever came before).
func keysUnique(line []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(line))
	var stack []map[string]bool // keys seen, nil for an array
	expectKey := func() bool { return len(stack) > 0 && stack[len(stack)-1] != nil }
	key := true
	for {
		tok, err := dec.Token()
		if err != nil {
			return true
		}
		switch tok {
		case json.Delim('{'):
			stack, key = append(stack, map[string]bool{}), true
			continue
		case json.Delim('['):
			stack = append(stack, nil)
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			if k, isStr := tok.(string); isStr && expectKey() && key {
				if stack[len(stack)-1][k] {
					return false
				}
				stack[len(stack)-1][k] = true
				key = false
				continue
			}
		}
		key = expectKey()
	}
}
