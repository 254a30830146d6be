package emulator

import (
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// defaultV2Page is the page size when maxResults is absent; the API
// reference gives none, and 100 keeps most listings to one call.
const (
	defaultV2Page = 100
	maxV2Page     = 500
)

var apigatewayV2Routes = []restRoute{
	route("GET", "/v2/apis", "GetApis", (*Server).getAPIs),
	route("GET", "/v2/apis/*", "GetApi", (*Server).getAPI),
	route("GET", "/v2/apis/*/stages", "GetStages", (*Server).getV2Stages),
	route("GET", "/v2/apis/*/stages/*", "GetStage", (*Server).getV2Stage),
	route("GET", "/v2/apis/*/integrations", "GetIntegrations", (*Server).getV2Integrations),
	route("GET", "/v2/apis/*/integrations/*", "GetIntegration", (*Server).getV2Integration),
	route("GET", "/v2/apis/*/routes", "GetRoutes", (*Server).getV2Routes),
	route("GET", "/v2/apis/*/authorizers", "GetAuthorizers", (*Server).getV2Authorizers),
}

func (s *Server) routeAPIGatewayV2(c *call) {
	s.serveREST(c, "apigatewayv2", apigatewayV2Routes, errAPIGWThrottle())
}

// v2Page cuts a listing of n items by maxResults/nextToken and returns the
// items envelope to fill.
func v2Page(c *call, n int, kind string) (lo, hi int, out map[string]any, err error) {
	size, err := pageSize(c, "maxResults", defaultV2Page, maxV2Page)
	if err != nil {
		return 0, 0, nil, err
	}
	from, ok := decodePageToken(c.r.URL.Query().Get("nextToken"), kind)
	if !ok {
		return 0, 0, nil, errAPIGWBadRequest("Invalid nextToken")
	}
	lo, hi, next := pageBounds(n, from, size, kind)
	out = map[string]any{}
	if next != "" {
		out["nextToken"] = next
	}
	return lo, hi, out, nil
}

func (s *Server) getAPIs(c *call, _ []string) (any, error) {
	apis := s.b.HTTPAPIs(c.account, c.region)
	lo, hi, out, err := v2Page(c, len(apis), "api")
	if err != nil {
		return nil, err
	}
	items := make([]map[string]any, 0, hi-lo)
	for _, a := range apis[lo:hi] {
		items = append(items, httpAPIJSON(c, a))
	}
	out["items"] = items
	return out, nil
}

func (s *Server) findHTTPAPI(c *call, id string) (world.HTTPAPI, error) {
	for _, a := range s.b.HTTPAPIs(c.account, c.region) {
		if a.ID == id {
			return a, nil
		}
	}
	return world.HTTPAPI{}, errAPIGWNotFound("Invalid API identifier specified " + c.account + ":" + id)
}

func (s *Server) getAPI(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	return httpAPIJSON(c, a), nil
}

// isoDate renders API Gateway v2 dates, which are ISO 8601 strings.
func isoDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func httpAPIJSON(c *call, a world.HTTPAPI) map[string]any {
	endpoint := a.Endpoint
	if endpoint == "" {
		endpoint = "https://" + a.ID + ".execute-api." + c.region + ".amazonaws.com"
	}
	selection := "$request.method $request.path"
	if a.ProtocolType == "WEBSOCKET" {
		selection = "$request.body.action" // the console's default
	}
	return map[string]any{
		"apiId": a.ID, "name": a.Name, "protocolType": orDefault(a.ProtocolType, "HTTP"),
		"apiEndpoint": endpoint, "createdDate": isoDate(a.Created), "tags": orEmpty(a.Tags),
		"routeSelectionExpression":  selection,
		"apiKeySelectionExpression": "$request.header.x-api-key",
		"disableExecuteApiEndpoint": false, "ipAddressType": "ipv4",
	}
}

func (s *Server) getV2Stages(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	lo, hi, out, err := v2Page(c, len(a.Stages), "st")
	if err != nil {
		return nil, err
	}
	items := make([]map[string]any, 0, hi-lo)
	for _, st := range a.Stages[lo:hi] {
		items = append(items, httpStageJSON(st))
	}
	out["items"] = items
	return out, nil
}

func (s *Server) getV2Stage(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	for _, st := range a.Stages {
		if st.Name == p[1] {
			return httpStageJSON(st), nil
		}
	}
	return nil, errAPIGWNotFound("Invalid stage identifier specified")
}

func httpStageJSON(st world.HTTPStage) map[string]any {
	m := map[string]any{
		"stageName": st.Name, "autoDeploy": st.AutoDeploy,
		"createdDate": isoDate(st.Created), "lastUpdatedDate": isoDate(st.Updated),
		"stageVariables": orEmpty(st.Variables), "tags": orEmpty(st.Tags),
		"defaultRouteSettings": routeSettingsJSON(st),
		"routeSettings":        map[string]any{},
	}
	setIf(m, "deploymentId", st.DeploymentID)
	if st.AccessLogARN != "" {
		m["accessLogSettings"] = map[string]any{"destinationArn": st.AccessLogARN, "format": st.AccessLogFormat}
	}
	return m
}

// routeSettingsJSON is a stage's defaultRouteSettings; logging exists on
// WebSocket stages only.
func routeSettingsJSON(st world.HTTPStage) map[string]any {
	m := map[string]any{"detailedMetricsEnabled": st.DetailedMetrics}
	if st.LoggingLevel != "" {
		m["loggingLevel"], m["dataTraceEnabled"] = st.LoggingLevel, st.DataTrace
	}
	return m
}

func (s *Server) getV2Integrations(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	lo, hi, out, err := v2Page(c, len(a.Integrations), "int")
	if err != nil {
		return nil, err
	}
	items := make([]map[string]any, 0, hi-lo)
	for _, in := range a.Integrations[lo:hi] {
		items = append(items, httpIntegrationJSON(a.ProtocolType, in))
	}
	out["items"] = items
	return out, nil
}

func (s *Server) getV2Integration(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	for _, in := range a.Integrations {
		if in.ID == p[1] {
			return httpIntegrationJSON(a.ProtocolType, in), nil
		}
	}
	return nil, errAPIGWNotFound("Invalid integration identifier specified")
}

// httpIntegrationJSON renders an HTTP or WebSocket API's integration.
// timeoutInMillis is a number, as the SDK's deserialiser reads it; its
// default is 30 s for HTTP APIs and 29 s for WebSocket APIs (the
// apigatewayv2 API reference's Integration, timeoutInMillis).
func httpIntegrationJSON(protocol string, in world.Integration) map[string]any {
	timeout := in.TimeoutMillis
	if timeout == 0 {
		timeout = 30000
		if protocol == "WEBSOCKET" {
			timeout = 29000
		}
	}
	m := map[string]any{
		"integrationId": in.ID, "integrationType": in.Type, "timeoutInMillis": timeout,
		"connectionType": orDefault(in.ConnectionType, "INTERNET"),
	}
	setIf(m, "integrationMethod", in.HTTPMethod)
	setIf(m, "integrationUri", in.URI)
	setIf(m, "connectionId", in.ConnectionID)
	setIf(m, "credentialsArn", in.Credentials)
	setIf(m, "payloadFormatVersion", in.PayloadFormatVersion)
	return m
}

func (s *Server) getV2Routes(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	lo, hi, out, err := v2Page(c, len(a.Routes), "rt")
	if err != nil {
		return nil, err
	}
	items := make([]map[string]any, 0, hi-lo)
	for _, r := range a.Routes[lo:hi] {
		m := map[string]any{"routeId": r.ID, "routeKey": r.RouteKey, "authorizationType": orDefault(r.AuthorizationType, "NONE"),
			"apiKeyRequired": false, "apiGatewayManaged": false}
		setIf(m, "target", r.Target)
		setIf(m, "authorizerId", r.AuthorizerID)
		items = append(items, m)
	}
	out["items"] = items
	return out, nil
}

func (s *Server) getV2Authorizers(c *call, p []string) (any, error) {
	a, err := s.findHTTPAPI(c, p[0])
	if err != nil {
		return nil, err
	}
	lo, hi, out, err := v2Page(c, len(a.Authorizers), "au")
	if err != nil {
		return nil, err
	}
	items := make([]map[string]any, 0, hi-lo)
	for _, au := range a.Authorizers[lo:hi] {
		items = append(items, v2AuthorizerJSON(au))
	}
	out["items"] = items
	return out, nil
}

// v2AuthorizerJSON renders an HTTP or WebSocket API's Lambda REQUEST
// authorizer as the apigatewayv2 API reference's Authorizer has it: the
// Lambda invocation URI, the identity sources as a list, no result
// caching; an HTTP API's also its payload format version and whether it
// answers with simple responses, which WebSocket authorizers do not have.
func v2AuthorizerJSON(au world.Authorizer) map[string]any {
	m := map[string]any{
		"authorizerId": au.ID, "name": au.Name, "authorizerType": "REQUEST",
		"authorizerUri": au.URI, "identitySource": au.IdentitySource, "authorizerResultTtlInSeconds": 0,
	}
	if au.PayloadFormatVersion != "" {
		m["authorizerPayloadFormatVersion"], m["enableSimpleResponses"] = au.PayloadFormatVersion, au.SimpleResponses
	}
	return m
}
