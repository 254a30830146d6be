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
