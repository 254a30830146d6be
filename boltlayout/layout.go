package boltlayout

import (
	"fmt"
	"hash/fnv"
)

// Check checks the bbolt page structure of a file's bytes, read with
// ordinary reads before bbolt maps the file: every page a reader can reach
// lies inside the file, has the type its parent expects, and holds its
// elements within its own bounds; the freelist names only unused pages.
// bbolt trusts these fields and follows them with unchecked pointer
// arithmetic, so a damaged count or page id would make it read outside the
// mapping. That is a fault debug.SetPanicOnFault can catch in a release
// build, but a checkptr abort under -race and, past the mapping, possibly
// someone else's memory.
//
// The layout is bbolt's file format version 2 (go.etcd.io/bbolt
// internal/common), little-endian as on every platform the image ships for.
//
// A file without a valid meta page passes: bbolt refuses it with a clear
// error of its own. An error names the damaged page or field.
func Check(b []byte) error {
	m, ok, err := readMeta(b)
	if err != nil || !ok {
		return err
	}
	w := &walker{file: b, meta: m, seen: map[uint64]bool{}}
	if err := w.bucket(m.root, nil, 0); err != nil {
		return err
	}
	return w.freelist()
}

const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	pageHeaderSize   = 16
	elementSize      = 16 // branch and leaf elements alike
	bucketHeaderSize = 16
	noFreelist       = ^uint64(0)
	maxTreeDepth     = 64

	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
	bucketLeaf   = 0x01
)

// boltMeta is the part of a meta page the walk needs.
type boltMeta struct {
	pageSize uint64
	root     uint64 // the root bucket's root page
	freelist uint64
	pgid     uint64 // high-water mark: pages at or past it are not in use
	txid     uint64
}

// readMeta returns the meta page bbolt would use: the page size from the
// first meta page, or from the second found as bbolt searches for it, then
// the valid meta page with the higher transaction id. ok is false when no
// meta page is valid; bbolt refuses such a file with a clear error itself.
func readMeta(b []byte) (m boltMeta, ok bool, err error) {
	pageSize := uint64(0)
	if m0, ok := parseMeta(b, 0); ok {
		pageSize = m0.pageSize
	}
	for i := 0; pageSize == 0 && i <= 14; i++ {
		if m1, ok := parseMeta(b, 1024<<i); ok {
			pageSize = m1.pageSize
		}
	}
	if pageSize < 512 || pageSize > 1<<24 || pageSize&(pageSize-1) != 0 {
		return boltMeta{}, false, nil
	}
	m0, ok0 := parseMeta(b, 0)
	m1, ok1 := parseMeta(b, pageSize)
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case ok0:
		m = m0
	default:
		return boltMeta{}, false, nil
	}
	m.pageSize = pageSize
	if m.pgid < 2 || m.pgid > uint64(len(b))/pageSize {
		return boltMeta{}, false, fmt.Errorf("file is truncated (%d bytes, its header says %d)", len(b), m.pgid*pageSize)
	}
	return m, true, nil
}

// parseMeta reads the meta page at offset off, if it is a valid one.
func parseMeta(b []byte, off uint64) (boltMeta, bool) {
	const metaSize = 64 // magic up to and including the checksum
	if off > uint64(len(b)) || uint64(len(b))-off < pageHeaderSize+metaSize {
		return boltMeta{}, false
	}
	raw := b[off+pageHeaderSize : off+pageHeaderSize+metaSize]
	h := fnv.New64a()
	_, _ = h.Write(raw[:56])
	if le.Uint32(raw[0:]) != boltMagic || le.Uint32(raw[4:]) != boltVersion || le.Uint64(raw[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: uint64(le.Uint32(raw[8:])),
		root:     le.Uint64(raw[16:]),
		freelist: le.Uint64(raw[32:]),
		pgid:     le.Uint64(raw[40:]),
		txid:     le.Uint64(raw[48:]),
	}, true
}
