package boltlayout

import (
	"encoding/binary"
	"fmt"
)

// walker follows a bbolt file's trees from the root bucket, checking
// each page before reading through it.
type walker struct {
	file []byte
	meta boltMeta
	seen map[uint64]bool // pages reached so far: a page has one parent
}

var le = binary.LittleEndian

// page returns the bytes of page id, header and overflow pages included,
// after checking that it lies inside the file and below the high-water mark.
func (w *walker) page(id uint64, want uint16) ([]byte, error) {
	if id < 2 || id >= w.meta.pgid {
		return nil, fmt.Errorf("page %d is outside the file's %d pages", id, w.meta.pgid)
	}
	if w.seen[id] {
		return nil, fmt.Errorf("page %d is reached twice", id)
	}
	start := id * w.meta.pageSize
	hdr := w.file[start : start+pageHeaderSize]
	if got := le.Uint64(hdr); got != id {
		return nil, fmt.Errorf("page %d calls itself page %d", id, got)
	}
	if flags := le.Uint16(hdr[8:]); flags != want {
		return nil, fmt.Errorf("page %d has type %#x, want %#x", id, flags, want)
	}
	span := uint64(le.Uint32(hdr[12:])) + 1
	if span > w.meta.pgid-id {
		return nil, fmt.Errorf("page %d runs past the file's %d pages", id, w.meta.pgid)
	}
	for p := id; p < id+span; p++ {
		w.seen[p] = true
	}
	return w.file[start : start+span*w.meta.pageSize], nil
}

// bucket checks the tree of one bucket: rooted at page root, or held
// inline (root 0) in the bucket's own value.
func (w *walker) bucket(root uint64, inline []byte, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("buckets are nested more than %d deep", maxTreeDepth)
	}
	if root == 0 {
		if len(inline) < pageHeaderSize || le.Uint16(inline[8:]) != leafPage {
			return fmt.Errorf("inline bucket is not a leaf page")
		}
		return w.leaf(inline, depth)
	}
	return w.node(root, depth)
}

// node checks a branch or leaf page and everything below it.
func (w *walker) node(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("page %d is nested more than %d deep", id, maxTreeDepth)
	}
	if id < 2 || id >= w.meta.pgid {
		return fmt.Errorf("page %d is outside the file's %d pages", id, w.meta.pgid)
	}
	flags := le.Uint16(w.file[id*w.meta.pageSize+8:])
	if flags == leafPage {
		p, err := w.page(id, leafPage)
		if err != nil {
			return err
		}
		return w.leaf(p, depth)
	}
	p, err := w.page(id, branchPage)
	if err != nil {
		return err
	}
	n := int(le.Uint16(p[10:]))
	if n == 0 {
		return fmt.Errorf("branch page %d is empty", id)
	}
	if err := fits(p, n); err != nil {
		return err
	}
	for i := range n {
		at := pageHeaderSize + i*elementSize
		e := p[at : at+elementSize]
		if err := within(p, at, le.Uint32(e), le.Uint32(e[4:]), 0); err != nil {
			return fmt.Errorf("branch page %d element %d: %w", id, i, err)
		}
		if err := w.node(le.Uint64(e[8:]), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// leaf checks a leaf page's elements, and the trees of the buckets it holds.
func (w *walker) leaf(p []byte, depth int) error {
	n := int(le.Uint16(p[10:]))
	if err := fits(p, n); err != nil {
		return err
	}
	for i := range n {
		at := pageHeaderSize + i*elementSize
		e := p[at : at+elementSize]
		pos, ksize, vsize := le.Uint32(e[4:]), le.Uint32(e[8:]), le.Uint32(e[12:])
		if err := within(p, at, pos, ksize, vsize); err != nil {
			return fmt.Errorf("leaf page %d element %d: %w", le.Uint64(p), i, err)
		}
		if le.Uint32(e)&bucketLeaf == 0 {
			continue
		}
		if vsize < bucketHeaderSize {
			return fmt.Errorf("leaf page %d element %d: bucket header of %d bytes", le.Uint64(p), i, vsize)
		}
		v := p[at+int(pos)+int(ksize) : at+int(pos)+int(ksize)+int(vsize)]
		if err := w.bucket(le.Uint64(v), v[bucketHeaderSize:], depth+1); err != nil {
			return err
		}
	}
	return nil
}

// fits checks that n elements fit in the page p after its header.
func fits(p []byte, n int) error {
	if pageHeaderSize+n*elementSize > len(p) {
		return fmt.Errorf("page %d: %d elements do not fit in %d bytes", le.Uint64(p), n, len(p))
	}
	return nil
}

// within checks that a key and value placed pos bytes after the element at
// offset at lie inside the page p.
func within(p []byte, at int, pos, ksize, vsize uint32) error {
	end := uint64(at) + uint64(pos) + uint64(ksize) + uint64(vsize)
	if end > uint64(len(p)) {
		return fmt.Errorf("data ends %d bytes past the page", end-uint64(len(p)))
	}
	return nil
}

// freelist checks that the free pages are inside the file and not in use:
// bbolt would otherwise hand a live page to the next write.
func (w *walker) freelist() error {
	if w.meta.freelist == noFreelist {
		// The daemon always syncs its freelist. Without one, bbolt rebuilds
		// it by a walk that panics in a goroutine of its own on any doubt.
		return fmt.Errorf("the file has no freelist")
	}
	p, err := w.page(w.meta.freelist, freelistPage)
	if err != nil {
		return err
	}
	idx, n := 0, uint64(le.Uint16(p[10:]))
	if n == 0xFFFF {
		idx, n = 1, le.Uint64(p[pageHeaderSize:])
	}
	if n > uint64(len(p)-pageHeaderSize)/8-uint64(idx) {
		return fmt.Errorf("freelist page %d: %d ids do not fit", w.meta.freelist, n)
	}
	for i := range n {
		id := le.Uint64(p[pageHeaderSize+(uint64(idx)+i)*8:])
		if id < 2 || id >= w.meta.pgid || w.seen[id] {
			return fmt.Errorf("freelist page %d: page %d cannot be free", w.meta.freelist, id)
		}
	}
	return nil
}
