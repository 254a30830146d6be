package collector

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// maxRoutes bounds the methods or routes of one stage whose detailed
// metrics are read on a trip: two queries each, so a large API adds at most
// 100 billed metrics to an incident's evidence. Discovery reads every route
// all the same, for their timeouts and WebSocket targets.
const maxRoutes = 50

// maxRouteErrors is how many failing routes Evidence returns.
const maxRouteErrors = 10

// Route is one method of a REST API resource or one route of an HTTP API,
// as detailed metrics name it.
type Route struct {
	// Method and Resource name a REST API method (the Method and Resource
	// dimensions: "GET", "/orders/{id}").
	Method, Resource string
	// Key is an HTTP API route key (the Route dimension: "GET /orders",
	// "$default").
	Key string
	// integrated is set when the method or route has an integration: those
	// are kept first when an API has more than maxRoutes.
	integrated bool
	// target is an HTTP or WebSocket route's "integrations/<id>", and
	// authorizer the id of its authorizer, if any.
	target, authorizer string
}

// String is how messages name the route: "GET /orders/{id}".
func (r Route) String() string {
	if r.Key != "" {
		return r.Key
	}
	return r.Method + " " + r.Resource
}

// boundRoutes sorts routes (integrated first, then by name, so the choice
// is stable across discoveries) and keeps at most maxRoutes.
func boundRoutes(rs []Route) []Route {
	slices.SortFunc(rs, func(a, b Route) int {
		if a.integrated != b.integrated {
			if a.integrated {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.String(), b.String())
	})
	return slices.Clip(rs[:min(len(rs), maxRoutes)])
}

// routeQueries are the per-route queries of a tripped stage with detailed
// metrics: the 5xx metric's Sum and SampleCount per method or route, as
// the stage-level queries read them. Their results go to ev.Routes[i],
// which the caller sizes to st.Routes.
func routeQueries(st Stage, period time.Duration) []contextQuery {
	if !st.DetailedMetrics {
		return nil
	}
	qs := make([]contextQuery, 0, 2*len(st.Routes))
	for i, r := range st.Routes {
		dims := routeDims(st, r)
		id := "r" + strconv.Itoa(i)
		qs = append(qs, pairQueries(st, id, dims, period,
			func(ev *Evidence, vs []float64) { ev.Routes[i].Errors5xx += total(vs) },
			func(ev *Evidence, vs []float64) { ev.Routes[i].Requests += total(vs) })...)
	}
	return qs
}

// routeTallies are the zero figures of every route routeQueries reads,
// named, in st.Routes' order; nil without detailed metrics.
func routeTallies(st Stage) []stage.RouteFigures {
	if !st.DetailedMetrics || len(st.Routes) == 0 {
		return nil
	}
	out := make([]stage.RouteFigures, len(st.Routes))
	for i, r := range st.Routes {
		out[i].Route = r.String()
	}
	return out
}

// routeDims are the detailed metrics' dimensions: ApiName, Method,
// Resource, Stage for REST; ApiId, Stage, Route for HTTP APIs (the API
// Gateway guide's dimensions of its CloudWatch metrics, per API type).
func routeDims(st Stage, r Route) []cwtypes.Dimension {
	if st.APIType == stage.APIHTTP || st.APIType == stage.APIWebSocket {
		return []cwtypes.Dimension{dim("ApiId", st.APIID), dim("Stage", st.Stage), dim("Route", r.Key)}
	}
	return []cwtypes.Dimension{dim("ApiName", st.APIName), dim("Method", r.Method), dim("Resource", r.Resource), dim("Stage", st.Stage)}
}

// topRoutes keeps the routes that answered 5xx, most 5xx first (then the
// higher rate, then by name), at most maxRouteErrors.
func topRoutes(rs []stage.RouteFigures) []stage.RouteFigures {
	out := slices.DeleteFunc(rs, func(r stage.RouteFigures) bool { return r.Errors5xx <= 0 })
	slices.SortFunc(out, func(a, b stage.RouteFigures) int {
		if c := cmp.Compare(b.Errors5xx, a.Errors5xx); c != 0 {
			return c
		}
		if c := cmp.Compare(errorShare(b), errorShare(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.Route, b.Route)
	})
	if len(out) == 0 {
		return nil
	}
	return slices.Clip(out[:min(len(out), maxRouteErrors)])
}

func errorShare(r stage.RouteFigures) float64 {
	if r.Requests <= 0 {
		return 0
	}
	return r.Errors5xx / r.Requests
}
