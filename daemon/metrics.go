package daemon

import (
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/stage"
)

// Poll results; the label set is closed and pre-created.
const (
	pollSuccess = "success"
	pollPartial = "partial" // some account or region failed, the others were polled
	pollError   = "error"
)

// metrics are the daemon's own series: poll outcomes and the per-stage
// figures of the last poll. Per-stage series are bounded by the number of
// monitored stages and deleted when a stage stops being monitored.
type metrics struct {
	polls         *prometheus.CounterVec
	errorRatio    *prometheus.GaugeVec
	latencyP99    *prometheus.GaugeVec
	requests      *prometheus.GaugeVec
	lastData      *prometheus.GaugeVec
	classifyTotal *prometheus.CounterVec
	failedReads   *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	stageLabels := []string{"api", "stage", "region", "account"}
	m := &metrics{
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_polls_total",
			Help: "CloudWatch polls by result: success, partial (some accounts or regions failed), error (none succeeded).",
		}, []string{"result"}),
		errorRatio: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_stage_error_ratio",
			Help: "Share of requests answered 5xx in the newest period read in full, per API stage. A stage is read in full only when its 5xx screen could breach, its incident is open or its latency watch is due; otherwise, and in periods without traffic, the previous value stays.",
		}, stageLabels),
		latencyP99: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_stage_latency_p99_seconds",
			Help: "Latency percentile (configured statistic, p99 by default) of the newest period read in full, per API stage.",
		}, stageLabels),
		requests: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_stage_requests",
			Help: "Requests in the newest period read in full, per API stage.",
		}, stageLabels),
		lastData: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_stage_last_data_timestamp_seconds",
			Help: "Unix time of the newest CloudWatch datapoint seen for the stage; a stage without traffic keeps an old value.",
		}, stageLabels),
		classifyTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_diagnoses_total",
			Help: "Diagnoses made from pulled evidence, by result: ok, or evidence_error when the logs could not be read.",
		}, []string{"result"}),
		failedReads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_evidence_reads_failed_total",
			Help: "Evidence pulls in which a read failed (throttled past the retries, an AWS error, a query timeout), by read: functions (Lambda GetFunctionConfiguration), metrics (CloudWatch GetMetricData), logs (Logs Insights or FilterLogEvents).",
		}, []string{"read"}),
	}
	reg.MustRegister(m.polls, m.errorRatio, m.latencyP99, m.requests, m.lastData, m.classifyTotal, m.failedReads)
	for _, r := range []string{pollSuccess, pollPartial, pollError} {
		m.polls.WithLabelValues(r)
	}
	for _, r := range []string{"ok", "evidence_error"} {
		m.classifyTotal.WithLabelValues(r)
	}
	for _, r := range stage.Reads() {
		m.failedReads.WithLabelValues(r.String())
	}
	return m
}

// updateStageMetrics sets the per-stage gauges from a poll and deletes the
// series of stages that are no longer monitored, so cardinality follows the
// monitored set.
func (d *Daemon) updateStageMetrics(res *collector.PollResult) {
	now := map[string]bool{}
	for _, sr := range res.Stages {
		st := sr.Stage
		labels := prometheus.Labels{"api": apiLabel(st), "stage": st.Stage, "region": st.Region, "account": st.Account}
		key := labelKey(labels)
		now[key] = true
		if !sr.HasData {
			continue
		}
		if sr.Screened {
			// Only the 5xx count was read: the figures of the last full read stand.
			d.metrics.lastData.With(labels).Set(float64(sr.WindowEnd.Unix()))
			continue
		}
		d.metrics.errorRatio.With(labels).Set(sr.ErrorRate)
		d.metrics.latencyP99.With(labels).Set(sr.Latency.Seconds())
		d.metrics.requests.With(labels).Set(sr.Requests)
		d.metrics.lastData.With(labels).Set(float64(sr.WindowEnd.Unix()))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for key := range d.seen {
		if !now[key] {
			l := parseLabelKey(key)
			d.metrics.errorRatio.Delete(l)
			d.metrics.latencyP99.Delete(l)
			d.metrics.requests.Delete(l)
			d.metrics.lastData.Delete(l)
		}
	}
	d.seen = now
}

func apiLabel(st collector.Stage) string { return st.Label() }

func labelKey(l prometheus.Labels) string {
	return l["api"] + "\x00" + l["stage"] + "\x00" + l["region"] + "\x00" + l["account"]
}

func parseLabelKey(k string) prometheus.Labels {
	p := strings.SplitN(k, "\x00", 4)
	for len(p) < 4 {
		p = append(p, "")
	}
	return prometheus.Labels{"api": p[0], "stage": p[1], "region": p[2], "account": p[3]}
}
