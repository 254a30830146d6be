// Command corpus-place prints, for each report URL given, the side of the
// corpus split it belongs to (train or heldout), its normalised source, and
// the cases already filed from that source, and for a repository file the
// repository's other files already filed. Collectors file a new case
// under classifier/testdata/real/<side>/. A source already filed keeps its
// side: the new case cites it in the URL form the existing cases use,
// which the command names when the given URL is another form.
//
// The cases are matched by their normalised source, not by searching the
// files for a piece of the URL: a short piece (issues/12) also matches
// longer ones (issues/123), and the URL a case cites may be another form
// of the same source (a file at another commit, a pull request's number
// as an issue).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
)

func main() {
	dir := flag.String("corpus", "classifier/testdata/real", "folder holding the train and heldout cases")
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: corpus-place [-corpus DIR] URL ...") }
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cited, err := citedSources(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus-place:", err)
		os.Exit(1)
	}
	for _, u := range flag.Args() {
		src := corpus.Source(u)
		fmt.Print(place(u, cited[src]))
		for _, f := range sameRepository(src, cited) {
			fmt.Printf("\tsame repository, filed: %s as %s\n", f.File, f.URL)
		}
	}
}

// sameRepository lists the filed cases that cite another file of the
// repository src is a file of. A repository's notes are often moved or
// copied (docs/chats/06/x.md and chats/x.md, a fix note and its archived
// copy): each path is a source of its own, so only a reader comparing the
// notes can tell one incident told twice, and the list says which to read.
func sameRepository(src string, cited map[string][]corpus.Filed) []corpus.Filed {
	repo, _, ok := strings.Cut(src, "/blob/")
	if !ok || !strings.HasPrefix(src, "github.com/") {
		return nil
	}
	var same []corpus.Filed
	for other, filed := range cited {
		if other != src && strings.HasPrefix(other, repo+"/blob/") {
			same = append(same, filed...)
		}
	}
	slices.SortFunc(same, func(a, b corpus.Filed) int { return strings.Compare(a.File, b.File) })
	return same
}

// place gives the lines that name a URL's side and source. A source
// already filed keeps the side of the URL form its cases cite, which a new
// case must cite too: another form of one source may hash to the other
// side. A source not filed yet takes the side of its one citation form
// (corpus.Citation).
func place(u string, filed []corpus.Filed) string {
	var w strings.Builder
	form := corpus.FiledForm(filed)
	if form == "" {
		cite := corpus.Citation(u)
		fmt.Fprintf(&w, "%s\t%s\n", corpus.Side(cite), corpus.Source(u))
		if corpus.Key(cite) != corpus.Key(u) {
			fmt.Fprintf(&w, "\tnot filed yet: cite it as %s, the one form of this source (%s would put it in %s)\n",
				cite, u, corpus.Side(u))
		}
		return w.String()
	}
	fmt.Fprintf(&w, "%s\t%s\n", corpus.Side(form), corpus.Source(u))
	if corpus.Key(form) != corpus.Key(u) {
		fmt.Fprintf(&w, "\talready filed as %s: cite it in that form, as the existing cases do (%s would put it in %s)\n",
			form, u, corpus.Side(u))
	}
	for _, f := range filed {
		fmt.Fprintf(&w, "\talready cited by %s as %s\n", f.File, f.URL)
	}
	return w.String()
}

// citedSources maps each normalised source to the cases citing it,
// reading only their "# source:" header lines. A folder without both
// sides is an error: run from elsewhere than the repository's root, the
// command would otherwise find no case filed and call every source new.
func citedSources(dir string) (map[string][]corpus.Filed, error) {
	cited := map[string][]corpus.Filed{}
	for _, side := range []string{corpus.Train, corpus.HeldOut} {
		if fi, err := os.Stat(filepath.Join(dir, side)); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("no %s folder under %s: run from the repository's root or give -corpus", side, dir)
		}
		files, err := filepath.Glob(filepath.Join(dir, side, "*.log"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			src, err := sourceLine(f)
			if err != nil {
				return nil, err
			}
			if src != "" {
				k := corpus.Source(src)
				cited[k] = append(cited[k], corpus.Filed{File: f, URL: src})
			}
		}
	}
	return cited, nil
}

// sourceLine is the URL of a case's "# source:" line, read from its header
// (the "# " lines that open the file) and no further.
func sourceLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer func() { _ = f.Close() }() // read-only: a close error changes nothing
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# source:"); ok {
			return strings.TrimSpace(v), nil
		}
		if !strings.HasPrefix(line, "# ") {
			break
		}
	}
	return "", sc.Err()
}
