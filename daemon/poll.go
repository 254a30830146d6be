package daemon

import (
	"context"
	"errors"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// pollOnce runs one poll: metrics, thresholds, evidence for tripped stages,
// incident observations, and the refresh of sinks that re-send open alerts.
// With AnnounceEarly, a trip whose evidence is still being read after
// DiagnosisWait is observed without it (its incident opens diagnosing, so
// the on-call hears of it at once) and gets its diagnosis when the pull
// ends, in the same poll.
func (d *Daemon) pollOnce(ctx context.Context) {
	res, err := d.opts.Collector.Poll(ctx)
	if errors.Is(err, collector.ErrPollInProgress) || ctx.Err() != nil {
		return
	}
	d.recordPoll(res, err)
	if res == nil {
		return
	}
	d.updateStageMetrics(res)
	d.ack(ctx, d.observe(ctx, res))
	d.refresh(ctx)
	if d.opts.OnPoll != nil {
		d.opts.OnPoll(res)
	}
}

// observe hands the poll's results to the incident manager and the
// diagnoses of the tripped stages to their incidents, and returns the
// stages whose change was not stored.
func (d *Daemon) observe(ctx context.Context, res *collector.PollResult) map[string]bool {
	failed := map[string]bool{}
	p := d.startDiagnoses(ctx, res)
	wait := time.Duration(-1) // every diagnosis
	if d.opts.AnnounceEarly {
		wait = d.opts.DiagnosisWait
	}
	d.observeAll(ctx, res, d.collect(ctx, p, wait), failed)
	d.diagnoseLate(ctx, res, d.collect(ctx, p, -1), failed)
	return failed
}

// observeAll hands every stage's result to the incident manager, with the
// diagnoses already pulled; failed collects the stages whose change was
// not stored.
func (d *Daemon) observeAll(ctx context.Context, res *collector.PollResult, diags map[string]diagnosed, failed map[string]bool) {
	for _, sr := range res.Stages {
		tr, err := d.opts.Incidents.Observe(ctx, observation(sr, diags[sr.Stage.Key]))
		if err != nil {
			d.log.Error("incident update failed", "stage", sr.Stage.Key, "err", err)
		}
		if err != nil || tr.Held { // a change held in memory is not stored: its alarm message stays
			failed[sr.Stage.Key] = true
		}
	}
}

// diagnoseLate gives the incidents observed before their evidence was read
// the diagnoses that came after.
func (d *Daemon) diagnoseLate(ctx context.Context, res *collector.PollResult, diags map[string]diagnosed, failed map[string]bool) {
	for _, sr := range res.Stages {
		dg, ok := diags[sr.Stage.Key]
		if !ok {
			continue
		}
		tr, err := d.opts.Incidents.Diagnose(ctx, observation(sr, dg))
		if err != nil {
			d.log.Error("incident diagnosis update failed", "stage", sr.Stage.Key, "err", err)
		}
		if err != nil || tr.Held {
			failed[sr.Stage.Key] = true
		}
	}
}

// recordPoll counts the poll and remembers its outcome for /readyz.
func (d *Daemon) recordPoll(res *collector.PollResult, err error) {
	result := pollSuccess
	switch {
	case err != nil:
		result = pollError
		d.log.Error("poll failed", "err", err)
	case len(res.Failures) > 0:
		result = pollPartial
		for _, f := range res.Failures {
			d.log.Warn("poll of one account or region failed", "account", f.Account, "region", f.Region, "op", f.Op, "err", f.Err)
		}
	}
	d.metrics.polls.WithLabelValues(result).Inc()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.polls++
	if err == nil {
		d.lastPoll = d.opts.Clock.Now()
	}
	d.lastErr = err
}

// diagnosed is what the evidence of one tripped stage gave: the
// diagnosis and, with detailed metrics, the failing routes.
type diagnosed struct {
	diag *classifier.Diagnosis
	// figures are the stage's metrics as the evidence read them: the
	// incident's figures when the poll read none (alarm mode).
	figures   classifier.Hints
	routes    []stage.RouteFigures
	logGroups []string
	scope     stage.EvidenceScope
	// incomplete is set when a read of the evidence failed: the diagnosis
	// rests on part of it, and the evidence is read again (see readDue).
	incomplete bool
	// reads are the reads that failed (collector.Incomplete*).
	reads []stage.Read
}

// diagnose pulls one stage's evidence from start and classifies it.
// Without evidence (logs unreadable, logging off) the classifier still
// answers from the metric context, and says which evidence was missing.
// A read that failed (the collector names it) makes the diagnosis one of
// incomplete evidence: the incident is marked so, and read again.
func (d *Daemon) diagnose(ctx context.Context, sr collector.StageResult, start time.Time) diagnosed {
	ev, err := d.opts.Collector.Evidence(ctx, sr.Stage, start, evidenceEnd(sr, d.opts.Clock.Now()))
	if ctx.Err() != nil {
		return diagnosed{}
	}
	result := "ok"
	if err != nil {
		result = "evidence_error"
		d.log.Warn("evidence pull failed", "stage", sr.Stage.Key, "err", err)
	}
	d.metrics.classifyTotal.WithLabelValues(result).Inc()
	diag := classifyEvidence(sr, ev, d.opts.Lang)
	dg := diagnosed{diag: &diag, figures: stageContext(sr, ev), incomplete: ev == nil || len(ev.Incomplete) > 0}
	if ev != nil {
		dg.routes, dg.logGroups, dg.scope = ev.Routes, ev.LogGroups, ev.Scope
		dg.reads = ev.Incomplete
	}
	for _, r := range dg.reads {
		d.metrics.failedReads.WithLabelValues(r.String()).Inc()
	}
	// incomplete_reads names which reads failed (collector.Incomplete*);
	// the incident keeps them with the diagnosis, and messages say what
	// each cost it.
	d.log.Info("diagnosed", "stage", sr.Stage.Key, "status", diag.Status, "cause", diag.Cause, "confidence", diag.Confidence,
		"evidence_incomplete", dg.incomplete, "incomplete_reads", dg.reads)
	return dg
}

// evidenceStart says whether a stage needs a diagnosis in this poll,
// where its evidence begins, and whether the read is its incident's first,
// from one look at its incident. A tripped stage without an open incident
// needs one now, from the poll window's start. An open incident is
// re-diagnosed every RediagnoseEvery polls (counted from its last read in
// full) while it trips, on what came since the last diagnosis and no
// further back than its opening: it is the current cause that can have
// changed, and Logs Insights bills every byte scanned again. An open
// incident diagnosed from incomplete evidence is read again, tripping or
// not, until it is resolved or read in full, from the window that opened
// it (no further back than a re-diagnosis reads): an AWS outage delays its
// diagnosis, never leaves it on part of the evidence. A read that fails in
// part is tried again 1, 2, 4, ... polls later, at most RediagnoseEvery
// (see readDue): a failure that lasts must not cost a query every poll.
func (d *Daemon) evidenceStart(sr collector.StageResult) (start time.Time, due, first bool) {
	start = sr.WindowStart
	inc, open := d.opts.Incidents.Lookup(sr.Stage.Key) // open incidents only
	since := sr.WindowEnd.Add(-time.Duration(d.opts.RediagnoseEvery) * d.opts.Interval)
	switch {
	case !open:
		return start, sr.Tripped, true
	case inc.Info.EvidenceIncomplete:
		opening := start.Add(-d.opts.Clock.Now().Sub(inc.Info.OpenedAt))
		return minTime(start, maxTime(opening, since)), !sr.Clear && d.readDue(sr.Stage.Key, 1), false
	case !sr.Tripped:
		return start, false, false
	}
	return minTime(start, maxTime(inc.Info.OpenedAt, since)), d.readDue(sr.Stage.Key, d.opts.RediagnoseEvery), false
}

// stageContext is the classifier's context: the collector's when it pulled
// evidence, else what the poll alone knows.
func stageContext(sr collector.StageResult, ev *collector.Evidence) classifier.Hints {
	var c classifier.Hints
	if ev != nil {
		c = ev.Context
	}
	c.APIType = sr.Stage.APIType
	if c.Requests == 0 {
		c.Requests, c.Errors5xx = sr.Requests, sr.Errors5xx
	}
	if c.LatencyMax == 0 {
		c.LatencyMax = sr.Latency
	}
	if c.IntegrationTimeout == 0 && c.RouteTimeouts == nil {
		// with no evidence read, the poll's stage has the configuration:
		// the one timeout, or each route's when they differ, so that the
		// stage's figures meet the longest of them, not the default
		c.IntegrationTimeout, c.RouteTimeouts = sr.Stage.EffectiveTimeout(), sr.Stage.RouteTimeouts
	}
	return c
}

// observation is the incident manager's input for a stage's poll result.
func observation(sr collector.StageResult, dg diagnosed) incident.Observation {
	if !sr.HasData && dg.diag != nil && dg.figures.Requests > 0 {
		sr.Requests, sr.Errors5xx = dg.figures.Requests, dg.figures.Errors5xx
		sr.ErrorRate, sr.Latency = sr.Errors5xx/sr.Requests, dg.figures.LatencyMax
	}
	return incident.Observation{
		Identity: sr.Stage.Identity, Figures: sr.Figures,
		Tripped: sr.Tripped, Clear: sr.Clear,
		Diagnosis: dg.diag, Scope: dg.scope, Routes: dg.routes, LogGroups: dg.logGroups,
		EvidenceIncomplete: dg.incomplete, IncompleteReads: dg.reads,
	}
}

// refresh hands the open incidents to the sinks that re-send them.
func (d *Daemon) refresh(ctx context.Context) {
	if len(d.opts.Refreshers) == 0 {
		return
	}
	open := d.opts.Incidents.Open()
	snapshots := make([]notifier.Snapshot, 0, len(open))
	for _, inc := range open {
		snapshots = append(snapshots, inc.Info)
	}
	for _, r := range d.opts.Refreshers {
		if err := r.Refresh(ctx, snapshots); err != nil {
			d.log.Warn("refresh of open alerts failed", "err", err)
		}
	}
}

// evidenceEnd is where a stage's evidence ends: the end of the current
// minute, not the window's end. An early trip rests on minutes newer than
// the window (a count proven while CloudWatch completes it), and their log
// lines are already there; evidence that stopped at the window's end would
// miss the very failure. Whole minutes keep the spans messages show short.
func evidenceEnd(sr collector.StageResult, now time.Time) time.Time {
	end := now.Truncate(time.Minute)
	if end.Before(now) {
		end = end.Add(time.Minute)
	}
	return maxTime(sr.WindowEnd, end)
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
