package boltlayout

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestCheckRefusesWhatBboltWouldFollow damages one field that bbolt
// trusts at a time and checks that Check names the damage before bbolt
// can follow it, and that bbolt would have opened the file undamaged.
func TestCheckRefusesWhatBboltWouldFollow(t *testing.T) {
	valid := validFile(t)
	m, ok, err := readMeta(valid)
	if !ok || err != nil {
		t.Fatalf("valid store: meta %v, %v", ok, err)
	}
	ps := int(m.pageSize)
	branch, leaf := firstPage(t, valid, m, branchPage), firstPage(t, valid, m, leafPage)
	put16 := func(b []byte, off int, v uint16) { binary.LittleEndian.PutUint16(b[off:], v) }
	put32 := func(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }
	put64 := func(b []byte, off int, v uint64) { binary.LittleEndian.PutUint64(b[off:], v) }
	tests := []struct {
		name   string
		damage func(b []byte)
		want   string
	}{
		{"leaf count past the page", func(b []byte) { put16(b, leaf*ps+10, 0xFFFF) }, "do not fit"},
		{"branch count past the page", func(b []byte) { put16(b, branch*ps+10, 0xFFFF) }, "do not fit"},
		{"empty branch", func(b []byte) { put16(b, branch*ps+10, 0) }, "is empty"},
		{"child past the file", func(b []byte) { put64(b, branch*ps+pageHeaderSize+8, m.pgid+5) }, "outside the file"},
		{"child is a meta page", func(b []byte) { put64(b, branch*ps+pageHeaderSize+8, 1) }, "outside the file"},
		{"key past the page", func(b []byte) { put32(b, leaf*ps+pageHeaderSize+4, 1<<30) }, "past the page"},
		{"page calls itself another", func(b []byte) { put64(b, leaf*ps, uint64(leaf+1)) }, "calls itself"},
		{"overflow past the file", func(b []byte) { put32(b, leaf*ps+12, 1<<20) }, "runs past"},
		{"leaf where a branch was", func(b []byte) { put16(b, branch*ps+8, freelistPage) }, "has type"},
		{"two parents", func(b []byte) {
			second := binary.LittleEndian.Uint64(b[branch*ps+pageHeaderSize+8+elementSize:])
			put64(b, branch*ps+pageHeaderSize+8, second)
		}, "reached twice"},
		{"live page on the freelist", func(b []byte) {
			fl := int(m.freelist) * ps
			put16(b, fl+10, 1)
			put64(b, fl+pageHeaderSize, uint64(leaf))
		}, "cannot be free"},
	}
	if err := Check(valid); err != nil {
		t.Fatalf("valid file refused: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bytes.Clone(valid)
			tt.damage(b)
			if err := Check(b); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// TestCheckPassesWhatBboltRefusesItself leaves files without a valid meta
// page to bbolt, whose own error says what they are.
func TestCheckPassesWhatBboltRefusesItself(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":   nil,
		"garbage": bytes.Repeat([]byte("not a database "), 2000),
	} {
		if err := Check(b); err != nil {
			t.Errorf("%s: Check = %v, want nil", name, err)
		}
	}
	if err := Check(validFile(t)[:4096*3]); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated: Check = %v, want an error saying so", err)
	}
}

// validFile writes a bbolt file deep enough to hold branch pages, a nested
// bucket, an inline bucket and a freelist, and returns its bytes.
func validFile(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "valid.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		top, err := tx.CreateBucket([]byte("records"))
		if err != nil {
			return err
		}
		for i := range 200 {
			key := fmt.Appendf(nil, "record-%04d", i)
			if err := top.Put(key, bytes.Repeat([]byte{byte(i)}, 300)); err != nil {
				return err
			}
		}
		nested, err := top.CreateBucket([]byte("nested"))
		if err != nil {
			return err
		}
		if err := nested.Put([]byte("k"), []byte("v")); err != nil {
			return err
		}
		_, err = tx.CreateBucket([]byte("empty"))
		return err
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstPage returns the id of the first page of the given type that a
// reader reaches from the root (a freed page of that type is not damage).
func firstPage(t *testing.T, b []byte, m boltMeta, flags uint16) int {
	t.Helper()
	w := &walker{file: b, meta: m, seen: map[uint64]bool{}}
	if err := w.bucket(m.root, nil, 0); err != nil {
		t.Fatal(err)
	}
	for id := uint64(2); id < m.pgid; id++ {
		if w.seen[id] && binary.LittleEndian.Uint16(b[id*m.pageSize+8:]) == flags {
			return int(id)
		}
	}
	t.Fatalf("the valid store has no page of type %#x", flags)
	return 0
}
