package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Run away from the corpus, the command fails instead of finding no case
// filed and calling every source new.
func TestCitedSourcesNeedsBothSides(t *testing.T) {
	dir := t.TempDir()
	if _, err := citedSources(dir); err == nil || !strings.Contains(err.Error(), "repository's root") {
		t.Fatalf("no sides: got %v, want an error naming the root", err)
	}
	for _, side := range []string{"train", "heldout"} {
		if err := os.Mkdir(filepath.Join(dir, side), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	c := "# want: status=502 cause=unknown api=REST\n# source: https://github.com/o/r/issues/1\nx\n"
	if err := os.WriteFile(filepath.Join(dir, "train", "a.log"), []byte(c), 0o644); err != nil {
		t.Fatal(err)
	}
	cited, err := citedSources(dir)
	if err != nil || len(cited) != 1 {
		t.Fatalf("got %v, %v; want the one case", cited, err)
	}
}
