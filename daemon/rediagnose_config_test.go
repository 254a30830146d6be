package daemon

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/incident"
)

// TestRediagnoseIntervalSetsTheReadCadence: logs.rediagnose_interval is
// how often the evidence of an open incident that keeps tripping is read
// again (each read a billed Logs Insights query), rounded up to whole
// polls, and how long a read that keeps failing in part waits at most
// before the next try. The daemon is built from each configuration as
// Build does and polls a stage that trips at every poll for 13 polls.
func TestRediagnoseIntervalSetsTheReadCadence(t *testing.T) {
	for _, tt := range []struct {
		name   string
		yaml   string
		denied bool // every read fails in part
		want   []int
	}{
		{"unset: every 5 polls", "", false, []int{1, 6, 11}},
		{"2m at a 60s poll", "logs: {rediagnose_interval: 2m}", false, []int{1, 3, 5, 7, 9, 11, 13}},
		{"90s rounds up to 2 polls", "logs: {rediagnose_interval: 90s}", false, []int{1, 3, 5, 7, 9, 11, 13}},
		{"one poll: every poll", "logs: {rediagnose_interval: 1m}", false, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}},
		{"12m at a 60s poll", "logs: {rediagnose_interval: 12m}", false, []int{1, 13}},
		{"unset at a 30s poll: every 5 polls still", "collector: {interval: 30s}", false, []int{1, 6, 11}},
		{"2m at a 30s poll: every 4 polls", "collector: {interval: 30s}\nlogs: {rediagnose_interval: 2m}", false, []int{1, 5, 9, 13}},
		{"failed reads, unset: 1, 2, 4, then 5 apart", "", true, []int{1, 2, 4, 8, 13}},
		{"failed reads, 2m: 1, then 2 apart", "logs: {rediagnose_interval: 2m}", true, []int{1, 2, 4, 6, 8, 10, 12}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Parse([]byte("aws: {region: us-east-1}\n"+tt.yaml), "config.yaml", func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			clk := clock.NewManual(time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC))
			_, mgr := openIncidents(t, incident.ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry()})
			col := &deniedEvidence{outageEvidence: &outageEvidence{clk: clk}, denied: func(int) bool { return tt.denied }}
			opts := daemonOptions(cfg, Env{Clock: clk})
			opts.Collector, opts.Incidents, opts.Registry, opts.Listen = col, mgr, prometheus.NewRegistry(), "127.0.0.1:0"
			d, err := New(opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = d.srv.ln.Close() }) // bound, never served
			for range 13 {
				d.pollOnce(context.Background())
				clk.Advance(cfg.Collector.Interval)
			}
			if !slices.Equal(col.reads, tt.want) {
				t.Errorf("evidence read at polls %v, want %v", col.reads, tt.want)
			}
		})
	}
}
