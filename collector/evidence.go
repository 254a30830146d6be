package collector

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// Evidence is what the classifier gets for one tripped stage.
type Evidence struct {
	// Events are the lines of the sampled failing requests, oldest first.
	Events []classifier.LogEvent
	// Context holds the stage's configuration and its metrics over the
	// evidence window.
	Context      classifier.Hints
	BytesScanned int64
	// Truncated is set when the log query hit its row limit, so older
	// failing requests of the window may be missing.
	Truncated bool
	// Incomplete names the reads that failed ("functions", "metrics",
	// "logs"): throttled past the retries, an AWS error (AccessDenied, the
	// network), a metrics read cut at the page cap (maxPages), a query that
	// outlived logs.query_timeout. What was read is classified all the same, but the
	// answer rests on part of the evidence and a later read may give the
	// rest. A stage without any log group is complete without logs: there
	// is nothing more to read.
	Incomplete []stage.Read
	// Routes are the methods or routes that answered 5xx over the window,
	// most first, at most 10; empty without detailed metrics.
	Routes []stage.RouteFigures
	// LogGroups are the log groups searched, for links to the evidence.
	LogGroups []string
	// Scope is the window the metrics and logs were read over, and the
	// method or route most of the sampled failing requests called.
	Scope stage.EvidenceScope
}

// The reads an Evidence names as Incomplete (stage.Reads).
const (
	// IncompleteFunctions: a Lambda GetFunctionConfiguration of an
	// integrated function failed, so its timeout (which tells a function
	// timeout from the gateway's) and a custom log group
	// (LoggingConfig.LogGroup) may be missing; its default log group
	// /aws/lambda/<name> is searched instead.
	IncompleteFunctions = stage.ReadFunctions
	IncompleteMetrics   = stage.ReadMetrics
	IncompleteLogs      = stage.ReadLogs
)

// Evidence pulls the evidence of a tripped stage over [start, end),
// widened by Logs.Lookback before start: the extra metrics (counts,
// Latency and IntegrationLatency maxima, the functions' Errors, Throttles
// and Duration, and with detailed metrics the 5xx and requests per method
// or route) and one Logs Insights query over the stage's execution,
// access, function and Lambda authorizer log groups. A failed function lookup is logged and
// leaves the function's defaults; metric failures are logged and leave the
// Context's metrics at zero; a log failure is returned. Each marks the
// Evidence Incomplete.
func (c *Collector) Evidence(ctx context.Context, st Stage, start, end time.Time) (*Evidence, error) {
	r := c.regionOf(st)
	if r == nil {
		return nil, fmt.Errorf("stage %s: account %s region %s is not watched", st.Key, st.Account, st.Region)
	}
	start = start.Add(-c.opts.Logs.Lookback).Truncate(c.opts.Period)
	fns, lookupFailed := c.resolveFunctions(ctx, r, st.Functions)
	auths, authLookupFailed := c.resolveFunctions(ctx, r, namedFunctions(authorizerFunctions(st)))
	st.Functions = fns
	ev := &Evidence{Context: stageContext(st), Scope: stage.EvidenceScope{Start: start, End: end}, LogGroups: c.evidenceGroups(st, auths)}
	ev.Context.LambdaLogGroups, ev.Context.AuthorizerLogGroups = ownLogGroups(st.Functions, auths)
	if lookupFailed || authLookupFailed {
		ev.Incomplete = append(ev.Incomplete, IncompleteFunctions)
	}
	q := c.startEvidenceQuery(ctx, r, st, ev.LogGroups, start, end)
	if err := c.evidenceMetrics(ctx, r, st, start, end, ev); err != nil {
		c.log.Warn("evidence metrics failed", "stage", st.Key, "err", err)
		ev.Incomplete = append(ev.Incomplete, IncompleteMetrics)
	}
	if len(ev.LogGroups) == 0 {
		return ev, errNoLogGroups
	}
	events, err := c.evidenceLogs(ctx, r, q, c.failurePatterns(st, auths), start, end, ev)
	if err != nil {
		ev.Incomplete = append(ev.Incomplete, IncompleteLogs)
		return ev, fmt.Errorf("stage %s: %w", st.Key, err)
	}
	ev.Events = selectEvidence(events, c.opts.Logs.MaxRequests)
	m := failingMethod(st, ev.Events)
	if m == (stage.EvidenceScope{}) {
		m = c.lookupMethod(ctx, r, st, ev.Events, start, end)
	}
	ev.Scope.Method, ev.Scope.Resource, ev.Scope.ResourceID, ev.Scope.Route = m.Method, m.Resource, m.ResourceID, m.Route
	t := failingTarget(st, m, len(auths) > 0)
	ev.Scope.IntegrationID, ev.Scope.Function = t.IntegrationID, t.Function
	ev.Scope.AuthorizerID, ev.Scope.AuthorizerFunction = t.AuthorizerID, t.AuthorizerFunction
	return ev, nil
}

// failingTarget is what discovery knows of the failing method or route m:
// its target, or when the logs named none (m is zero), what the stage has
// only one of (stageScope); withAuths says the authorizers' logs were read.
func failingTarget(st Stage, m stage.EvidenceScope, withAuths bool) RouteTarget {
	if t, ok := routeTarget(st, m); ok || m != (stage.EvidenceScope{}) {
		return t
	}
	return stageScope(st, withAuths)
}

// stageScope names, when the logs named no failing method or route, what
// the stage has only one of, which the failing one used whichever it was:
// its Lambda authorizer, and its integrated function once the authorizers'
// log groups (withAuths) leave more than one Lambda group to tell the
// commands' function by (notifier.Names).
func stageScope(st Stage, withAuths bool) RouteTarget {
	var out RouteTarget
	if withAuths && len(st.Functions) == 1 {
		out.Function = st.Functions[0].Name
	}
	var only RouteTarget
	for _, t := range st.RouteTargets {
		switch {
		case t.AuthorizerFunction == "":
		case only.AuthorizerFunction == "":
			only = t
		case t.AuthorizerFunction != only.AuthorizerFunction || t.AuthorizerID != only.AuthorizerID:
			return out // several: a guess would name the wrong one in a command
		}
	}
	out.AuthorizerID, out.AuthorizerFunction = only.AuthorizerID, only.AuthorizerFunction
	return out
}

// routeTarget is the discovered target of the failing method or route: a
// REST method by its verb and resource ("GET /orders/{id}"), or its
// resource's ANY method, which serves every verb; an HTTP or WebSocket
// route by its key.
func routeTarget(st Stage, m stage.EvidenceScope) (RouteTarget, bool) {
	if m.Route != "" {
		t, ok := st.RouteTargets[m.Route]
		return t, ok
	}
	if m.Method == "" || m.Resource == "" {
		return RouteTarget{}, false
	}
	if t, ok := st.RouteTargets[m.Method+" "+m.Resource]; ok {
		return t, true
	}
	t, ok := st.RouteTargets["ANY "+m.Resource]
	return t, ok
}

// startEvidenceQuery starts the Logs Insights query first: it takes
// seconds to run on AWS's side, and the evidence metrics are read
// meanwhile rather than before. Its wait (logs.query_timeout) counts from
// when StartQuery answered: the SDK's retries of a throttled StartQuery
// are no time the query ran.
func (c *Collector) startEvidenceQuery(ctx context.Context, r *region, st Stage, groups []string, start, end time.Time) pendingQuery {
	var q pendingQuery
	if len(groups) > 0 && c.opts.Logs.Insights {
		q.id, q.groups, q.err = c.startInsights(ctx, r, insightsQueryFor(st), groups, start, end)
	}
	q.began = c.clk.Now()
	return q
}

// pendingQuery is a Logs Insights query started for one evidence pull.
type pendingQuery struct {
	id     string
	groups []string // those it reads: the stage's that exist
	began  time.Time
	err    error // StartQuery's
}

// evidenceLogs returns the lines of the window: the started Logs Insights
// query's result, or without Insights the FilterLogEvents look-ups, each
// group's with its pattern (patternOf).
func (c *Collector) evidenceLogs(ctx context.Context, r *region, q pendingQuery, patternOf func(string) string, start, end time.Time, ev *Evidence) ([]classifier.LogEvent, error) {
	if !c.opts.Logs.Insights {
		events, read, truncated, err := c.filterFailures(ctx, r, ev.LogGroups, patternOf, start, end)
		ev.LogGroups, ev.Truncated = read, truncated
		return events, err
	}
	if q.err != nil {
		return nil, q.err
	}
	ev.LogGroups = q.groups // the console's query link names only groups that exist
	res, err := c.awaitInsights(ctx, r, q.id, q.began)
	if err != nil {
		return nil, err
	}
	ev.BytesScanned, ev.Truncated = res.bytes, res.truncated
	return res.events, nil
}

// evidenceGroups lists the log groups that can hold the stage's evidence:
// the REST execution log (when logging is on), the access log, the
// integrated functions' logs, the Lambda authorizers' (auths: the cause of
// an authorizer error is only there) and the configured extra groups.
func (c *Collector) evidenceGroups(st Stage, auths []Function) []string {
	seen := map[string]bool{}
	var out []string
	add := func(g string) {
		if g != "" && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	add(st.ExecutionLogGroup)
	add(st.AccessLogGroup)
	for _, f := range st.Functions {
		add(f.LogGroup)
	}
	for _, f := range auths {
		add(f.LogGroup)
	}
	for _, g := range c.opts.Logs.ExtraLogGroups {
		add(g)
	}
	return out
}

func (c *Collector) regionOf(st Stage) *region {
	for _, r := range c.regions {
		if strings.HasPrefix(st.Key, r.id()+"/") {
			return r
		}
	}
	return nil
}
