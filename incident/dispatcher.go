package incident

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// BatchNotifier is a sink that can announce several newly opened incidents
// in one message (a digest instead of a storm). The dispatcher hands it
// runs of opened events when DispatcherOptions.DigestMin of them wait at
// the head of its outbox; each Delivery keeps its own state and checkpoint.
type BatchNotifier interface {
	notifier.Notifier
	NotifyBatch(ctx context.Context, ds []*notifier.Delivery) (retry bool, err error)
}

// DispatcherOptions tune a Dispatcher. Zero values take the defaults.
type DispatcherOptions struct {
	Clock  clock.Clock  // default clock.Real
	Logger *slog.Logger // default: discard
	// Registerer receives the notification metrics; nil keeps them private.
	Registerer prometheus.Registerer
	// InitialBackoff and MaxBackoff bound the waits after transient
	// failures (defaults 1 s and 5 min).
	InitialBackoff time.Duration
	MaxBackoff     time.Duration
	// Jitter spreads a backoff; default: uniform between half and all of it.
	Jitter func(time.Duration) time.Duration
	// CallTimeout bounds one Notify call (default 30 s). The call is not
	// cancelled when Run's context ends: shutdown waits for it, at most
	// this long, so that its result is recorded.
	CallTimeout time.Duration
	// DigestMin enables digests for a BatchNotifier: that many opened
	// events at the head go out in one NotifyBatch (0 or 1: never).
	DigestMin int
	// DigestMax caps a digest (default 20).
	DigestMax int
	// DigestWait holds a fresh opened event this long, for the incidents
	// that open in the same poll to join its digest (default 0).
	DigestWait time.Duration
}

// Dispatcher delivers one sink's outbox, oldest entry first: an entry
// blocks the ones behind it until it is delivered or fails for good, so an
// update never overtakes its opened, and a sink that asks to slow down
// (Retry-After) is not called for another incident meanwhile.
type Dispatcher struct {
	st      *Store
	sink    notifier.Notifier
	name    string
	clk     clock.Clock
	log     *slog.Logger
	opts    DispatcherOptions
	backoff backoff
	metrics *dispatchMetrics
	// unrecorded is set while a delivery the sink accepted waits to be
	// recorded; Run's goroutine alone touches it.
	unrecorded *unrecorded
}

// NewDispatcher returns the dispatcher of one sink and registers its
// metrics (outbox depth, notifications by result, delivery delay).
func NewDispatcher(st *Store, sink notifier.Notifier, opts DispatcherOptions) (*Dispatcher, error) {
	opts = opts.withDefaults()
	d := &Dispatcher{
		st: st, sink: sink, name: sink.Name(), clk: opts.Clock, opts: opts,
		log:     opts.Logger.With("sink", sink.Name()),
		backoff: backoff{initial: opts.InitialBackoff, max: opts.MaxBackoff, jitter: opts.Jitter},
	}
	var err error
	if d.metrics, err = newDispatchMetrics(opts.Registerer, d.name); err != nil {
		return nil, err
	}
	if err := registerDepth(opts.Registerer, d.name, d.Depth); err != nil {
		return nil, err
	}
	return d, nil
}

func (o DispatcherOptions) withDefaults() DispatcherOptions {
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Registerer == nil {
		o.Registerer = prometheus.NewRegistry()
	}
	if o.InitialBackoff <= 0 {
		o.InitialBackoff = time.Second
	}
	if o.MaxBackoff < o.InitialBackoff {
		o.MaxBackoff = max(5*time.Minute, o.InitialBackoff)
	}
	if o.Jitter == nil {
		o.Jitter = equalJitter
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = 30 * time.Second
	}
	if o.DigestMax <= 0 {
		o.DigestMax = 20
	}
	return o
}

// Depth returns the sink's pending notifications (0 when the store cannot
// be read; the error is logged).
func (d *Dispatcher) Depth() int {
	n, err := d.st.depth(d.name)
	if err != nil {
		d.log.Warn("reading outbox depth failed", "err", err)
	}
	return n
}

// Run delivers until ctx is done, then returns nil once the call in flight
// (if any) has finished and been recorded. It returns an error only when
// the store is closed under it.
func (d *Dispatcher) Run(ctx context.Context) error {
	wake := d.st.wake(d.name)
	failures := 0
	// waited is the entry whose backoff this process slept itself: its
	// stored retry time is not waited for again, which a wall clock set
	// back during the sleep would otherwise ask for.
	var waited uint64
	for ctx.Err() == nil {
		if d.unrecorded != nil && !d.recordLate() {
			failures++
			d.sleep(ctx, d.backoff.wait(failures, nil))
			continue
		}
		batch, err := d.next(ctx)
		if err != nil {
			if errors.Is(err, berrors.ErrDatabaseNotOpen) {
				return fmt.Errorf("sink %s: %w", d.name, err)
			}
			d.log.Error("reading the outbox failed", "err", err)
			failures++
			d.sleep(ctx, d.backoff.wait(failures, nil))
			continue
		}
		if ctx.Err() != nil {
			break // a digest wait ended with the shutdown: start no new call
		}
		if len(batch) == 0 {
			select {
			case <-ctx.Done():
			case <-wake:
			}
			continue
		}
		if wait := storedWait(batch, d.clk.Now()); wait > 0 && batch[0].key != waited {
			// A retry scheduled before a restart: wait out what is left.
			d.log.Info("resuming the backoff of an earlier attempt", "event", batch[0].Event.ID, "wait", wait)
			d.sleep(ctx, wait)
			if ctx.Err() != nil {
				break
			}
		}
		wait := d.deliver(ctx, batch, &failures)
		waited = 0
		if wait > 0 {
			waited = batch[0].key
			d.sleep(ctx, wait)
		}
	}
	return nil
}

// sleep waits d on the clock, or until ctx is done.
func (d *Dispatcher) sleep(ctx context.Context, wait time.Duration) {
	select {
	case <-ctx.Done():
	case <-d.clk.After(wait):
	}
}
