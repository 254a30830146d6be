package scenario

import (
	"fmt"
	"math"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// lambdaLines are the function's log events for one invocation: START,
// what the code or runtime wrote, END and REPORT, tab-separated as Lambda
// writes them. Functions with log_format legacy write REPORT without
// Status: (the pre-2024 format).
func (ri *reqInfo) lambdaLines() []line {
	if !ri.invoked() {
		return nil
	}
	f := ri.rt.fn.fn
	legacy := f.LogFormat == "legacy"
	start := float64(ri.r.intLat-ri.r.fnDur) / 2
	if start < 1 {
		start = 1
	}
	dur := float64(ri.r.fnDur)
	var ls []line
	if ri.r.cold && !legacy {
		ls = append(ls, line{start - 1, fmt.Sprintf("INIT_START Runtime Version: %s.v41\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s", runtimeTag(f.Runtime), ri.s.region, hexOf(ri.rt.fn.key, 64)), false})
	}
	ls = append(ls, line{start, fmt.Sprintf("START RequestId: %s Version: $LATEST", ri.lid), false})
	status, errType := "success", ""
	switch {
	case ri.failing && ri.eff.fnError:
		e := ri.functionError()
		if e.logText == "" {
			ls = append(ls, line{start + dur/2, ri.appLine(start + dur/2), false})
		} else {
			ls = append(ls, line{start + dur - 1, e.logText, true})
		}
		status, errType = e.status, e.reportT
		if ri.cause == classifier.CauseLambdaFunctionTimeout && legacy {
			errType = ""
		}
	default:
		ls = append(ls, line{start + dur/2, ri.appLine(start + dur/2), false})
	}
	ls = append(ls, line{start + dur, "END RequestId: " + ri.lid, false})
	return append(ls, line{start + dur, ri.report(legacy, status, errType), false})
}

func runtimeTag(rt string) string {
	if isNode(rt) {
		return "nodejs:" + rt[len("nodejs"):len(rt)-len(".x")]
	}
	return "python:" + rt[len("python"):]
}

// appLine is an ordinary log line of a healthy invocation.
func (ri *reqInfo) appLine(ms float64) string {
	iso := ri.at(ms).Format("2006-01-02T15:04:05.000Z")
	if isNode(ri.rt.fn.fn.Runtime) {
		return fmt.Sprintf("%s\t%s\tINFO\thandled %s %s", iso, ri.lid, ri.method(), ri.path())
	}
	return fmt.Sprintf("[INFO]\t%s\t%s\thandled %s %s", iso, ri.lid, ri.method(), ri.path())
}

// report is the REPORT line. Out-of-memory invocations show Max Memory
// Used equal to Memory Size, which is how Lambda reports them.
func (ri *reqInfo) report(legacy bool, status, errType string) string {
	f := ri.rt.fn.fn
	used := 40 + int(ri.h%uint64(max(1, f.MemoryMB/3)))
	if ri.cause == classifier.CauseLambdaOutOfMemory && ri.failing {
		used = f.MemoryMB
	}
	d := float64(ri.r.fnDur)
	s := fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB",
		ri.lid, d, int(math.Ceil(d)), f.MemoryMB, used)
	if ri.r.cold {
		s += fmt.Sprintf("\tInit Duration: %.2f ms", 120+float64(ri.h%30000)/100)
	}
	if legacy {
		return s
	}
	s += "\tStatus: " + status
	if errType != "" {
		s += "\tError Type: " + errType
	}
	return s
}
