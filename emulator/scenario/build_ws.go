package scenario

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// buildWebSocket resolves a WebSocket API: apigatewayv2 lists it with the
// HTTP APIs, as protocol WEBSOCKET; its integrations are shaped as an
// HTTP API's, and a $connect authorizer marks its route CUSTOM.
func (w *World) buildWebSocket(account, region string, i int, a *API, fns map[string]*fnRT, st *regionState) world.HTTPAPI {
	id := w.apiID(a, account, region, i, "ws")
	out := world.HTTPAPI{
		ID: id, Name: a.Name, ProtocolType: "WEBSOCKET", Tags: a.Tags,
		Endpoint: fmt.Sprintf("wss://%s.execute-api.%s.amazonaws.com", id, region),
		Created:  w.t0.Add(-90 * 24 * time.Hour),
	}
	for ri, r := range a.Routes {
		in := w.restIntegration(r.Integration, account, region)
		in.ID = derivedID(hashString(w.sc.Seed, id, "integration", fmt.Sprint(ri)), 7)
		in.HTTPMethod = r.Integration.HTTPMethod
		out.Integrations = append(out.Integrations, in)
		route := world.Route{
			ID: derivedID(hashString(w.sc.Seed, id, "route", fmt.Sprint(ri)), 7), RouteKey: routeKey(r),
			Target: "integrations/" + in.ID, AuthorizationType: "NONE",
		}
		if r.Authorizer != "" {
			route.AuthorizationType, route.AuthorizerID = "CUSTOM", authorizerID(w.sc.Seed, id)
			out.Authorizers = append(out.Authorizers, world.Authorizer{
				ID: route.AuthorizerID, Name: r.Authorizer, IdentitySource: []string{"route.request.querystring.token"},
				URI: lambdaIntegrationURI(region, account, r.Authorizer),
			})
		}
		out.Routes = append(out.Routes, route)
	}
	for si := range a.Stages {
		s := &a.Stages[si]
		rt := w.newStage(account, region, id, a.Name, stage.APIWebSocket, a, s, fns)
		out.Stages = append(out.Stages, world.HTTPStage{
			Name: s.Name, DeploymentID: derivedID(rt.key^1, 6),
			Created: w.t0.Add(-60 * 24 * time.Hour), Updated: w.t0.Add(-48 * time.Hour),
			Variables: s.Variables, DetailedMetrics: s.DetailedMetrics,
			LoggingLevel: s.LoggingLevel, DataTrace: s.DataTrace,
			AccessLogARN: w.accessLogARN(rt), AccessLogFormat: wsAccessTemplate(s.AccessLog), Tags: s.Tags,
		})
		w.indexStage(rt, st)
	}
	return out
}

// authorizerID is the id of a WebSocket API's one authorizer.
func authorizerID(seed uint64, apiID string) string {
	return derivedID(hashString(seed, apiID, "authorizer"), 6)
}

// authorizerIDFor is the id of the authorizer that runs the function: a
// WebSocket API's one, or one per function of a REST or HTTP API.
func authorizerIDFor(seed uint64, apiID string, t stage.APIType, fn string) string {
	if t == stage.APIWebSocket {
		return authorizerID(seed, apiID)
	}
	return derivedID(hashString(seed, apiID, "authorizer", fn), 6)
}
