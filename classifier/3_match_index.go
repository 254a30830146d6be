package classifier

import (
	"iter"
	"math/bits"
	"slices"
)

// litIndex finds, in one pass over a line, which of a table's literals the
// line may hold. Each literal is keyed by one run of keyLen bytes in it
// (its key): a line that does not hold the key cannot hold the literal.
// The scan hashes every run of keyLen bytes of the line and collects the
// literals keyed there, so a line costs one pass whatever the number of
// literals, where testing each literal in turn cost a look per literal on
// every line, most of them on lines that hold none (a function's own log,
// a person's prose). Hash collisions only add literals to look at; the key
// chosen decides how many are looked at, never which can match. A literal
// shorter than keyLen has no key and is looked at on every line.
type litIndex struct {
	// hashed has the bit of each key's hash set: most runs of a line
	// miss, and this set fits in the first-level cache
	hashed [1 << indexBits / 64]uint64
	// bucket is, for a key's hash, 1 + its place in keyed
	bucket []uint16
	// keyed are the literals of each bucket
	keyed [][]uint16
	// always are the literals without a key, as a candidate set
	always []uint64
}

// keyLen is the length of a key: four bytes rule out most of the runs a
// literal shares with ordinary words, and most literals are longer.
const keyLen = 4

// indexBits is the size of the key hash: 65536 slots for a few thousand keys.
const indexBits = 16

// keyHash hashes the keyLen bytes that end in v (v holds them big-endian).
func keyHash(v uint32) uint32 { return v * 0x9E3779B1 >> (32 - indexBits) }

// newLitIndex indexes lits; literal i is bit i of a candidate set.
func newLitIndex(lits [][]byte) *litIndex {
	x := &litIndex{bucket: make([]uint16, 1<<indexBits), always: make([]uint64, (len(lits)+63)/64)}
	shared := keysShared(lits)
	for i, lit := range lits {
		if len(lit) < keyLen {
			x.always[i/64] |= 1 << (i % 64)
			continue
		}
		h := keyHash(rarestKey(lit, shared))
		if x.bucket[h] == 0 {
			x.keyed = append(x.keyed, nil)
			x.bucket[h] = uint16(len(x.keyed))
		}
		b := x.bucket[h] - 1
		x.keyed[b] = append(x.keyed[b], uint16(i))
		x.hashed[h/64] |= 1 << (h % 64)
	}
	return x
}

// runs calls f with each run of keyLen bytes of b, as keyHash reads it.
func runs(b []byte, f func(v uint32)) {
	var v uint32
	for i, c := range b {
		v = v<<8 | uint32(c)
		if i >= keyLen-1 {
			f(v)
		}
	}
}

// keysShared counts, for each run of keyLen bytes, the literals that hold
// it: a run many literals share is a common piece of text ("tion",
// " the"), likely in any line, and a poor key.
func keysShared(lits [][]byte) map[uint32]int {
	n := map[uint32]int{}
	for _, lit := range lits {
		var mine []uint32
		runs(lit, func(v uint32) {
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

// rarestKey picks lit's key: the run the fewest other literals share,
// then the one made of the rarest bytes (byteCommonness).
func rarestKey(lit []byte, shared map[uint32]int) uint32 {
	var best uint32
	bestShared, bestCommon := 0, 0
	first := true
	runs(lit, func(v uint32) {
		common := 0
		for s := 0; s < 32; s += 8 {
			common += byteCommonness(byte(v >> s))
		}
		if first || shared[v] < bestShared || shared[v] == bestShared && common < bestCommon {
			best, bestShared, bestCommon, first = v, shared[v], common, false
		}
	})
	return best
}

// commonBytes are the bytes log lines and prose are mostly made of, the
// most common first: the space, the letters in the order of their
// frequency in English text, with the digits and the letters of hex
// (request ids, timestamps) moved up, then the punctuation of logs.
const commonBytes = " e0123456789tabcdfoinsrhlu:-./\"mpgwyvk=,_'x{}()[]jqz"

// byteCommonness ranks c by commonBytes: the higher, the more common; a
// byte it does not list is rare.
func byteCommonness(c byte) int {
	for i := range len(commonBytes) {
		if commonBytes[i] == c {
			return len(commonBytes) - i
		}
	}
	return 0
}

// candidates sets in set (sized for the index's literals, and returned)
// the literals low may hold: those keyed by a run low holds, and those
// without a key.
func (x *litIndex) candidates(low []byte, set []uint64) []uint64 {
	set = append(set[:0], x.always...)
	var v uint32
	for i, c := range low {
		v = v<<8 | uint32(c)
		if i < keyLen-1 {
			continue
		}
		h := keyHash(v)
		if x.hashed[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, id := range x.keyed[x.bucket[h]-1] {
			set[id/64] |= 1 << (id % 64)
		}
	}
	return set
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
