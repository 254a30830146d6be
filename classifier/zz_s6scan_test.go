package classifier

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestZZS6Scan(t *testing.T) {
	files, _ := filepath.Glob("testdata/real/train/*.log")
	re := regexp.MustCompile(`(?:^|[^\w.:/-])[1-5]\d\d(?:[^\w.:/-]|$)`)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			line := sc.Bytes()
			if bytes.HasPrefix(line, []byte("#")) || len(line) > 300 {
				continue
			}
			low := bytes.ToLower(line)
			if !re.Match(low) {
				continue
			}
			if statusShown(low) == 0 {
				t.Logf("%s | %s", filepath.Base(f)[:min(40, len(filepath.Base(f)))], line)
			}
		}
	}
}
