package incident

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	bolt "go.etcd.io/bbolt"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// ManagerOptions configure a Manager. Zero values take the defaults.
type ManagerOptions struct {
	Clock clock.Clock // default clock.Real
	// OutboxClock stamps outbox entries; it must be the dispatchers'
	// clock, since they compare it with their own for digest waits and
	// delivery delays. Default: Clock (the same in production; the demo
	// runs incidents on emulated time and notifications on wall time).
	OutboxClock clock.Clock
	Logger      *slog.Logger          // default: discard
	Registerer  prometheus.Registerer // required: the daemon's registry
	// Sinks names the sinks every transition is enqueued for (their
	// Notifier.Name()); a sink added later gets only later transitions.
	Sinks []string
	// Editors names the sinks among Sinks that keep an incident's message
	// current in place (notifier.Editor): only they get the edits that
	// notify nobody (notifier.Kind.EditOnly).
	Editors []string
	// RepeatInterval, Cooldown and RateChangeFactor: see Rules.
	RepeatInterval   time.Duration
	Cooldown         time.Duration
	RateChangeFactor float64
	// Recent is how many resolved incidents the handler lists (default 50).
	Recent int
}

// Transition is what one observation did.
type Transition struct {
	// Kind is the notification enqueued; "" when the observation changed
	// nothing worth one.
	Kind notifier.Kind
	// Incident is the stage's incident after the observation; its ID is
	// empty when the stage has none.
	Incident Incident
	// Held is set when the store refused the change and it waits in
	// memory (see held.go): it will be written and announced, but a crash
	// before then loses it, so a consumer of messages must not delete them.
	Held bool
}

// Manager owns the incident lifecycle of every monitored stage. It is safe
// for concurrent use; observations of one stage must come in poll order.
type Manager struct {
	st      *Store
	clk     clock.Clock
	outClk  clock.Clock
	log     *slog.Logger
	rules   Rules
	sinks   []string
	editors []string
	recent  int
	metrics *managerMetrics

	mu        sync.Mutex
	latest    map[string]*Incident // by stage key: open, or the last resolved
	lastPrune time.Time
	// held are changes the store refused, oldest first (see held.go).
	held      []heldChange
	heldSeq   int
	nextFlush time.Time
}

// pruneEvery spaces out retention passes: a pass reads the whole history,
// too much to do on every resolution when many stages flap.
const pruneEvery = 10 * time.Minute

// NewManager loads the stored incidents and registers the incident metrics.
func NewManager(st *Store, opts ManagerOptions) (*Manager, error) {
	if opts.Registerer == nil {
		return nil, errors.New("incident manager: a prometheus.Registerer is required")
	}
	m := &Manager{
		st: st, clk: opts.Clock, log: opts.Logger, sinks: append([]string(nil), opts.Sinks...),
		editors: editorsOf(opts),
		rules:   Rules{RepeatInterval: opts.RepeatInterval, Cooldown: opts.Cooldown, RateChangeFactor: opts.RateChangeFactor}.withDefaults(),
		recent:  opts.Recent,
	}
	if m.clk == nil {
		m.clk = clock.Real{}
	}
	m.outClk = opts.OutboxClock
	if m.outClk == nil {
		m.outClk = m.clk
	}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	if m.recent <= 0 {
		m.recent = 50
	}
	var err error
	if m.metrics, err = newManagerMetrics(opts.Registerer); err != nil {
		return nil, err
	}
	if err := registerStoreMetrics(opts.Registerer, m); err != nil {
		return nil, err
	}
	if m.latest, err = st.latest(); err != nil {
		return nil, fmt.Errorf("incident store %s: loading incidents: %w", st.Path(), err)
	}
	for _, inc := range m.latest {
		if inc.Open() {
			m.metrics.show(inc)
		}
	}
	m.lastPrune = m.clk.Now()
	if _, err := st.prune(m.lastPrune); err != nil {
		return nil, fmt.Errorf("incident store %s: pruning: %w", st.Path(), err)
	}
	return m, nil
}

// Observe applies one poll's observation of one stage. A transition is
// persisted together with its outbox entries, one per sink, in one
// transaction: the notification is enqueued if and only if the state
// change is stored. The daemon should pass the diagnosis with the
// observation that trips, so that the opened notification carries it.
func (m *Manager) Observe(ctx context.Context, obs Observation) (Transition, error) {
	if obs.Key == "" {
		return Transition{}, errors.New("observation without a stage key")
	}
	return m.apply(ctx, obs.Key, func(prev *Incident, now time.Time) decision { return decide(prev, obs, now, m.rules) })
}

// Diagnose gives the open incident of obs.Key the diagnosis of evidence
// read after the poll's observation: the daemon announces a trip at once
// and sends the cause when its Logs Insights query has answered. Only the
// diagnosis, its scope, routes and log groups of obs are read; a stage
// without an open incident is left alone.
func (m *Manager) Diagnose(ctx context.Context, obs Observation) (Transition, error) {
	return m.apply(ctx, obs.Key, func(prev *Incident, now time.Time) decision { return diagnoseLate(prev, obs, now) })
}

// apply decides what step makes of the stage's latest incident, stores
// the change with its notifications, and returns the transition; with no
// change, the incident as it stands if it is open.
func (m *Manager) apply(ctx context.Context, key string, step func(prev *Incident, now time.Time) decision) (Transition, error) {
	if err := ctx.Err(); err != nil {
		return Transition{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.flushHeld()
	now := m.clk.Now()
	prev := m.latest[key]
	d := step(prev, now)
	if d.next == nil {
		if prev != nil && prev.Open() {
			return Transition{Incident: *prev.clone()}, nil
		}
		return Transition{}, nil
	}
	if err := m.store(&d, now); err != nil {
		return Transition{}, fmt.Errorf("incident store %s: %w", m.st.Path(), err)
	}
	m.after(prev, d)
	return Transition{Kind: d.kind, Incident: *d.next.clone(), Held: len(m.held) > 0}, nil
}

// persist writes the incident and enqueues its notification.
func (m *Manager) persist(d *decision, now time.Time) error {
	return m.st.update(func(tx *bolt.Tx) error {
		if d.isNew {
			n, err := nextIncidentSeq(tx)
			if err != nil {
				return err
			}
			d.next.ID = newIncidentID(now, n)
		}
		if err := putIncident(tx, d.next); err != nil {
			return err
		}
		if d.kind == "" {
			return nil
		}
		inc := d.next
		ev := notifier.Event{
			ID: eventID(inc.ID, inc.Seq), IncidentID: inc.ID, Seq: inc.Seq,
			Kind: d.kind, At: now, Snapshot: inc.clone().Info,
		}
		return enqueue(tx, m.recipients(d.kind), ev, m.outClk.Now())
	})
}

// after updates the cache, the metrics and the log once a decision is
// stored, and wakes the dispatchers.
func (m *Manager) after(prev *Incident, d decision) {
	inc := d.next
	m.latest[inc.StageKey] = inc
	if prev != nil && prev.Open() {
		m.metrics.hide(prev)
	}
	if inc.Open() {
		m.metrics.show(inc)
	}
	if counted(prev, d) {
		m.metrics.total.WithLabelValues(inc.Info.Diagnosis.Status.String(), inc.Info.Diagnosis.Cause.String()).Inc()
	}
	if d.kind == "" {
		return
	}
	if !d.kind.EditOnly() { // no notification
		m.metrics.transitions.WithLabelValues(string(d.kind)).Inc()
	}
	m.log.Info("incident transition", "incident", inc.ID, "kind", string(d.kind), "stage", inc.StageKey,
		"status", inc.Info.Diagnosis.Status.String(), "cause", inc.Info.Diagnosis.Cause.String(), "seq", inc.Seq)
	for _, s := range m.sinks {
		m.st.signal(s)
	}
	if now := inc.LastSeenAt; d.kind == notifier.KindResolved && now.Sub(m.lastPrune) >= pruneEvery {
		m.lastPrune = now
		if _, err := m.st.prune(now); err != nil {
			m.log.Warn("pruning resolved incidents failed", "err", err)
		}
	}
}

// counted says whether a stored decision makes its incident count under
// its cause, which it does once: when it first has a diagnosis read from
// complete evidence (at its opening, at the diagnosis that follows an
// opening while diagnosing, or at the complete read that follows a partial
// one, which notifies nobody when it confirms the cause), or, failing
// that, when it resolves on partial evidence. A reopened incident was
// counted before it resolved.
func counted(prev *Incident, d decision) bool {
	inc := d.next
	settled := !inc.Info.Diagnosing && !inc.Info.EvidenceIncomplete
	switch {
	case d.isNew:
		return settled
	case prev == nil || !prev.Open() || inc.Reopened > 0:
		return false
	case prev.Info.Diagnosing || prev.Info.EvidenceIncomplete:
		return settled || (!inc.Open() && prev.Info.EvidenceIncomplete)
	}
	return false
}

// Open returns the open incidents, oldest first.
func (m *Manager) Open() []Incident {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Incident
	for _, inc := range m.latest {
		if inc.Open() {
			out = append(out, *inc.clone())
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Info.OpenedAt.Before(out[b].Info.OpenedAt) })
	return out
}

// Lookup returns the open incident of a stage, if any; the daemon uses it
// to decide whether a trip needs a fresh classification.
func (m *Manager) Lookup(stageKey string) (Incident, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	inc, ok := m.latest[stageKey]
	if !ok || !inc.Open() {
		return Incident{}, false
	}
	return *inc.clone(), true
}
