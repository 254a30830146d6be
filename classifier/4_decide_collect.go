package classifier

import (
	"cmp"
	"slices"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"
)

// apiType is the API type given by the caller, else inferred: wscat,
// $connect and @connections mean a WebSocket API (which has execution logs
// too); other execution logs exist only for REST APIs; an HTTP API's own
// answers, headers, events and names mean an HTTP API unless a REST API's
// own names show too (a report that shows both shows neither); a v2 name
// (apigatewayv2, $default) means an HTTP API, or a WebSocket API when the
// word is said; last, a person naming one type (or a REST API's
// features) more often than the other, or a tool that makes REST APIs
// (Zappa, Chalice) where a person names neither more often.
func (s *Session) apiType() stage.APIType {
	st := &s.st
	switch {
	case s.hints.APIType != stage.APIUnknown:
		return s.hints.APIType
	case st.websocket:
		return stage.APIWebSocket
	case st.websocketWord && !st.httpAPI && st.httpAPIWords == 0:
		return stage.APIWebSocket
	case st.execLines > 0:
		return stage.APIREST
	case st.httpAPI != st.restAPI:
		if st.httpAPI {
			return stage.APIHTTP
		}
		return stage.APIREST
	case st.httpAPI:
		return stage.APIUnknown
	case st.postsToConnections && st.httpAPIWords == 0 && st.restAPIWords == 0:
		return stage.APIWebSocket
	case st.v2API || st.httpAPIWords > st.restAPIWords:
		return stage.APIHTTP
	case st.restAPIWords > st.httpAPIWords || st.restTool && st.restAPIWords == st.httpAPIWords:
		return stage.APIREST
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
	for _, g := range s.liveInOrder() {
		id := g.id
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
	if g := s.authorizerLoose; g != nil && g.best.any() {
		cp := *g
		lambdas["\x00authorizer"] = &cp // (no id of a request or invocation)
	}
	orphans := make([]*group, 0, len(lambdas)+1)
	for _, l := range lambdas {
		if s.authorizerDenialJoined(l) || l.authorizer && l.denied {
			// the 401 the execution log shows, or a Lambda authorizer's
			// denial: its REPORT's "Status: error" is the same failed
			// invocation, which the client got as a 401
			continue
		}
		l.asAuthorizer()
		orphans = append(orphans, l)
	}
	slices.SortFunc(orphans, func(a, b *group) int { return cmp.Compare(a.seq, b.seq) })
	if unlinked != nil && unlinked.interesting() {
		orphans = append(orphans, unlinked)
	}
	if len(reqs) == 0 {
		return orphans
	}
	reqs = dropEchoes(reqs)
	refine(reqs, orphans)
	explainAuthorizer(reqs, orphans)
	if refusedBeforeFunction(reqs) || belowServerErrors(reqs) && platformFailure(orphans) {
		// every request ended with the gateway's own refusal, before any
		// function ran, or below 500 beside an invocation Lambda reports
		// dead (timed out, crashed, out of memory), which answers no 4xx:
		// the failed invocation is another request's, whose answer no
		// line shows
		for _, o := range orphans {
			if o.lambda && o.functionFailed() {
				reqs = append(reqs, o)
			}
		}
	}
	return reqs
}

// liveInOrder returns the live groups in the order the input opened them.
// Where two requests' evidence ties (the same cause at the same weight),
// the first one read gives the row its quoted line, and its confidence
// unless only the other is a program's line (causeRow.add); the map's
// order would make that a coin toss.
func (s *Session) liveInOrder() []*group {
	gs := make([]*group, 0, len(s.live))
	for _, g := range s.live {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b *group) int { return cmp.Compare(a.seq, b.seq) })
	return gs
}

// refusedBeforeFunction reports whether every request ended below 500 with
// what the gateway answers itself before it calls an integration: a body
// or an error type of its own 4xx responses ({"message":"Forbidden"},
// "Missing Authentication Token", x-amzn-ErrorType: ForbiddenException).
func refusedBeforeFunction(reqs []*group) bool {
	for _, r := range reqs {
		if r.status == 0 || is5xx(r.status) || r.best.implied < 400 || r.best.implied >= 500 {
			return false
		}
	}
	return true
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
		own := r.best
		if f, ok := r.unanswered(); ok {
			own = f // the failed invocation behind a malformed response
		}
		weak := own.weight < wLikely || isLambdaCause(own.cause)
		if weak && best.best.better(own) || len(reqs) == 1 && unansweredBy(r, best) {
			r.absorb(best)
		}
	}
}

// explainAuthorizer gives the requests the gateway failed with an
// authorizer error the authorizer's own failure as their second line: the
// gateway logs only that the authorizer failed ("Authorizer error",
// AuthorizerConfigurationException, an access record's 500), its
// function's log why (an import error, a thrown error, a timeout), which
// is what the on-call engineer fixes. No invocation id joins the two, so
// one failure stands for all of them: a line the function or its runtime
// wrote before the platform's REPORT, which names only an error type; the
// cause and status do not change.
func explainAuthorizer(reqs, orphans []*group) {
	var why *group
	for _, o := range orphans {
		if o.lambda && o.best.cause == CauseAuthorizerError && o.decider != "" && (why == nil || tellsMore(o, why)) {
			why = o
		}
	}
	if why == nil {
		return
	}
	for _, r := range reqs {
		if r.best.cause == CauseAuthorizerError && r.decider != why.decider {
			r.support, r.supportW = why.decider, why.best.weight
		}
	}
}

// tellsMore reports whether the failure o says more than w: a line other
// than a REPORT beats a REPORT, else the stronger evidence.
func tellsMore(o, w *group) bool {
	if oReport, wReport := isReportLine(o.decider), isReportLine(w.decider); oReport != wReport {
		return wReport
	}
	return o.best.better(w.best)
}

// isReportLine reports whether an evidence line is the platform's REPORT.
func isReportLine(l string) bool { return strings.Contains(l, string(preReport)) }

// unansweredBy reports whether the one request of a report, which only the
// gateway's "Malformed Lambda proxy response" explains, meets an
// invocation no request id joins to it whose Lambda log shows it gave no
// answer at all (it timed out, ran out of memory, crashed, could not load
// its handler): the failed invocation is the request's, and the message
// its consequence (group.unanswered).
func unansweredBy(r, o *group) bool {
	return r.best.cause == CauseLambdaMalformedProxyResponse && !r.answered && r.fn.weight == 0 &&
		o.lambda && !o.answered && o.fn.weight >= wLikely
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

// dropEchoes leaves out the echoes (group.echo) among requests when
// requests the log identifies failed with a 5xx too.
func dropEchoes(reqs []*group) []*group {
	if !identifiedFailure(reqs) {
		return reqs
	}
	kept := reqs[:0]
	for _, r := range reqs {
		if !r.echo() {
			kept = append(kept, r)
		}
	}
	return kept
}

// echo reports whether a failure has no request id and names no cause
// ("my endpoints return {"message": "Internal server error"}", a curl's
// 502): beside the log of requests that failed with a 5xx it is the same
// failure pasted as the symptom, and counting it as another request would
// make the cause the log names explain only part of the failures.
func (g *group) echo() bool {
	return g.id == "" && !g.lambda && is5xx(g.status) && g.best.weight == 0 && g.unnamed == ""
}

// identifiedFailure reports whether a request with an id failed with a 5xx.
func identifiedFailure(reqs []*group) bool {
	for _, r := range reqs {
		if r.failedWithID() {
			return true
		}
	}
	return false
}

// failedWithID reports whether the group is a request with an id that
// failed with a 5xx.
func (g *group) failedWithID() bool { return g.id != "" && !g.lambda && is5xx(g.status) }

// belowServerErrors reports whether every request showed an answer below
// the server errors.
func belowServerErrors(reqs []*group) bool {
	for _, r := range reqs {
		if !r.answeredBelowServerErrors() {
			return false
		}
	}
	return true
}

// platformFailure reports whether an invocation no request joins ended in
// a failure Lambda itself reported: a timeout, a crash, memory.
func platformFailure(orphans []*group) bool {
	for _, o := range orphans {
		switch o.best.cause {
		case CauseLambdaFunctionTimeout, CauseLambdaRuntimeCrash, CauseLambdaOutOfMemory:
			if o.lambda && o.best.weight >= wWeak {
				return true
			}
		}
	}
	return false
}
