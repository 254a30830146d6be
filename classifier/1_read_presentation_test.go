package classifier

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// presented is a case with log evidence and the diagnosis it gets as it
// was pasted.
type presented struct {
	name            string
	excerpt         []byte
	cause, status   string
	causeW, statusW string // what the case wants, to tell a fix from a break
}

// loadPresentable reads the training reports and the fixtures that carry
// log evidence, with the diagnosis each gets as written. The held-out
// reports are left alone: they measure what no rule was written from, and
// re-presenting them would turn their figures into training material.
func loadPresentable(t *testing.T) []presented {
	t.Helper()
	var out []presented
	for _, pattern := range []string{"testdata/real/train/*.log", "testdata/cases/*.log"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", pattern, err)
		}
		for _, f := range files {
			want, body := readCase(t, f)
			_, _, _, excerpt := realHeader(body)
			s := readText(t, excerpt)
			if !s.logEvidence() {
				continue
			}
			d := s.Diagnose(LangEN)
			out = append(out, presented{name: filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f), excerpt: excerpt,
				cause: d.Cause.String(), status: d.Status.String(), causeW: want.cause, statusW: want.status})
		}
	}
	return out
}

func readText(t *testing.T, text []byte) *Session {
	t.Helper()
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(bytes.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPresentationInvariance re-presents every training report and fixture
// with log evidence the ways people paste logs (see presentations) and
// checks that its cause and status do not change: the answer is about the
// evidence, not about the tool or the page it was copied from. Under the
// race detector, which adds nothing to code that runs on one goroutine
// and slows it tenfold, every raceStride-th case is enough.
func TestPresentationInvariance(t *testing.T) {
	cases := loadPresentable(t)
	stride := 1
	if raceEnabled {
		stride = raceStride
	}
	t.Logf("%d cases with log evidence (training reports and fixtures), every %d tried", len(cases), stride)
	var mu sync.Mutex
	changed := map[string]int{}
	t.Run("presentations", func(t *testing.T) {
		for _, p := range presentations {
			t.Run(p.name, func(t *testing.T) {
				t.Parallel()
				n := presentationChanges(t, p, cases, stride)
				mu.Lock()
				changed[p.name] = n
				mu.Unlock()
			})
		}
	})
	total := 0
	for _, p := range presentations {
		t.Logf("%-30s %3d cases changed cause or status", p.name, changed[p.name])
		total += changed[p.name]
	}
	t.Logf("%d case x presentation pairs changed in all", total)
}

// sentenceStatus are the reports whose 5xx shows only in a person's weak
// sentence ("Actual: 500 response with") beside a function's traceback.
// A tool that stamps every line as one stream's records (aws logs tail,
// a CI log, an editor's gutter) makes the sentence a record of the
// function's stream, which rightly shows no client's status: these may
// lose their status to unknown, never change it to another or change
// their cause. TestSentenceStatusStillNeeded keeps the list honest.
var sentenceStatus = map[string]bool{
	"train/lambda_function_error_gh-azul-355-repository-files-indexerror.log": true,
}

// TestSentenceStatusStillNeeded fails when a report of sentenceStatus no
// longer loses its status under a stamping tool (the exception is stale)
// or keeps it without the person's sentence (it is not one).
func TestSentenceStatusStillNeeded(t *testing.T) {
	for name := range sentenceStatus {
		_, body := readCase(t, filepath.Join("testdata/real", name))
		_, _, _, excerpt := realHeader(body)
		if d := readText(t, excerpt).Diagnose(LangEN); d.Status == StatusUnknown {
			t.Errorf("%s: no status as written", name)
		}
		if d := readText(t, ciLogTimestamps(excerpt)).Diagnose(LangEN); d.Status != StatusUnknown {
			t.Errorf("%s: keeps %s when stamped; drop it from sentenceStatus", name, d.Status)
		}
	}
}

// raceStride thins the cases under the race detector.
const raceStride = 10

// presentationChanges diagnoses every stride-th case as p presents it and
// returns how many changed cause or status; each change is an error.
func presentationChanges(t *testing.T, p presentation, cases []presented, stride int) int {
	changed := 0
	for i := 0; i < len(cases); i += stride {
		c := cases[i]
		text := p.apply(c.excerpt)
		if bytes.Equal(text, c.excerpt) {
			continue // the tool leaves this excerpt as it is
		}
		d := readText(t, text).Diagnose(LangEN)
		cause, status := d.Cause.String(), d.Status.String()
		if sentenceStatus[c.name] && cause == c.cause && status == StatusUnknown.String() {
			continue
		}
		if cause != c.cause || status != c.status {
			changed++
			t.Errorf("%s: %s/%s became %s/%s (wants %s/%s)", c.name, c.status, c.cause, status, cause, c.statusW, c.causeW)
		}
	}
	return changed
}

// lines splits an excerpt into its lines, without the empty one after the
// final newline.
func lines(excerpt []byte) []string {
	return strings.Split(strings.TrimRight(string(excerpt), "\n"), "\n")
}

// eachLine re-presents every non-blank line with f (blank lines stay
// blank, as they do under a prefix that tools add per event).
func eachLine(f func(i int, l string) string) func([]byte) []byte {
	return everyLine(func(i int, l string) string {
		if strings.TrimSpace(l) == "" {
			return l
		}
		return f(i, l)
	})
}

// An execution log's line opens with its request id in parentheses (a
// UUID; a WebSocket API's connection id in base64), which pastes shorten
// or mask ("(abc)"). A few digits in parentheses open a list's item or
// name a status before its reason phrase, and the line is no execution
// log's.
func TestExecRequestIDIsNoShortNumber(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{"(0b59a014-da05-49a0-98c3-fe2ac06de4fd) Method completed with status: 502", true},
		{"(L0SM9cOFvHcCIhw=) Method completed with status: 500", true},
		{"(abc) Method completed with status: 502", true},
		{"(12345678) Method completed with status: 502", true},
		{"(502) Bad Gateway", false},
		{"(1) I deployed the API and every call returns 502", false},
		{"(2)上記VPCにエンドポイントを作成", false},
	} {
		if _, _, ok := execRequestID([]byte(c.line)); ok != c.ok {
			t.Errorf("%q: execution log line %v, want %v", c.line, ok, c.ok)
		}
	}
	checkStatuses(t, []statusCase{
		{"a status and its reason phrase", "(502) Bad Gateway", "502"},
		{"a list's item", "(1) I deployed the API and every call returns 502", "502"},
	})
}
