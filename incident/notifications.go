package incident

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// SinkStatus is what one sink got of one incident's notifications.
type SinkStatus struct {
	Delivered int    `json:"delivered"`
	Pending   int    `json:"pending"`
	Failed    int    `json:"failed"`
	LastError string `json:"last_error,omitempty"`
	// Attempts and NextAttemptAt are the oldest pending notification's
	// calls so far and, after a transient failure, when the sink is called
	// again (a sink's Retry-After included): during a Slack or
	// Alertmanager outage they say a notification is late, not lost, and
	// until when. Both are left out when nothing waits on a retry.
	Attempts      int        `json:"attempts,omitempty"`
	NextAttemptAt *time.Time `json:"next_attempt_at,omitempty"`
}

// notePending counts a pending entry; the first one met per incident and
// sink is the oldest (a sink's outbox is in enqueue order) and is the one
// the sink is retrying, so its schedule is the one shown.
func (st *SinkStatus) notePending(e outboxEntry) {
	st.Pending++
	if st.Pending > 1 || e.Attempts == 0 {
		return
	}
	st.Attempts = e.Attempts
	if e.Backoff != nil {
		at := e.Backoff.RetryAt
		st.NextAttemptAt = &at
	}
}

type sinkCounts map[string]*SinkStatus // by sink

func (c sinkCounts) pending() int {
	n := 0
	for _, s := range c {
		n += s.Pending
	}
	return n
}

// notificationCounts returns, per incident and sink, how many events were
// delivered, are pending (with the oldest one's retry schedule) and failed
// for good.
func (s *Store) notificationCounts() (map[string]sinkCounts, error) {
	out := map[string]sinkCounts{}
	get := func(id, sink string) *SinkStatus {
		if out[id] == nil {
			out[id] = sinkCounts{}
		}
		if out[id][sink] == nil {
			out[id][sink] = &SinkStatus{}
		}
		return out[id][sink]
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bucketOutbox)
		err := ob.ForEachBucket(func(sink []byte) error {
			return ob.Bucket(sink).ForEach(func(_, v []byte) error {
				var e outboxEntry
				if err := strictDecode(v, &e); err != nil {
					return err
				}
				if e.Status == entryPending {
					get(e.Event.IncidentID, string(sink)).notePending(e)
				}
				return nil
			})
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketSinks).ForEach(func(k, v []byte) error {
			var r sinkRecord
			if err := strictDecode(v, &r); err != nil {
				return err
			}
			id, sink := splitSinkKey(k)
			st := get(id, sink)
			st.Delivered, st.Failed, st.LastError = r.Delivered, r.Failed, r.LastError
			return nil
		})
	})
	return out, err
}

func splitSinkKey(k []byte) (incidentID, sink string) {
	for i, b := range k {
		if b == 0 {
			return string(k[:i]), string(k[i+1:])
		}
	}
	return string(k), ""
}
