package classifier

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseWant is the expected diagnosis a fixture's first line declares:
// "# want: status=502 cause=lambda_malformed_proxy_response api=REST".
type caseWant struct {
	status, cause, api string
}

func readCase(t *testing.T, path string) (caseWant, []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, body, _ := bytes.Cut(raw, []byte("\n"))
	var w caseWant
	for _, kv := range strings.Fields(strings.TrimPrefix(string(first), "# want:")) {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "status":
			w.status = v
		case "cause":
			w.cause = v
		case "api":
			w.api = v
		}
	}
	if w.status == "" || w.cause == "" {
		t.Fatalf("%s: first line must be '# want: status=.. cause=.. api=..'", path)
	}
	return w, body
}

// TestCases runs every fixture in testdata/cases through ReadFrom and
// checks status, cause and API type.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.log")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	perCause := map[string]int{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".log")
		t.Run(name, func(t *testing.T) {
			want, body := readCase(t, f)
			perCause[want.cause]++
			s := NewSession(Hints{})
			if _, err := s.ReadFrom(bytes.NewReader(body)); err != nil {
				t.Fatal(err)
			}
			d := s.Diagnose(LangEN)
			if d.Status.String() != want.status || d.Cause.String() != want.cause || (want.api != "" && d.APIType.String() != want.api) {
				t.Errorf("got status=%s cause=%s api=%s, want status=%s cause=%s api=%s\nwhy: %s\nevidence: %q",
					d.Status, d.Cause, d.APIType, want.status, want.cause, want.api, d.Why, d.Evidence)
			}
		})
	}
	for _, c := range Causes() {
		if perCause[c.String()] < 3 {
			t.Errorf("cause %s has %d fixtures, want at least 3", c, perCause[c.String()])
		}
	}
}

// TestCasesLineByLine feeds the same fixtures through AddLine, the path the
// collector uses for single lines, where the JSON documents do not apply.
func TestCasesLineByLine(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.log")
	for _, f := range files {
		want, body := readCase(t, f)
		if bytes.HasPrefix(bytes.TrimSpace(body), []byte("{\n")) {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			s := NewSession(Hints{})
			sc := bufio.NewScanner(bytes.NewReader(body))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				s.AddLine(sc.Text())
			}
			d := s.Diagnose(LangEN)
			if d.Cause.String() != want.cause || d.Status.String() != want.status {
				t.Errorf("got %s/%s, want %s/%s", d.Status, d.Cause, want.status, want.cause)
			}
		})
	}
}
