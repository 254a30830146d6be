package daemon

import (
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/config"
)

// TestLatencyIntervalReachesTheCollector: collector.latency_interval sets
// the cadence of the collector's latency watch (whose effect the
// collector's own tests prove).
func TestLatencyIntervalReachesTheCollector(t *testing.T) {
	cfg, err := config.Parse([]byte("aws: {region: us-east-1}\ncollector: {latency_interval: 7m}\n"), "config.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	o := collectorOptions(cfg, Env{Logger: slog.New(slog.DiscardHandler)}, prometheus.NewRegistry())
	if o.LatencyEvery != 7*time.Minute {
		t.Fatalf("LatencyEvery = %s, want 7m", o.LatencyEvery)
	}
	if def := config.Default().Collector.LatencyInterval; def != 5*time.Minute {
		t.Fatalf("default latency_interval = %s, want the documented 5m", def)
	}
}
