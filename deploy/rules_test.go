package deploy

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPromtoolRuleTests runs the alert rules' unit tests
// (prometheus/*.test.yml): each alert fires on the series it describes.
func TestPromtoolRuleTests(t *testing.T) {
	promtool := requireTool(t, "promtool")
	files, err := filepath.Glob("prometheus/*.test.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule tests found: %v", err)
	}
	for _, f := range files {
		cmd := exec.Command(promtool, "test", "rules", filepath.Base(f))
		cmd.Dir = filepath.Dir(f)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool test rules %s: %v\n%s", f, err, out)
		}
	}
}
