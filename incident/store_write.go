package incident

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// writeHealth is what the store knows about its own writes: how many
// failed (a full or read-only disk, an I/O error), and whether the last one
// did. Readiness and apigw_triage_store_errors_total read it.
type writeHealth struct {
	failures atomic.Uint64
	mu       sync.Mutex
	last     error
}

// update runs fn in a write transaction at the store's one write boundary.
// An error of the file (bbolt could not write or sync) is counted and kept
// until a later write succeeds; an error fn itself returned is not a fault
// of the disk and is only passed on.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	var fnErr error
	err := s.db.Update(func(tx *bolt.Tx) error {
		fnErr = fn(tx)
		return fnErr
	})
	if err != nil && fnErr != nil && errors.Is(err, fnErr) {
		return err
	}
	s.health.mu.Lock()
	s.health.last = err
	s.health.mu.Unlock()
	if err != nil {
		s.health.failures.Add(1)
	}
	return err
}

// WriteFailures counts the writes the file refused since the store opened.
func (s *Store) WriteFailures() uint64 { return s.health.failures.Load() }

// WriteError returns nil when the last write succeeded, else why it failed.
func (s *Store) WriteError() error {
	s.health.mu.Lock()
	defer s.health.mu.Unlock()
	if s.health.last == nil {
		return nil
	}
	return fmt.Errorf("incident store %s: last write failed: %w", s.path, s.health.last)
}
