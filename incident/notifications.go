package incident

import (
	bolt "go.etcd.io/bbolt"
)

// SinkStatus is what one sink got of one incident's notifications.
type SinkStatus struct {
	Delivered int    `json:"delivered"`
	Pending   int    `json:"pending"`
	Failed    int    `json:"failed"`
	LastError string `json:"last_error,omitempty"`
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
// delivered, are pending and failed for good.
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
					get(e.Event.IncidentID, string(sink)).Pending++
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
