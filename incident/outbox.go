package incident

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// Outbox entry states. Delivered entries are deleted; failed ones stay, to
// be seen in /api/incidents, until their incident is pruned.
const (
	entryPending = "pending"
	entryFailed  = "failed"
)

// outboxEntry is one event waiting for one sink. Entries of a sink are
// keyed by a per-sink sequence, so the bucket's order is the enqueue order.
type outboxEntry struct {
	key        uint64
	Event      notifier.Event `json:"event"`
	EnqueuedAt time.Time      `json:"enqueued_at"`
	Status     string         `json:"status"`
	Attempts   int            `json:"attempts"`
	LastError  string         `json:"last_error,omitempty"`
	// Backoff is where a transient failure left the entry's retries. It
	// is stored with the failure, so that a restarted daemon resumes the
	// wait (a sink's Retry-After included) instead of calling at once a
	// sink that asked it to slow down; absent in entries never retried
	// and in those written by earlier versions.
	Backoff *entryBackoff `json:"backoff,omitempty"`
}

// entryBackoff is a pending entry's retry schedule after a transient
// failure.
type entryBackoff struct {
	// Failures is the dispatcher's count of transient failures in a row
	// when the entry last failed: the step the exponential backoff goes on
	// from.
	Failures int `json:"failures"`
	// FailedAt is when that failure was recorded and RetryAt when the
	// entry may be tried again: FailedAt plus the backoff's wait, or
	// exactly the sink's Retry-After.
	FailedAt time.Time `json:"failed_at"`
	RetryAt  time.Time `json:"retry_at"`
}

// remaining is how long, at now, the entry still has to wait: never
// longer than the wait it was given, so a clock set back after the
// failure does not stretch it.
func (b *entryBackoff) remaining(now time.Time) time.Duration {
	if b == nil {
		return 0
	}
	return min(b.RetryAt.Sub(now), b.RetryAt.Sub(b.FailedAt))
}

// sinkRecord is one sink's bookkeeping for one incident.
type sinkRecord struct {
	State           notifier.SinkState `json:"state"`
	Delivered       int                `json:"delivered"`
	LastDeliveredAt time.Time          `json:"last_delivered_at"`
	Failed          int                `json:"failed"`
	LastError       string             `json:"last_error,omitempty"`
}

func seqKey(n uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, n)
	return k
}

func sinkKey(incidentID, sink string) []byte { return []byte(incidentID + "\x00" + sink) }

// sinkBucket returns a sink's outbox bucket, creating it in write
// transactions.
func sinkBucket(tx *bolt.Tx, sink string) (*bolt.Bucket, error) {
	ob := tx.Bucket(bucketOutbox)
	if b := ob.Bucket([]byte(sink)); b != nil || !tx.Writable() {
		return b, nil
	}
	return ob.CreateBucket([]byte(sink))
}

// enqueue adds an event for each sink inside the caller's transaction.
func enqueue(tx *bolt.Tx, sinks []string, ev notifier.Event, now time.Time) error {
	for _, sink := range sinks {
		b, err := sinkBucket(tx, sink)
		if err != nil {
			return err
		}
		n, err := b.NextSequence()
		if err != nil {
			return err
		}
		e := outboxEntry{Event: ev, EnqueuedAt: now, Status: entryPending}
		if err := putJSON(b, seqKey(n), e); err != nil {
			return err
		}
	}
	return nil
}

// head returns up to max pending entries of a sink, oldest first.
func (s *Store) head(sink string, limit int) ([]outboxEntry, error) {
	var out []outboxEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		b, _ := sinkBucket(tx, sink)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil && len(out) < limit; k, v = c.Next() {
			var e outboxEntry
			if err := strictDecode(v, &e); err != nil {
				return fmt.Errorf("outbox %s entry %x: %w", sink, k, err)
			}
			if e.Status == entryPending {
				e.key = binary.BigEndian.Uint64(k)
				out = append(out, e)
			}
		}
		return nil
	})
	return out, err
}

// depth counts a sink's pending entries.
func (s *Store) depth(sink string) (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		b, _ := sinkBucket(tx, sink)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var e outboxEntry
			if err := strictDecode(v, &e); err != nil {
				return err
			}
			if e.Status == entryPending {
				n++
			}
			return nil
		})
	})
	return n, err
}

// updateEntry rewrites one entry with f, inside tx.
func updateEntry(tx *bolt.Tx, sink string, key uint64, f func(*outboxEntry)) error {
	b, err := sinkBucket(tx, sink)
	if err != nil {
		return err
	}
	var e outboxEntry
	found, err := getJSON(b, seqKey(key), &e)
	if err != nil || !found {
		return err
	}
	f(&e)
	return putJSON(b, seqKey(key), e)
}

// updateRecord rewrites one sink's bookkeeping for one incident, inside tx.
func updateRecord(tx *bolt.Tx, incidentID, sink string, f func(*sinkRecord)) error {
	b := tx.Bucket(bucketSinks)
	var r sinkRecord
	if _, err := getJSON(b, sinkKey(incidentID, sink), &r); err != nil {
		return err
	}
	f(&r)
	return putJSON(b, sinkKey(incidentID, sink), r)
}

// sinkState returns what a sink saved for an incident.
func (s *Store) sinkState(incidentID, sink string) (notifier.SinkState, error) {
	var r sinkRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		_, err := getJSON(tx.Bucket(bucketSinks), sinkKey(incidentID, sink), &r)
		return err
	})
	return r.State, err
}

// checkpoint persists a sink's state for an incident now.
func (s *Store) checkpoint(incidentID, sink string, st notifier.SinkState) error {
	return s.update(func(tx *bolt.Tx) error {
		return updateRecord(tx, incidentID, sink, func(r *sinkRecord) { r.State = st })
	})
}

// attempt counts an attempt before the sink is called, so that a
// redelivery after a crash reports Attempt > 1.
func (s *Store) attempt(sink string, keys []uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		for _, k := range keys {
			if err := updateEntry(tx, sink, k, func(e *outboxEntry) { e.Attempts++ }); err != nil {
				return err
			}
		}
		return nil
	})
}

// delivered records the sinks' new states and removes the entries, in one
// transaction: either both happen or, after a crash, the entry is
// redelivered with the checkpointed state.
func (s *Store) delivered(sink string, entries []outboxEntry, states []notifier.SinkState, now time.Time) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := sinkBucket(tx, sink)
		if err != nil {
			return err
		}
		for i, e := range entries {
			err := updateRecord(tx, e.Event.IncidentID, sink, func(r *sinkRecord) {
				r.State = states[i]
				r.Delivered++
				r.LastDeliveredAt = now
				r.LastError = ""
			})
			if err != nil {
				return err
			}
			if err := b.Delete(seqKey(e.key)); err != nil {
				return err
			}
		}
		return nil
	})
}

// failed marks entries as permanently failed (retry nil), or notes a
// transient error on them with when to try them again (retry), keeping
// them pending. The sinks' states are kept too: a sink may have done part
// of its work (a root message posted, its reply not).
func (s *Store) failed(sink string, entries []outboxEntry, states []notifier.SinkState, cause error, retry *entryBackoff) error {
	msg := redact(cause.Error())
	permanent := retry == nil
	return s.update(func(tx *bolt.Tx) error {
		for i, e := range entries {
			err := updateEntry(tx, sink, e.key, func(x *outboxEntry) {
				x.LastError = msg
				x.Backoff = retry
				if permanent {
					x.Status = entryFailed
				}
			})
			if err != nil {
				return err
			}
			err = updateRecord(tx, e.Event.IncidentID, sink, func(r *sinkRecord) {
				r.State = states[i]
				r.LastError = msg
				if permanent {
					r.Failed++
				}
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}
