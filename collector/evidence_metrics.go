package collector

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// contextQuery is one extra query of a tripped stage and where its
// aggregate goes in the Evidence: the classifier's Context, or a route.
type contextQuery struct {
	q   cwtypes.MetricDataQuery
	add func(*Evidence, []float64)
}

// stageContext is the configuration part of the classifier's Context.
func stageContext(st Stage) classifier.Hints {
	cx := classifier.Hints{
		APIType:               st.APIType,
		IntegrationTimeout:    st.EffectiveTimeout(),
		IntegrationType:       st.Integration.Type,
		IntegrationURI:        st.Integration.URI,
		IntegrationHTTPMethod: st.Integration.HTTPMethod,
		ConnectionType:        st.Integration.ConnectionType,
		ExecutionLogging:      st.LoggingLevel,
		AccessLogFormat:       st.AccessLogFormat,
		RouteTimeouts:         st.RouteTimeouts,
	}
	if len(st.Functions) > 0 {
		cx.LambdaTimeout = st.Functions[0].Timeout
		cx.LambdaMemoryMB = st.Functions[0].MemoryMB
	}
	cx.AuthorizerFunctions = authorizerFunctions(st)
	return cx
}

// authorizerFunctions names the Lambda functions the stage's methods or
// routes use as authorizers (discovery's RouteTargets, for every API
// type), leaving out any that is also an integration's: its log is then
// not the authorizer's alone, and is read as the integration's already.
func authorizerFunctions(st Stage) []string {
	var out []string
	for _, t := range st.RouteTargets {
		f := t.AuthorizerFunction
		if f == "" || slices.Contains(out, f) || slices.ContainsFunc(st.Functions, func(g Function) bool { return g.Name == f }) {
			continue
		}
		out = append(out, f)
	}
	slices.Sort(out) // (map order: the same stage gives the same hints)
	return out
}

// ownLogGroups lists the functions' and the Lambda authorizers' log
// groups that are not Lambda's default /aws/lambda/NAME
// (LoggingConfig.LogGroup), which the classifier would otherwise take for
// an access log, and those of them that are the authorizers' alone. Lambda
// lets functions share a group (the Lambda developer guide's "Configuring
// CloudWatch log groups"): one an integrated function writes to as well
// holds its failures too, which are no authorizer error (the classifier
// tells the authorizer's events there by their stream, which names the
// function).
func ownLogGroups(fns, auths []Function) (lambda, authorizers []string) {
	own := func(f Function) bool { return f.LogGroup != "" && f.LogGroup != namedFunction(f.Name).LogGroup }
	integrated := func(g string) bool {
		return slices.ContainsFunc(fns, func(f Function) bool { return f.LogGroup == g })
	}
	for _, f := range fns {
		if own(f) && !slices.Contains(lambda, f.LogGroup) {
			lambda = append(lambda, f.LogGroup)
		}
	}
	for _, f := range auths {
		if !own(f) || integrated(f.LogGroup) || slices.Contains(authorizers, f.LogGroup) {
			continue
		}
		lambda, authorizers = append(lambda, f.LogGroup), append(authorizers, f.LogGroup)
	}
	return lambda, authorizers
}

// contextQueries are the extra queries asked only for a tripped stage:
// the request and 5xx counts over the incident window, Latency and
// IntegrationLatency maxima, and the integrated functions' Errors,
// Throttles and Duration.
func contextQueries(st Stage, period time.Duration) []contextQuery {
	dimName, dimValue := st.MetricDimension()
	apiDims := []cwtypes.Dimension{dim(dimName, dimValue), dim("Stage", st.Stage)}
	sum := func(f func(*classifier.Hints) *float64) func(*Evidence, []float64) {
		return func(ev *Evidence, vs []float64) { *f(&ev.Context) += total(vs) }
	}
	maxMS := func(f func(*classifier.Hints) *time.Duration) func(*Evidence, []float64) {
		return func(ev *Evidence, vs []float64) { cx := &ev.Context; *f(cx) = max(*f(cx), msDuration(peak(vs))) }
	}
	qs := pairQueries(st, "x", apiDims, period, sum(func(cx *classifier.Hints) *float64 { return &cx.Errors5xx }),
		sum(func(cx *classifier.Hints) *float64 { return &cx.Requests }))
	if st.APIType != stage.APIWebSocket { // WebSocket APIs publish no Latency
		qs = append(qs, contextQuery{mq("xl", "AWS/ApiGateway", "Latency", "Maximum", apiDims, period), maxMS(func(cx *classifier.Hints) *time.Duration { return &cx.LatencyMax })})
	}
	qs = append(qs, contextQuery{mq("xi", "AWS/ApiGateway", "IntegrationLatency", "Maximum", apiDims, period), maxMS(func(cx *classifier.Hints) *time.Duration { return &cx.IntegrationLatencyMax })})
	for i, f := range st.Functions {
		fd := []cwtypes.Dimension{dim("FunctionName", f.Name)}
		id := "f" + strconv.Itoa(i)
		qs = append(qs,
			contextQuery{mq(id+"e", "AWS/Lambda", "Errors", "Sum", fd, period), sum(func(cx *classifier.Hints) *float64 { return &cx.LambdaErrors })},
			contextQuery{mq(id+"t", "AWS/Lambda", "Throttles", "Sum", fd, period), sum(func(cx *classifier.Hints) *float64 { return &cx.LambdaThrottles })},
			contextQuery{mq(id+"d", "AWS/Lambda", "Duration", "Maximum", fd, period), maxMS(func(cx *classifier.Hints) *time.Duration { return &cx.LambdaDurationMax })},
		)
	}
	return qs
}

// evidenceMetrics fills the metric part of ev's Context over [start, end)
// and, with detailed metrics, its Routes: every query of the stage in one
// batch set, so the route breakdown costs no extra call below 500 queries.
func (c *Collector) evidenceMetrics(ctx context.Context, r *region, st Stage, start, end time.Time, ev *Evidence) error {
	cqs := append(contextQueries(st, c.opts.Period), routeQueries(st, c.opts.Period)...)
	ev.Routes = routeTallies(st)
	byID := make(map[string]contextQuery, len(cqs))
	qs := make([]cwtypes.MetricDataQuery, 0, len(cqs))
	for _, q := range cqs {
		byID[aws.ToString(q.q.Id)] = q
		qs = append(qs, q.q)
	}
	for _, b := range batches(qs) {
		err := c.getMetricData(ctx, r.cw, b, start, end, func(rs []cwtypes.MetricDataResult) {
			for _, res := range rs {
				if q, ok := byID[aws.ToString(res.Id)]; ok {
					q.add(ev, res.Values)
				}
			}
		})
		if err != nil {
			ev.Routes = nil // a partial breakdown would point at the wrong route
			return err
		}
	}
	ev.Routes = topRoutes(ev.Routes)
	return nil
}

func mq(id, ns, metric, stat string, dims []cwtypes.Dimension, period time.Duration) cwtypes.MetricDataQuery {
	return cwtypes.MetricDataQuery{
		Id: aws.String(id),
		MetricStat: &cwtypes.MetricStat{
			Metric: &cwtypes.Metric{Namespace: aws.String(ns), MetricName: aws.String(metric), Dimensions: dims},
			Period: aws.Int32(int32(period / time.Second)),
			Stat:   aws.String(stat),
		},
		ReturnData: aws.Bool(true),
	}
}

func dim(name, value string) cwtypes.Dimension {
	return cwtypes.Dimension{Name: aws.String(name), Value: aws.String(value)}
}

func total(vs []float64) float64 {
	t := 0.0
	for _, v := range vs {
		t += v
	}
	return t
}

func peak(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		m = max(m, v)
	}
	return m
}
