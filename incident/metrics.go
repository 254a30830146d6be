package incident

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// managerMetrics are the incident series. The per-stage ones exist only
// while an incident is open, so their cardinality is bounded by the
// monitored stages.
type managerMetrics struct {
	open        *prometheus.GaugeVec
	total       *prometheus.CounterVec
	backoff     *prometheus.GaugeVec
	transitions *prometheus.CounterVec
	incomplete  *prometheus.GaugeVec
}

func newManagerMetrics(reg prometheus.Registerer) (*managerMetrics, error) {
	m := &managerMetrics{
		open: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_incident_open",
			Help: "1 for each open incident, labelled with its API, stage and current diagnosis; the series disappears when the incident resolves.",
		}, []string{"api", "stage", "status", "cause"}),
		total: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_incidents_total",
			Help: "Incidents opened, by the status and cause diagnosed when they opened.",
		}, []string{"status", "cause"}),
		backoff: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_backoff_hint_seconds",
			Help: "Initial retry backoff advised to clients of an API stage with an open incident, for its current cause; 0 when retrying cannot help.",
		}, []string{"api", "stage", "cause"}),
		transitions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_incident_transitions_total",
			Help: "Incident transitions that produced a notification, by kind (opened, updated, reminder, resolved).",
		}, []string{"kind"}),
		incomplete: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "apigw_triage_incidents_evidence_incomplete",
			Help: "Open incidents whose diagnosis was made without a read of its evidence, by the read that failed: functions (Lambda GetFunctionConfiguration), metrics (CloudWatch GetMetricData), logs (Logs Insights or FilterLogEvents). The evidence is read again until a read is complete.",
		}, []string{"read"}),
	}
	for _, s := range classifier.Statuses() {
		for _, c := range classifier.Causes() {
			m.total.WithLabelValues(s.String(), c.String())
		}
	}
	for _, k := range notifier.Kinds() {
		m.transitions.WithLabelValues(string(k))
	}
	for _, r := range stage.Reads() {
		m.incomplete.WithLabelValues(r.String())
	}
	for _, c := range []prometheus.Collector{m.open, m.total, m.backoff, m.transitions, m.incomplete} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("registering incident metrics: %w", err)
		}
	}
	return m, nil
}

// apiLabel names an API in labels as every apigw-triage series does.
func apiLabel(i *notifier.Snapshot) string { return i.Label() }

// show sets the per-stage series of an open incident.
func (m *managerMetrics) show(inc *Incident) {
	i := &inc.Info
	d := i.Diagnosis
	m.open.WithLabelValues(apiLabel(i), i.Stage, d.Status.String(), d.Cause.String()).Set(1)
	hint := 0.0
	if d.Backoff.Retryable {
		hint = float64(d.Backoff.InitialMS) / 1000
	}
	m.backoff.WithLabelValues(apiLabel(i), i.Stage, d.Cause.String()).Set(hint)
	m.countReads(i, 1)
}

// countReads adds delta to the incomplete-evidence gauge of each read the
// incident's diagnosis lacks.
func (m *managerMetrics) countReads(i *notifier.Snapshot, delta float64) {
	if !i.EvidenceIncomplete {
		return
	}
	for _, r := range stage.KnownReads(i.IncompleteReads) {
		m.incomplete.WithLabelValues(r.String()).Add(delta)
	}
}

// hide deletes the per-stage series of an incident, with the diagnosis it
// was shown with.
func (m *managerMetrics) hide(inc *Incident) {
	i := &inc.Info
	d := i.Diagnosis
	m.open.DeleteLabelValues(apiLabel(i), i.Stage, d.Status.String(), d.Cause.String())
	m.backoff.DeleteLabelValues(apiLabel(i), i.Stage, d.Cause.String())
	m.countReads(i, -1)
}

// dispatchMetrics are shared by the dispatchers of all sinks.
type dispatchMetrics struct {
	notifications *prometheus.CounterVec
	latency       *prometheus.HistogramVec
}

// Notification results, the closed label set of notifications_total.
const (
	resultDelivered = "delivered"
	resultRetried   = "retried"
	resultFailed    = "failed"
)

func newDispatchMetrics(reg prometheus.Registerer, sink string) (*dispatchMetrics, error) {
	notifications := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "apigw_triage_notifications_total",
		Help: "Notification attempts by sink and result: delivered, retried (a transient failure, to be tried again) or failed (a permanent failure, not retried).",
	}, []string{"sink", "result"})
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "apigw_triage_notification_delay_seconds",
		Help:    "Time from an incident transition to its notification being delivered to the sink, retries included.",
		Buckets: []float64{0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600},
	}, []string{"sink"})
	m := &dispatchMetrics{}
	var err error
	if m.notifications, err = registerShared(reg, notifications); err != nil {
		return nil, err
	}
	if m.latency, err = registerShared(reg, latency); err != nil {
		return nil, err
	}
	for _, r := range []string{resultDelivered, resultRetried, resultFailed} {
		m.notifications.WithLabelValues(sink, r)
	}
	m.latency.WithLabelValues(sink)
	return m, nil
}

// registerShared registers c, or returns the collector of the same
// description registered by another sink's dispatcher.
func registerShared[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	err := reg.Register(c)
	if err == nil {
		return c, nil
	}
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing, nil
		}
	}
	return c, fmt.Errorf("registering notification metrics: %w", err)
}

// registerDepth exposes a sink's outbox depth, read from the store at
// scrape time so that it is never stale.
func registerDepth(reg prometheus.Registerer, sink string, depth func() int) error {
	g := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "apigw_triage_outbox_depth",
		Help:        "Notifications waiting in the outbox for a sink (pending, retries included; permanently failed ones are not counted).",
		ConstLabels: prometheus.Labels{"sink": sink},
	}, func() float64 { return float64(depth()) })
	if err := reg.Register(g); err != nil {
		return fmt.Errorf("registering outbox depth for sink %q: %w", sink, err)
	}
	return nil
}
