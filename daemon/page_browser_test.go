package daemon

import (
	"bytes"
	"context"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// checkIncidentPage (TestServedCatalog) serves the daemon after a run of the catalog
// and opens GET / on its own listener in Debian's headless Chromium: the page renders (a
// screenshot of the asked size, kept in testdata/artifacts for a look) and
// its DOM names every open incident's API and cause.
func checkIncidentPage(t *testing.T, r *servedRun) {
	chromium := requireTool(t, "/usr/bin/chromium", "chromium")
	open := r.d.opts.Incidents.Open()
	url := "http://" + r.d.Addr() + "/"

	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot, err := filepath.Abs(filepath.Join(dir, "incident-page.png"))
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(shot)
	runChromium(t, chromium, "--screenshot="+shot, "--window-size=1280,1600", url)
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if s := img.Bounds().Size(); s.X != 1280 || s.Y != 1600 {
		t.Errorf("screenshot %v, want 1280x1600", s)
	}

	dom := html.UnescapeString(string(runChromium(t, chromium, "--dump-dom", url)))
	for _, inc := range open {
		for _, want := range []string{inc.Info.APIName, inc.Info.Diagnosis.Cause.String(), "/incidents/" + inc.ID + "/graph.png"} {
			if !strings.Contains(dom, want) {
				t.Errorf("page in the browser lacks %q of %s", want, inc.ID)
			}
		}
	}
	if len(open) == 0 || strings.Contains(dom, "No open incident.") {
		t.Errorf("%d incidents open; the page says none", len(open))
	}
}

// runChromium runs headless Chromium with a throwaway profile and returns
// its standard output.
func runChromium(t *testing.T, path string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--no-first-run", "--disable-extensions"}
	cmd := exec.CommandContext(ctx, path, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}
