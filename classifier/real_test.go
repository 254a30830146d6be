package classifier

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
)

// Floors on the held-out part of testdata/real: reports from sources no rule
// was written from (a fixed share of sources by a hash of a stable key of
// the URL, see classifier/corpus), counted over the cases with log evidence (a line a
// program wrote: a gateway, Lambda or client line, not only a person's
// sentences). They hold the level last measured: 251 of 312 causes (80.4%),
// 292 of 312 statuses (93.6%), 65 of 66 confident answers right (the
// confidence calibrated on the training part alone), and no false
// all-clear on any held-out case. Each move of a floor is in its commit
// message; they went down when harder held-out cases landed and up when
// rules improved or labels were corrected, and no held-out case was ever
// dropped or relabelled for its answer: reviews blind to the answers
// corrected cases to the corpus README's rules (a duplicate source,
// resolution text in the evidence, statuses no line showed or only a
// local emulator answered, reports that reach no resolution), and so did
// blind relabellings of random samples of the corpus. The
// project's target is 90% of causes, 95% of statuses and 95% precision at
// confidence >= 0.8, and no false all-clear (a 5xx shown, none answered)
// on any held-out case.
const (
	heldOutCauseFloor        = 0.80
	heldOutStatusFloor       = 0.93
	heldOutPrecisionFloor    = 0.95
	heldOutMaxFalseAllClears = 0
	confident                = 0.8
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
// header never reaches the classifier. Only those keys end the header: an
// excerpt may itself open with a markdown heading ("# Unexpected server
// response: 502", an issue's title), which is evidence.
func realHeader(body []byte) (source, why string, readBefore bool, excerpt []byte) {
	for {
		line, rest, _ := bytes.Cut(body, []byte("\n"))
		l := string(line)
		if v, ok := strings.CutPrefix(l, "# source:"); ok {
			source = strings.TrimSpace(v)
		} else if v, ok := strings.CutPrefix(l, "# why:"); ok {
			why = strings.TrimSpace(v)
		} else if strings.HasPrefix(l, "# read:") {
			readBefore = true
		} else {
			return source, why, readBefore, body
		}
		body = rest
	}
}

func loadRealCases(t *testing.T) []realCase {
	t.Helper()
	cases := append(loadSide(t, corpus.Train), loadSide(t, corpus.HeldOut)...)
	if len(cases) == 0 {
		t.Fatal("no real reports")
	}
	checkOneSidePerSource(t, cases)
	return cases
}

// checkOneSidePerSource fails when one source (corpus.Source) is cited in
// URL forms whose keys hash to two sides, and names the form the existing
// cases use, which the newcomer must cite.
func checkOneSidePerSource(t *testing.T, cases []realCase) {
	t.Helper()
	filed := make([]corpus.Filed, len(cases))
	for i, c := range cases {
		filed[i] = corpus.Filed{File: c.file, URL: c.source}
	}
	for _, p := range corpus.PartedSources(filed) {
		t.Error(p)
	}
}

// loadSide reads the real reports of one side of the split.
func loadSide(t *testing.T, side string) []realCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata/real", side, "*.log"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []realCase
	for _, f := range files {
		want, body := readCase(t, f)
		c := realCase{file: f, side: side, want: want}
		c.source, c.why, c.readBefore, c.excerpt = realHeader(body)
		if c.source == "" || c.why == "" {
			t.Errorf("%s: needs '# source:' and '# why:' header lines", f)
		}
		if err := checkWant(c.want); err != nil {
			t.Errorf("%s: %v (classifier/testdata/real/README.md)", f, err)
		}
		if got := corpus.Side(c.source); got != side {
			t.Errorf("%s: source %s belongs to %s, not %s (scripts/corpus-place)", f, c.source, got, side)
		}
		cases = append(cases, c)
	}
	return cases
}

// checkWant refuses a want line whose values the corpus README does not
// allow: a 4xx is written none (the client got no 5xx), and a cause or API
// type must be one the classifier can answer.
func checkWant(w caseWant) error {
	if _, err := ParseStatus(w.status); err != nil {
		return fmt.Errorf("status %q: want 500, 502, 503, 504, none or unknown", w.status)
	}
	if _, err := ParseCause(w.cause); err != nil {
		return err
	}
	if !slices.Contains([]string{"REST", "HTTP", "WEBSOCKET", "unknown"}, w.api) {
		return fmt.Errorf("api %q: want REST, HTTP, WEBSOCKET or unknown", w.api)
	}
	return nil
}

// score counts right causes and statuses over a set of cases, and how
// many answers were confident (confidence >= 0.8) and right in both.
type score struct{ n, cause, status, falseAllClear, confident, confidentRight int }

func (t score) String() string {
	if t.n == 0 {
		return "0 cases"
	}
	return fmt.Sprintf("%d cases; causes %d (%.1f%%, %s), statuses %d (%.1f%%, %s), false all-clears %d; confidence >= %.1f: coverage %d (%.1f%%), precision %d/%d (%.1f%%, %s)",
		t.n, t.cause, pct(t.cause, t.n), interval(t.cause, t.n), t.status, pct(t.status, t.n), interval(t.status, t.n), t.falseAllClear,
		confident, t.confident, pct(t.confident, t.n), t.confidentRight, t.confident, pct(t.confidentRight, t.confident), interval(t.confidentRight, t.confident))
}

// interval is the Wilson 95% interval of a share k of n: how far the
// corpus's figure may be from the share the same rules would get on many
// more reports of the kind. A held-out part of 150 reports cannot tell
// 84% from 89%, and the figures say so rather than claim a decimal.
func interval(k, n int) string {
	if n == 0 {
		return "no interval"
	}
	const z = 1.96
	nf, p := float64(n), float64(k)/float64(n)
	centre := (p + z*z/(2*nf)) / (1 + z*z/nf)
	spread := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / (1 + z*z/nf)
	return fmt.Sprintf("95%% interval %.1f-%.1f%%", 100*max(0, centre-spread), 100*min(1, centre+spread))
}

func (t score) rate(k int) float64 { return float64(k) / float64(max(t.n, 1)) }

func pct(k, n int) float64 { return 100 * float64(k) / float64(max(n, 1)) }

func (t *score) count(cOK, sOK, allClear bool, conf float64) {
	t.n++
	t.cause += b2i(cOK)
	t.status += b2i(sOK)
	t.falseAllClear += b2i(allClear)
	if conf >= confident {
		t.confident++
		t.confidentRight += b2i(cOK && sOK)
	}
}

// TestRealReports runs every real report through ReadFrom. Training cases
// are logged one by one; held-out cases only in aggregate, so that nobody
// writes a rule from them by reading this output.
func TestRealReports(t *testing.T) {
	var train, held, heldFresh, trainLogs, heldLogs, heldFreshLogs score
	var trainProgram, heldProgram score
	var trainRel, heldRel, trainLogsRel, heldLogsRel reliability
	var apiTypes apiTally
	var trainSuspects, heldSuspects suspectTally
	trainMix, heldMix := answerMix{}, answerMix{}
	trainCauses, heldCauses := answerMix{}, answerMix{}
	trainLayers, heldLayers := answerMix{}, answerMix{}
	for _, c := range loadRealCases(t) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(c.excerpt)); err != nil {
			t.Fatal(err)
		}
		d := s.Diagnose(LangEN)
		cOK, sOK := d.Cause.String() == c.want.cause, d.Status.String() == c.want.status
		allClear := d.Status == StatusNone && strings.HasPrefix(c.want.status, "5")
		for _, tl := range sidesOf(c, &train, &held, &heldFresh) {
			tl.count(cOK, sOK, allClear, d.Confidence)
		}
		if s.logEvidence() {
			for _, tl := range sidesOf(c, &trainLogs, &heldLogs, &heldFreshLogs) {
				tl.count(cOK, sOK, allClear, d.Confidence)
			}
		}
		if s.programLogs() {
			tl := &trainProgram
			if c.side == corpus.HeldOut {
				tl = &heldProgram
			}
			tl.count(cOK, sOK, allClear, d.Confidence)
		}
		apiTypes.count(c.side, d.APIType.String() == c.want.api)
		if c.side == corpus.HeldOut {
			heldSuspects.count(d, c.want.cause)
		} else {
			trainSuspects.count(d, c.want.cause)
		}
		if s.logEvidence() {
			mix, causes, layers := trainMix, trainCauses, trainLayers
			if c.side == corpus.HeldOut {
				mix, causes, layers = heldMix, heldCauses, heldLayers
			}
			mix.count(sOK, c.want.status, d.Status.String())
			causes.count(cOK, c.want.cause, d.Cause.String())
			layers.count(cOK && sOK, layerNames(s.m.seen), whichWrong(cOK, sOK))
		}
		rel, relLogs := &trainRel, &trainLogsRel
		if c.side == corpus.HeldOut {
			rel, relLogs = &heldRel, &heldLogsRel
		}
		rel.count(d, cOK && sOK)
		if s.logEvidence() {
			relLogs.count(d, cOK && sOK)
		}
		if c.side == corpus.Train && (!cOK || !sOK) {
			t.Logf("MISS %-60s logs=%v got %s/%s (%.2f) want %s/%s (api %s, want %s)\n     why: %s | %s",
				filepath.Base(c.file), s.logEvidence(), d.Status, d.Cause, d.Confidence, c.want.status, c.want.cause, d.APIType, c.want.api, c.why, d.Why)
		}
	}
	t.Logf("training, all cases: %v", train)
	t.Logf("training, with log evidence: %v", trainLogs)
	t.Logf("held out, all cases: %v", held)
	t.Logf("held out, with log evidence: %v", heldLogs)
	t.Logf("training, with gateway, access or Lambda log lines (not only a client's output): %v", trainProgram)
	t.Logf("held out, with gateway, access or Lambda log lines (not only a client's output): %v", heldProgram)
	t.Logf("held out, never read when rules were written: %v", heldFresh)
	t.Logf("held out, never read, with log evidence: %v", heldFreshLogs)
	t.Logf("reliability, training, all cases (confidence band: right answers):%v", &trainRel)
	t.Logf("reliability, training, with log evidence:%v", &trainLogsRel)
	t.Logf("reliability, held out, all cases:%v", &heldRel)
	t.Logf("reliability, held out, with log evidence:%v", &heldLogsRel)
	t.Logf("api types inferred as labelled: %v", &apiTypes)
	t.Logf("suspects of abstentions on a 5xx whose label names a cause: training %v; held out %v", &trainSuspects, &heldSuspects)
	t.Logf("wrong statuses with log evidence (labelled->answered): training %v; held out %v", trainMix, heldMix)
	t.Logf("wrong causes with log evidence (labelled->answered): training %v; held out %v", trainCauses, heldCauses)
	t.Logf("wrong answers with log evidence by the layers read (layers->wrong part): training %v; held out %v", trainLayers, heldLayers)
	if heldLogs.n == 0 {
		t.Fatal("no held-out reports with log evidence")
	}
	if r := heldLogs.rate(heldLogs.cause); r < heldOutCauseFloor {
		t.Errorf("held-out cause accuracy %.1f%% is below %.0f%%", 100*r, 100*heldOutCauseFloor)
	}
	if r := heldLogs.rate(heldLogs.status); r < heldOutStatusFloor {
		t.Errorf("held-out status accuracy %.1f%% is below %.0f%%", 100*r, 100*heldOutStatusFloor)
	}
	if p := float64(heldLogs.confidentRight) / float64(max(heldLogs.confident, 1)); p < heldOutPrecisionFloor {
		t.Errorf("held-out precision at confidence >= %.1f is %.1f%%, below %.0f%%", confident, 100*p, 100*heldOutPrecisionFloor)
	}
	if heldLogs.falseAllClear > 0 || held.falseAllClear > heldOutMaxFalseAllClears {
		t.Errorf("%d held-out cases (%d with log evidence) show a 5xx and were answered none", held.falseAllClear, heldLogs.falseAllClear)
	}
}

// apiTally counts the cases whose inferred API type is the labelled one
// (a REST case inferred unknown among the others: it gets REST's statuses
// all the same), by side of the split.
type apiTally struct{ train, trainN, held, heldN int }

func (a *apiTally) count(side string, right bool) {
	if side == corpus.Train {
		a.trainN++
		a.train += b2i(right)
		return
	}
	a.heldN++
	a.held += b2i(right)
}

func (a *apiTally) String() string {
	return fmt.Sprintf("training %d of %d, held out %d of %d", a.train, a.trainN, a.held, a.heldN)
}

// answerMix counts wrong answers by labelled and answered value, so that
// the held-out misses can be told apart (a 5xx read as unknown, a cause
// not named) without naming a case.
type answerMix map[string]int

func (m answerMix) count(right bool, want, got string) {
	if !right {
		m[want+"->"+got]++
	}
}

func (m answerMix) String() string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, m[k])
	}
	return b.String()
}

// layerNames joins the names of the layers in set with "+", in the order
// a request passes them.
func layerNames(set uint16) string {
	var names []string
	for l := LayerClient; l <= LayerPerson; l++ {
		if set&(1<<l) != 0 {
			names = append(names, l.String())
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "+")
}

// whichWrong says which part of a wrong answer was wrong.
func whichWrong(causeOK, statusOK bool) string {
	switch {
	case !causeOK && !statusOK:
		return "both"
	case !causeOK:
		return "cause"
	}
	return "status"
}

// programLogs reports whether the evidence holds a line of the gateway's
// execution or access log or of Lambda (platform or function), not only a
// client's output and people's words: the cases where a log can name the
// cause at all.
func (s *Session) programLogs() bool {
	return s.st.execLines+s.st.accessLines+s.st.lambdaLines > 0
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

// suspectTally counts the abstentions on a 5xx whose label names a cause,
// and how often that cause was among the suspects the diagnosis named.
type suspectTally struct{ n, named, hit int }

func (t *suspectTally) count(d Diagnosis, want string) {
	if c, err := ParseCause(want); err != nil || !namesACause(c) || d.Cause != CauseUnknown || !d.Status.Is5xx() {
		return
	}
	t.n++
	if len(d.Suspects) > 0 {
		t.named++
	}
	for _, sp := range d.Suspects {
		if sp.Cause.String() == want {
			t.hit++
		}
	}
}

func (t *suspectTally) String() string {
	return fmt.Sprintf("%d abstentions, %d with suspects, the labelled cause among them %d times (%.0f%%)", t.n, t.named, t.hit, pct(t.hit, t.n))
}
