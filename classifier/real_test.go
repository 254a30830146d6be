package classifier

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// Accuracy the classifier must reach on testdata/real, excerpts of public
// incident reports (issue threads, Q&A, knowledge-center pages) whose
// thread names the cause. These are the targets of the held-out
// acceptance set the real corpus imitates.
const (
	realCauseTarget  = 0.90
	realStatusTarget = 0.95
)

// realHeader splits the "# source:" and "# why:" lines that follow the
// want line of a real report from the excerpt, so that the prose of the
// header never reaches the classifier.
func realHeader(body []byte) (source, why string, excerpt []byte) {
	for bytes.HasPrefix(body, []byte("#")) {
		line, rest, _ := bytes.Cut(body, []byte("\n"))
		if v, ok := strings.CutPrefix(string(line), "# source:"); ok {
			source = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(string(line), "# why:"); ok {
			why = strings.TrimSpace(v)
		}
		body = rest
	}
	return source, why, body
}

// TestRealReports runs every real report through ReadFrom, logs a verdict
// per file and fails when cause or status accuracy is below target.
func TestRealReports(t *testing.T) {
	files, err := filepath.Glob("testdata/real/*.log")
	if err != nil || len(files) == 0 {
		t.Fatalf("no real reports: %v", err)
	}
	var causeOK, statusOK int
	for _, f := range files {
		want, body := readCase(t, f)
		source, why, excerpt := realHeader(body)
		if source == "" || why == "" {
			t.Errorf("%s: needs '# source:' and '# why:' header lines", f)
		}
		s := NewSession(Context{})
		if _, err := s.ReadFrom(bytes.NewReader(excerpt)); err != nil {
			t.Fatal(err)
		}
		d := s.Diagnose(LangEN)
		cOK := d.Cause.String() == want.cause
		sOK := d.Status.String() == want.status
		if cOK {
			causeOK++
		}
		if sOK {
			statusOK++
		}
		verdict := "ok  "
		if !cOK || !sOK {
			verdict = "MISS"
		}
		t.Logf("%s %-60s got %s/%s want %s/%s (api %s, want %s)", verdict, filepath.Base(f),
			d.Status, d.Cause, want.status, want.cause, d.APIType, want.api)
		if !cOK {
			t.Logf("     why: %s | %s", why, d.Why)
		}
	}
	n := float64(len(files))
	causeAcc, statusAcc := float64(causeOK)/n, float64(statusOK)/n
	t.Logf("real reports: %d; causes %d (%.1f%%), statuses %d (%.1f%%)",
		len(files), causeOK, 100*causeAcc, statusOK, 100*statusAcc)
	if causeAcc < realCauseTarget {
		t.Errorf("cause accuracy %.1f%% is below %.0f%%", 100*causeAcc, 100*realCauseTarget)
	}
	if statusAcc < realStatusTarget {
		t.Errorf("status accuracy %.1f%% is below %.0f%%", 100*statusAcc, 100*realStatusTarget)
	}
}
