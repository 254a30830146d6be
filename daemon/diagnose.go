package daemon

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/apigw-triage/apigw-triage/collector"
)

// pulls are the evidence pulls of one poll's tripped stages, in flight: a
// Logs Insights query waits seconds to minutes for its result, and the
// daemon need not hold a certain trip back from the on-call meanwhile.
type pulls struct {
	due  []collector.StageResult
	out  []diagnosed
	done []chan struct{} // closed when due[i]'s pull has ended
	all  chan struct{}   // closed when every pull has ended
	// taken marks the pulls already handed out by ready.
	taken []bool
}

// startDiagnoses starts pulling the evidence of every tripped stage that
// needs a diagnosis, in parallel, bounded by EvidenceConcurrency.
func (d *Daemon) startDiagnoses(ctx context.Context, res *collector.PollResult) *pulls {
	p := &pulls{all: make(chan struct{})}
	for _, sr := range res.Stages {
		if sr.Tripped && d.needsDiagnosis(sr.Stage.Key) {
			p.due = append(p.due, sr)
			p.done = append(p.done, make(chan struct{}))
		}
	}
	p.out, p.taken = make([]diagnosed, len(p.due)), make([]bool, len(p.due))
	go func() {
		defer close(p.all)
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(d.opts.EvidenceConcurrency)
		for i, sr := range p.due {
			g.Go(func() error {
				defer close(p.done[i])
				p.out[i] = d.diagnose(gctx, sr)
				return nil
			})
		}
		_ = g.Wait()
	}()
	return p
}

// await waits until every pull has ended, or wait has passed on the
// daemon's clock when wait is not negative, or ctx ends.
func (d *Daemon) await(ctx context.Context, p *pulls, wait time.Duration) {
	if len(p.due) == 0 {
		return
	}
	var timeout <-chan time.Time
	if wait >= 0 {
		timeout = d.opts.Clock.After(wait)
	}
	select {
	case <-p.all:
	case <-timeout:
	case <-ctx.Done():
	}
}

// ready hands out, by stage key, the diagnoses of the pulls that have
// ended and were not handed out before, and records them as the stages'
// last diagnosis.
func (d *Daemon) ready(p *pulls) map[string]diagnosed {
	m := map[string]diagnosed{}
	for i, sr := range p.due {
		select {
		case <-p.done[i]:
		default:
			continue
		}
		if p.taken[i] {
			continue
		}
		p.taken[i] = true
		if p.out[i].diag != nil {
			m[sr.Stage.Key] = p.out[i]
			d.markDiagnosed(sr.Stage.Key)
		}
	}
	return m
}
