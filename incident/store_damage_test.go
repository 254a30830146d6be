package incident

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
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
