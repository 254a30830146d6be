package incident

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/apigw-triage/apigw-triage/config"
)

// DefaultPath is where the store lives when the config names none: under
// the working directory, so a container's volume mount or a systemd
// WorkingDirectory decides where state survives.
const DefaultPath = "apigw-triage.db"

// schemaVersion is the layout of the buckets and records below. A store
// written by a newer build is refused rather than misread.
const schemaVersion = 1

// Bucket names.
var (
	bucketMeta      = []byte("meta")
	bucketIncidents = []byte("incidents") // incident id -> Incident JSON
	bucketStages    = []byte("stages")    // stage key -> latest incident id
	bucketOutbox    = []byte("outbox")    // sink -> (sequence -> outboxEntry JSON)
	bucketSinks     = []byte("sinkstate") // incident id \x00 sink -> sinkRecord JSON
	keySchema       = []byte("schema_version")
)

// StoreOptions tune the store. Zero values take the defaults.
type StoreOptions struct {
	// LockTimeout is how long Open waits for another process to release
	// the file (default 1 s); then it fails instead of hanging.
	LockTimeout time.Duration
	// RetainFor keeps resolved incidents this long (default: state.retention
	// of an empty configuration).
	RetainFor time.Duration
	// RetainMax keeps at most this many resolved incidents (default 1000).
	RetainMax int
}

func (o StoreOptions) withDefaults() StoreOptions {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	if o.RetainFor <= 0 {
		o.RetainFor = config.Default().State.Retention
	}
	if o.RetainMax <= 0 {
		o.RetainMax = 1000
	}
	return o
}

// Store is the incident store: incidents, the per-stage index, the outbox
// and the sinks' state, in one bbolt file.
type Store struct {
	db   *bolt.DB
	path string
	opts StoreOptions

	mu     sync.Mutex
	wakes  map[string]chan struct{}
	health writeHealth
}

// Open opens the store at path, creating it when the file does not exist.
// An existing file is checked before use (bbolt format, size, schema
// version, every record decodes); anything wrong is an error naming the
// file, and the file is left as it was: Open never recreates or truncates.
func Open(path string, opts StoreOptions) (*Store, error) {
	if path == "" {
		path = DefaultPath
	}
	opts = opts.withDefaults()
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("incident store %s: %w", path, err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("incident store %s: not a regular file", path)
	case fi.Size() == 0:
		// bbolt would silently initialise an empty file; an empty file where
		// state should be is a lost state, and the operator must know.
		return nil, fmt.Errorf("incident store %s: file is empty (truncated?); move it away to start with a new store", path)
	default:
		if err := guard(func() error { return precheck(path, opts) }); err != nil {
			return nil, openError(path, opts, err)
		}
	}
	db, err := openBolt(path, &bolt.Options{Timeout: opts.LockTimeout})
	if err != nil {
		return nil, openError(path, opts, err)
	}
	s := &Store{db: db, path: path, opts: opts, wakes: map[string]chan struct{}{}}
	if err := guard(s.init); err != nil {
		_ = db.Close()
		return nil, openError(path, opts, err)
	}
	return s, nil
}

// openBolt opens a bbolt file, turning the panics bbolt raises on some
// damaged pages (it reads the freelist while opening) into errors.
func openBolt(path string, o *bolt.Options) (db *bolt.DB, err error) {
	err = guard(func() error {
		var oerr error
		db, oerr = bolt.Open(path, 0o600, o)
		return oerr
	})
	return db, err
}

// openError turns bbolt's open errors into sentences naming the file.
func openError(path string, opts StoreOptions, err error) error {
	switch {
	case strings.Contains(err.Error(), path):
		return err
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("incident store %s: locked by another process (waited %s); is another apigw-triage running on it?", path, opts.LockTimeout)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("incident store %s: not a valid store file (%w); move it away to start with a new store", path, err)
	case errors.Is(err, errDamaged):
		return fmt.Errorf("incident store %s: %w; move it away to start with a new store", path, err)
	}
	return fmt.Errorf("incident store %s: %w", path, err)
}

// init checks an existing store, read-only so that a damaged file is left
// as it was, and creates the buckets of a new one.
func (s *Store) init() error {
	fresh := false
	err := s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			fresh = true
			return requireEmpty(tx)
		}
		return checkSchema(meta)
	})
	if err != nil {
		return fmt.Errorf("incident store %s: %w", s.path, err)
	}
	if !fresh {
		return s.verify()
	}
	if err := s.db.Update(createBuckets); err != nil {
		return fmt.Errorf("incident store %s: %w", s.path, err)
	}
	return nil
}

// requireEmpty refuses a bbolt file that holds someone else's buckets.
func requireEmpty(tx *bolt.Tx) error {
	var name []byte
	_ = tx.ForEach(func(n []byte, _ *bolt.Bucket) error {
		name = n
		return errStop
	})
	if name != nil {
		return fmt.Errorf("not an apigw-triage store (no schema version, has bucket %q)", name)
	}
	return nil
}

var errStop = errors.New("stop")

func createBuckets(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketMeta, bucketIncidents, bucketStages, bucketOutbox, bucketSinks} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(schemaVersion)))
}

// checkSchema reads the schema version and refuses a newer one.
func checkSchema(meta *bolt.Bucket) error {
	raw := meta.Get(keySchema)
	v, err := strconv.Atoi(string(raw))
	if err != nil {
		return fmt.Errorf("schema version %q is not a number", raw)
	}
	if v > schemaVersion {
		return fmt.Errorf("schema version %d is newer than this build understands (%d); run a newer apigw-triage or use another state.path", v, schemaVersion)
	}
	for _, b := range [][]byte{bucketIncidents, bucketStages, bucketOutbox, bucketSinks} {
		if meta.Tx().Bucket(b) == nil {
			return fmt.Errorf("bucket %q is missing", b)
		}
	}
	return nil
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close closes the file. Running dispatchers must have returned.
func (s *Store) Close() error { return s.db.Close() }

// wake returns the channel that signals new outbox entries for a sink.
func (s *Store) wake(sink string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.wakes[sink]
	if !ok {
		ch = make(chan struct{}, 1)
		s.wakes[sink] = ch
	}
	return ch
}

// signal wakes a sink's dispatcher without blocking.
func (s *Store) signal(sink string) {
	select {
	case s.wake(sink) <- struct{}{}:
	default:
	}
}

// putJSON encodes v under key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// getJSON decodes the value under key into v; found is false when absent.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("record %q: %w", key, err)
	}
	return true, nil
}
