package daemon

import (
	"context"
	"testing"
	"time"
)

// BenchmarkCatalogDetection runs the whole catalog through the daemon and
// reports, in emulated time, how long after an episode's first failing
// minute its incident was opened with the right diagnosis. The floor with
// the default thresholds is about 4 minutes: 2 of 3 periods must breach,
// and each 1-minute period is read 2 minutes after it ends (the delay for
// late CloudWatch data).
func BenchmarkCatalogDetection(b *testing.B) {
	for b.Loop() {
		r := startCatalog(b, catalogSetup{})
		ctx := context.Background()
		for range 45 {
			r.poll(ctx)
		}
		var sum, worst time.Duration
		n := 0
		for _, ep := range r.world.Episodes() {
			inc, ok := r.incidentOf(ep)
			if !ok || inc.Info.Diagnosis.Cause != ep.Cause {
				b.Fatalf("%s/%s: not diagnosed as %s", ep.APIName, ep.Stage, ep.Cause)
			}
			lat := inc.Info.OpenedAt.Sub(ep.Start)
			sum += lat
			worst = max(worst, lat)
			n++
		}
		b.ReportMetric(sum.Seconds()/float64(n), "emulated-s/detection")
		b.ReportMetric(worst.Seconds(), "worst-emulated-s/detection")
		b.ReportMetric(float64(n), "episodes")
	}
}
