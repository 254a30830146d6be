package daemon

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
)

// contractMetrics are the metric and label names that dashboards, alert
// rules and users' checks rely on: docs/interfaces.md (HTTP and metrics), then the
// series the notifications issue asks for.
var contractMetrics = map[string][]string{
	"apigw_triage_polls_total":                        {"result"},
	"apigw_triage_monitored_stages":                   nil,
	"apigw_triage_cloudwatch_metrics_requested_total": nil,
	"apigw_triage_aws_requests_total":                 {"service", "operation", "result"},
	"apigw_triage_logs_insights_bytes_scanned_total":  nil,
	"apigw_triage_estimated_monthly_cost_dollars":     nil,
	"apigw_triage_incident_open":                      {"api", "stage", "status", "cause"},
	"apigw_triage_incidents_total":                    {"status", "cause"},
	"apigw_triage_backoff_hint_seconds":               {"api", "stage", "cause"},
	"apigw_triage_notifications_total":                {"sink", "result"},
	// Not named in docs/interfaces.md, but graphed by the dashboard and the rules, and
	// promised by the notifications issue.
	"apigw_triage_stage_error_ratio":                 {"api", "stage", "region", "account"},
	"apigw_triage_stage_latency_p99_seconds":         {"api", "stage", "region", "account"},
	"apigw_triage_stage_last_data_timestamp_seconds": {"api", "stage", "region", "account"},
	"apigw_triage_outbox_depth":                      {"sink"},
	"apigw_triage_poll_duration_seconds":             nil,
	"apigw_triage_notification_delay_seconds":        {"sink"},
	"apigw_triage_incident_transitions_total":        {"kind"},
	"apigw_triage_diagnoses_total":                   {"result"},
	"apigw_triage_stage_requests":                    {"api", "stage", "region", "account"},
	"apigw_triage_slack_requests_total":              {"method", "result"},
	"apigw_triage_slack_recovered_total":             {"what"},
	"apigw_triage_slack_plain_text_fallbacks_total":  nil,
}

// checkContractMetricNames (TestServedCatalog) keeps the code, docs/interfaces.md, the Grafana
// dashboard and the alert rules in step: every promised metric exists with
// its labels and a help text, and every metric a deploy file queries is
// one the daemon exports.
func checkContractMetricNames(t *testing.T, r *servedRun) {
	families := gatherFamilies(t, r)

	t.Run("contract", func(t *testing.T) {
		for name, want := range contractMetrics {
			mf, ok := families[name]
			if !ok {
				t.Errorf("%s: no series (not registered, or its labels are not pre-created)", name)
				continue
			}
			for _, m := range mf.GetMetric() {
				if got := labelNames(m); !sameSet(got, want) {
					t.Errorf("%s: labels %v, want %v", name, got, want)
					break
				}
			}
		}
	})
	t.Run("help", func(t *testing.T) {
		for name, mf := range families {
			if strings.TrimSpace(mf.GetHelp()) == "" {
				t.Errorf("%s: empty help", name)
			}
		}
	})
	t.Run("deploy", func(t *testing.T) {
		for file, names := range deployReferences(t, filepath.Join("..", "deploy")) {
			for _, name := range names {
				if !exported(families, name) {
					t.Errorf("%s: %s is not a metric of the daemon", file, name)
				}
			}
		}
	})
}

// gatherFamilies returns the registry's families by name. A vector without
// series is not gathered, so a missing name may also mean its label set was
// not pre-created.
func gatherFamilies(t *testing.T, r *servedRun) map[string]*dto.MetricFamily {
	t.Helper()
	mfs, err := r.d.opts.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*dto.MetricFamily{}
	for _, mf := range mfs {
		out[mf.GetName()] = mf
	}
	return out
}

func labelNames(m *dto.Metric) []string {
	var names []string
	for _, l := range m.GetLabel() {
		names = append(names, l.GetName())
	}
	return names
}

func sameSet(a, b []string) bool {
	a, b = slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(a, b)
}

// exported reports whether name is a family, or a histogram's or summary's
// _bucket, _sum or _count series.
func exported(families map[string]*dto.MetricFamily, name string) bool {
	if _, ok := families[name]; ok {
		return true
	}
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		base, ok := strings.CutSuffix(name, suffix)
		if !ok {
			continue
		}
		mf, ok := families[base]
		if !ok {
			continue
		}
		typ := mf.GetType()
		if typ == dto.MetricType_HISTOGRAM || (typ == dto.MetricType_SUMMARY && suffix != "_bucket") {
			return true
		}
	}
	return false
}

var metricRef = regexp.MustCompile(`apigw_triage_[a-z0-9_]+`)

// deployReferences maps each manifest under dir (dashboards, rules,
// Kubernetes resources) to the apigw_triage_ metric names it mentions.
// Go files are the manifests' tests, not manifests.
func deployReferences(t *testing.T, dir string) map[string][]string {
	t.Helper()
	refs := map[string][]string{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) == ".go" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if names := metricRef.FindAllString(string(b), -1); len(names) > 0 {
			slices.Sort(names)
			refs[path] = slices.Compact(names)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) == 0 {
		t.Fatalf("no manifest under %s mentions an apigw_triage_ metric", dir)
	}
	return refs
}
