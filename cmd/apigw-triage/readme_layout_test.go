package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeLayoutMatchesTree: a newcomer finds where a thing lives from the
// README's layout table, so every folder holding Go code has its row, and
// every row names a folder that exists.
func TestReadmeLayoutMatchesTree(t *testing.T) {
	root := filepath.Join("..", "..")
	text, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)` \\|").FindAllStringSubmatch(string(text), -1) {
		rows[m[1]] = true
	}
	for row := range rows {
		if st, err := os.Stat(filepath.Join(root, row)); err != nil || !st.IsDir() {
			t.Errorf("the layout table names %s, which is not a folder", row)
		}
	}
	for _, dir := range goFolders(t, root) {
		if !rows[dir] {
			t.Errorf("%s holds Go code but has no row in the README's layout table", dir)
		}
	}
}

// goFolders lists the folders holding non-test Go files, testdata aside.
func goFolders(t *testing.T, root string) []string {
	seen := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		if rel = filepath.ToSlash(rel); !seen[rel] {
			seen[rel] = true
			dirs = append(dirs, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}
