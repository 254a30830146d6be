package config

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite testdata/*.bad.yaml.err from the current output")

// testEnv is the environment the testdata files are loaded with. Its values
// are secrets: none may appear in an error or a printed config.
func testEnv(name string) string {
	return map[string]string{
		"HOOK_SECRET": "hook-secret-9c1d",
		"AM_TOKEN":    "am-token-4b2e",
		"AM_USER":     "am-user-5a7f",
		"SLACK_TOKEN": "xoxb-env-token-2d8c",
	}[name]
}

// TestOKFiles loads every *.ok.yaml, and checks that yaml.v3's own strict
// decoder (KnownFields) accepts it too: the position-keeping decoder must
// not accept anything yaml.v3 would reject.
func TestOKFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ok.yaml")
	if len(files) == 0 {
		t.Fatal("no testdata/*.ok.yaml")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if _, err := Load(f, testEnv); err != nil {
				t.Fatalf("Load: %v", err)
			}
			data, _ := os.ReadFile(f)
			dec := yaml.NewDecoder(bytes.NewReader(data))
			dec.KnownFields(true)
			var c Config
			if err := dec.Decode(&c); err != nil {
				t.Errorf("yaml.v3 KnownFields rejects what Load accepts: %v", err)
			}
		})
	}
}

// TestBadFiles compares every *.bad.yaml's errors with its .err sidecar,
// exactly, positions included.
func TestBadFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bad.yaml")
	if len(files) == 0 {
		t.Fatal("no testdata/*.bad.yaml")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := Load(f, testEnv)
			if err == nil {
				t.Fatal("Load accepted a bad file")
			}
			if _, ok := err.(Errors); !ok { //nolint:errorlint // Load returns Errors itself
				t.Fatalf("error is %T, want Errors", err)
			}
			got := err.Error() + "\n"
			if *update {
				if werr := os.WriteFile(f+".err", []byte(got), 0o644); werr != nil {
					t.Fatal(werr)
				}
			}
			want, rerr := os.ReadFile(f + ".err")
			if rerr != nil {
				t.Fatalf("missing sidecar: %v (run go test -update and review it)", rerr)
			}
			if got != string(want) {
				t.Errorf("errors differ\n--- got\n%s--- want\n%s", got, want)
			}
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if !strings.HasPrefix(line, f+":") {
					t.Errorf("line does not start with %s: %s", f, line)
				}
			}
		})
	}
}
