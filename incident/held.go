package incident

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	bolt "go.etcd.io/bbolt"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// maxHeld bounds the changes kept in memory while the store refuses
// writes: about a day of a flapping 100-stage fleet, a few megabytes.
// Beyond it a change is lost, and the error says so.
const maxHeld = 5000

// retryHeldEvery spaces the attempts to write held changes, so that a
// read-only disk costs one failed write per second, not one per stage.
const retryHeldEvery = time.Second

// heldPrefix marks the provisional id of an incident opened while the store
// refused writes; it gets its real id, drawn from the store's sequence,
// when it is written.
const heldPrefix = "held-"

// heldChange is one lifecycle change the store could not take: the
// incident as it was decided, and the notification it enqueues.
type heldChange struct {
	inc   *Incident
	kind  notifier.Kind
	isNew bool
	at    time.Time // when it was decided
	outAt time.Time // the outbox clock then
}

// errHeldFull is returned when a change can neither be written nor held.
var errHeldFull = errors.New("store refuses writes and the in-memory backlog is full; change lost")

// store writes a decision with its notifications, or, when the file
// refuses the write, keeps it in memory to be written in order later. It
// assigns a new incident's id. Only a full backlog is an error.
func (m *Manager) store(d *decision, now time.Time) error {
	if len(m.held) == 0 {
		err := m.persist(d, now)
		if err == nil {
			return nil
		}
		m.log.Error("incident store write failed; holding changes in memory until it works again", "err", err)
	}
	if len(m.held) >= maxHeld {
		return errHeldFull
	}
	if d.isNew {
		m.heldSeq++
		d.next.ID = fmt.Sprintf("%s%d", heldPrefix, m.heldSeq)
	}
	m.held = append(m.held, heldChange{inc: d.next.clone(), kind: d.kind, isNew: d.isNew, at: now, outAt: m.outClk.Now()})
	return nil
}

// flushHeld writes the held changes, oldest first, in one transaction, at
// most once per retryHeldEvery. Each incident opened meanwhile gets its
// real id then, in the cache as well.
func (m *Manager) flushHeld() {
	now := m.outClk.Now()
	if len(m.held) == 0 || now.Before(m.nextFlush) {
		return
	}
	m.nextFlush = now.Add(retryHeldEvery)
	ids := map[string]string{}
	err := m.st.update(func(tx *bolt.Tx) error {
		clear(ids)
		return writeHeld(tx, m.held, m.recipients, ids)
	})
	if err != nil {
		m.log.Warn("incident store still refuses writes", "held", len(m.held), "err", err)
		return
	}
	for _, inc := range m.latest {
		if real, ok := ids[inc.ID]; ok {
			inc.ID = real
		}
	}
	m.log.Info("incident store writable again; held changes written", "changes", len(m.held))
	m.held = nil
	for _, s := range m.sinks {
		m.st.signal(s)
	}
}

// writeHeld stores held changes and enqueues their notifications. ids maps
// provisional ids to the real ones drawn here; the held values themselves
// are not changed, so a failed transaction can be retried as it was.
func writeHeld(tx *bolt.Tx, held []heldChange, sinks func(notifier.Kind) []string, ids map[string]string) error {
	for _, h := range held {
		inc := h.inc.clone()
		if h.isNew && strings.HasPrefix(inc.ID, heldPrefix) {
			n, err := nextIncidentSeq(tx)
			if err != nil {
				return err
			}
			ids[inc.ID] = newIncidentID(h.at, n)
		}
		if real, ok := ids[inc.ID]; ok {
			inc.ID = real
		}
		if err := putIncident(tx, inc); err != nil {
			return err
		}
		if h.kind == "" {
			continue
		}
		ev := notifier.Event{
			ID: eventID(inc.ID, inc.Seq), IncidentID: inc.ID, Seq: inc.Seq,
			Kind: h.kind, At: h.at, Snapshot: inc.clone().Info,
		}
		if err := enqueue(tx, sinks(h.kind), ev, h.outAt); err != nil {
			return err
		}
	}
	return nil
}

// Held returns how many lifecycle changes wait in memory for the store.
func (m *Manager) Held() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.held)
}

// Healthy returns nil when the store takes writes and nothing is held;
// otherwise the reason, for /readyz.
func (m *Manager) Healthy() error {
	if n := m.Held(); n > 0 {
		return fmt.Errorf("incident store %s refuses writes: %d changes held in memory", m.st.Path(), n)
	}
	return m.st.WriteError()
}

// registerStoreMetrics exports the store's write failures and the changes
// held in memory, so that a full or read-only disk is seen before anyone
// misses a notification.
func registerStoreMetrics(reg prometheus.Registerer, m *Manager) error {
	for _, c := range []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "apigw_triage_store_errors_total",
			Help: "Writes the incident store's file refused (full or read-only disk, I/O error) since the daemon started.",
		}, func() float64 { return float64(m.st.WriteFailures()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "apigw_triage_store_held_changes",
			Help: "Incident changes, with their notifications, held in memory because the incident store refused to write them; written in order once it works again.",
		}, func() float64 { return float64(m.Held()) }),
	} {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("registering store metrics: %w", err)
		}
	}
	return nil
}
