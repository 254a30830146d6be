package scenario

import (
	"fmt"
	"slices"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// buildRegion resolves one region's resources into the Backend's shapes and
// the run-time indexes behind metrics and logs.
func (w *World) buildRegion(account string, r *Region) *regionState {
	st := &regionState{targets: map[string][]target{}, logs: map[string]logSource{}}
	fns := map[string]*fnRT{}
	for i := range r.Functions {
		f := &r.Functions[i]
		rt := &fnRT{
			fn:    f,
			arn:   fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", r.Name, account, f.Name),
			group: f.LogGroup,
			key:   hashString(w.sc.Seed, account, r.Name, "fn", f.Name),
		}
		fns[f.Name] = rt
		st.fns = append(st.fns, w.worldFunction(rt))
		st.logs[rt.group] = logSource{kind: logLambda, fn: rt}
	}
	for i := range r.RestAPIs {
		st.rest = append(st.rest, w.buildREST(account, r.Name, i, &r.RestAPIs[i], fns, st))
	}
	for i := range r.HTTPAPIs {
		st.http = append(st.http, w.buildHTTP(account, r.Name, i, &r.HTTPAPIs[i], fns, st))
	}
	for i := range r.WebSocketAPIs {
		st.http = append(st.http, w.buildWebSocket(account, r.Name, i, &r.WebSocketAPIs[i], fns, st))
	}
	for _, f := range fns {
		w.indexFunction(f, st)
	}
	st.groups = w.logGroups(st)
	return st
}

func (w *World) worldFunction(f *fnRT) world.Function {
	return world.Function{
		Name:         f.fn.Name,
		ARN:          f.arn,
		Runtime:      f.fn.Runtime,
		Handler:      f.fn.Handler,
		TimeoutSec:   int(f.fn.Timeout.Seconds()),
		MemoryMB:     f.fn.MemoryMB,
		LogGroup:     f.group,
		LastModified: w.t0.Add(-72 * time.Hour),
	}
}

// apiID is the configured id or one derived from the seed; the index keeps
// two APIs of the same name apart.
func (w *World) apiID(a *API, account, region string, i int, kind string) string {
	if a.ID != "" {
		return a.ID
	}
	return derivedID(hashString(w.sc.Seed, account, region, kind, a.Name, fmt.Sprint(i)), 10)
}

// newStage resolves a stage's routes and episodes and registers it.
func (w *World) newStage(account, region, apiID, apiName string, t stage.APIType, a *API, s *Stage, fns map[string]*fnRT) *stageRT {
	http := t == stage.APIHTTP
	rt := &stageRT{
		idx: len(w.stages), account: account, region: region, http: http, ws: t == stage.APIWebSocket,
		apiID: apiID, apiName: apiName, stage: s,
		key: hashString(w.sc.Seed, account, region, apiID, s.Name),
	}
	for _, r := range a.Routes {
		rr := routeRT{route: r, timeout: r.Integration.Timeout.Duration}
		name := r.Integration.Function
		if v := stageVarName(name); v != "" {
			name = s.Variables[v]
		}
		if f := fns[name]; f != nil && isLambda(r.Integration.Type) {
			rr.fn = f
			f.invokedBy(rt.idx)
		}
		if f := fns[r.Authorizer]; f != nil {
			rr.auth, rr.authID = f, authorizerIDFor(w.sc.Seed, apiID, t, f.fn.Name)
			f.authStages = appendOnce(f.authStages, rt.idx)
		}
		rt.routes = append(rt.routes, rr)
	}
	for _, e := range s.Episodes {
		c, _ := classifier.ParseCause(e.Cause)
		start := w.t0.Add(e.Start.Duration)
		rt.episodes = append(rt.episodes, episodeRT{
			cause: c, eff: effects[c], start: start, end: start.Add(e.Duration.Duration), share: e.Share,
			route: slices.IndexFunc(a.Routes, func(r Route) bool { return routeKey(r) == e.Route }),
		})
	}
	if !http && s.LoggingLevel != "OFF" {
		rt.exec = fmt.Sprintf("API-Gateway-Execution-Logs_%s/%s", apiID, s.Name)
	}
	if s.AccessLog != nil {
		rt.access = s.AccessLog.Group
		if rt.access == "" {
			rt.access = fmt.Sprintf("/aws/apigateway/%s/%s/access", apiID, groupSafe(s.Name))
		}
	}
	w.stages = append(w.stages, rt)
	return rt
}

// invokedBy records that the stage invokes the function, once.
func (f *fnRT) invokedBy(idx int) { f.stages = appendOnce(f.stages, idx) }

// appendOnce appends the stage index unless it is the last already (a
// stage's routes are resolved together).
func appendOnce(idxs []int, idx int) []int {
	if len(idxs) == 0 || idxs[len(idxs)-1] != idx {
		return append(idxs, idx)
	}
	return idxs
}

func isLambda(t string) bool { return t == IntegrationLambdaProxy || t == IntegrationLambdaCustom }

// groupSafe drops characters log group names cannot hold ("$default").
func groupSafe(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' || c == '-' || c == '_' || c == '/' || c == '#' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			out = append(out, c)
		}
	}
	return string(out)
}

func (w *World) accessLogARN(rt *stageRT) string {
	if rt.access == "" {
		return ""
	}
	return fmt.Sprintf("arn:aws:logs:%s:%s:log-group:%s", rt.region, rt.account, rt.access)
}

func (w *World) logGroups(st *regionState) []world.LogGroup {
	var out []world.LogGroup
	created := w.t0.Add(-30 * 24 * time.Hour)
	for _, s := range w.stages {
		if s.exec != "" && st.logs[s.exec].stage == s {
			out = append(out, world.LogGroup{Name: s.exec, Created: created, RetentionDays: 14, StoredBytes: int64(s.stage.Traffic.RPM * 4e6)})
		}
		if s.access != "" && st.logs[s.access].stage == s {
			out = append(out, world.LogGroup{Name: s.access, Created: created, RetentionDays: 30, StoredBytes: int64(s.stage.Traffic.RPM * 6e5)})
		}
	}
	for _, f := range st.fns {
		out = append(out, world.LogGroup{Name: f.LogGroup, Created: created, RetentionDays: 30, StoredBytes: 1 << 20})
	}
	return out
}
