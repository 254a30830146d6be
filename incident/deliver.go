package incident

import (
	"context"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// next returns what to deliver now: the oldest pending entry, or a run of
// opened entries for a digest.
func (d *Dispatcher) next(ctx context.Context) ([]outboxEntry, error) {
	bn, batching := d.sink.(BatchNotifier)
	limit := 1
	if batching && d.opts.DigestMin > 1 {
		limit = d.opts.DigestMax
	} else {
		bn = nil
	}
	entries, err := d.st.head(d.name, limit)
	if err != nil || len(entries) == 0 || bn == nil || entries[0].Event.Kind != notifier.KindOpened {
		return firstOf(entries), err
	}
	if ready := entries[0].EnqueuedAt.Add(d.opts.DigestWait); d.clk.Now().Before(ready) && len(entries) < limit {
		d.sleep(ctx, ready.Sub(d.clk.Now()))
		if entries, err = d.st.head(d.name, limit); err != nil {
			return nil, err
		}
	}
	run := openedRun(entries)
	if len(run) >= d.opts.DigestMin {
		return run, nil
	}
	return firstOf(entries), nil
}

func firstOf(entries []outboxEntry) []outboxEntry {
	if len(entries) == 0 {
		return nil
	}
	return entries[:1]
}

// openedRun returns the opened entries at the head, up to the first other
// kind: a digest never reorders an incident's events.
func openedRun(entries []outboxEntry) []outboxEntry {
	for i, e := range entries {
		if e.Event.Kind != notifier.KindOpened {
			return entries[:i]
		}
	}
	return entries
}

// deliver makes one attempt at a batch (usually of one entry) and records
// the result. It returns how long to wait before the next attempt.
func (d *Dispatcher) deliver(ctx context.Context, batch []outboxEntry, failures *int) time.Duration {
	keys := make([]uint64, len(batch))
	for i := range batch {
		keys[i] = batch[i].key
		batch[i].Attempts++
	}
	if err := d.st.attempt(d.name, keys); err != nil {
		d.log.Error("recording a delivery attempt failed", "err", err)
		*failures++
		return d.backoff.wait(*failures, nil)
	}
	ds, err := d.deliveries(batch)
	if err != nil {
		d.log.Error("reading sink state failed", "err", err)
		*failures++
		return d.backoff.wait(*failures, nil)
	}
	retry, err := d.call(ctx, ds)
	return d.record(batch, ds, retry, err, failures)
}

// deliveries builds the sink's view of a batch, each with its saved state
// and a checkpoint that persists the state at once.
func (d *Dispatcher) deliveries(batch []outboxEntry) ([]*notifier.Delivery, error) {
	ds := make([]*notifier.Delivery, len(batch))
	for i, e := range batch {
		st, err := d.st.sinkState(e.Event.IncidentID, d.name)
		if err != nil {
			return nil, err
		}
		id := e.Event.IncidentID
		ds[i] = &notifier.Delivery{
			Event: e.Event, State: st, Attempt: e.Attempts,
			Checkpoint: func(s notifier.SinkState) error { return d.st.checkpoint(id, d.name, s) },
		}
	}
	return ds, nil
}

// call runs the sink under its own timeout, detached from ctx so that a
// shutdown lets the call in flight finish and be recorded.
func (d *Dispatcher) call(ctx context.Context, ds []*notifier.Delivery) (bool, error) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d.opts.CallTimeout)
	defer cancel()
	if len(ds) > 1 {
		return d.sink.(BatchNotifier).NotifyBatch(cctx, ds)
	}
	return d.sink.Notify(cctx, ds[0])
}

// record stores the outcome of an attempt.
func (d *Dispatcher) record(batch []outboxEntry, ds []*notifier.Delivery, retry bool, callErr error, failures *int) time.Duration {
	now := d.clk.Now()
	states := make([]notifier.SinkState, len(ds))
	for i, dl := range ds {
		states[i] = dl.State
	}
	ev := batch[0].Event
	log := d.log.With("event", ev.ID, "kind", string(ev.Kind), "batch", len(batch), "attempt", batch[0].Attempts)
	if callErr == nil {
		if err := d.st.delivered(d.name, batch, states, now); err != nil {
			// The sink has it: remember that, so the entry is recorded
			// (not sent again) once the store takes writes.
			d.unrecorded = &unrecorded{batch: batch, states: states, at: now}
			log.Error("recording a delivery failed; recorded later, not sent again", "err", err)
			*failures++
			return d.backoff.wait(*failures, nil)
		}
		*failures = 0
		d.metrics.notifications.WithLabelValues(d.name, resultDelivered).Add(float64(len(batch)))
		for _, e := range batch {
			d.metrics.latency.WithLabelValues(d.name).Observe(now.Sub(e.EnqueuedAt).Seconds())
		}
		log.Info("notification delivered")
		return 0
	}
	if !retry {
		if err := d.st.failed(d.name, batch, states, callErr, nil); err != nil {
			log.Error("recording a failed delivery failed", "err", err)
		}
		*failures = 0
		d.metrics.notifications.WithLabelValues(d.name, resultFailed).Add(float64(len(batch)))
		log.Error("notification failed permanently; not retried", "err", redact(callErr.Error()))
		return 0
	}
	// The backoff goes on from the stored count: a restart in an outage
	// does not start it again from the first step.
	*failures = max(*failures, storedFailures(batch)) + 1
	wait := d.backoff.wait(*failures, callErr)
	next := &entryBackoff{Failures: *failures, FailedAt: now, RetryAt: now.Add(wait)}
	if err := d.st.failed(d.name, batch, states, callErr, next); err != nil {
		log.Error("recording a failed delivery failed", "err", err)
	}
	d.metrics.notifications.WithLabelValues(d.name, resultRetried).Add(float64(len(batch)))
	log.Warn("notification failed; will retry", "err", redact(callErr.Error()), "wait", wait)
	return wait
}

// storedFailures is the most transient failures in a row that the
// entries of a batch were stored with.
func storedFailures(batch []outboxEntry) int {
	n := 0
	for _, e := range batch {
		if e.Backoff != nil {
			n = max(n, e.Backoff.Failures)
		}
	}
	return n
}

// storedWait is how long the entries of a batch still have to wait, at
// now, for the retry their last transient failure scheduled: the longest
// of theirs, 0 when none is due later. After a restart it is what is left
// of the wait a stopped process was in, a sink's Retry-After included;
// after a wait this process slept itself Run does not ask (it is 0 unless
// the wall clock was set back meanwhile).
func storedWait(batch []outboxEntry, now time.Time) time.Duration {
	var wait time.Duration
	for _, e := range batch {
		wait = max(wait, e.Backoff.remaining(now))
	}
	return wait
}

// unrecorded is a delivery the sink accepted but the store could not
// record (its file refused the write). Until it is recorded the dispatcher
// sends nothing else, so the entry is not delivered a second time.
type unrecorded struct {
	batch  []outboxEntry
	states []notifier.SinkState
	at     time.Time
}

// recordLate retries recording an accepted delivery; it reports false while
// the store still refuses.
func (d *Dispatcher) recordLate() bool {
	u := d.unrecorded
	if err := d.st.delivered(d.name, u.batch, u.states, u.at); err != nil {
		d.log.Warn("recording a delivery still fails", "event", u.batch[0].Event.ID, "err", err)
		return false
	}
	d.unrecorded = nil
	d.metrics.notifications.WithLabelValues(d.name, resultDelivered).Add(float64(len(u.batch)))
	d.log.Info("notification delivered", "event", u.batch[0].Event.ID, "recorded_late", true)
	return true
}
