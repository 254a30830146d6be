package incident

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRandomDamageIsAnErrorOrHarmless flips bytes of a valid store at
// random: Open must either work or fail with an error naming the file,
// never panic, and never change a file it refuses.
func TestRandomDamageIsAnErrorOrHarmless(t *testing.T) {
	valid, err := os.ReadFile(validStore(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const tries = 200
	refused := 0
	for seed := range uint64(tries) {
		r := rand.New(rand.NewPCG(seed, 7))
		b := bytes.Clone(valid)
		for range 1 + r.IntN(64) {
			b[r.IntN(len(b))] = byte(r.Uint32())
		}
		path := filepath.Join(dir, "damaged"+strings.Repeat("x", int(seed%3))+".db")
		_ = os.Remove(path)
		write(t, path, b)
		st, err := Open(path, StoreOptions{LockTimeout: 50 * time.Millisecond})
		if err == nil {
			_, lerr := st.Incidents("", 0)
			_ = st.Close()
			if lerr != nil {
				t.Errorf("seed %d: opened, then failed to list: %v", seed, lerr)
			}
			continue
		}
		refused++
		if !strings.Contains(err.Error(), path) {
			t.Errorf("seed %d: error does not name the file: %v", seed, err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
			t.Errorf("seed %d: a refused file was changed", seed)
		}
	}
	t.Logf("%d of %d damaged stores refused", refused, tries)
}

// FuzzOpenDamagedStore overwrites bytes of a valid store at the offsets the
// fuzzer picks (each 5 input bytes: a 4-byte offset, a value). Open must
// work or refuse with an error; under -race, bbolt following a damaged
// page past its bounds aborts the process (checkptr), so the layout check
// is what keeps this test alive.
func FuzzOpenDamagedStore(f *testing.F) {
	f.Add([]byte{0, 0x20, 0, 0, 0xff})                     // page 2's header
	f.Add([]byte{10, 0x20, 0, 0, 0xff, 26, 0x30, 0, 0, 9}) // element counts
	f.Add([]byte{0x40, 0, 0, 0, 1})                        // meta page 0
	var (
		once  sync.Once
		valid []byte
	)
	f.Fuzz(func(t *testing.T, damage []byte) {
		once.Do(func() {
			var err error
			if valid, err = os.ReadFile(validStore(t)); err != nil {
				t.Fatal(err)
			}
		})
		b := bytes.Clone(valid)
		for ; len(damage) >= 5; damage = damage[5:] {
			b[int(binary.LittleEndian.Uint32(damage))%len(b)] = damage[4]
		}
		path := filepath.Join(t.TempDir(), "state.db")
		write(t, path, b)
		st, err := Open(path, StoreOptions{LockTimeout: 50 * time.Millisecond})
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		defer st.Close()
		if _, err := st.Incidents("", 0); err != nil {
			t.Errorf("opened, then failed to list: %v", err)
		}
	})
}
