package collector

import (
	"slices"
	"testing"
)

// The classifier is told the stage's Lambda authorizers' functions, from
// the routes' targets, once each and in order; a function that is also an
// integration's is left out (its log is not the authorizer's alone).
func TestStageContextNamesAuthorizerFunctions(t *testing.T) {
	st := Stage{
		Functions: []Function{{Name: "orders"}, {Name: "shared"}},
		RouteTargets: map[string]RouteTarget{
			"GET /orders":  {Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"},
			"POST /orders": {Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"},
			"GET /admin":   {Function: "orders", AuthorizerID: "a2", AuthorizerFunction: "admin-auth"},
			"GET /shared":  {Function: "orders", AuthorizerID: "a3", AuthorizerFunction: "shared"},
			"GET /open":    {Function: "orders"},
		},
	}
	if got, want := stageContext(st).AuthorizerFunctions, []string{"admin-auth", "orders-auth"}; !slices.Equal(got, want) {
		t.Errorf("authorizer functions %v, want %v", got, want)
	}
	if got := stageContext(Stage{Functions: []Function{{Name: "orders"}}}).AuthorizerFunctions; got != nil {
		t.Errorf("a stage without authorizers: %v, want none", got)
	}
}

// TestOwnLogGroups: the log groups of the stage's functions that are not
// /aws/lambda/NAME are named as Lambda's, and those of the Lambda
// authorizers' functions also as the authorizers'; a group an integrated
// function writes to as well (Lambda lets functions share one through
// LoggingConfig.LogGroup, the Lambda developer guide's "Configuring
// CloudWatch log groups") is not the authorizer's alone, and is named as
// Lambda's only.
func TestOwnLogGroups(t *testing.T) {
	for _, tt := range []struct {
		name            string
		fns, auths      []Function
		wantLambda      []string
		wantAuthorizers []string
	}{
		{"defaults only", []Function{namedFunction("orders")}, []Function{namedFunction("orders-auth")}, nil, nil},
		{"groups of their own", []Function{{Name: "orders", LogGroup: "/shop/orders"}}, []Function{{Name: "orders-auth", LogGroup: "/shop/auth"}},
			[]string{"/shop/orders", "/shop/auth"}, []string{"/shop/auth"}},
		{"authorizer's own, function's default", []Function{namedFunction("orders")}, []Function{{Name: "orders-auth", LogGroup: "/shop/auth"}},
			[]string{"/shop/auth"}, []string{"/shop/auth"}},
		{"one group shared by the function and the authorizer", []Function{{Name: "orders", LogGroup: "/shop/lambda"}}, []Function{{Name: "orders-auth", LogGroup: "/shop/lambda"}},
			[]string{"/shop/lambda"}, nil},
		{"authorizer writing to the function's default group", []Function{namedFunction("orders")}, []Function{{Name: "orders-auth", LogGroup: "/aws/lambda/orders"}},
			nil, nil},
		{"two authorizers sharing a group", nil, []Function{{Name: "a1", LogGroup: "/shop/auth"}, {Name: "a2", LogGroup: "/shop/auth"}},
			[]string{"/shop/auth"}, []string{"/shop/auth"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lambda, authorizers := ownLogGroups(tt.fns, tt.auths)
			if !slices.Equal(lambda, tt.wantLambda) || !slices.Equal(authorizers, tt.wantAuthorizers) {
				t.Errorf("Lambda's %v, authorizers' %v; want %v, %v", lambda, authorizers, tt.wantLambda, tt.wantAuthorizers)
			}
		})
	}
}
