package classifier

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"testing"
)

// TestRequiredLiterals reads the literals a match needs off each form of
// pattern (the regexp/syntax package's operators).
func TestRequiredLiterals(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    []string // nil: no literal is needed
	}{
		{`abc`, []string{"abc"}},
		{`^(?:x-cache|via)\s*:`, []string{"x-cache", "via"}},
		{`\b([1-5]\d\d) (?:bad gateway|gone)\b`, []string{" bad gateway", " gone"}}, // the space joins the words
		{`http/\d|curl `, []string{"http/", "curl "}},
		{`(?:报|報)错`, []string{"報错", "报错"}}, // the parts joined
		// the parser factors common prefixes out ("g(?:ets?|ot)"): the
		// parts are joined again, and a word that holds another is dropped
		{`\b(?:returns|returned|gets?|got) (\d+)`, []string{"returns ", "returned ", "get ", "gets ", "got "}},
		{`\b(?:returns|returned|gets?|got)\w* (\d+)`, []string{"returns", "returned", "get", "got"}},
		{`x(?:a|b)?y`, []string{"xy", "xay", "xby"}},
		{`(?:a|b)?(?:c|d)?`, nil}, // a run that may match nothing
		{`[ab][cd]x`, []string{"acx", "adx", "bcx", "bdx"}},
		// past maxSpelled the run so far ends (64 strings of three bytes)
		// and another starts, the longer of them needed
		{`[a-d][e-h][i-l][m-p]xyz`, []string{"mxyz", "nxyz", "oxyz", "pxyz"}},
		{`(?:ab|cd)|(?:ab|xy)`, []string{"ab", "cd", "xy"}}, // each once
		{`[<>]`, []string{"<", ">"}},
		{`a?b*`, nil},                      // optional parts need nothing
		{`abc|\d+`, nil},                   // a branch without a literal
		{`(?i)abc`, nil},                   // a folded literal matches other bytes
		{`(?:abc)+x{2,}`, []string{"abc"}}, // repeated at least once
		{`x{0,3}`, nil},
		{`a.c`, []string{"a"}},
		{`\x{fffd}`, nil}, // any invalid byte matches U+FFFD
	} {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range requiredLiterals(re) {
			got = append(got, string(l))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.pattern, got, c.want)
		}
	}
}

// TestGuardsKeepEveryMatch runs each guarded pattern on every line of the
// labelled cases, the training reports and the benchmarks' function log
// and prose, lower-cased as every guarded pattern reads them, and
// checks that the guard passes every line the pattern matches, and that
// its branches match the lines the pattern matches.
func TestGuardsKeepEveryMatch(t *testing.T) {
	lines := underRace(guardLines(t))
	rules() // the rules' patterns are compiled on first use
	for _, g := range guardedRegexps {
		for _, b := range lines {
			switch {
			case !g.mayMatch(b):
				if g.Regexp.Match(b) {
					t.Errorf("guard of %s drops %q", g, b)
				}
			case g.branches != nil:
				if want := g.Regexp.Match(b); g.Match(b) != want {
					t.Errorf("branches of %s match %q: %v, the pattern: %v", g, b, !want, want)
				}
			}
		}
	}
}

// guardLines are the lines of the labelled cases, the training reports
// and the benchmarks' function log and prose, lower-cased as every
// guarded pattern reads them, each once.
func guardLines(t *testing.T) [][]byte {
	t.Helper()
	var lines [][]byte
	for _, dir := range []string{"testdata/cases", "testdata/golden", "testdata/real/train"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for l := range bytes.Lines(data) {
				lines = append(lines, bytes.ToLower(bytes.TrimRight(l, "\r\n")))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for l := range bytes.Lines(append(functionLogExport(64<<10), proseExport(16<<10)...)) {
		lines = append(lines, bytes.ToLower(bytes.TrimRight(l, "\n")))
	}
	if len(lines) < 1000 {
		t.Fatalf("read %d lines only", len(lines))
	}
	slices.SortFunc(lines, bytes.Compare)
	return slices.CompactFunc(lines, bytes.Equal)
}
