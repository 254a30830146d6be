package classifier

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
)

// Floors on the held-out part of testdata/real: reports from sources no rule
// was written from (a fixed share of sources by a hash of the URL, see
// classifier/corpus). They hold the level measured when the corpus was
// split; the project's target is 90% of causes and 95% of statuses.
const (
	heldOutCauseFloor  = 0.70
	heldOutStatusFloor = 0.80
)

// realCase is one excerpt of a public incident report with the diagnosis
// its thread settled on.
type realCase struct {
	file, side, source, why string
	readBefore              bool // the rules were written from it before the split
	want                    caseWant
	excerpt                 []byte
}

// realHeader splits the "# source:", "# why:" and "# read:" lines that follow
// the want line of a real report from the excerpt, so that the prose of the
// header never reaches the classifier.
func realHeader(body []byte) (source, why string, readBefore bool, excerpt []byte) {
	for bytes.HasPrefix(body, []byte("#")) {
		line, rest, _ := bytes.Cut(body, []byte("\n"))
		if v, ok := strings.CutPrefix(string(line), "# source:"); ok {
			source = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(string(line), "# why:"); ok {
			why = strings.TrimSpace(v)
		}
		if strings.HasPrefix(string(line), "# read:") {
			readBefore = true
		}
		body = rest
	}
	return source, why, readBefore, body
}

func loadRealCases(t *testing.T) []realCase {
	t.Helper()
	var cases []realCase
	for _, side := range []string{corpus.Train, corpus.HeldOut} {
		files, err := filepath.Glob(filepath.Join("testdata/real", side, "*.log"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			want, body := readCase(t, f)
			c := realCase{file: f, side: side, want: want}
			c.source, c.why, c.readBefore, c.excerpt = realHeader(body)
			if c.source == "" || c.why == "" {
				t.Errorf("%s: needs '# source:' and '# why:' header lines", f)
			}
			if got := corpus.Side(c.source); got != side {
				t.Errorf("%s: source %s belongs to %s, not %s (scripts/corpus-place)", f, c.source, got, side)
			}
			cases = append(cases, c)
		}
	}
	if len(cases) == 0 {
		t.Fatal("no real reports")
	}
	return cases
}

// score counts right causes and statuses over a set of cases.
type score struct{ n, cause, status, falseAllClear int }

func (t score) String() string {
	if t.n == 0 {
		return "0 cases"
	}
	return fmt.Sprintf("%d cases; causes %d (%.1f%%), statuses %d (%.1f%%), false all-clears %d",
		t.n, t.cause, 100*float64(t.cause)/float64(t.n), t.status, 100*float64(t.status)/float64(t.n), t.falseAllClear)
}

// TestRealReports runs every real report through ReadFrom. Training cases
// are logged one by one; held-out cases only in aggregate, so that nobody
// writes a rule from them by reading this output.
func TestRealReports(t *testing.T) {
	var train, held, heldFresh score
	for _, c := range loadRealCases(t) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(c.excerpt)); err != nil {
			t.Fatal(err)
		}
		d := s.Diagnose(LangEN)
		cOK, sOK := d.Cause.String() == c.want.cause, d.Status.String() == c.want.status
		allClear := d.Status.String() == "none" && strings.HasPrefix(c.want.status, "5")
		for _, tl := range sidesOf(c, &train, &held, &heldFresh) {
			tl.n++
			tl.cause += b2i(cOK)
			tl.status += b2i(sOK)
			tl.falseAllClear += b2i(allClear)
		}
		if c.side == corpus.Train && (!cOK || !sOK) {
			t.Logf("MISS %-60s got %s/%s want %s/%s (api %s, want %s)\n     why: %s | %s",
				filepath.Base(c.file), d.Status, d.Cause, c.want.status, c.want.cause, d.APIType, c.want.api, c.why, d.Why)
		}
	}
	t.Logf("training: %v", train)
	t.Logf("held out: %v", held)
	t.Logf("held out, never read when rules were written: %v", heldFresh)
	if held.n == 0 {
		t.Fatal("no held-out reports")
	}
	causeAcc, statusAcc := float64(held.cause)/float64(held.n), float64(held.status)/float64(held.n)
	if causeAcc < heldOutCauseFloor {
		t.Errorf("held-out cause accuracy %.1f%% is below %.0f%%", 100*causeAcc, 100*heldOutCauseFloor)
	}
	if statusAcc < heldOutStatusFloor {
		t.Errorf("held-out status accuracy %.1f%% is below %.0f%%", 100*statusAcc, 100*heldOutStatusFloor)
	}
	if held.falseAllClear > 0 {
		t.Errorf("%d held-out cases show a 5xx and were answered none", held.falseAllClear)
	}
}

func sidesOf(c realCase, train, held, heldFresh *score) []*score {
	if c.side == corpus.Train {
		return []*score{train}
	}
	if c.readBefore {
		return []*score{held}
	}
	return []*score{held, heldFresh}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
