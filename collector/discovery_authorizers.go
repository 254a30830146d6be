package collector

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
)

// Lambda authorizers: a request its authorizer fails is answered 500
// before the integration runs, and why the authorizer failed (an import
// error, a thrown error, a timeout) is only in the authorizer function's
// own log. Discovery names each method's or route's authorizer function,
// so that the evidence reads that log and the classifier knows it for the
// authorizer's.

// customAuthorizer is the id of a REST method's Lambda authorizer:
// authorizationType CUSTOM is a TOKEN or REQUEST authorizer (Cognito user
// pools are COGNITO_USER_POOLS), "" for any other method.
func customAuthorizer(m agtypes.Method) string {
	if aws.ToString(m.AuthorizationType) != "CUSTOM" {
		return ""
	}
	return aws.ToString(m.AuthorizerId)
}

// restAuthorizerURIs lists a REST API's Lambda authorizers' URIs by id,
// when one of its methods has one: one GetAuthorizers walk per API and
// discovery, which polls reuse, and no call for an API without them.
// GetAuthorizers has no SDK paginator, so its position loop is written out.
func restAuthorizerURIs(ctx context.Context, api restAPI, id string, methods []Route) (map[string]string, error) {
	if !slices.ContainsFunc(methods, func(r Route) bool { return r.authorizer != "" }) {
		return nil, nil
	}
	out := map[string]string{}
	var position *string
	var seen tokens
	for {
		page, err := api.GetAuthorizers(ctx, &apigateway.GetAuthorizersInput{RestApiId: aws.String(id), Limit: aws.Int32(500), Position: position})
		if err != nil {
			return nil, fmt.Errorf("GetAuthorizers %s: %w", id, err)
		}
		for _, a := range page.Items {
			if lambdaAuthorizer(a.Type) && aws.ToString(a.AuthorizerUri) != "" {
				out[aws.ToString(a.Id)] = aws.ToString(a.AuthorizerUri)
			}
		}
		if position = page.Position; !seen.next(position) {
			return out, seen.cutShort("GetAuthorizers", id)
		}
	}
}

// lambdaAuthorizer reports whether a REST authorizer runs a Lambda
// function: TOKEN and REQUEST authorizers do, Cognito user pools do not.
func lambdaAuthorizer(t agtypes.AuthorizerType) bool {
	return t == agtypes.AuthorizerTypeToken || t == agtypes.AuthorizerTypeRequest
}

// restTargets maps a REST API's methods, named as access logs name them
// ("GET /orders/{id}"), to their Lambda functions and their Lambda
// authorizers' functions, as the stage's variables resolve them; auths
// are the authorizers' URIs by id. Only methods with a function or an
// authorizer are kept, and none for an API without Lambda authorizers:
// the map serves the failing method's authorizer, and costs memory on
// every stage of a fleet.
func restTargets(methods []Route, integ []IntegrationInfo, auths, vars map[string]string) map[string]RouteTarget {
	if len(auths) == 0 {
		return nil
	}
	fns := make(map[string]string, len(integ))
	for _, in := range integ {
		if f := functionName(in.URI, vars); f != "" {
			fns[in.route] = f
		}
	}
	out := map[string]RouteTarget{}
	for _, m := range methods {
		t := RouteTarget{Function: fns[m.String()]}
		if uri, ok := auths[m.authorizer]; ok {
			t.AuthorizerID, t.AuthorizerFunction = m.authorizer, functionName(uri, vars)
		}
		if t != (RouteTarget{}) {
			out[m.String()] = t
		}
	}
	return out
}

// authorizerURIs lists an HTTP or WebSocket API's Lambda authorizers'
// URIs by id: REQUEST authorizers. JWT authorizers run no function of the
// account's and are left out.
func authorizerURIs(ctx context.Context, api httpAPI, id string) (map[string]string, error) {
	out := map[string]string{}
	var token *string
	var seen tokens
	for {
		page, err := api.GetAuthorizers(ctx, &apigatewayv2.GetAuthorizersInput{ApiId: aws.String(id), MaxResults: aws.String("500"), NextToken: token})
		if err != nil {
			return nil, fmt.Errorf("GetAuthorizers %s: %w", id, err)
		}
		for _, a := range page.Items {
			if a.AuthorizerType == v2types.AuthorizerTypeRequest {
				out[aws.ToString(a.AuthorizerId)] = aws.ToString(a.AuthorizerUri)
			}
		}
		if token = page.NextToken; !seen.next(token) {
			return out, seen.cutShort("GetAuthorizers", id)
		}
	}
}

// routesAndAuthorizers reads an HTTP or WebSocket API's routes and its
// Lambda authorizers' URIs by id, once per API and discovery (polls reuse
// them), in the order that costs fewest calls. When the routes are wanted
// anyway (a WebSocket API's targets, an HTTP API's differing timeouts),
// they come first and GetAuthorizers follows only if a route has an
// authorizer. Otherwise GetAuthorizers comes first, as cheap as GetRoutes,
// and the routes, which map the authorizers to the failing route, are
// read only if the API has a Lambda authorizer: an API without one costs
// one call, and nil routes, which withRoutes reads when detailed metrics
// want them.
func routesAndAuthorizers(ctx context.Context, api httpAPI, id string, wantRoutes bool) ([]Route, map[string]string, error) {
	if wantRoutes {
		routes, err := httpRoutes(ctx, api, id)
		if err != nil {
			return nil, nil, err
		}
		if !slices.ContainsFunc(routes, func(r Route) bool { return r.authorizer != "" }) {
			return routes, nil, nil
		}
		auths, err := authorizerURIs(ctx, api, id)
		return routes, auths, err
	}
	auths, err := authorizerURIs(ctx, api, id)
	if err != nil || len(auths) == 0 {
		return nil, nil, err
	}
	routes, err := httpRoutes(ctx, api, id)
	return routes, auths, err
}
