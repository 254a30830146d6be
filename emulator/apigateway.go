package emulator

import (
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// API Gateway v1 page sizes (GetRestApis, GetResources and
// GetAuthorizers: limit default 25, maximum 500).
const (
	defaultAPIGWPage = 25
	maxAPIGWPage     = 500
)

var apigatewayRoutes = []restRoute{
	route("GET", "/restapis", "GetRestApis", (*Server).getRestAPIs),
	route("GET", "/restapis/*", "GetRestApi", (*Server).getRestAPI),
	route("GET", "/restapis/*/stages", "GetStages", (*Server).getStages),
	route("GET", "/restapis/*/stages/*", "GetStage", (*Server).getStage),
	route("GET", "/restapis/*/resources", "GetResources", (*Server).getResources),
	route("GET", "/restapis/*/resources/*/methods/*", "GetMethod", (*Server).getMethod),
	route("GET", "/restapis/*/resources/*/methods/*/integration", "GetIntegration", (*Server).getIntegration),
	route("GET", "/restapis/*/authorizers", "GetAuthorizers", (*Server).getAuthorizers),
}

func (s *Server) routeAPIGateway(c *call) {
	s.serveREST(c, "apigateway", apigatewayRoutes, errAPIGWThrottle())
}

func (s *Server) getRestAPIs(c *call, _ []string) (any, error) {
	apis := s.b.RestAPIs(c.account, c.region)
	return positionPage(c, len(apis), "ra", func(i int) map[string]any { return restAPIJSON(apis[i]) })
}

// positionPage renders one page of a collection of n items, paged by
// limit and position as the API Gateway REST API reference's collections
// are: the page's items under "item", and "position" while more follow.
func positionPage(c *call, n int, prefix string, item func(i int) map[string]any) (any, error) {
	size, err := pageSize(c, "limit", defaultAPIGWPage, maxAPIGWPage)
	if err != nil {
		return nil, err
	}
	from, ok := decodePageToken(c.r.URL.Query().Get("position"), prefix)
	if !ok {
		return nil, errAPIGWBadRequest("Invalid position parameter")
	}
	lo, hi, next := pageBounds(n, from, size, prefix)
	items := make([]map[string]any, 0, hi-lo)
	for i := lo; i < hi; i++ {
		items = append(items, item(i))
	}
	out := map[string]any{"item": items}
	if next != "" {
		out["position"] = next
	}
	return out, nil
}

func (s *Server) findRestAPI(c *call, id string) (world.RestAPI, error) {
	for _, a := range s.b.RestAPIs(c.account, c.region) {
		if a.ID == id {
			return a, nil
		}
	}
	return world.RestAPI{}, errAPIGWNotFound("Invalid API identifier specified " + c.account + ":" + id)
}

func (s *Server) getRestAPI(c *call, p []string) (any, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	return restAPIJSON(a), nil
}

// restAPIJSON renders a RestApi; dates are epoch seconds in API Gateway v1.
func restAPIJSON(a world.RestAPI) map[string]any {
	m := map[string]any{
		"id": a.ID, "name": a.Name, "createdDate": a.Created.Unix(),
		"apiKeySource": "HEADER", "disableExecuteApiEndpoint": false,
		"endpointConfiguration": map[string]any{"types": []string{orDefault(a.EndpointType, "REGIONAL")}},
		"tags":                  orEmpty(a.Tags),
	}
	if a.Description != "" {
		m["description"] = a.Description
	}
	for _, r := range a.Resources {
		if r.Path == "/" {
			m["rootResourceId"] = r.ID
		}
	}
	return m
}

func (s *Server) getStages(c *call, p []string) (any, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	dep := c.r.URL.Query().Get("deploymentId")
	items := []map[string]any{}
	for _, st := range a.Stages {
		if dep == "" || st.DeploymentID == dep {
			items = append(items, restStageJSON(st))
		}
	}
	return map[string]any{"item": items}, nil
}

func (s *Server) getStage(c *call, p []string) (any, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	for _, st := range a.Stages {
		if st.Name == p[1] {
			return restStageJSON(st), nil
		}
	}
	return nil, errAPIGWNotFound("Invalid Stage identifier specified")
}

// restStageJSON renders a Stage. The stage-wide settings live under the
// methodSettings key "*/*", present once any of them was set.
func restStageJSON(st world.RestStage) map[string]any {
	m := map[string]any{
		"stageName": st.Name, "deploymentId": st.DeploymentID,
		"createdDate": st.Created.Unix(), "lastUpdatedDate": st.Updated.Unix(),
		"variables": orEmpty(st.Variables), "tags": orEmpty(st.Tags),
		"tracingEnabled": false, "cacheClusterEnabled": false, "cacheClusterStatus": "NOT_AVAILABLE",
		"methodSettings": map[string]any{},
	}
	if st.LoggingLevel != "" || st.DetailedMetrics || st.DataTrace {
		m["methodSettings"] = map[string]any{"*/*": map[string]any{
			"metricsEnabled": st.DetailedMetrics, "loggingLevel": orDefault(st.LoggingLevel, "OFF"),
			"dataTraceEnabled": st.DataTrace, "throttlingBurstLimit": 5000, "throttlingRateLimit": 10000.0,
			"cachingEnabled": false, "cacheTtlInSeconds": 300, "cacheDataEncrypted": false,
			"requireAuthorizationForCacheControl":    true,
			"unauthorizedCacheControlHeaderStrategy": "SUCCEED_WITH_RESPONSE_HEADER",
		}}
	}
	if st.AccessLogARN != "" {
		m["accessLogSettings"] = map[string]any{"destinationArn": st.AccessLogARN, "format": st.AccessLogFormat}
	}
	return m
}

func (s *Server) getResources(c *call, p []string) (any, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	embed := strings.Contains(strings.Join(c.r.URL.Query()["embed"], ","), "methods")
	return positionPage(c, len(a.Resources), "res", func(i int) map[string]any { return resourceJSON(a.Resources[i], embed) })
}

// resourceJSON lists the methods by verb; their contents only with
// embed=methods, as AWS does.
func resourceJSON(r world.Resource, embed bool) map[string]any {
	m := map[string]any{"id": r.ID, "path": r.Path}
	if r.ParentID != "" {
		m["parentId"], m["pathPart"] = r.ParentID, r.PathPart
	}
	if len(r.Methods) > 0 {
		methods := map[string]any{}
		for _, mt := range r.Methods {
			methods[mt.HTTPMethod] = map[string]any{}
			if embed {
				methods[mt.HTTPMethod] = methodJSON(r, mt)
			}
		}
		m["resourceMethods"] = methods
	}
	return m
}

// getAuthorizers pages the API's authorizers by position and limit, as
// the API Gateway REST API reference's GetAuthorizers does.
func (s *Server) getAuthorizers(c *call, p []string) (any, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	return positionPage(c, len(a.Authorizers), "au", func(i int) map[string]any { return restAuthorizerJSON(a.Authorizers[i]) })
}

// restAuthorizerJSON renders a REST API's Lambda authorizer: its type,
// the Lambda Invoke URI of its function and where the caller's identity
// comes from (a TOKEN authorizer's header is one expression, a REQUEST
// authorizer's sources are comma-separated).
func restAuthorizerJSON(au world.Authorizer) map[string]any {
	return map[string]any{
		"id": au.ID, "name": au.Name, "type": orDefault(au.Type, "REQUEST"), "authType": "custom",
		"authorizerUri": au.URI, "identitySource": strings.Join(au.IdentitySource, ","),
		"authorizerResultTtlInSeconds": 0,
	}
}
