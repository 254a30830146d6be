package incident

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
)

func TestIncidentMetricsFollowTheLifecycle(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "s.db"), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg := prometheus.NewRegistry()
	clk := clock.NewManual(t0)
	m, err := NewManager(st, ManagerOptions{Clock: clk, Registerer: reg, Sinks: []string{"fake"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := testutil.CollectAndCount(m.metrics.total); n != len(classifier.Statuses())*len(classifier.Causes()) {
		t.Errorf("incidents_total has %d series, want every status x cause", n)
	}
	throttled := diag(classifier.Status500, classifier.CauseLambdaThrottled)
	throttled.Backoff = classifier.BackoffHint{Retryable: true, InitialMS: 250, MaxMS: 20000, Multiplier: 2, Jitter: "full"}
	obs := tripped(0.5, throttled)
	steps := []struct {
		name string
		obs  Observation
		want string
	}{
		{"opened", obs, `
apigw_triage_incident_open{api="api",cause="lambda_throttled",stage="prod",status="500"} 1
apigw_triage_backoff_hint_seconds{api="api",cause="lambda_throttled",stage="prod"} 0.25
`},
		{"cause changed", tripped(0.5, diag(classifier.Status502, classifier.CauseLambdaFunctionError)), `
apigw_triage_incident_open{api="api",cause="lambda_function_error",stage="prod",status="502"} 1
apigw_triage_backoff_hint_seconds{api="api",cause="lambda_function_error",stage="prod"} 0
`},
		{"resolved", cleared(), ``},
	}
	for i, s := range steps {
		observeAt(t, m, clk, time.Duration(i)*time.Minute, s.obs)
		want := `# HELP apigw_triage_backoff_hint_seconds Initial retry backoff advised to clients of an API stage with an open incident, for its current cause; 0 when retrying cannot help.
# TYPE apigw_triage_backoff_hint_seconds gauge
# HELP apigw_triage_incident_open 1 for each open incident, labelled with its API, stage and current diagnosis; the series disappears when the incident resolves.
# TYPE apigw_triage_incident_open gauge
` + strings.TrimPrefix(s.want, "\n")
		if s.want == "" {
			want = ""
		}
		if err := testutil.GatherAndCompare(reg, sortedExposition(want), "apigw_triage_incident_open", "apigw_triage_backoff_hint_seconds"); err != nil {
			t.Errorf("after %s: %v", s.name, err)
		}
	}
	if got := testutil.ToFloat64(m.metrics.total.WithLabelValues("500", "lambda_throttled")); got != 1 {
		t.Errorf("incidents_total{500,lambda_throttled} = %v, want 1", got)
	}
}

// sortedExposition puts each metric's sample right after its TYPE line,
// the order GatherAndCompare expects.
func sortedExposition(s string) *strings.Reader {
	if s == "" {
		return strings.NewReader("")
	}
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			out = append(out, l)
			if strings.HasPrefix(l, "# TYPE") {
				name := strings.Fields(l)[2]
				for _, x := range lines {
					if strings.HasPrefix(x, name+"{") {
						out = append(out, x)
					}
				}
			}
		}
	}
	return strings.NewReader(strings.Join(out, "\n") + "\n")
}
