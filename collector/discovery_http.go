package collector

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
)

// discoverHTTP lists the selected HTTP and WebSocket APIs' stages (both are
// apigatewayv2 APIs, told apart by protocol). apigatewayv2 has no
// paginators, so the nextToken loops are written out.
func (c *Collector) discoverHTTP(ctx context.Context, r *region, tagged map[string]bool, prev unchanged) ([]Stage, error) {
	var apis []apiMeta
	var token *string
	var seen tokens
	for {
		page, err := r.http.GetApis(ctx, &apigatewayv2.GetApisInput{MaxResults: aws.String("500"), NextToken: token})
		if err != nil {
			return nil, fmt.Errorf("GetApis: %w", err)
		}
		for _, a := range page.Items {
			typ := v2Type(a)
			meta := apiMeta{typ: typ, id: aws.ToString(a.ApiId), name: aws.ToString(a.Name), tags: a.Tags, account: r.account, region: r.name}
			if typ != stage.APIUnknown && c.wantsType(typ) && c.selected(meta, tagged) {
				meta.tags = nil // the filters are done with them
				apis = append(apis, meta)
			}
		}
		if token = page.NextToken; !seen.next(token) {
			break
		}
	}
	if err := seen.cutShort("GetApis", ""); err != nil {
		return nil, err
	}
	return stagesOf(ctx, apis, func(ctx context.Context, a apiMeta) ([]Stage, error) {
		st, err := c.httpAPIStages(ctx, r, a)
		return prev.keep(st), err
	})
}

// v2Type is the API type of an apigatewayv2 API by its protocol.
func v2Type(a v2types.Api) stage.APIType {
	switch a.ProtocolType {
	case v2types.ProtocolTypeHttp:
		return stage.APIHTTP
	case v2types.ProtocolTypeWebsocket:
		return stage.APIWebSocket
	}
	return stage.APIUnknown
}

// httpAPIStages discovers one HTTP or WebSocket API.
func (c *Collector) httpAPIStages(ctx context.Context, r *region, meta apiMeta) ([]Stage, error) {
	id, name, typ := meta.id, meta.name, meta.typ
	stages, err := httpStages(ctx, r.http, id)
	if err != nil {
		return nil, err
	}
	integ, err := httpIntegrations(ctx, r.http, id)
	if err != nil {
		return nil, err
	}
	var out []Stage
	metrics := map[string]httpMetrics{}
	routes, auths, err := routesAndAuthorizers(ctx, r.http, id, typ == stage.APIWebSocket || timeoutsDiffer(integ, typ))
	if err != nil {
		return nil, err
	}
	timeouts := routeTimeouts(integ, routes, typ)
	for _, s := range stages {
		sn := aws.ToString(s.StageName)
		if !c.stageSelected(meta, sn) {
			continue
		}
		st := Stage{
			Identity: r.identity(typ, id, name, sn),
		}
		if typ == stage.APIWebSocket {
			wsLogging(&st, s)
		}
		if typ == stage.APIWebSocket || len(auths) > 0 {
			// an HTTP API's only when it has Lambda authorizers: the map
			// costs memory on every stage of a fleet
			st.RouteTargets = routeTargets(routes, integ, auths, s.StageVariables)
		}
		metrics[sn] = foldHTTPSettings(s)
		st.DetailedMetrics = metrics[sn].anyOn()
		if als := s.AccessLogSettings; als != nil {
			st.AccessLogGroup = logGroupFromARN(aws.ToString(als.DestinationArn))
			st.AccessLogFormat = aws.ToString(als.Format)
		}
		st.Integration, st.RouteTimeouts = dominant(integ), timeouts
		if len(integ) == 1 {
			st.IntegrationID = integ[0].ID
		}
		st.Functions = stageFunctions(uris(integ), s.StageVariables)
		out = append(out, st)
	}
	return withRoutes(ctx, r.http, id, out, metrics, routes)
}

// routeTargets maps an HTTP or WebSocket API's routes to their
// integrations, Lambda authorizers and functions, the functions named as
// the stage's variables resolve them; auths are the authorizers' URIs by
// id.
func routeTargets(routes []Route, integ []IntegrationInfo, auths map[string]string, vars map[string]string) map[string]RouteTarget {
	targets := map[string]RouteTarget{}
	for _, rt := range routes {
		inID, ok := strings.CutPrefix(rt.target, "integrations/")
		if !ok {
			continue
		}
		t := RouteTarget{IntegrationID: inID}
		if uri, ok := auths[rt.authorizer]; ok {
			// (a Lambda authorizer's: an HTTP API route's JWT authorizer,
			// which auths leaves out, runs no function of the account's)
			t.AuthorizerID, t.AuthorizerFunction = rt.authorizer, functionName(uri, vars)
		}
		for _, in := range integ {
			if in.ID == inID {
				t.Function = functionName(in.URI, vars)
			}
		}
		targets[rt.Key] = t
	}
	return targets
}

// wsLogging records a WebSocket stage's execution logging, which lives in
// its default route settings and writes to the group a REST stage's does.
func wsLogging(st *Stage, s v2types.Stage) {
	st.LoggingLevel = "OFF"
	if rs := s.DefaultRouteSettings; rs != nil && rs.LoggingLevel != "" {
		st.LoggingLevel = string(rs.LoggingLevel)
	}
	if st.LoggingLevel != "OFF" {
		st.ExecutionLogGroup = st.RESTExecutionLogGroup()
	}
}

// withRoutes gives the stages with detailed metrics the API's routes:
// routes when they were read already (a WebSocket API's, an HTTP API's
// whose timeouts differ or that has Lambda authorizers), else read now.
// The routes cost one more call per API, so an API none of whose stages
// has detailed metrics is not asked.
func withRoutes(ctx context.Context, api httpAPI, id string, stages []Stage, metrics map[string]httpMetrics, routes []Route) ([]Stage, error) {
	if !slices.ContainsFunc(stages, func(s Stage) bool { return s.DetailedMetrics }) {
		return stages, nil
	}
	if routes == nil {
		var err error
		if routes, err = httpRoutes(ctx, api, id); err != nil {
			return nil, err
		}
	}
	for i := range stages {
		if stages[i].DetailedMetrics {
			m := metrics[stages[i].Stage]
			stages[i].Routes = boundRoutes(slices.DeleteFunc(slices.Clone(routes), func(r Route) bool { return !m.on(r) }))
		}
	}
	return stages, nil
}

// httpRoutes lists all the API's routes: every route's timeout,
// authorizer and target are wanted; only the detailed metrics' queries are
// bounded (withRoutes).
func httpRoutes(ctx context.Context, api httpAPI, id string) ([]Route, error) {
	var out []Route
	var token *string
	var seen tokens
	for {
		page, err := api.GetRoutes(ctx, &apigatewayv2.GetRoutesInput{ApiId: aws.String(id), MaxResults: aws.String("500"), NextToken: token})
		if err != nil {
			return nil, fmt.Errorf("GetRoutes %s: %w", id, err)
		}
		for _, rt := range page.Items {
			out = append(out, Route{Key: aws.ToString(rt.RouteKey), integrated: aws.ToString(rt.Target) != "",
				target: aws.ToString(rt.Target), authorizer: aws.ToString(rt.AuthorizerId)})
		}
		if token = page.NextToken; !seen.next(token) {
			return out, seen.cutShort("GetRoutes", id)
		}
	}
}

func httpStages(ctx context.Context, api httpAPI, id string) ([]v2types.Stage, error) {
	var out []v2types.Stage
	var token *string
	var seen tokens
	for {
		page, err := api.GetStages(ctx, &apigatewayv2.GetStagesInput{ApiId: aws.String(id), MaxResults: aws.String("500"), NextToken: token})
		if err != nil {
			return nil, fmt.Errorf("GetStages %s: %w", id, err)
		}
		out = append(out, page.Items...)
		if token = page.NextToken; !seen.next(token) {
			return out, seen.cutShort("GetStages", id)
		}
	}
}

func httpIntegrations(ctx context.Context, api httpAPI, id string) ([]IntegrationInfo, error) {
	var out []IntegrationInfo
	var token *string
	var seen tokens
	for {
		page, err := api.GetIntegrations(ctx, &apigatewayv2.GetIntegrationsInput{ApiId: aws.String(id), MaxResults: aws.String("500"), NextToken: token})
		if err != nil {
			return nil, fmt.Errorf("GetIntegrations %s: %w", id, err)
		}
		for _, in := range page.Items {
			out = append(out, IntegrationInfo{
				Type: string(in.IntegrationType), URI: aws.ToString(in.IntegrationUri), HTTPMethod: aws.ToString(in.IntegrationMethod),
				ConnectionType: string(in.ConnectionType), Timeout: time.Duration(aws.ToInt32(in.TimeoutInMillis)) * time.Millisecond,
				ID: aws.ToString(in.IntegrationId),
			})
		}
		if token = page.NextToken; !seen.next(token) {
			return out, seen.cutShort("GetIntegrations", id)
		}
	}
}
