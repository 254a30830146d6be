package incident

import (
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// putIncident writes an incident and points its stage at it, inside tx.
func putIncident(tx *bolt.Tx, inc *Incident) error {
	if err := putJSON(tx.Bucket(bucketIncidents), []byte(inc.ID), inc); err != nil {
		return err
	}
	return tx.Bucket(bucketStages).Put([]byte(inc.StageKey), []byte(inc.ID))
}

// nextIncidentSeq draws the store-wide number used in incident ids.
func nextIncidentSeq(tx *bolt.Tx) (uint64, error) {
	return tx.Bucket(bucketIncidents).NextSequence()
}

// latest returns each stage's latest incident (open or resolved).
func (s *Store) latest() (map[string]*Incident, error) {
	out := map[string]*Incident{}
	err := s.db.View(func(tx *bolt.Tx) error {
		inc := tx.Bucket(bucketIncidents)
		return tx.Bucket(bucketStages).ForEach(func(stage, id []byte) error {
			var i Incident
			found, err := getJSON(inc, id, &i)
			if err != nil || !found {
				return err
			}
			out[string(stage)] = &i
			return nil
		})
	})
	return out, err
}

// Incidents returns the stored incidents in a state ("" for all), newest
// first, at most limit of them (0: no limit).
func (s *Store) Incidents(state State, limit int) ([]Incident, error) {
	var out []Incident
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIncidents).ForEach(func(_, v []byte) error {
			var i Incident
			if err := strictDecode(v, &i); err != nil {
				return err
			}
			if state == "" || i.State == state {
				out = append(out, i)
			}
			return nil
		})
	})
	sort.Slice(out, func(a, b int) bool { return out[a].Info.OpenedAt.After(out[b].Info.OpenedAt) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, err
}

// prune deletes resolved incidents past the retention (older than
// RetainFor, or beyond the RetainMax newest) with their bookkeeping. An
// incident that still has pending notifications is kept: retention never
// drops a notification.
func (s *Store) prune(now time.Time) (int, error) {
	resolved, err := s.Incidents(StateResolved, 0)
	if err != nil {
		return 0, err
	}
	var victims []Incident
	for n, i := range resolved {
		if n >= s.opts.RetainMax || now.Sub(i.Info.ResolvedAt) > s.opts.RetainFor {
			victims = append(victims, i)
		}
	}
	if len(victims) == 0 {
		return 0, nil
	}
	pending, err := s.notificationCounts()
	if err != nil {
		return 0, err
	}
	removed := 0
	err = s.update(func(tx *bolt.Tx) error {
		for _, v := range victims {
			if pending[v.ID].pending() > 0 {
				continue
			}
			if err := deleteIncident(tx, v); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	return removed, err
}

// deleteIncident removes an incident, its stage pointer when it is the
// stage's latest, its failed outbox entries and its sinks' records.
func deleteIncident(tx *bolt.Tx, inc Incident) error {
	if err := tx.Bucket(bucketIncidents).Delete([]byte(inc.ID)); err != nil {
		return err
	}
	stages := tx.Bucket(bucketStages)
	if string(stages.Get([]byte(inc.StageKey))) == inc.ID {
		if err := stages.Delete([]byte(inc.StageKey)); err != nil {
			return err
		}
	}
	if err := deletePrefix(tx.Bucket(bucketSinks), []byte(inc.ID+"\x00")); err != nil {
		return err
	}
	ob := tx.Bucket(bucketOutbox)
	return ob.ForEachBucket(func(sink []byte) error {
		return deleteWhere(ob.Bucket(sink), func(v []byte) bool {
			var e outboxEntry
			return strictDecode(v, &e) == nil && e.Event.IncidentID == inc.ID && e.Status == entryFailed
		})
	})
}

func deletePrefix(b *bolt.Bucket, prefix []byte) error {
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Seek(prefix) {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func deleteWhere(b *bolt.Bucket, match func(v []byte) bool) error {
	var keys [][]byte
	_ = b.ForEach(func(k, v []byte) error {
		if match(v) {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
