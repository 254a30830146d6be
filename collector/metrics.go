package collector

import (
	"github.com/prometheus/client_golang/prometheus"
)

// awsOperations is the closed set of AWS operations the collector calls,
// by SDK service id; their request counters exist from the start at 0.
var awsOperations = map[string][]string{
	"CloudWatch":                  {"GetMetricData"},
	"CloudWatch Logs":             {"StartQuery", "GetQueryResults", "StopQuery", "FilterLogEvents"},
	"API Gateway":                 {"GetRestApis", "GetStages", "GetResources", "GetIntegration", "GetAuthorizers"},
	"ApiGatewayV2":                {"GetApis", "GetStages", "GetIntegrations", "GetRoutes", "GetAuthorizers"},
	"Lambda":                      {"GetFunctionConfiguration"},
	"Resource Groups Tagging API": {"GetResources"},
	"STS":                         {"AssumeRole", "GetCallerIdentity"},
}

// Results of one AWS request attempt.
const (
	resultSuccess   = "success"
	resultThrottled = "throttled"
	resultError     = "error"
)

// metrics is the collector's self-monitoring and cost accounting.
type metrics struct {
	metricsRequested prometheus.Counter
	awsRequests      *prometheus.CounterVec
	bytesScanned     prometheus.Counter
	monthlyCost      prometheus.Gauge
	monitoredStages  prometheus.Gauge
	pollDuration     prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		metricsRequested: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "apigw_triage_cloudwatch_metrics_requested_total",
			Help: "CloudWatch metrics requested through GetMetricData (the billed unit, $0.01 per 1,000), counted per successful call page.",
		}),
		awsRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_aws_requests_total",
			Help: "AWS API request attempts by service, operation and result (success, throttled, error); retries count as attempts.",
		}, []string{"service", "operation", "result"}),
		bytesScanned: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "apigw_triage_logs_insights_bytes_scanned_total",
			Help: "Bytes scanned by CloudWatch Logs Insights queries (billed per GB scanned).",
		}),
		monthlyCost: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "apigw_triage_estimated_monthly_cost_dollars",
			Help: "Projected monthly AWS cost of this daemon's CloudWatch use at the current per-poll rate: GetMetricData metrics plus Logs Insights bytes scanned.",
		}),
		monitoredStages: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "apigw_triage_monitored_stages",
			Help: "API Gateway stages currently monitored.",
		}),
		pollDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "apigw_triage_poll_duration_seconds",
			Help:    "Wall time of one poll: discovery when due, GetMetricData for every account and region, threshold evaluation.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}),
	}
	for svc, ops := range awsOperations {
		for _, op := range ops {
			for _, r := range []string{resultSuccess, resultThrottled, resultError} {
				m.awsRequests.WithLabelValues(svc, op, r)
			}
		}
	}
	for _, c := range []prometheus.Collector{m.metricsRequested, m.awsRequests, m.bytesScanned, m.monthlyCost, m.monitoredStages, m.pollDuration} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}
