package scenario

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// logChunk is how much emulated time LogEvents generates and sorts at
// once, so a long window never holds all its events in memory.
const logChunk = 10 * time.Minute

// LogEvents calls fn for each event of the group in [start, end), in time
// order, that was ingested by Now().
func (w *World) LogEvents(account, region, group string, start, end time.Time, fn func(world.Event) bool) {
	st := w.res[regionKey{account, region}]
	if st == nil {
		return
	}
	src, ok := st.logs[group]
	if !ok {
		return
	}
	now := w.Now()
	if end.After(now) {
		end = now
	}
	spill := w.spill(src)
	for cs := start.Truncate(time.Minute); cs.Before(end); cs = cs.Add(logChunk) {
		lo, hi := maxTime(cs, start), minTime(cs.Add(logChunk), end)
		evs := w.chunkEvents(src, lo, hi, spill, now)
		for _, e := range evs {
			if !fn(e) {
				return
			}
		}
	}
}

// spill is how far before a window a request can start and still write
// into it: the longest a request or invocation can take.
func (w *World) spill(src logSource) time.Duration {
	d := time.Minute
	if src.fn != nil {
		return max(d, src.fn.fn.Timeout.Duration+time.Minute)
	}
	for _, r := range src.stage.routes {
		d = max(d, r.timeout+time.Minute)
	}
	return d
}

func (w *World) chunkEvents(src logSource, lo, hi time.Time, spill time.Duration, now time.Time) []world.Event {
	var evs []world.Event
	stages := []*stageRT{src.stage}
	if src.fn != nil {
		stages = w.fnStages(src.fn)
	}
	first := lo.Add(-spill).Unix() / 60
	for m := first; m*60 < hi.Unix(); m++ {
		for _, s := range stages {
			mm := w.minuteOf(s, m)
			for i := range mm.reqs {
				r := &mm.reqs[i]
				if rt := s.routes[r.route]; src.fn != nil && rt.fn != src.fn && rt.auth != src.fn {
					continue
				}
				ri := w.reqInfo(s, m, i, r)
				for n, l := range ri.linesFor(src) {
					at := ri.at(l.ms).Truncate(time.Millisecond)
					ing := at.Add(2*time.Second + time.Duration(mix(ri.h+uint64(n))%6000)*time.Millisecond)
					if at.Before(lo) || !at.Before(hi) || ing.After(now) {
						continue
					}
					evs = append(evs, world.Event{
						Time: at, Ingested: ing, Message: l.msg,
						Stream:  ri.stream(src, m),
						EventID: fmt.Sprintf("%013d%020d%020d%03d", at.UnixMilli(), ri.h%1e19, mix(ri.h^uint64(n))%1e19, n%1000),
					})
				}
			}
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Time.Before(evs[j].Time) })
	return evs
}

// fnStages are the stages that invoke the function or whose routes it
// authorizes, each once, in index order.
func (w *World) fnStages(f *fnRT) []*stageRT {
	idxs := append(slices.Clone(f.stages), f.authStages...)
	slices.Sort(idxs)
	out := make([]*stageRT, 0, len(idxs))
	for _, i := range slices.Compact(idxs) {
		out = append(out, w.stages[i])
	}
	return out
}

// linesFor is what the request writes into the source's log group: a
// function's log holds its invocations as the route's integration and as
// its authorizer.
func (ri *reqInfo) linesFor(src logSource) []line {
	switch src.kind {
	case logExec:
		return ri.execLines()
	case logAccess:
		if ri.s.stage.AccessLog == nil {
			return nil
		}
		return []line{ri.accessLine()}
	case logLambda:
		var ls []line
		if ri.rt.fn == src.fn {
			ls = ri.lambdaLines()
		}
		if ri.rt.auth == src.fn {
			ls = append(ls, ri.authorizerLambdaLines()...)
		}
		return ls
	}
	return nil
}

// stream names the log stream: hashed names for API Gateway, rotating
// every quarter hour; Lambda's date/[version]instance form, one instance
// per half hour and two at once, with the function's name before the
// version in a group of its own (the Lambda developer guide's
// "Configuring CloudWatch log groups": date/name[version]instance).
func (ri *reqInfo) stream(src logSource, m int64) string {
	switch src.kind {
	case logLambda:
		inst := hexOf(hashInts(src.fn.key, m/30, int64(ri.h%2)), 32)
		name := ""
		if src.fn.group != "/aws/lambda/"+src.fn.fn.Name {
			name = src.fn.fn.Name
		}
		return ri.t0.Format("2006/01/02") + "/" + name + "[$LATEST]" + inst
	case logAccess:
		return hexOf(hashInts(ri.s.key^0xacc, m/15, int64(ri.h%2)), 32)
	}
	return hexOf(hashInts(ri.s.key, m/15, int64(ri.h%3)), 32)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
