package collector

import (
	"slices"
	"sort"
	"strings"
	"time"

	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// Errors masked as 200. A custom (non-proxy) Lambda integration of a REST
// API answers the function's error with its default integration response,
// 200 OK, unless the error is mapped with a selectionPattern: the clients
// get an error body, the stage's 5xx stay at zero, and only the function's
// own Errors metric shows the failures. So for every REST stage with such
// an integration the poll also reads its functions' AWS/Lambda Errors Sum,
// once per function and region, in the same GetMetricData calls, and
// counts as masked the function errors the stage did not answer as 5xx.

// kindFnErrors is the Lambda Errors Sum of one function.
const kindFnErrors queryKind = 'm'

// maskedFunctions lists, once each and sorted, the functions behind the
// custom Lambda integrations of the stages screened in the poll's window.
func maskedFunctions(stages []Stage, plans []stagePlan) []string {
	seen := map[string]bool{}
	var out []string
	for i, st := range stages {
		if !plans[i].screen || plans[i].quiet || plans[i].th.MaskedMin <= 0 {
			continue
		}
		for _, fn := range st.CustomFunctions {
			if !seen[fn] {
				seen[fn] = true
				out = append(out, fn)
			}
		}
	}
	sort.Strings(out)
	return out
}

// maskedQueries returns one Errors Sum query per function. Their ids
// continue the stage ids from base (the number of stages), so they can
// neither collide with a stage's queries nor be stored as one.
func maskedQueries(base int, fns []string, period time.Duration) []cwtypes.MetricDataQuery {
	qs := make([]cwtypes.MetricDataQuery, len(fns))
	for i, fn := range fns {
		qs[i] = mq(queryID(base+i, kindFnErrors), "AWS/Lambda", "Errors", "Sum", []cwtypes.Dimension{dim("FunctionName", fn)}, period)
	}
	return qs
}

// fnErrors keeps the recent Errors of one function, by period start (unix
// seconds). A period without a datapoint had no invocation.
type fnErrors map[int64]float64

// storeMasked records the function points of one read, after forgetting
// what an earlier poll saw in [from, end).
func (c *Collector) storeMasked(regionID string, base int, fns []string, points []point, from, end time.Time) {
	if len(fns) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fnErrs == nil {
		c.fnErrs = map[string]fnErrors{}
	}
	for _, fn := range fns {
		s := c.fnErrs[regionID+"/"+fn]
		if s == nil {
			s = fnErrors{}
			c.fnErrs[regionID+"/"+fn] = s
		}
		for ts := range s {
			if ts >= from.Unix() && ts < end.Unix() || ts < from.Add(-maskedKeep*c.opts.Period).Unix() {
				delete(s, ts)
			}
		}
	}
	for _, p := range points {
		if i := int(p.stage) - base; p.kind == kindFnErrors && i >= 0 && i < len(fns) {
			c.fnErrs[regionID+"/"+fns[i]][p.ts] = p.v
		}
	}
}

// maskedKeep is how many periods of function errors are kept: enough for
// any M of N and clear rule a configuration sensibly sets.
const maskedKeep = 30

// maskedPeriod is one stage's view of one period: the errors of its
// custom-integrated functions, and how many of them the stage did not
// answer as 5xx.
type maskedPeriod struct {
	invoked bool    // a function datapoint exists: the functions ran
	masked  float64 // function errors beyond the stage's 5xx
}

// maskedHistory returns the stage's last n periods ending before end,
// oldest first. The 5xx subtracted are those of every stage of the region
// that calls one of the functions (sharers, the stage among them): a
// function behind this custom integration and another API's proxy
// integration fails there as 5xx, and those errors were not masked.
// Called with c.mu held.
func (c *Collector) maskedHistory(regionID string, st Stage, sharers []Stage, end time.Time, period time.Duration, n int) []maskedPeriod {
	out := make([]maskedPeriod, n)
	for i := range n {
		ts := end.Add(-time.Duration(n-i) * period).Unix()
		errs := 0.0
		for _, fn := range st.CustomFunctions {
			if v, ok := c.fnErrs[regionID+"/"+fn][ts]; ok {
				out[i].invoked = true
				errs += v
			}
		}
		for _, o := range sharers {
			if s := c.series[o.Key]; s != nil {
				errs -= s.at(ts).errors
			}
		}
		out[i].masked = max(0, errs)
	}
	return out
}

// sharers returns the stages that call one of st's custom-integrated
// functions, st included.
func sharers(st Stage, stages []Stage) []Stage {
	var out []Stage
	for _, o := range stages {
		if o.Key == st.Key || slices.ContainsFunc(o.Functions, func(f Function) bool { return slices.Contains(st.CustomFunctions, f.Name) }) {
			out = append(out, o)
		}
	}
	return out
}

// evaluateMasked judges the masked errors of every screened stage with
// custom Lambda integrations, with the stage's own M of N and clear rules
// and MaskedMin, and folds the verdict into its result: the stage trips on
// either kind of failure and clears only when both are clear.
func (c *Collector) evaluateMasked(regionID string, stages []Stage, plans []stagePlan, w window, res []StageResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		th := plans[i].th
		if len(st.CustomFunctions) == 0 || th.MaskedMin <= 0 || !plans[i].screen {
			continue
		}
		hist := c.maskedHistory(regionID, st, sharers(st, stages), w.end, w.period, th.historyLen())
		r := &res[i]
		for j := len(hist) - 1; j >= 0; j-- {
			if hist[j].invoked {
				r.MaskedErrors = hist[j].masked
				break
			}
		}
		r.Masked = maskedBreaches(hist, th) >= th.M
		r.Tripped = r.Tripped || r.Masked
		r.Clear = r.Clear && maskedClear(hist, th)
		if r.Masked {
			c.watchOf(st.Key).hot = true // read in full until clear
		}
	}
}

// maskedBreaches counts the breaching periods among the last N: at least
// MaskedMin function errors went out as 2xx.
func maskedBreaches(hist []maskedPeriod, th Thresholds) int {
	n := 0
	for _, p := range hist[max(0, len(hist)-th.N):] {
		if p.invoked && p.masked >= th.MaskedMin {
			n++
		}
	}
	return n
}

// maskedClear: the last ClearAfter periods with invocations were clean.
// Periods without invocations are skipped: no traffic is not 0 % errors.
func maskedClear(hist []maskedPeriod, th Thresholds) bool {
	clean := 0
	for i := len(hist) - 1; i >= 0 && clean < th.ClearAfter; i-- {
		switch {
		case !hist[i].invoked:
		case hist[i].masked >= th.MaskedMin:
			return false
		default:
			clean++
		}
	}
	return clean >= th.ClearAfter
}

// customLambda keeps the custom (non-proxy) Lambda integrations: type AWS
// with a Lambda invocation URI.
func customLambda(in []IntegrationInfo) []IntegrationInfo {
	var out []IntegrationInfo
	for _, i := range in {
		if i.Type == "AWS" && strings.Contains(i.URI, ":lambda:path/") {
			out = append(out, i)
		}
	}
	return out
}

func functionNames(fs []Function) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// lookMasked asks for the full figures (requests, latency) of the stages
// whose functions' errors, read with the screen, breach in a period: an
// incident of errors masked as 200 then shows how many requests the stage
// served, as a 5xx incident does.
func (c *Collector) lookMasked(regionID string, stages []Stage, plans []stagePlan, w window) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		p := &plans[i]
		if !p.screen || len(st.CustomFunctions) == 0 || p.th.MaskedMin <= 0 {
			continue
		}
		if maskedBreaches(c.maskedHistory(regionID, st, sharers(st, stages), w.end, w.period, p.th.historyLen()), p.th) > 0 {
			p.count, p.latency = true, true
		}
	}
}
