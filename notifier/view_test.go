package notifier

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestViewNamesTheConfiguredPercentile: the latency field says which
// statistic it is, so a p95 configuration does not print "p99".
func TestViewNamesTheConfiguredPercentile(t *testing.T) {
	for _, tc := range []struct {
		stat string
		lang classifier.Lang
		want string
	}{
		{"p95", classifier.LangEN, "p95 latency"},
		{"p99.9", classifier.LangJA, "p99.9 レイテンシ"},
		{"", classifier.LangEN, "p99 latency"}, // stored before the statistic was kept
	} {
		ev := routeEvent(nil)
		ev.Snapshot.Figures = stage.Figures{Latency: 1500e6, LatencyStatistic: tc.stat}
		v := NewView(ev, tc.lang)
		found := false
		for _, f := range v.Fields {
			if f.Label == tc.want && f.Value == "1.5s" {
				found = true
			}
		}
		if !found {
			t.Errorf("statistic %q: fields %v, want %q = 1.5s", tc.stat, v.Fields, tc.want)
		}
	}
}
