package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: no input makes Parse panic or hang; every error carries a
// position inside the file and the file's name; a configuration it accepts
// prints as YAML that it accepts again, unchanged.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, "../config.example.yaml")
	for _, name := range files {
		f.Add([]byte(mustReadF(f, name)))
	}
	f.Add([]byte("a: &a [*a, *a]\nb: *a"))
	f.Add([]byte("slack: {routes: [{<<: {match: {api: x}}}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.yaml", func(string) string { return "" })
		if err != nil {
			checkErrors(t, data, err)
			return
		}
		if c.Slack.Enabled() || c.AWS.SecretAccessKey.IsSet() || c.Alertmanager.BearerToken.IsSet() {
			return // redacted secrets do not read back
		}
		printed := c.Redacted()
		again, err := Parse([]byte(printed), "printed.yaml", func(string) string { return "" })
		if err != nil {
			t.Fatalf("printed config does not load: %v\n%s", err, printed)
		}
		if again.Redacted() != printed {
			t.Fatalf("printed config changes on reload:\n%s\n---\n%s", printed, again.Redacted())
		}
	})
}

func checkErrors(t *testing.T, data []byte, err error) {
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error %T is not a non-empty Errors: %v", err, err)
	}
	lines := countLines(string(data))
	for _, e := range es {
		if e.File != "fuzz.yaml" || e.Line < 1 || e.Col < 1 || e.Line > lines+1 {
			t.Fatalf("bad position in %q (file has %d lines)", e.Error(), lines)
		}
		if e.Msg == "" {
			t.Fatalf("empty message in %q", e.Error())
		}
	}
}

// countLines counts lines as YAML does: \r\n, \r and \n end a line, and
// libyaml also breaks lines at NEL, LS and PS.
func countLines(s string) int {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func mustReadF(f *testing.F, path string) string {
	f.Helper()
	b, err := readSecretFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}
