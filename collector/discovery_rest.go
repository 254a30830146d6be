package collector

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
)

// discoverREST lists the selected REST APIs' stages with their logging,
// integrations and functions.
func (c *Collector) discoverREST(ctx context.Context, r *region, tagged map[string]bool, prev unchanged) ([]Stage, error) {
	var apis []apiMeta
	p := apigateway.NewGetRestApisPaginator(r.rest, &apigateway.GetRestApisInput{Limit: aws.Int32(500)})
	var seen tokens
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("GetRestApis: %w", err)
		}
		for _, a := range page.Items {
			meta := apiMeta{typ: stage.APIREST, id: aws.ToString(a.Id), name: aws.ToString(a.Name), tags: a.Tags, account: r.account, region: r.name}
			if c.selected(meta, tagged) {
				meta.tags = nil // the filters are done with them
				apis = append(apis, meta)
			}
		}
		if !seen.next(page.Position) {
			break
		}
	}
	if err := seen.cutShort("GetRestApis", ""); err != nil {
		return nil, err
	}
	return stagesOf(ctx, apis, func(ctx context.Context, a apiMeta) ([]Stage, error) {
		st, err := c.restAPIStages(ctx, r, a)
		return prev.keep(st), err
	})
}

// restAPIStages discovers one REST API.
func (c *Collector) restAPIStages(ctx context.Context, r *region, meta apiMeta) ([]Stage, error) {
	id, name := meta.id, meta.name
	stages, err := r.rest.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("GetStages %s: %w", id, err)
	}
	integ, methods, resources, err := restIntegrations(ctx, r.rest, id)
	if err != nil {
		return nil, err
	}
	auths, err := restAuthorizerURIs(ctx, r.rest, id, methods)
	if err != nil {
		return nil, err
	}
	routes := boundRoutes(slices.Clone(methods))
	timeouts := routeTimeouts(integ, nil, stage.APIREST)
	var out []Stage
	for _, s := range stages.Item {
		sn := aws.ToString(s.StageName)
		if !c.stageSelected(meta, sn) {
			continue
		}
		st := Stage{
			Identity:     r.identity(stage.APIREST, id, name, sn),
			LoggingLevel: "OFF",
		}
		settings := foldRESTSettings(s.MethodSettings)
		st.LoggingLevel, st.DetailedMetrics = settings.level, settings.anyMetrics()
		if st.LoggingLevel == "ERROR" || st.LoggingLevel == "INFO" {
			st.ExecutionLogGroup = st.RESTExecutionLogGroup()
		}
		if als := s.AccessLogSettings; als != nil {
			st.AccessLogGroup = logGroupFromARN(aws.ToString(als.DestinationArn))
			st.AccessLogFormat = aws.ToString(als.Format)
		}
		st.Integration, st.Resources, st.RouteTimeouts = dominant(integ), resources, timeouts
		st.Functions = stageFunctions(uris(integ), s.Variables)
		st.CustomFunctions = functionNames(stageFunctions(uris(customLambda(integ)), s.Variables))
		st.RouteTargets = restTargets(methods, integ, auths, s.Variables)
		if st.DetailedMetrics {
			st.Routes = settings.metricsRoutes(routes)
		}
		out = append(out, st)
	}
	return out, nil
}

// restIntegrations lists the integrations of every method of the API:
// embedded by GetResources(embed=methods) when the service does so, else
// one GetIntegration per method. It also returns every method, with its
// Lambda authorizer's id when it has one (the routes of the detailed
// metrics once bounded), and the resources (id and path, for the failing
// method's commands): the same walk, no extra call.
func restIntegrations(ctx context.Context, api restAPI, id string) ([]IntegrationInfo, []Route, []stage.Resource, error) {
	var out []IntegrationInfo
	var routes []Route
	var resources []stage.Resource
	p := apigateway.NewGetResourcesPaginator(api, &apigateway.GetResourcesInput{RestApiId: aws.String(id), Embed: []string{"methods"}, Limit: aws.Int32(500)})
	var seen tokens
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("GetResources %s: %w", id, err)
		}
		for _, res := range page.Items {
			if len(resources) < maxResources {
				resources = append(resources, stage.Resource{ID: aws.ToString(res.Id), Path: aws.ToString(res.Path)})
			}
			for verb, m := range res.ResourceMethods {
				in := m.MethodIntegration
				if in == nil {
					got, err := api.GetIntegration(ctx, &apigateway.GetIntegrationInput{RestApiId: aws.String(id), ResourceId: res.Id, HttpMethod: aws.String(verb)})
					if err != nil {
						return nil, nil, nil, fmt.Errorf("GetIntegration %s %s %s: %w", id, aws.ToString(res.Path), verb, err)
					}
					in = &agtypes.Integration{Type: got.Type, Uri: got.Uri, HttpMethod: got.HttpMethod, ConnectionType: got.ConnectionType, TimeoutInMillis: got.TimeoutInMillis}
				}
				routes = append(routes, Route{Method: verb, Resource: aws.ToString(res.Path), integrated: in.Type != "", authorizer: customAuthorizer(m)})
				out = append(out, IntegrationInfo{
					Type: string(in.Type), URI: aws.ToString(in.Uri), HTTPMethod: aws.ToString(in.HttpMethod),
					ConnectionType: string(in.ConnectionType), Timeout: time.Duration(in.TimeoutInMillis) * time.Millisecond,
					route: verb + " " + aws.ToString(res.Path),
				})
			}
		}
		if !seen.next(page.Position) {
			break
		}
	}
	if err := seen.cutShort("GetResources", id); err != nil {
		return nil, nil, nil, err
	}
	return out, routes, resources, nil
}

// maxResources bounds the resources kept per REST API: API Gateway's
// default quota is 300 per API, and a raised one should not grow the
// daemon's memory without bound.
const maxResources = 2000

// dominant returns the integration most methods or routes share (by type
// and URI); ties go to the first seen.
func dominant(in []IntegrationInfo) IntegrationInfo {
	counts := map[string]int{}
	var best IntegrationInfo
	top := 0
	for _, i := range in {
		k := i.Type + " " + i.URI
		counts[k]++
		if counts[k] > top {
			best, top = i, counts[k]
		}
	}
	best.route = "" // the stage's, not one method's
	return best
}

func uris(in []IntegrationInfo) []string {
	out := make([]string, 0, len(in))
	for _, i := range in {
		out = append(out, i.URI)
	}
	return out
}
