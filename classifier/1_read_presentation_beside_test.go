package classifier

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTextBesideTheEvidence pastes text that reports carry beside their
// evidence (testdata/beside: people's questions, guesses and settings,
// another request's client output, build tools' output, handler code,
// policies and templates that name no failure) in front of and after
// every training report and fixture with log evidence, and checks that
// its cause and status do not change: text that says nothing of the
// failure must not decide it. (Text that names an API type may move the
// usual status, and a deployment's words the local emulator's reading;
// none of these blocks does either.) Under the race detector every
// raceStride-th case is enough, as for TestPresentationInvariance.
func TestTextBesideTheEvidence(t *testing.T) {
	blocks, err := filepath.Glob("testdata/beside/*.txt")
	if err != nil || len(blocks) == 0 {
		t.Fatalf("testdata/beside: %v", err)
	}
	cases := loadPresentable(t)
	stride := 1
	if raceEnabled {
		stride = raceStride
	}
	for _, f := range blocks {
		block, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			for _, where := range []string{"before", "after"} {
				p := presentation{name: where, apply: func(excerpt []byte) []byte {
					if where == "before" {
						return append(append(append([]byte{}, block...), '\n'), excerpt...)
					}
					return append(append(append([]byte{}, excerpt...), '\n'), block...)
				}}
				presentationChanges(t, p, cases, stride)
			}
		})
	}
}
