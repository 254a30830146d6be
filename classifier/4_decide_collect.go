package classifier

import "github.com/apigw-triage/apigw-triage/stage"

// apiType is the API type given by the caller, else inferred: wscat,
// $connect and @connections mean a WebSocket API (which has execution logs
// too); other execution logs exist only for REST APIs; route keys,
// "$default", integrationErrorMessage and the apigw-requestid header mean
// an HTTP API, and so, more weakly, does a person saying so.
func (s *Session) apiType() stage.APIType {
	switch {
	case s.hints.APIType != stage.APIUnknown:
		return s.hints.APIType
	case s.st.websocket:
		return stage.APIWebSocket
	case s.st.websocketWord && !s.st.httpAPI && !s.st.httpAPIHint:
		return stage.APIWebSocket
	case s.st.execLines > 0:
		return stage.APIREST
	case s.st.httpAPI || s.st.httpAPIHint:
		return stage.APIHTTP
	}
	return stage.APIUnknown
}

// collect returns copies of the request groups to decide, with Lambda
// invocations joined to the API requests that made them. Lambda evidence
// that joins no request, and lines without ids, refine the requests whose
// own evidence is weak; without any API request they are the requests.
func (s *Session) collect() []*group {
	lambdas := make(map[string]*group, len(s.lambdaDone))
	for id, g := range s.lambdaDone {
		cp := *g
		lambdas[id] = &cp
	}
	reqs := make([]*group, 0, len(s.done)+len(s.live))
	for _, g := range s.done {
		cp := *g
		reqs = append(reqs, &cp)
	}
	var unlinked *group
	for id, g := range s.live {
		cp := *g
		switch {
		case g.lambda:
			// a line after an invocation's REPORT (the older runtimes'
			// "RequestId: ... Process exited before completing request")
			// opens a group of the same id: it is the same invocation
			if d, ok := lambdas[id]; ok && g.best.any() {
				d.absorb(&cp)
			} else if g.best.any() {
				lambdas[id] = &cp
			}
		case id == "" && g.status == 0:
			unlinked = &cp
		case g.interesting():
			reqs = append(reqs, &cp)
		}
	}
	for _, r := range reqs {
		if l, ok := lambdas[r.lambdaID]; ok && r.lambdaID != "" {
			r.absorb(l)
			delete(lambdas, r.lambdaID)
		}
	}
	orphans := make([]*group, 0, len(lambdas)+1)
	for _, l := range lambdas {
		orphans = append(orphans, l)
	}
	if unlinked != nil && unlinked.interesting() {
		orphans = append(orphans, unlinked)
	}
	if len(reqs) == 0 {
		return orphans
	}
	refine(reqs, orphans)
	return reqs
}

// refine gives failed requests with weak evidence the strongest unlinked
// evidence: a REST log that only says "customer function error" next to a
// Lambda log showing Runtime.ImportModuleError is a handler problem.
func refine(reqs, orphans []*group) {
	var best *group
	for _, o := range orphans {
		if best == nil || o.best.better(best.best) {
			best = o
		}
	}
	if best == nil {
		return
	}
	for _, r := range reqs {
		if r.status != 0 && !is5xx(r.status) { // "some 5xx" (implied5xx) failed too
			continue
		}
		weak := r.best.weight < wLikely || isLambdaCause(r.best.cause)
		if weak && best.best.better(r.best) {
			r.absorb(best)
		}
	}
}

// isLambdaCause reports whether the cause is inside the function (what the
// function's own log explains better than the gateway's).
func isLambdaCause(c Cause) bool {
	switch c {
	case CauseLambdaFunctionError, CauseLambdaFunctionTimeout, CauseLambdaRuntimeCrash,
		CauseLambdaOutOfMemory, CauseLambdaHandlerMisconfigured, CauseLambdaPackagePermission:
		return true
	}
	return false
}
