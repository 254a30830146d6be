package incident

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
)

// pageIncidents opens two incidents and resolves one, one of them on an
// API whose name carries markup and a bidi control.
func pageIncidents(t *testing.T) *httptest.Server {
	t.Helper()
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
	t.Cleanup(func() { _ = st.Close() })
	perm := diag(classifier.Status500, classifier.CauseLambdaInvokePermission)
	perm.Evidence = []string{"(a1) Execution failed due to configuration error: Invalid permissions on Lambda function"}
	orders := Observation{Identity: stage.New("111122223333", "eu-west-1", stage.APIREST, "a1b2c3", "orders", "prod"),
		Figures: stage.Figures{ErrorRate: 0.85, Errors5xx: 85, Requests: 100, WindowStart: t0.Add(-3 * time.Minute), WindowEnd: t0},
		Tripped: true, Diagnosis: perm, LogGroups: []string{"/aws/lambda/orders-fn"}}
	hostile := orders
	hostile.Key, hostile.APIID, hostile.APIName = "111122223333/eu-west-1/REST/h0st1l/prod", "h0st1l", "<script>alert(1)</script>\u202eevil"
	observeAt(t, m, clk, 0, orders)
	observeAt(t, m, clk, time.Minute, hostile)
	cleared := orders
	cleared.Tripped, cleared.Clear, cleared.ErrorRate, cleared.Errors5xx, cleared.Diagnosis = false, true, 0, 0, nil
	for i := 2; i < 8; i++ {
		observeAt(t, m, clk, time.Duration(i)*time.Minute, cleared)
	}
	srv := httptest.NewServer(m.Page())
	t.Cleanup(srv.Close)
	return srv
}

func TestPageServesIncidents(t *testing.T) {
	srv := pageIncidents(t)
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	html := string(body)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"1 open, 1 recently resolved", "orders / prod", "lambda_invoke_permission",
		"aws lambda get-policy --function-name orders-fn", "Worst window", "Invalid permissions on Lambda function", "Timeline"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "<script>") || strings.Contains(html, "\u202e") {
		t.Error("the hostile API name reached the page raw")
	}
	m := regexp.MustCompile(`src="(/incidents/[^"]+/graph\.png)"`).FindAllStringSubmatch(html, -1)
	if len(m) != 2 {
		t.Fatalf("want a graph per incident, got %d", len(m))
	}
	resp, err = http.Get(srv.URL + m[0][1])
	if err != nil {
		t.Fatal(err)
	}
	graph, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" || !bytes.HasPrefix(graph, []byte("\x89PNG")) {
		t.Errorf("graph: status %d, type %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(graph))
	}
	resp, err = http.Get(srv.URL + "/incidents/nope/graph.png")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown incident's graph: status %d, want 404", resp.StatusCode)
	}
}

// TestPageInBrowser renders the page in headless Chromium, checks what the
// browser shows, and keeps a screenshot in testdata/artifacts.
func TestPageInBrowser(t *testing.T) {
	browser := findChromium(t)
	srv := pageIncidents(t)
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot, _ := filepath.Abs(filepath.Join(dir, "incident-page.png"))
	_ = os.Remove(shot)
	dom := chromium(t, browser, "--dump-dom", srv.URL)
	for _, want := range []string{"orders / prod", "What to do", "Recently resolved", "&lt;script&gt;alert(1)&lt;/script&gt;\\u202eevil"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM lacks %q", want)
		}
	}
	chromium(t, browser, "--screenshot="+shot, "--window-size=1200,1600", srv.URL)
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot at %s (%v)", shot, err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if s := img.Bounds().Size(); s.X != 1200 || s.Y != 1600 {
		t.Errorf("screenshot %v, want the window's 1200x1600", s)
	}
	t.Logf("screenshot: %s", shot)
}

func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no headless browser (Debian's chromium): scripts/install-test-deps installs it")
	}
	t.Skip("no chromium on PATH; scripts/install-test-deps installs it")
	return ""
}

func chromium(t *testing.T, browser string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}
	out, err := exec.CommandContext(ctx, browser, append(base, args...)...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", browser, args, err)
	}
	return string(out)
}

// TestPageDiagnosingShowsNoConfidence: an incident opened before its logs
// were read says it is being diagnosed, as Slack and the console do, not
// "unknown (confidence 0.0%)" beside it.
func TestPageDiagnosingShowsNoConfidence(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
	t.Cleanup(func() { _ = st.Close() })
	observeAt(t, m, clk, 0, Observation{Identity: stage.New("111122223333", "eu-west-1", stage.APIREST, "a1b2c3", "orders", "prod"),
		Figures: stage.Figures{ErrorRate: 0.85, Errors5xx: 85, Requests: 100, WindowStart: t0.Add(-3 * time.Minute), WindowEnd: t0},
		Tripped: true})
	srv := httptest.NewServer(m.Page())
	t.Cleanup(srv.Close)
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	cause := regexp.MustCompile(`<div class="cause">.*</div>`).FindString(string(body))
	if !strings.Contains(cause, "Diagnosing") || strings.Contains(cause, "confidence") {
		t.Errorf("a diagnosing incident's cause line: %q", cause)
	}
}
