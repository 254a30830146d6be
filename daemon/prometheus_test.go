package daemon

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// checkPrometheusScrape (TestServedCatalog) lets a real Prometheus scrape the daemon
// after the catalog's first incidents opened, and reads through its query
// API what an SRE's dashboard and alerts would: the open incidents with
// their diagnosis, the daemon's health, its AWS use and its notifications.
func checkPrometheusScrape(t *testing.T, r *servedRun, prom *promServer, polls int, began time.Time) {
	open := r.d.opts.Incidents.Open()
	polled := time.Now()
	prom.waitFor(t, `up{job="apigw-triage"} == 1`, 60*time.Second)
	// A scrape that began after the last poll shows the state Open()
	// returned; an earlier one may have caught a poll half done.
	prom.waitFor(t, fmt.Sprintf(`timestamp(up{job="apigw-triage"}) > %.3f`, float64(polled.UnixMilli())/1000), 30*time.Second)
	t.Logf("%d polls opened %d incidents; Prometheus had scraped them %v after it started",
		polls, len(open), time.Since(began).Round(time.Millisecond))

	t.Run("open incidents", func(t *testing.T) {
		var want, got []string
		for _, inc := range open {
			i := inc.Info
			api := i.APIName
			if api == "" {
				api = i.APIID
			}
			want = append(want, fmt.Sprintf("%s/%s %s %s", api, i.Stage, i.Diagnosis.Status, i.Diagnosis.Cause))
		}
		for _, s := range prom.query(t, `apigw_triage_incident_open == 1`) {
			l := s.Labels
			got = append(got, fmt.Sprintf("%s/%s %s %s", l["api"], l["stage"], l["status"], l["cause"]))
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("apigw_triage_incident_open:\n got %q\nwant %q", got, want)
		}
	})
	t.Run("values", func(t *testing.T) {
		statuses, causes := len(classifier.Statuses()), len(classifier.Causes())
		for _, c := range []struct{ query, want string }{
			{`sum(apigw_triage_polls_total)`, fmt.Sprint(polls)},
			{`apigw_triage_polls_total{result="success"} > 0`, "1 series"},
			{`apigw_triage_monitored_stages > 0`, "1 series"},
			{`apigw_triage_cloudwatch_metrics_requested_total > 0`, "1 series"},
			{`apigw_triage_logs_insights_bytes_scanned_total > 0`, "1 series"},
			{`apigw_triage_aws_requests_total{service="CloudWatch",operation="GetMetricData",result="success"} > 0`, "1 series"},
			{`apigw_triage_estimated_monthly_cost_dollars > 0`, "1 series"},
			{`count(apigw_triage_incidents_total)`, fmt.Sprint(statuses * causes)},
			{`sum(apigw_triage_incidents_total) >= bool ` + fmt.Sprint(len(open)), "1"},
			{`count(apigw_triage_backoff_hint_seconds)`, fmt.Sprint(len(open))},
			{`count(apigw_triage_notifications_total{sink="slack"})`, "3"},
			{`apigw_triage_outbox_depth{sink="slack"} >= 0`, "1 series"},
			{`max(apigw_triage_stage_error_ratio) > bool 0`, "1"},
			{`count(apigw_triage_stage_latency_p99_seconds) > bool 0`, "1"},
		} {
			if got := describe(prom.query(t, c.query)); got != c.want {
				t.Errorf("%s: got %s, want %s", c.query, got, c.want)
			}
		}
	})
	t.Run("labels", func(t *testing.T) {
		for _, c := range []struct {
			metric string
			labels []string
		}{
			{"apigw_triage_aws_requests_total", []string{"service", "operation", "result"}},
			{"apigw_triage_backoff_hint_seconds", []string{"api", "stage", "cause"}},
			{"apigw_triage_stage_error_ratio", []string{"api", "stage", "region", "account"}},
		} {
			for _, s := range prom.query(t, c.metric) {
				for _, l := range c.labels {
					if s.Labels[l] == "" {
						t.Errorf("%s %v: no %s label", c.metric, s.Labels, l)
					}
				}
			}
		}
	})
	t.Run("notifications delivered", func(t *testing.T) {
		got := prom.waitFor(t, `apigw_triage_notifications_total{sink="slack",result="delivered"} > 0`, 30*time.Second)
		if posts := r.webhookPosts.Load(); got[0].Value > float64(posts) {
			t.Errorf("Prometheus saw %v deliveries, the webhook received %d posts", got[0].Value, posts)
		}
	})
}

// describe is a query's answer in a form a table can expect: the value of
// an aggregate, or how many series a filter let through.
func describe(v []sample) string {
	if len(v) == 1 && len(v[0].Labels) == 0 {
		return fmt.Sprint(v[0].Value)
	}
	return fmt.Sprintf("%d series", len(v))
}
