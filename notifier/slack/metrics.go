package slack

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// The Slack methods the sink calls, a closed label set.
const (
	methodPost    = "chat.postMessage"
	methodUpdate  = "chat.update"
	methodHistory = "conversations.history"
	methodReplies = "conversations.replies"
	methodWebhook = "webhook"
	// methodUpload is files.uploadV2 as one call: slack-go makes its three
	// requests (upload URL, upload, completion) in one.
	methodUpload = "files.uploadV2"
)

// Request results, a closed label set.
const (
	resultOK           = "ok"
	resultRateLimited  = "rate_limited"
	resultServerError  = "server_error"
	resultSlackError   = "slack_error"
	resultNetworkError = "network_error"
)

// metrics are what only this sink knows; the outbox counts notifications.
type metrics struct {
	requests  *prometheus.CounterVec
	recovered *prometheus.CounterVec
	fallbacks prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_slack_requests_total",
			Help: "Slack API and webhook requests by method and result (rate_limited: HTTP 429 with Retry-After).",
		}, []string{"method", "result"}),
		recovered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "apigw_triage_slack_recovered_total",
			Help: "Messages found already posted after an interrupted delivery, and so not posted twice, by kind (root, reply or digest).",
		}, []string{"what"}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "apigw_triage_slack_plain_text_fallbacks_total",
			Help: "Messages re-sent as plain text after Slack refused their blocks (invalid_blocks, msg_too_long).",
		}),
	}
	for _, method := range []string{methodPost, methodUpdate, methodHistory, methodReplies, methodWebhook, methodUpload} {
		for _, res := range []string{resultOK, resultRateLimited, resultServerError, resultSlackError, resultNetworkError} {
			m.requests.WithLabelValues(method, res)
		}
	}
	m.recovered.WithLabelValues("root")
	m.recovered.WithLabelValues("reply")
	m.recovered.WithLabelValues("digest")
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.requests, m.recovered, m.fallbacks} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("slack metrics: %w", err)
		}
	}
	return m, nil
}
