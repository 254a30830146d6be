package classifier

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
	"github.com/apigw-triage/apigw-triage/stage"
)

// The table's rule (see suspectTable): a symptom needs this many training
// reports to be ranked, at most this many causes are named, and each must
// have been the cause of at least two reports and a tenth of them.
const (
	minSuspectReports = 10
	maxSuspects       = 3
)

// frequent reports whether n reports of a symptom's of make a suspect.
func frequent(n, of int) bool { return n >= 2 && 10*n >= of }

// namesACause reports whether a label names a cause a suspect can be: not
// unknown, and not one of the answers without a 5xx.
func namesACause(c Cause) bool {
	return c != CauseUnknown && c != CauseNot5xx && c != CauseLambdaErrorMaskedAs200
}

// measuredSuspects counts, on the training part of the real-report corpus,
// the causes reports of each status on each API type settled on (the
// labels, not the answers): the same counts suspectTable holds.
func measuredSuspects(t *testing.T) map[symptom]suspectRow {
	t.Helper()
	counts := map[symptom]map[Cause]int{}
	add := func(k symptom, c Cause) {
		if counts[k] == nil {
			counts[k] = map[Cause]int{}
		}
		counts[k][c]++
	}
	for _, c := range loadSide(t, corpus.Train) {
		status, err := ParseStatus(c.want.status)
		if err != nil || !status.Is5xx() {
			continue
		}
		cause, err := ParseCause(c.want.cause)
		if err != nil {
			t.Fatal(err)
		}
		if !namesACause(cause) {
			continue
		}
		api, err := stage.ParseAPIType(c.want.api)
		if err != nil {
			api = stage.APIUnknown
		}
		statuses := []Status{status}
		if status == Status500 || status == Status502 {
			statuses = append(statuses, statusSome) // REST's body is sent with either
		}
		for _, st := range statuses {
			if api == stage.APIREST || api == stage.APIWebSocket || api == stage.APIHTTP && st != statusSome {
				add(symptom{api, st}, cause)
			}
			add(symptom{stage.APIUnknown, st}, cause) // any API type
		}
	}
	out := map[symptom]suspectRow{}
	for k, m := range counts {
		row := suspectRow{}
		for c, n := range m {
			row.of += n
			row.causes = append(row.causes, causeCount{c, n})
		}
		slices.SortFunc(row.causes, func(a, b causeCount) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return strings.Compare(a.cause.String(), b.cause.String())
		})
		out[k] = row
	}
	return out
}

// TestSuspectsFollowTheTrainingPart: the suspects a diagnosis names are the
// training part's most frequent causes of the symptom, each within five
// points of its measured share; symptoms too rare to rank have none. It
// prints the measured table, to be copied when the corpus moves.
func TestSuspectsFollowTheTrainingPart(t *testing.T) {
	measured := measuredSuspects(t)
	var keys []symptom
	for k := range measured {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b symptom) int { return strings.Compare(a.String(), b.String()) })
	var lit strings.Builder
	for _, k := range keys {
		m := measured[k]
		if m.of < minSuspectReports {
			continue
		}
		fmt.Fprintf(&lit, "\t{stage.%s, %s}: {%d, []causeCount{", apiConst(k.api), statusConst(k.status), m.of)
		for i, c := range m.causes[:min(len(m.causes), maxSuspects)] {
			if !frequent(c.n, m.of) {
				break
			}
			if i > 0 {
				lit.WriteString(", ")
			}
			fmt.Fprintf(&lit, "cc(%q, %d)", c.cause, c.n)
		}
		lit.WriteString("}},\n")
	}
	t.Logf("measured on the training part:\n%s", lit.String())
	for k, row := range suspectTable {
		m, ok := measured[k]
		if !ok || m.of < minSuspectReports {
			t.Errorf("%s: in the table, but the training part has too few reports of it", k)
			continue
		}
		rank := map[Cause]int{}
		for i, c := range m.causes {
			rank[c.cause] = i
		}
		for _, c := range row.causes {
			got := float64(c.n) / float64(row.of)
			i, seen := rank[c.cause]
			if !seen || i > maxSuspects {
				t.Errorf("%s: %s is no longer among the most frequent causes", k, c.cause)
				continue
			}
			if want := float64(m.causes[i].n) / float64(m.of); math.Abs(got-want) > 0.05 {
				t.Errorf("%s: %s share %.2f in the table, %.2f measured", k, c.cause, got, want)
			}
		}
	}
	for k, m := range measured {
		if _, ok := suspectTable[k]; !ok && m.of >= minSuspectReports+5 {
			t.Errorf("%s: %d training reports, not in the table", k, m.of)
		}
	}
}

func apiConst(a stage.APIType) string {
	return map[stage.APIType]string{stage.APIREST: "APIREST", stage.APIHTTP: "APIHTTP", stage.APIWebSocket: "APIWebSocket", stage.APIUnknown: "APIUnknown"}[a]
}

func statusConst(s Status) string {
	if s == statusSome {
		return "statusSome"
	}
	return "Status" + s.String()
}

// TestAbstentionNamesSuspects: an abstention on a 5xx names the symptom's
// most frequent causes first in its advice, in the advice's language; a
// REST body without its code is looked up as 500/502; a diagnosed cause,
// or a reason the gateway quoted, names none.
func TestAbstentionNamesSuspects(t *testing.T) {
	body := diagnoseText(t, `{"message": "Internal server error"}`)
	shown := diagnoseText(t, "HTTP/1.1 502 Bad Gateway\nx-amzn-RequestId: 5e1c2f3a-0000-4000-8000-000000000001\n{\"message\": \"Internal server error\"}")
	for _, c := range []struct {
		name   string
		d      Diagnosis
		status string
		want   Cause
	}{
		{"body without its code", body, "500/502 from REST", CauseLambdaMalformedProxyResponse},
		{"502 shown", shown, "502 from REST", CauseLambdaHandlerMisconfigured},
	} {
		if c.d.Cause != CauseUnknown || len(c.d.Suspects) == 0 {
			t.Errorf("%s: %s with suspects %v, want an abstention that names some", c.name, c.d.Cause, c.d.Suspects)
			continue
		}
		first := c.d.Remediation.Steps[0]
		if !strings.Contains(first, c.status) || !strings.Contains(first, "`"+c.want.String()+"`") {
			t.Errorf("%s: first step %q, want the suspects of %s with %s", c.name, first, c.status, c.want)
		}
	}
	// an HTTP API's 502 has too few reports of its own: those of every
	// API type stand in, and the advice says so
	if d := diagnoseWith(t, Hints{APIType: stage.APIHTTP}, "HTTP/1.1 502 Bad Gateway"); len(d.Suspects) == 0 || !strings.Contains(d.Remediation.Steps[0], "502 from API Gateway APIs") {
		t.Errorf("HTTP API 502: suspects %v, first step %q", d.Suspects, d.Remediation.Steps[0])
	}
	if d := diagnoseIn(t, Hints{}, `{"message": "Internal server error"}`, LangJA); !strings.Contains(d.Remediation.Steps[0], "公開報告") {
		t.Errorf("ja: first step %q", d.Remediation.Steps[0])
	}
	named := diagnoseText(t, "(5e1c2f3a-0000-4000-8000-000000000001) Execution failed due to configuration error: Malformed Lambda proxy response\n(5e1c2f3a-0000-4000-8000-000000000001) Method completed with status: 502")
	quoted := diagnoseText(t, "(5e1c2f3a-0000-4000-8000-000000000001) Execution failed due to configuration error: Something this tool has never seen\n(5e1c2f3a-0000-4000-8000-000000000001) Method completed with status: 502")
	for name, d := range map[string]Diagnosis{"named cause": named, "quoted reason": quoted} {
		if len(d.Suspects) > 0 {
			t.Errorf("%s: suspects %v, want none", name, d.Suspects)
		}
	}
}

// TestSuspectStepFitsAStep: the step that names a symptom's suspects stays
// within a step's length (Slack's Block Kit) in every language, for every
// row of the table, filled with the longest figures.
func TestSuspectStepFitsAStep(t *testing.T) {
	for k := range suspectTable {
		for _, l := range Langs() {
			sus, of := suspectsFor(k.api, k.status)
			for i := range sus {
				sus[i].Share = 0.99 // two digits, whatever the table holds
			}
			step := Advice{Lang: l}.WithSuspects(sus, of, statusName(k.status)).Steps[0]
			if n := utf8.RuneCountInString(step); n > maxStepRunes {
				t.Errorf("%s, %s: the step has %d runes, more than %d: %s", k, l, n, maxStepRunes, step)
			}
		}
	}
}
