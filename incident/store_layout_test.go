package incident

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckLayoutRefusesWhatBboltWouldFollow damages one field that bbolt
// trusts at a time and checks that the layout check names the damage
// before bbolt can follow it.
func TestCheckLayoutRefusesWhatBboltWouldFollow(t *testing.T) {
	valid, err := os.ReadFile(validStore(t))
	if err != nil {
		t.Fatal(err)
	}
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
	dir := t.TempDir()
	path := filepath.Join(dir, "valid.db")
	write(t, path, valid)
	if err := checkLayout(path); err != nil {
		t.Fatalf("valid store refused: %v", err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bytes.Clone(valid)
			tt.damage(b)
			path := filepath.Join(dir, "damaged"+strings.Repeat("x", i)+".db")
			write(t, path, b)
			if err := checkLayout(path); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("checkLayout = %v, want an error with %q", err, tt.want)
			}
			_, err := Open(path, StoreOptions{LockTimeout: 50 * time.Millisecond})
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it away") {
				t.Errorf("Open = %v, want a refusal naming the file", err)
			}
		})
	}
}

// firstPage returns the id of the first page of the given type.
func firstPage(t *testing.T, b []byte, m boltMeta, flags uint16) int {
	t.Helper()
	for id := uint64(2); id < m.pgid; id++ {
		if binary.LittleEndian.Uint16(b[id*m.pageSize+8:]) == flags {
			return int(id)
		}
	}
	t.Fatalf("the valid store has no page of type %#x", flags)
	return 0
}
