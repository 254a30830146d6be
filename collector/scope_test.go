package collector

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestFailingScopeTarget: the failing method or route names its
// discovered target (a REST method by verb and resource, else its
// resource's ANY method, which API Gateway runs for every verb); when the
// logs named none, the stage's only authorizer and, with the authorizers'
// logs read, its only integrated function are named, and several
// authorizers name none; a named method without a target names nothing.
func TestFailingScopeTarget(t *testing.T) {
	orders := RouteTarget{Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"}
	admin := RouteTarget{Function: "orders", AuthorizerID: "a2", AuthorizerFunction: "admin-auth"}
	one := Stage{Functions: []Function{{Name: "orders"}}, RouteTargets: map[string]RouteTarget{
		"GET /orders/{id}": orders, "ANY /files/{proxy+}": orders, "GET /health": {Function: "orders"}}}
	two := Stage{Functions: one.Functions, RouteTargets: map[string]RouteTarget{"GET /orders/{id}": orders, "GET /admin": admin}}
	for _, tt := range []struct {
		name      string
		st        Stage
		m         stage.EvidenceScope
		withAuths bool
		want      RouteTarget
	}{
		{"REST method by verb and resource", one, stage.EvidenceScope{Method: "GET", Resource: "/orders/{id}"}, true,
			RouteTarget{Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"}},
		{"REST ANY method", one, stage.EvidenceScope{Method: "DELETE", Resource: "/files/{proxy+}"}, true,
			RouteTarget{Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"}},
		{"HTTP route by key", Stage{RouteTargets: map[string]RouteTarget{"GET /admin": admin}}, stage.EvidenceScope{Route: "GET /admin"}, true,
			RouteTarget{Function: "orders", AuthorizerID: "a2", AuthorizerFunction: "admin-auth"}},
		{"method unnamed, one authorizer", one, stage.EvidenceScope{}, true,
			RouteTarget{Function: "orders", AuthorizerID: "a1", AuthorizerFunction: "orders-auth"}},
		{"method unnamed, authorizers' logs not read", one, stage.EvidenceScope{}, false,
			RouteTarget{AuthorizerID: "a1", AuthorizerFunction: "orders-auth"}},
		{"method unnamed, two authorizers", two, stage.EvidenceScope{}, true, RouteTarget{Function: "orders"}},
		{"named method without a target", two, stage.EvidenceScope{Method: "GET", Resource: "/health"}, true, RouteTarget{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := failingTarget(tt.st, tt.m, tt.withAuths); got != tt.want {
				t.Errorf("scope %+v, want %+v", got, tt.want)
			}
		})
	}
}
