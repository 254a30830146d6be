package scenario

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

func (w *World) buildREST(account, region string, i int, a *API, fns map[string]*fnRT, st *regionState) world.RestAPI {
	id := w.apiID(a, account, region, i, "rest")
	out := world.RestAPI{
		ID: id, Name: a.Name, Created: w.t0.Add(-90 * 24 * time.Hour),
		EndpointType: a.EndpointType, Tags: a.Tags,
		Resources:   w.restResources(id, account, region, a),
		Authorizers: w.restAuthorizers(id, account, region, a),
	}
	for si := range a.Stages {
		s := &a.Stages[si]
		rt := w.newStage(account, region, id, a.Name, stage.APIREST, a, s, fns)
		out.Stages = append(out.Stages, world.RestStage{
			Name: s.Name, DeploymentID: derivedID(rt.key^1, 6),
			Created: w.t0.Add(-60 * 24 * time.Hour), Updated: w.t0.Add(-48 * time.Hour),
			Variables: s.Variables, LoggingLevel: s.LoggingLevel, DataTrace: s.DataTrace,
			DetailedMetrics: s.DetailedMetrics, AccessLogARN: w.accessLogARN(rt),
			AccessLogFormat: accessTemplate(s.AccessLog, false), Tags: s.Tags,
		})
		w.indexStage(rt, st)
	}
	return out
}

// restResources builds the resource tree: the root and every path prefix
// of the routes, each method with its integration.
func (w *World) restResources(id, account, region string, a *API) []world.Resource {
	byPath := map[string]*world.Resource{"/": {ID: derivedID(hashString(w.sc.Seed, id, "/"), 10), Path: "/"}}
	var ensure func(p string) *world.Resource
	ensure = func(p string) *world.Resource {
		if r, ok := byPath[p]; ok {
			return r
		}
		cut := strings.LastIndex(p, "/")
		parent := ensure(p[:max(cut, 1)])
		r := &world.Resource{ID: derivedID(hashString(w.sc.Seed, id, p), 6), ParentID: parent.ID, Path: p, PathPart: p[cut+1:]}
		byPath[p] = r
		return r
	}
	for _, r := range a.Routes {
		res := ensure(strings.TrimSuffix(r.Path, "/"))
		if r.Path == "/" {
			res = byPath["/"]
		}
		in := w.restIntegration(r.Integration, account, region)
		m := world.Method{HTTPMethod: r.Method, AuthorizationType: "NONE", Integration: &in}
		if r.Authorizer != "" {
			m.AuthorizationType, m.AuthorizerID = "CUSTOM", authorizerIDFor(w.sc.Seed, id, stage.APIREST, r.Authorizer)
		}
		res.Methods = append(res.Methods, m)
	}
	out := make([]world.Resource, 0, len(byPath))
	for _, r := range byPath {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// restAuthorizers are the REST API's Lambda authorizers, one TOKEN
// authorizer per function its methods name, reading the caller's
// Authorization header.
func (w *World) restAuthorizers(id, account, region string, a *API) []world.Authorizer {
	return routeAuthorizers(a, func(r Route) world.Authorizer {
		return world.Authorizer{
			ID: authorizerIDFor(w.sc.Seed, id, stage.APIREST, r.Authorizer), Name: r.Authorizer, Type: "TOKEN",
			URI: lambdaIntegrationURI(region, account, r.Authorizer), IdentitySource: []string{"method.request.header.Authorization"},
		}
	})
}

// routeAuthorizers are the API's authorizers, one per function its
// routes name, in the order of its routes, as authorizer makes each from
// the first route that names it.
func routeAuthorizers(a *API, authorizer func(Route) world.Authorizer) []world.Authorizer {
	var out []world.Authorizer
	seen := map[string]bool{}
	for _, r := range a.Routes {
		if r.Authorizer == "" || seen[r.Authorizer] {
			continue
		}
		seen[r.Authorizer] = true
		out = append(out, authorizer(r))
	}
	return out
}

// restIntegration is the integration as GetIntegration shows it. Lambda
// URIs are API Gateway service ARNs for the Lambda Invoke path.
func (w *World) restIntegration(in Integration, account, region string) world.Integration {
	out := world.Integration{HTTPMethod: in.HTTPMethod, ConnectionType: "INTERNET", TimeoutMillis: int(in.Timeout.Milliseconds())}
	switch in.Type {
	case IntegrationLambdaProxy, IntegrationLambdaCustom:
		out.Type = "AWS_PROXY"
		if in.Type == IntegrationLambdaCustom {
			out.Type = "AWS"
		}
		out.URI = lambdaIntegrationURI(region, account, in.Function)
	case IntegrationVPCLink:
		out.Type, out.URI, out.ConnectionType = "HTTP_PROXY", in.URI, "VPC_LINK"
		out.ConnectionID = derivedID(hashString(w.sc.Seed, account, region, in.URI), 6)
	case IntegrationAWSService:
		out.Type, out.URI = "AWS", in.URI
		out.Credentials = fmt.Sprintf("arn:aws:iam::%s:role/apigateway-integration", account)
	default:
		out.Type, out.URI = "HTTP_PROXY", in.URI
	}
	return out
}

// lambdaIntegrationURI is how the control plane shows a Lambda integration
// or authorizer: the API Gateway service ARN of Lambda's Invoke path.
func lambdaIntegrationURI(region, account, function string) string {
	fnARN := fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", region, account, function)
	return fmt.Sprintf("arn:aws:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", region, fnARN)
}

func (w *World) buildHTTP(account, region string, i int, a *API, fns map[string]*fnRT, st *regionState) world.HTTPAPI {
	id := w.apiID(a, account, region, i, "http")
	out := world.HTTPAPI{
		ID: id, Name: a.Name, ProtocolType: "HTTP", Tags: a.Tags,
		Endpoint: fmt.Sprintf("https://%s.execute-api.%s.amazonaws.com", id, region),
		Created:  w.t0.Add(-90 * 24 * time.Hour),
	}
	for ri, r := range a.Routes {
		in := w.restIntegration(r.Integration, account, region)
		in.ID = derivedID(hashString(w.sc.Seed, id, "integration", fmt.Sprint(ri)), 7)
		in.PayloadFormatVersion = r.Integration.PayloadFormat
		if isLambda(r.Integration.Type) {
			in.URI = fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", region, account, r.Integration.Function)
		}
		if r.Integration.Type == IntegrationAWSService {
			in.Type = "AWS_PROXY"
		}
		out.Integrations = append(out.Integrations, in)
		route := world.Route{
			ID: derivedID(hashString(w.sc.Seed, id, "route", fmt.Sprint(ri)), 7), RouteKey: routeKey(r), Target: "integrations/" + in.ID,
		}
		if r.Authorizer != "" {
			route.AuthorizationType, route.AuthorizerID = "CUSTOM", authorizerIDFor(w.sc.Seed, id, stage.APIHTTP, r.Authorizer)
		}
		out.Routes = append(out.Routes, route)
	}
	out.Authorizers = w.httpAuthorizers(id, account, region, a)
	for si := range a.Stages {
		s := &a.Stages[si]
		rt := w.newStage(account, region, id, a.Name, stage.APIHTTP, a, s, fns)
		out.Stages = append(out.Stages, world.HTTPStage{
			Name: s.Name, AutoDeploy: s.Name == "$default", DeploymentID: derivedID(rt.key^1, 6),
			Created: w.t0.Add(-60 * 24 * time.Hour), Updated: w.t0.Add(-48 * time.Hour),
			Variables: s.Variables, DetailedMetrics: s.DetailedMetrics,
			AccessLogARN: w.accessLogARN(rt), AccessLogFormat: accessTemplate(s.AccessLog, true), Tags: s.Tags,
		})
		w.indexStage(rt, st)
	}
	return out
}

// httpAuthorizers are the HTTP API's Lambda authorizers, one REQUEST
// authorizer per function its routes name, with payload format 2.0 and
// the routes' response mode, reading the caller's Authorization header
// ($request.header.Authorization, as the developer guide's HTTP API
// authorizer examples name it).
func (w *World) httpAuthorizers(id, account, region string, a *API) []world.Authorizer {
	return routeAuthorizers(a, func(r Route) world.Authorizer {
		return world.Authorizer{
			ID: authorizerIDFor(w.sc.Seed, id, stage.APIHTTP, r.Authorizer), Name: r.Authorizer, Type: "REQUEST",
			URI: lambdaIntegrationURI(region, account, r.Authorizer), IdentitySource: []string{"$request.header.Authorization"},
			PayloadFormatVersion: "2.0", SimpleResponses: r.AuthorizerResponse != AuthorizerIAM,
		}
	})
}
