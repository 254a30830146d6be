package scenario

import (
	"sort"
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// Namespaces and metric names, as CloudWatch publishes them. REST APIs use
// 5XXError/4XXError keyed by ApiName; HTTP APIs use 5xx/4xx keyed by ApiId.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
const (
	nsAPIGateway = "AWS/ApiGateway"
	nsLambda     = "AWS/Lambda"
)

var (
	restMetrics   = []string{"5XXError", "4XXError", "Count", "Latency", "IntegrationLatency"}
	httpMetrics   = []string{"5xx", "4xx", "Count", "Latency", "IntegrationLatency", "DataProcessed"}
	lambdaMetrics = []string{"Invocations", "Errors", "Throttles", "Duration"}
	// WebSocket APIs have no 5xx metric: errors are IntegrationError (the
	// integration answered an error), ExecutionError (calling it failed)
	// and ClientError (refused before the integration).
	// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html
	wsMetrics = []string{"ConnectCount", "MessageCount", "IntegrationError", "ClientError", "ExecutionError", "IntegrationLatency"}
)

// target is one source of a metric: a stage (all routes or one), or a
// function.
type target struct {
	stage *stageRT
	route int // -1: every route
	fn    *fnRT
}

// logKind says what writes into a log group.
type logKind uint8

const (
	logExec logKind = iota + 1
	logAccess
	logLambda
)

// logSource is what writes into one log group.
type logSource struct {
	kind  logKind
	stage *stageRT
	fn    *fnRT
}

// metricKey is the lookup key of a namespace and a dimension set.
func metricKey(ns string, dims []world.Dim) string {
	d := append([]world.Dim(nil), dims...)
	sort.Slice(d, func(i, j int) bool { return d[i].Name < d[j].Name })
	var b strings.Builder
	b.WriteString(ns)
	for _, x := range d {
		b.WriteString("|")
		b.WriteString(x.Name)
		b.WriteString("=")
		b.WriteString(x.Value)
	}
	return b.String()
}

// indexStage registers the stage's metric dimension sets and log groups.
func (w *World) indexStage(s *stageRT, st *regionState) {
	add := func(t target, dims ...world.Dim) {
		k := metricKey(nsAPIGateway, dims)
		if _, seen := st.targets[k]; !seen && s.stage.Traffic.RPM > 0 {
			names := restMetrics
			switch {
			case s.http:
				names = httpMetrics
			case s.ws:
				names = wsMetrics
			}
			sort.Slice(dims, func(i, j int) bool { return dims[i].Name < dims[j].Name })
			for _, n := range names {
				st.metrics = append(st.metrics, world.MetricID{Namespace: nsAPIGateway, Name: n, Dims: dims})
			}
		}
		st.targets[k] = append(st.targets[k], t)
	}
	name, id := "ApiName", s.apiName
	if s.http || s.ws {
		name, id = "ApiId", s.apiID
	}
	add(target{stage: s, route: -1}, world.Dim{Name: name, Value: id}, world.Dim{Name: "Stage", Value: s.stage.Name})
	add(target{stage: s, route: -1}, world.Dim{Name: name, Value: id})
	if s.stage.DetailedMetrics {
		for i, r := range s.routes {
			if s.http || s.ws {
				add(target{stage: s, route: i}, world.Dim{Name: "ApiId", Value: id}, world.Dim{Name: "Route", Value: routeKey(r.route)}, world.Dim{Name: "Stage", Value: s.stage.Name})
				continue
			}
			add(target{stage: s, route: i}, world.Dim{Name: "ApiName", Value: id}, world.Dim{Name: "Method", Value: r.route.Method},
				world.Dim{Name: "Resource", Value: r.route.Path}, world.Dim{Name: "Stage", Value: s.stage.Name})
		}
	}
	if s.exec != "" {
		st.logs[s.exec] = logSource{kind: logExec, stage: s}
	}
	if s.access != "" {
		st.logs[s.access] = logSource{kind: logAccess, stage: s}
	}
}

// indexFunction registers a function's Lambda metrics once it is known
// whether any stage invokes it.
func (w *World) indexFunction(f *fnRT, st *regionState) {
	dims := []world.Dim{{Name: "FunctionName", Value: f.fn.Name}}
	st.targets[metricKey(nsLambda, dims)] = []target{{fn: f, route: -1}}
	if len(f.stages) == 0 {
		return
	}
	for _, n := range lambdaMetrics {
		st.metrics = append(st.metrics, world.MetricID{Namespace: nsLambda, Name: n, Dims: dims})
	}
}

// Metrics lists the metrics that have data, for ListMetrics.
func (w *World) Metrics(account, region string) []world.MetricID {
	if r := w.res[regionKey{account, region}]; r != nil {
		return r.metrics
	}
	return nil
}
