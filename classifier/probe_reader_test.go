package classifier

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestProbeReader(t *testing.T) {
	files, _ := filepath.Glob("testdata/real/train/*.log")
	marks := [][]byte{[]byte("START RequestId"), []byte("END RequestId"), []byte("REPORT RequestId"), []byte("Execution failed"), []byte("Method completed"), []byte("Endpoint request"), []byte("Task timed out"), []byte("Runtime exited"), []byte("Endpoint response"), []byte("Lambda execution failed"), []byte("INIT_START"), []byte("Method request")}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, l := range bytes.Split(b, []byte("\n")) {
			s := foldPresentation(l)
			m := stripPrefixes(s)
			if _, rest, ok := execRequestID(m); ok {
				m = rest
			}
			for _, k := range marks {
				i := bytes.Index(m, k)
				if i > 0 {
					pre := m[:i]
					if len(pre) > 60 {
						pre = pre[:60]
					}
					t.Logf("%s: %q", filepath.Base(f)[:min(40, len(filepath.Base(f)))], pre)
					break
				}
			}
		}
	}
}
