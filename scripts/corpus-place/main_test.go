package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
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

// A repository file's listing names the same repository's other filed
// files, not its issues nor another repository's files.
func TestSameRepositoryListsOtherFilesOfTheRepository(t *testing.T) {
	cited := map[string][]corpus.Filed{}
	for i, u := range []string{
		"https://github.com/o/r/blob/abc/docs/chats/06/signup.md",
		"https://github.com/o/r/blob/abc/notes/fix.md",
		"https://github.com/o/r/issues/3",
		"https://github.com/o/rr/blob/abc/notes/fix.md",
	} {
		cited[corpus.Source(u)] = []corpus.Filed{{File: fmt.Sprintf("f%d.log", i), URL: u}}
	}
	got := sameRepository(corpus.Source("https://github.com/o/r/blob/def/chats/signup.md"), cited)
	var files []string
	for _, f := range got {
		files = append(files, f.File)
	}
	if want := []string{"f0.log", "f1.log"}; !slices.Equal(files, want) {
		t.Fatalf("got %v, want %v", files, want)
	}
	if got := sameRepository(corpus.Source("https://github.com/o/r/issues/4"), cited); len(got) != 0 {
		t.Fatalf("an issue: got %v, want none", got)
	}
	if got := sameRepository(corpus.Source("https://github.com/o/r/blob/abc/notes/fix.md"), cited); len(got) != 1 || got[0].File != "f0.log" {
		t.Fatalf("a filed file: got %v, want only the other file", got)
	}
}

// A new thread reached as a pull request takes the side of its /issues/N
// form, which the command says to cite; a filed source keeps its filed
// form's side whatever form is given.
func TestPlaceCitesANewSourceInOneForm(t *testing.T) {
	var pull, issue string
	for n := 1; pull == ""; n++ {
		p, i := fmt.Sprintf("https://github.com/o/r/pull/%d", n), fmt.Sprintf("https://github.com/o/r/issues/%d", n)
		if corpus.Side(p) != corpus.Side(i) {
			pull, issue = p, i
		}
	}
	out := place(pull, nil)
	side, _, _ := strings.Cut(out, "\t")
	if side != corpus.Side(issue) || !strings.Contains(out, "cite it as "+issue) {
		t.Fatalf("new source given as %s: got\n%s\nwant the side of %s (%s) and that form to cite", pull, out, issue, corpus.Side(issue))
	}
	if out := place(issue, nil); strings.Contains(out, "cite it as") {
		t.Fatalf("new source given in its one form: got\n%s\nwant no advice", out)
	}
	out = place(issue, []corpus.Filed{{File: "a.log", URL: pull}})
	if side, _, _ := strings.Cut(out, "\t"); side != corpus.Side(pull) || !strings.Contains(out, "already filed as "+pull) {
		t.Fatalf("source filed as %s: got\n%s\nwant its filed form's side", pull, out)
	}
}
