package collector

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

var (
	// execMethodRE is the REST execution log's request line: the method
	// and the request's path, not the resource's template.
	execMethodRE = regexp.MustCompile(`HTTP Method: ([A-Z]+), Resource Path: (/\S*)`)
	// jsonMethodRE, jsonResourceRE and jsonRouteRE read JSON access logs
	// ($context.httpMethod, $context.resourcePath, $context.routeKey).
	jsonMethodRE   = regexp.MustCompile(`"httpMethod"\s*:\s*"([A-Z]+)"`)
	jsonResourceRE = regexp.MustCompile(`"resourcePath"\s*:\s*"(/[^"\s]*)"`)
	jsonRouteRE    = regexp.MustCompile(`"routeKey"\s*:\s*"([^"]+)"`)
	// clfRequestRE is the request of a common-log-format access log line:
	// "GET /items/{id} HTTP/1.1".
	clfRequestRE = regexp.MustCompile(`"([A-Z]+) (/\S*) HTTP/[0-9.]+"`)
)

// failingMethod names the method (REST) or route (HTTP APIs) that the most
// failing requests of the evidence called; events are the sampled failing
// requests' lines. Each request counts once, by the first line naming its
// method; ties go to the method seen first. A REST method's resource id is
// looked up among the stage's resources, so the commands can name it.
func failingMethod(st Stage, events []classifier.LogEvent) stage.EvidenceScope {
	counts := map[stage.EvidenceScope]int{}
	var order []stage.EvidenceScope
	seen := map[string]bool{}
	for _, e := range events {
		id := requestID(e.Message)
		if id == "" {
			id = uuidRE.FindString(e.Message) // a CLF access log's $context.requestId
		}
		if id == "" || seen[id] {
			continue
		}
		m, ok := methodOf(st.APIType, e.Message)
		if !ok {
			continue
		}
		seen[id] = true
		if counts[m] == 0 {
			order = append(order, m)
		}
		counts[m]++
	}
	var best stage.EvidenceScope
	for _, m := range order {
		if counts[m] > counts[best] {
			best = m
		}
	}
	if best.Resource != "" {
		best.Resource, best.ResourceID = matchResource(st.Resources, best.Resource)
	}
	return best
}

// methodOf reads the method or route one log line names.
func methodOf(t stage.APIType, msg string) (stage.EvidenceScope, bool) {
	if t != stage.APIREST {
		if m := jsonRouteRE.FindStringSubmatch(msg); m != nil {
			return stage.EvidenceScope{Route: m[1]}, true
		}
		return stage.EvidenceScope{}, false
	}
	if m := execMethodRE.FindStringSubmatch(msg); m != nil {
		return stage.EvidenceScope{Method: m[1], Resource: m[2]}, true
	}
	if m := jsonMethodRE.FindStringSubmatch(msg); m != nil {
		if r := jsonResourceRE.FindStringSubmatch(msg); r != nil {
			return stage.EvidenceScope{Method: m[1], Resource: r[1]}, true
		}
	}
	if m := clfRequestRE.FindStringSubmatch(msg); m != nil {
		return stage.EvidenceScope{Method: m[1], Resource: m[2]}, true
	}
	return stage.EvidenceScope{}, false
}

// matchResource finds the resource a path belongs to: the resource with
// that very path (a template such as /items/{id} from an access log), else
// the template that matches the request's path with the fewest variable
// segments (/items/42 is /items/{id}, /files/a/b is /files/{proxy+}). It
// returns the resource's path and id, or the path and "" when none
// matches.
func matchResource(rs []stage.Resource, path string) (string, string) {
	best, bestVars := -1, 0
	for i, r := range rs {
		if r.Path == path {
			return r.Path, r.ID
		}
		if vars, ok := templateMatch(r.Path, path); ok && (best < 0 || vars < bestVars) {
			best, bestVars = i, vars
		}
	}
	if best < 0 {
		return path, ""
	}
	return rs[best].Path, rs[best].ID
}

// templateMatch reports whether a request path matches a resource
// template, and how many variable segments it took.
func templateMatch(template, path string) (int, bool) {
	ts, ps := strings.Split(strings.Trim(template, "/"), "/"), strings.Split(strings.Trim(path, "/"), "/")
	vars := 0
	for i, t := range ts {
		greedy := strings.HasPrefix(t, "{") && strings.HasSuffix(t, "+}")
		switch {
		case greedy && i == len(ts)-1:
			return vars + 1, len(ps) > i
		case i >= len(ps):
			return 0, false
		case strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"):
			vars++
		case t != ps[i]:
			return 0, false
		}
	}
	return vars, len(ts) == len(ps)
}

// maxMethodLookups bounds the failing requests whose method line is looked
// up: one FilterLogEvents call names them all.
const maxMethodLookups = 5

// requestSpan bounds how long before its failure line a request's first
// line was written: REST integrations time out after 29 s by default, and
// a raised timeout is rare; 60 s leaves room for both.
const requestSpan = 60 * time.Second

// safeRequestID is what a request id may hold to be put in a filter
// pattern: API Gateway's ids are UUIDs.
var safeRequestID = regexp.MustCompile(`^[A-Za-z0-9-]{1,64}$`)

// lookupMethod finds the failing method of a REST stage whose evidence did
// not name it: the Logs Insights query leaves out the execution log's
// "HTTP Method: GET, Resource Path: /items/42" lines (one per request,
// they would fill its rows on a busy stage), so the lines of a few failing
// requests are read back with one FilterLogEvents call (no second Logs
// Insights query and its bytes scanned), paced by the account's limiter.
// Only INFO logging writes those lines.
func (c *Collector) lookupMethod(ctx context.Context, r *region, st Stage, events []classifier.LogEvent, start, end time.Time) stage.EvidenceScope {
	if st.APIType != stage.APIREST || st.ExecutionLogGroup == "" || st.LoggingLevel != "INFO" {
		return stage.EvidenceScope{}
	}
	var terms []string
	seen := map[string]bool{}
	var first, last time.Time
	for _, e := range events {
		id := requestID(e.Message)
		if len(terms) == maxMethodLookups || !safeRequestID.MatchString(id) || seen[id] || !failureRE.MatchString(e.Message) {
			continue
		}
		seen[id] = true
		terms = append(terms, fmt.Sprintf(`?"(%s) HTTP Method:"`, id))
		if first.IsZero() || e.Time.Before(first) {
			first = e.Time
		}
		last = maxTime(last, e.Time)
	}
	if len(terms) == 0 {
		return stage.EvidenceScope{}
	}
	// A request's first line precedes its failure by at most the
	// integration timeout: reading only around the failures keeps the
	// few pages filter reads from running out on a busy INFO log.
	if !first.IsZero() {
		start, end = maxTime(start, first.Add(-requestSpan)), minTime(end, last.Add(time.Second))
	}
	lines, _, err := c.filter(ctx, r, st.ExecutionLogGroup, strings.Join(terms, " "), start, end)
	if err != nil {
		c.log.Warn("failing method look-up failed", "stage", st.Key, "err", err)
		return stage.EvidenceScope{}
	}
	m := failingMethod(st, lines)
	if m == (stage.EvidenceScope{}) {
		c.log.Debug("failing requests' method lines not found", "stage", st.Key, "requests", len(terms), "lines", len(lines))
	}
	return m
}
