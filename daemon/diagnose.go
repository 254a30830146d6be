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
	results chan pulled // one per pull, buffered
	pending int         // pulls whose result was not received yet
}

// pulled is what one stage's evidence pull gave.
type pulled struct {
	key   string
	first bool // the read was its incident's first (see evidenceStart)
	dg    diagnosed
}

// evidenceRead is a stage's evidence to read in this poll, from start.
type evidenceRead struct {
	sr    collector.StageResult
	start time.Time
	first bool
}

// startDiagnoses starts pulling the evidence of every stage that needs a
// diagnosis (see evidenceStart), in parallel, bounded by
// EvidenceConcurrency. Which stages need one, and from when their evidence
// is read, are decided from their incidents as the poll found them, before
// the poll's results are observed: a stage reopened by its own trip is a
// stage to diagnose.
func (d *Daemon) startDiagnoses(ctx context.Context, res *collector.PollResult) *pulls {
	var due []evidenceRead
	for _, sr := range res.Stages {
		if start, ok, first := d.evidenceStart(sr); ok {
			due = append(due, evidenceRead{sr: sr, start: start, first: first})
		}
	}
	p := &pulls{results: make(chan pulled, len(due)), pending: len(due)}
	go func() {
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(d.opts.EvidenceConcurrency)
		for _, r := range due {
			g.Go(func() error {
				p.results <- pulled{key: r.sr.Stage.Key, first: r.first, dg: d.diagnose(gctx, r.sr, r.start)}
				return nil
			})
		}
		_ = g.Wait()
	}()
	return p
}

// collect receives, by stage key, the diagnoses of the pulls that end
// before wait has passed on the daemon's clock (every pull when wait is
// negative, none when it is zero) or ctx ends, and records each as the
// stage's last read, which says when the next is due (see readDue).
func (d *Daemon) collect(ctx context.Context, p *pulls, wait time.Duration) map[string]diagnosed {
	m := map[string]diagnosed{}
	if p.pending == 0 || wait == 0 {
		return m
	}
	var timeout <-chan time.Time
	if wait > 0 {
		timeout = d.opts.Clock.After(wait)
	}
	for ; p.pending > 0; p.pending-- {
		var r pulled
		select {
		case r = <-p.results:
		case <-timeout:
			return m
		case <-ctx.Done():
			return m
		}
		if r.dg.diag != nil {
			m[r.key] = r.dg
			d.recordRead(r.key, r.first, r.dg.incomplete)
		}
	}
	return m
}
