package collector

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// BenchmarkDiscoverFleet2000 refreshes the discovery of the emulator's
// fleet:2000 through the real SDK, the previous picture still held as a
// poll holds it, and reports the largest heap in use seen during a
// refresh (sampled every 5 ms, the emulator's own heap included) and the
// live heap once it ends with both pictures still held, in MiB, and the
// API Gateway calls one refresh makes (REST and HTTP APIs' control
// planes, which the polls between refreshes do not call).
func BenchmarkDiscoverFleet2000(b *testing.B) {
	e := newE2E(b, "fleet:2000", 0)
	prev, _ := e.c.Discover(context.Background())
	b.ReportAllocs()
	var peak, live uint64
	var ms runtime.MemStats
	calls0, refreshes := apiGatewayCalls(e.c), 0.0
	for b.Loop() {
		refreshes++
		e.clk.Advance(e.c.opts.Discovery.Refresh + time.Minute)
		runtime.GC()
		stop, got := make(chan struct{}), make(chan uint64)
		go func() { got <- peakHeap(stop) }()
		next, failures := e.c.Discover(context.Background())
		close(stop)
		peak = max(peak, <-got)
		if len(failures) > 0 || len(next) != len(prev) {
			b.Fatalf("discovery changed: %d stages after %d, failures %v", len(next), len(prev), failures)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		live = max(live, ms.HeapAlloc)
		runtime.KeepAlive(prev)
		prev = next
	}
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-peak")
	b.ReportMetric(float64(live)/(1<<20), "MiB-live-both")
	b.ReportMetric((apiGatewayCalls(e.c)-calls0)/refreshes, "apigateway-calls/refresh")
}

// apiGatewayCalls sums the collector's successful API Gateway calls (REST
// and v2 control planes).
func apiGatewayCalls(c *Collector) float64 {
	n := 0.0
	for _, svc := range []string{"API Gateway", "ApiGatewayV2"} {
		for _, op := range awsOperations[svc] {
			n += testutil.ToFloat64(c.metrics.awsRequests.WithLabelValues(svc, op, resultSuccess))
		}
	}
	return n
}

// peakHeap samples the heap in use every 5 ms until stop is closed and
// returns the largest figure.
func peakHeap(stop <-chan struct{}) uint64 {
	var peak uint64
	var ms runtime.MemStats
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		select {
		case <-stop:
			return peak
		case <-t.C:
		}
	}
}
