package classifier

import (
	"bytes"
	"iter"
	"math"
	"math/bits"
	"slices"
)

// litIndex finds, in one pass over a line, which of a table's literals the
// line may hold. Each literal is keyed by one run of keyLen bytes in it
// (its key, a run few other literals hold): a line that does not hold the
// key cannot hold the literal. The scan hashes every run of keyLen bytes
// of the line and compares it with the keys of its hash, so a line costs
// one pass whatever the number of literals, where testing each literal in
// turn cost a search per literal on every line, most of them on lines that
// hold none (a function's own log, a person's prose). The key chosen
// decides how many literals are looked at, never which can match. A
// literal shorter than keyLen has no key and is looked at on every line.
type litIndex struct {
	lits [][]byte
	// owner is the member of a candidate set each literal stands for
	owner []uint16
	// short are the literals without a key
	short []int
	// shift makes a hash of keyHash's table size
	shift uint
	// hashed has the bit of each key's hash set: most runs of a line
	// miss, and this set fits in the first-level cache
	hashed []uint64
	// bucket is, for a key's hash, 1 + its place in keyed
	bucket []uint16
	// keyed are the keys of each bucket, with their literals: the key is
	// compared, so that the runs of a line that only share a key's hash
	// add no literal
	keyed [][]keyed
	// always are the owners of the literals without a key, as a
	// candidate set
	always []uint64
}

// keyed is a literal's key, as keyHash reads it, and where the key ends in
// the literal.
type keyed struct {
	key      uint32
	lit, end uint16
	owner    uint16
}

// keyLen is the length of a key: four bytes rule out most of the runs a
// literal shares with ordinary words, and most literals are longer.
const keyLen = 4

// keyHash hashes the keyLen bytes that end in v (v holds them big-endian);
// candidates and any compute it in place.
func (x *litIndex) keyHash(v uint32) uint32 { return v * 0x9E3779B1 >> x.shift }

// newLitIndex indexes lits; literal i is bit i of a candidate set.
func newLitIndex(lits [][]byte) *litIndex {
	owner := make([]uint16, len(lits))
	for i := range owner {
		owner[i] = uint16(i)
	}
	return newOwnedIndex(lits, owner, len(lits))
}

// newOwnedIndex indexes lits, each for its owner, one of n: owner o is bit
// o of a candidate set, set when a line may hold one of its literals. Its
// hash has about 64 slots a literal, from 1024 to 65536.
func newOwnedIndex(lits [][]byte, owner []uint16, n int) *litIndex {
	size := min(max(bits.Len(uint(len(lits)*64)), 10), 16)
	x := &litIndex{
		lits:   lits,
		owner:  owner,
		shift:  uint(32 - size),
		hashed: make([]uint64, 1<<size/64),
		bucket: make([]uint16, 1<<size),
		always: make([]uint64, (n+63)/64),
	}
	shared := keysShared(lits)
	for i, lit := range lits {
		if len(lit) < keyLen {
			x.always[owner[i]/64] |= 1 << (owner[i] % 64)
			x.short = append(x.short, i)
			continue
		}
		key, end := rarestKey(lit, shared)
		h := x.keyHash(key)
		if x.bucket[h] == 0 {
			x.keyed = append(x.keyed, nil)
			x.bucket[h] = uint16(len(x.keyed))
		}
		b := x.bucket[h] - 1
		x.keyed[b] = append(x.keyed[b], keyed{key: key, lit: uint16(i), end: uint16(end), owner: owner[i]})
		x.hashed[h/64] |= 1 << (h % 64)
	}
	litIndexes = append(litIndexes, x)
	return x
}

// litIndexes are every index, for the test that holds each to a search
// for each of its literals.
var litIndexes []*litIndex

// runs calls f with each run of keyLen bytes of b, as keyHash reads it,
// and the offset in b where it ends.
func runs(b []byte, f func(end int, v uint32)) {
	var v uint32
	for i, c := range b {
		v = v<<8 | uint32(c)
		if i >= keyLen-1 {
			f(i+1, v)
		}
	}
}

// keysShared counts, for each run of keyLen bytes, the literals that hold
// it: a run many literals share is a word of the logs they are taken from
// ("requ", "lamb"), likely in any of its lines.
func keysShared(lits [][]byte) map[uint32]int {
	n := map[uint32]int{}
	for _, lit := range lits {
		var mine []uint32
		runs(lit, func(_ int, v uint32) {
			if !slices.Contains(mine, v) {
				mine = append(mine, v)
			}
		})
		for _, v := range mine {
			n[v]++
		}
	}
	return n
}

// rarestKey picks lit's key, and where it ends in lit: the run the fewest
// literals share, and of those the one least likely in a line, as the
// product of its bytes' frequencies (byteFrequency).
func rarestKey(lit []byte, shared map[uint32]int) (key uint32, end int) {
	fewest, best := 0, math.Inf(1)
	runs(lit, func(e int, v uint32) {
		l := 0.0
		for s := 0; s < 32; s += 8 {
			l += math.Log(byteFrequency[byte(v>>s)])
		}
		if n := shared[v]; end == 0 || n < fewest || n == fewest && l < best {
			key, end, fewest, best = v, e, n, l
		}
	})
	return key, end
}

// byteFrequency is about how many of a thousand bytes of log lines and
// prose (lower-cased) each byte is: the space, the letters in the order
// of their frequency in English text, the digits of timestamps and ids,
// the punctuation of logs; any other byte is rare.
var byteFrequency = func() [256]float64 {
	var f [256]float64
	for i := range f {
		f[i] = 1
	}
	for _, c := range []struct {
		bytes    string
		perMille float64
	}{
		{" ", 150}, {"e", 100}, {"t", 70}, {"aoi", 60}, {"nsr", 52}, {"h", 40}, {"ld", 32}, {"cu", 24},
		{"mfpgwy", 16}, {"0123456789", 15}, {"b", 12}, {".,:\"", 9}, {"v-/", 7}, {"k", 6}, {"_='()", 3}, {"xjqz", 1.5},
	} {
		for i := range len(c.bytes) {
			f[c.bytes[i]] = c.perMille
		}
	}
	return f
}()

// candidates sets in set (sized for the index's owners, and returned)
// the owners of the literals low may hold: those keyed by a run low holds,
// and those without a key.
func (x *litIndex) candidates(low []byte, set []uint64) []uint64 {
	set = append(set[:0], x.always...)
	hashed, shift := x.hashed, x.shift // (held apart from x: the stores to set would reload them)
	var v uint32
	for i, c := range low {
		v = v<<8 | uint32(c)
		if h := v * 0x9E3779B1 >> shift; i >= keyLen-1 && hashed[h/64]&(1<<(h%64)) != 0 {
			for _, k := range x.keyed[x.bucket[h]-1] {
				if k.key == v {
					set[k.owner/64] |= 1 << (k.owner % 64)
				}
			}
		}
	}
	return set
}

// any reports whether b holds one of the literals, as containsAny does:
// a literal with a key is compared where its key occurs.
func (x *litIndex) any(b []byte) bool {
	for _, i := range x.short {
		if bytes.Contains(b, x.lits[i]) {
			return true
		}
	}
	hashed, shift := x.hashed, x.shift
	var v uint32
	for i, c := range b {
		v = v<<8 | uint32(c)
		if h := v * 0x9E3779B1 >> shift; i >= keyLen-1 && hashed[h/64]&(1<<(h%64)) != 0 {
			for _, k := range x.keyed[x.bucket[h]-1] {
				lit := x.lits[k.lit]
				start := i + 1 - int(k.end)
				if k.key == v && start >= 0 && start+len(lit) <= len(b) && bytes.Equal(b[start:start+len(lit)], lit) {
					return true
				}
			}
		}
	}
	return false
}

// members yields every member of set, in increasing order.
func members(set []uint64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for w, word := range set {
			for word != 0 {
				if !yield(w*64 + bits.TrailingZeros64(word)) {
					return
				}
				word &= word - 1
			}
		}
	}
}
