package incident

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"github.com/apigw-triage/apigw-triage/boltlayout"
)

// precheck takes the file's shared lock with a read-only open, so that no
// writer is half-way through it, and checks its page structure before the
// read-write open lets bbolt follow it (boltlayout.Check says why).
func precheck(path string, opts StoreOptions) (err error) {
	db, err := openBolt(path, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: true})
	if err != nil {
		return openError(path, opts, err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("incident store %s: %w", path, cerr)
		}
	}()
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := boltlayout.Check(b); err != nil {
		return fmt.Errorf("%w: %w", errDamaged, err)
	}
	return nil
}

// verify reads and decodes every record, so that a damaged store fails at
// startup rather than at the first incident. It walks the pages itself
// (Open runs it under guard): bbolt's tx.Check runs in a goroutine of its
// own, where a fault on a damaged page would kill the process instead of
// failing Open.
func (s *Store) verify() error {
	err := s.db.View(decodeAll)
	if err != nil {
		return fmt.Errorf("incident store %s: %w; move it away to start with a new store", s.path, err)
	}
	return nil
}

// errDamaged marks a panic or a memory fault while reading the file.
var errDamaged = errors.New("damaged file")

// guard turns a panic or a memory fault while reading a damaged file into
// an error. The file is left alone; the process is expected to exit.
func guard(f func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	return f()
}

// decodeAll decodes every record of every bucket into its type.
func decodeAll(tx *bolt.Tx) error {
	checks := []struct {
		bucket []byte
		decode func(v []byte) error
	}{
		{bucketIncidents, func(v []byte) error { return strictDecode(v, &Incident{}) }},
		{bucketSinks, func(v []byte) error { return strictDecode(v, &sinkRecord{}) }},
	}
	for _, c := range checks {
		err := tx.Bucket(c.bucket).ForEach(func(k, v []byte) error {
			if err := c.decode(v); err != nil {
				return fmt.Errorf("bucket %s record %q: %w", c.bucket, k, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return tx.Bucket(bucketOutbox).ForEachBucket(func(sink []byte) error {
		return tx.Bucket(bucketOutbox).Bucket(sink).ForEach(func(k, v []byte) error {
			if err := strictDecode(v, &outboxEntry{}); err != nil {
				return fmt.Errorf("outbox %s entry %x: %w", sink, k, err)
			}
			return nil
		})
	})
}

// strictDecode decodes JSON and refuses trailing data.
func strictDecode(raw []byte, v any) error {
	if !json.Valid(raw) {
		return errors.New("not valid JSON")
	}
	return json.Unmarshal(raw, v)
}
