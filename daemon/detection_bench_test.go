package daemon

import (
	"context"
	"testing"
	"time"
)

// BenchmarkCatalogDetection runs the whole catalog through the daemon and
// reports, in emulated time, how long after an episode's first failing
// minute its incident was opened with the right diagnosis, and how long
// after the data proving it first became visible in CloudWatch (a minute
// shows 1 to 3 minutes after it ends, at first in part).
func BenchmarkCatalogDetection(b *testing.B) {
	for b.Loop() {
		r := startCatalog(b, catalogSetup{})
		ctx := context.Background()
		for range 45 {
			r.poll(ctx)
		}
		var d detection
		for _, ep := range r.world.Episodes() {
			inc, ok := r.incidentOf(ep)
			if !ok || inc.Info.Diagnosis.Cause != ep.Cause {
				b.Fatalf("%s/%s: not diagnosed as %s", ep.APIName, ep.Stage, ep.Cause)
			}
			// A failure answered as 200 leaves no 5xx to prove it: it
			// counts from its start only.
			proof, ok := proofVisible(r.sc, r.world.Start(), ep)
			d.add(inc.Info.OpenedAt.Sub(ep.Start), inc.Info.OpenedAt.Sub(proof), ok)
		}
		d.report(b)
	}
}

// detection sums detection times over episodes.
type detection struct {
	sum, worst, sumProof, worstProof time.Duration
	n, proven                        int
}

func (d *detection) add(fromStart, fromProof time.Duration, proven bool) {
	d.sum += fromStart
	d.worst = max(d.worst, fromStart)
	d.n++
	if proven {
		d.sumProof += fromProof
		d.worstProof = max(d.worstProof, fromProof)
		d.proven++
	}
}

func (d *detection) report(b *testing.B) {
	n := float64(d.n)
	b.ReportMetric(d.sum.Seconds()/n, "emulated-s/detection")
	b.ReportMetric(d.worst.Seconds(), "worst-emulated-s/detection")
	b.ReportMetric(d.sumProof.Seconds()/float64(max(d.proven, 1)), "after-proof-s/detection")
	b.ReportMetric(d.worstProof.Seconds(), "worst-after-proof-s/detection")
	b.ReportMetric(n, "episodes")
}
