package collector

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/apigw-triage/apigw-triage/stage"
)

// lambdaURI is how the control plane shows a Lambda integration's or
// authorizer's function (the API Gateway developer guide's
// "authorizerUri": the Lambda Invoke path's service ARN).
func lambdaURI(fn string) string {
	return "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:" + fn + "/invocations"
}

// restAuthAPI is a REST API whose methods GetResources embeds with their
// authorizationType and authorizerId, and whose authorizers GetAuthorizers
// pages one per page (position = the next index), counting the calls.
type restAuthAPI struct {
	restAPI
	methods     map[string]agtypes.Method // by "VERB /path"
	authorizers []agtypes.Authorizer
	stages      []agtypes.Stage
	authCalls   int
}

func (f *restAuthAPI) GetStages(context.Context, *apigateway.GetStagesInput, ...func(*apigateway.Options)) (*apigateway.GetStagesOutput, error) {
	return &apigateway.GetStagesOutput{Item: f.stages}, nil
}

func (f *restAuthAPI) GetResources(context.Context, *apigateway.GetResourcesInput, ...func(*apigateway.Options)) (*apigateway.GetResourcesOutput, error) {
	byPath := map[string]map[string]agtypes.Method{}
	for k, m := range f.methods {
		verb, path, _ := cutSpace(k)
		if byPath[path] == nil {
			byPath[path] = map[string]agtypes.Method{}
		}
		byPath[path][verb] = m
	}
	var out []agtypes.Resource
	for _, p := range slices.Sorted(maps.Keys(byPath)) {
		out = append(out, agtypes.Resource{Id: aws.String("r" + p), Path: aws.String(p), ResourceMethods: byPath[p]})
	}
	return &apigateway.GetResourcesOutput{Items: out}, nil
}

func (f *restAuthAPI) GetAuthorizers(_ context.Context, in *apigateway.GetAuthorizersInput, _ ...func(*apigateway.Options)) (*apigateway.GetAuthorizersOutput, error) {
	f.authCalls++
	i := 0
	if p := aws.ToString(in.Position); p != "" {
		i = int(p[0] - '0')
	}
	out := &apigateway.GetAuthorizersOutput{Items: f.authorizers[i : i+1]}
	if i+1 < len(f.authorizers) {
		out.Position = aws.String(string(rune('0' + i + 1)))
	}
	return out, nil
}

func cutSpace(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func proxyMethod(fn, authType, authID string) agtypes.Method {
	m := agtypes.Method{MethodIntegration: &agtypes.Integration{Type: agtypes.IntegrationTypeAwsProxy, Uri: aws.String(lambdaURI(fn))}}
	if authType != "" {
		m.AuthorizationType, m.AuthorizerId = aws.String(authType), aws.String(authID)
	}
	return m
}

// TestRESTDiscoversLambdaAuthorizers: a REST API's methods with a CUSTOM
// authorization name their authorizer (GetResources embed=methods,
// authorizationType and authorizerId, as the API Gateway REST API
// reference's Method shows them); GetAuthorizers is walked to its last
// position once per API, whatever its stages; TOKEN and REQUEST
// authorizers are Lambda functions, named through the stage's variables
// (the developer guide's "Use stage variables" for a Lambda authorizer),
// a Cognito user pool is not; an API without a CUSTOM method costs no
// GetAuthorizers call.
func TestRESTDiscoversLambdaAuthorizers(t *testing.T) {
	api := &restAuthAPI{
		methods: map[string]agtypes.Method{
			"GET /orders":      proxyMethod("orders", "CUSTOM", "tok1"),
			"POST /orders":     proxyMethod("orders", "CUSTOM", "req2"),
			"ANY /admin":       proxyMethod("admin", "CUSTOM", "var3"),
			"GET /me":          proxyMethod("orders", "COGNITO_USER_POOLS", "cog4"),
			"GET /health":      proxyMethod("orders", "", ""),
			"DELETE /orders/1": proxyMethod("orders", "NONE", ""),
		},
		authorizers: []agtypes.Authorizer{
			{Id: aws.String("tok1"), Type: agtypes.AuthorizerTypeToken, AuthorizerUri: aws.String(lambdaURI("token-auth"))},
			{Id: aws.String("req2"), Type: agtypes.AuthorizerTypeRequest, AuthorizerUri: aws.String(lambdaURI("request-auth:live"))},
			{Id: aws.String("var3"), Type: agtypes.AuthorizerTypeRequest, AuthorizerUri: aws.String(lambdaURI("${stageVariables.adminAuth}"))},
			{Id: aws.String("cog4"), Type: agtypes.AuthorizerTypeCognitoUserPools, ProviderARNs: []string{"arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_x"}},
		},
		stages: []agtypes.Stage{
			{StageName: aws.String("prod"), Variables: map[string]string{"adminAuth": "admin-auth-prod"}},
			{StageName: aws.String("dev")},
		},
	}
	c := &Collector{}
	r := &region{account: "111122223333", name: "eu-west-1", rest: api}
	got, err := c.restAPIStages(context.Background(), r, apiMeta{typ: stage.APIREST, id: "a1b2c3", name: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	if api.authCalls != len(api.authorizers) {
		t.Errorf("%d GetAuthorizers calls, want %d (one per page, once for both stages)", api.authCalls, len(api.authorizers))
	}
	want := map[string]map[string]RouteTarget{
		"prod": {
			"GET /orders":      {Function: "orders", AuthorizerID: "tok1", AuthorizerFunction: "token-auth"},
			"POST /orders":     {Function: "orders", AuthorizerID: "req2", AuthorizerFunction: "request-auth"},
			"ANY /admin":       {Function: "admin", AuthorizerID: "var3", AuthorizerFunction: "admin-auth-prod"},
			"GET /me":          {Function: "orders"},
			"GET /health":      {Function: "orders"},
			"DELETE /orders/1": {Function: "orders"},
		},
		"dev": { // adminAuth undefined: the authorizer is known, its function is not
			"GET /orders":      {Function: "orders", AuthorizerID: "tok1", AuthorizerFunction: "token-auth"},
			"POST /orders":     {Function: "orders", AuthorizerID: "req2", AuthorizerFunction: "request-auth"},
			"ANY /admin":       {Function: "admin", AuthorizerID: "var3"},
			"GET /me":          {Function: "orders"},
			"GET /health":      {Function: "orders"},
			"DELETE /orders/1": {Function: "orders"},
		},
	}
	wantHints := map[string][]string{"prod": {"admin-auth-prod", "request-auth", "token-auth"}, "dev": {"request-auth", "token-auth"}}
	for _, st := range got {
		if !maps.Equal(st.RouteTargets, want[st.Stage]) {
			t.Errorf("%s: targets %v, want %v", st.Stage, st.RouteTargets, want[st.Stage])
		}
		if h := stageContext(st).AuthorizerFunctions; !slices.Equal(h, wantHints[st.Stage]) {
			t.Errorf("%s: authorizer hints %v, want %v", st.Stage, h, wantHints[st.Stage])
		}
	}
	if len(got) != 2 {
		t.Errorf("%d stages, want 2", len(got))
	}

	plain := &restAuthAPI{methods: map[string]agtypes.Method{"GET /orders": proxyMethod("orders", "NONE", ""), "GET /me": proxyMethod("orders", "COGNITO_USER_POOLS", "cog4")},
		stages: api.stages}
	got, err = c.restAPIStages(context.Background(), &region{rest: plain}, apiMeta{typ: stage.APIREST, id: "d4e5f6", name: "open"})
	if err != nil {
		t.Fatal(err)
	}
	if plain.authCalls != 0 || got[0].RouteTargets != nil {
		t.Errorf("no Lambda authorizer: %d GetAuthorizers calls, targets %v; want none", plain.authCalls, got[0].RouteTargets)
	}
}

// httpAuthAPI is an HTTP API with one stage, whose routes and
// authorizers are paged one per page (NextToken = the next index),
// counting the calls.
type httpAuthAPI struct {
	httpAPI
	routes      []v2types.Route
	integ       []v2types.Integration
	authorizers []v2types.Authorizer
	vars        map[string]string
	routeCalls  int
	authCalls   int
}

func onePage[T any](items []T, token *string) ([]T, *string) {
	i := 0
	if p := aws.ToString(token); p != "" {
		i = int(p[0] - '0')
	}
	if i >= len(items) {
		return nil, nil
	}
	if i+1 < len(items) {
		return items[i : i+1], aws.String(string(rune('0' + i + 1)))
	}
	return items[i : i+1], nil
}

func (f *httpAuthAPI) GetStages(context.Context, *apigatewayv2.GetStagesInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetStagesOutput, error) {
	return &apigatewayv2.GetStagesOutput{Items: []v2types.Stage{{StageName: aws.String("$default"), StageVariables: f.vars}}}, nil
}

func (f *httpAuthAPI) GetIntegrations(context.Context, *apigatewayv2.GetIntegrationsInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetIntegrationsOutput, error) {
	return &apigatewayv2.GetIntegrationsOutput{Items: f.integ}, nil
}

func (f *httpAuthAPI) GetRoutes(_ context.Context, in *apigatewayv2.GetRoutesInput, _ ...func(*apigatewayv2.Options)) (*apigatewayv2.GetRoutesOutput, error) {
	f.routeCalls++
	items, next := onePage(f.routes, in.NextToken)
	return &apigatewayv2.GetRoutesOutput{Items: items, NextToken: next}, nil
}

func (f *httpAuthAPI) GetAuthorizers(_ context.Context, in *apigatewayv2.GetAuthorizersInput, _ ...func(*apigatewayv2.Options)) (*apigatewayv2.GetAuthorizersOutput, error) {
	f.authCalls++
	items, next := onePage(f.authorizers, in.NextToken)
	return &apigatewayv2.GetAuthorizersOutput{Items: items, NextToken: next}, nil
}

func route(key, authType, authID string) v2types.Route {
	r := v2types.Route{RouteKey: aws.String(key), Target: aws.String("integrations/i1")}
	if authType != "" {
		r.AuthorizationType, r.AuthorizerId = v2types.AuthorizationType(authType), aws.String(authID)
	}
	return r
}

// TestHTTPDiscoversLambdaAuthorizers: an HTTP API's routes name their
// authorizer (authorizationType CUSTOM, authorizerId); of its authorizers
// only REQUEST ones run a Lambda function, named through the stage's
// variables, and a JWT authorizer (authorizationType JWT) names none
// (apigatewayv2 API reference, Authorizer.authorizerType), and the route
// names no Lambda authorizer (the scope's AuthorizerID, which the
// authorizer_error commands name, is a Lambda authorizer's). Both listings
// are walked to their last page; an API with JWT authorizers only costs
// the one GetAuthorizers walk and no GetRoutes call.
func TestHTTPDiscoversLambdaAuthorizers(t *testing.T) {
	api := &httpAuthAPI{
		routes: []v2types.Route{
			route("GET /orders", "CUSTOM", "req1"),
			route("POST /orders", "CUSTOM", "var2"),
			route("GET /me", "JWT", "jwt3"),
			route("GET /health", "", ""),
		},
		integ: []v2types.Integration{{IntegrationId: aws.String("i1"), IntegrationType: v2types.IntegrationTypeAwsProxy,
			IntegrationUri: aws.String("arn:aws:lambda:eu-west-1:111122223333:function:orders")}},
		authorizers: []v2types.Authorizer{
			{AuthorizerId: aws.String("req1"), AuthorizerType: v2types.AuthorizerTypeRequest, AuthorizerUri: aws.String(lambdaURI("orders-auth"))},
			{AuthorizerId: aws.String("var2"), AuthorizerType: v2types.AuthorizerTypeRequest, AuthorizerUri: aws.String(lambdaURI("${stageVariables.auth}"))},
			{AuthorizerId: aws.String("jwt3"), AuthorizerType: v2types.AuthorizerTypeJwt,
				JwtConfiguration: &v2types.JWTConfiguration{Issuer: aws.String("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x")}},
		},
		vars: map[string]string{"auth": "writer-auth"},
	}
	c := &Collector{}
	r := &region{account: "111122223333", name: "eu-west-1", http: api}
	got, err := c.httpAPIStages(context.Background(), r, apiMeta{typ: stage.APIHTTP, id: "h1", name: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]RouteTarget{
		"GET /orders":  {IntegrationID: "i1", Function: "orders", AuthorizerID: "req1", AuthorizerFunction: "orders-auth"},
		"POST /orders": {IntegrationID: "i1", Function: "orders", AuthorizerID: "var2", AuthorizerFunction: "writer-auth"},
		"GET /me":      {IntegrationID: "i1", Function: "orders"}, // a JWT authorizer: no Lambda authorizer to name
		"GET /health":  {IntegrationID: "i1", Function: "orders"},
	}
	if len(got) != 1 || !maps.Equal(got[0].RouteTargets, want) {
		t.Fatalf("stages %+v, want targets %v", got, want)
	}
	if h, w := stageContext(got[0]).AuthorizerFunctions, []string{"orders-auth", "writer-auth"}; !slices.Equal(h, w) {
		t.Errorf("authorizer hints %v, want %v", h, w)
	}
	if api.authCalls != len(api.authorizers) || api.routeCalls != len(api.routes) {
		t.Errorf("%d GetAuthorizers and %d GetRoutes calls, want %d and %d (one per page)", api.authCalls, api.routeCalls, len(api.authorizers), len(api.routes))
	}

	jwtOnly := &httpAuthAPI{routes: api.routes[2:3], integ: api.integ, authorizers: api.authorizers[2:]}
	got, err = c.httpAPIStages(context.Background(), &region{http: jwtOnly}, apiMeta{typ: stage.APIHTTP, id: "h2", name: "jwt"})
	if err != nil {
		t.Fatal(err)
	}
	if jwtOnly.authCalls != 1 || jwtOnly.routeCalls != 0 || got[0].RouteTargets != nil || stageContext(got[0]).AuthorizerFunctions != nil {
		t.Errorf("JWT only: %d GetAuthorizers, %d GetRoutes calls, targets %v; want 1, 0, none", jwtOnly.authCalls, jwtOnly.routeCalls, got[0].RouteTargets)
	}
}
