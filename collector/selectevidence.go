package collector

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/internal/alternation"
)

var (
	// failureRE marks a line that shows a failed request in any of the
	// three log kinds (the forms docs/taxonomy.md lists cause by cause).
	failureRE = alternation.MustCompile(`Method completed with status: 5\d\d|Execution failed|Lambda execution failed|Lambda invocation failed|` +
		`Endpoint request timed out|Task timed out|Status: (?:error|timeout)|Runtime\.[A-Za-z]+|"errorMessage"|Traceback|\tERROR\t|` +
		`"status"\s*:\s*"?5\d\d|" 5\d\d |signal: killed|Process exited`)
	uuidRE      = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	accessIDRE  = regexp.MustCompile(`"requestId"\s*:\s*"([^"]+)"`)
	lambdaIDRE  = regexp.MustCompile(`RequestId: ([0-9a-fA-F-]{36})`)
	lambdaTabRE = regexp.MustCompile(`^\S+\t([0-9a-fA-F-]{36})\t`)
)

// requestID returns the request id a line belongs to: "(id) " on
// execution logs, "requestId" in JSON access logs, "RequestId: id" or the
// second tab field on Lambda logs; "" when none.
func requestID(msg string) string {
	if strings.HasPrefix(msg, "(") {
		if i := strings.IndexByte(msg, ')'); i > 1 {
			return msg[1:i]
		}
	}
	for _, re := range []*regexp.Regexp{accessIDRE, lambdaIDRE, lambdaTabRE} {
		if m := re.FindStringSubmatch(msg); m != nil {
			return m[1]
		}
	}
	return ""
}

// selectEvidence picks, from every line of the window, the failing
// requests (newest first, at most maxReq of them) and returns all lines of
// those requests and of the Lambda invocations they name, oldest first.
// Failure lines without a request id are kept too (capped), since some
// Lambda crash lines carry none.
func selectEvidence(evs []classifier.LogEvent, maxReq int) []classifier.LogEvent {
	ids := make([]string, len(evs))
	byID := map[string][]int{}
	var failing []string // newest first
	seenFail := map[string]bool{}
	var loose []int
	for i, e := range evs {
		ids[i] = requestID(e.Message)
		if ids[i] != "" {
			byID[ids[i]] = append(byID[ids[i]], i)
		}
		if !failureRE.MatchString(e.Message) {
			continue
		}
		if ids[i] == "" {
			loose = append(loose, i)
		} else if !seenFail[ids[i]] {
			seenFail[ids[i]] = true
			failing = append(failing, ids[i])
		}
	}
	sort.SliceStable(failing, func(a, b int) bool {
		return lastTime(evs, byID[failing[a]]).After(lastTime(evs, byID[failing[b]]))
	})
	keep := map[string]bool{}
	for _, id := range failing[:min(len(failing), maxReq)] {
		keep[id] = true
		for _, i := range byID[id] {
			for _, linked := range uuidRE.FindAllString(evs[i].Message, -1) {
				if _, ok := byID[linked]; ok {
					keep[linked] = true
				}
			}
		}
	}
	var out []classifier.LogEvent
	for i, e := range evs {
		if keep[ids[i]] {
			out = append(out, e)
		}
	}
	for _, i := range loose[:min(len(loose), maxReq)] {
		out = append(out, evs[i])
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Time.Before(out[b].Time) })
	return out
}

func lastTime(evs []classifier.LogEvent, idx []int) (t0 time.Time) {
	for _, i := range idx {
		if evs[i].Time.After(t0) {
			t0 = evs[i].Time
		}
	}
	return t0
}
