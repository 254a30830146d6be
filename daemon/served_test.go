package daemon

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// servedRun is the catalog run with what Run would start besides the
// poll loop: the HTTP server and the outbox dispatchers, here delivering
// to a Slack incoming-webhook stand-in, so every sink series is real.
type servedRun struct {
	*catalogRun
	webhookPosts *atomic.Int64
	bodies       *postLog
}

// postLog keeps the bodies the webhook stand-in received.
type postLog struct {
	mu     sync.Mutex
	bodies [][]byte
}

func (p *postLog) add(b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bodies = append(p.bodies, b)
}

func (p *postLog) all() [][]byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([][]byte(nil), p.bodies...)
}

// startServed builds the daemon as startCatalog does, with a webhook
// configured, and serves it until the test ends. Polling is left to the
// test (r.poll), so the clock stays manual.
func startServed(t *testing.T) *servedRun { return startServedWith(t, catalogSetup{}, "") }

// startServedWith is startServed with a setup and a path on the webhook
// stand-in's URL (a real webhook URL carries its secret in the path).
func startServedWith(t *testing.T, setup catalogSetup, hookPath string) *servedRun {
	t.Helper()
	posts, bodies := &atomic.Int64{}, &postLog{}
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies.add(b)
		posts.Add(1)
		_, _ = io.WriteString(w, "ok")
	}))
	t.Cleanup(hook.Close)
	setup.webhook = hook.URL + hookPath
	r := startCatalog(t, setup)

	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := r.d.srv.serve(ctx, time.Second); err != nil {
			t.Errorf("http server: %v", err)
		}
	})
	for _, run := range r.d.opts.Runners {
		wg.Go(func() {
			if err := run.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("dispatcher: %v", err)
			}
		})
	}
	// Registered after the store's close, so it runs before it.
	t.Cleanup(func() { cancel(); wg.Wait() })
	return &servedRun{catalogRun: r, webhookPosts: posts, bodies: bodies}
}

// pollUntilOpen polls until at least one incident is open (the catalog's
// first failures open after about a dozen polls) and returns how many polls
// it took.
func (r *catalogRun) pollUntilOpen(t *testing.T) int {
	t.Helper()
	const most = 30
	for n := 1; n <= most; n++ {
		r.poll(context.Background())
		if len(r.d.opts.Incidents.Open()) > 0 {
			return n
		}
	}
	t.Fatalf("no incident open after %d polls of the catalog", most)
	return 0
}

// scrape fetches the daemon's /metrics as Prometheus would.
func (r *catalogRun) scrape(t *testing.T) []byte { return r.get(t, "/metrics") }

// get fetches a path of the daemon's HTTP server; anything but 200 fails
// the test.
func (r *catalogRun) get(t *testing.T, path string) []byte {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("http://" + r.d.Addr() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v\n%s", path, resp.Status, err, body)
	}
	return body
}

// requireTool returns the path of an external program. In CI a missing
// program fails the test, since the CI image installs it; elsewhere the
// test is skipped with the package to install.
func requireTool(t *testing.T, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if p, err := exec.LookPath(filepath.Base(path)); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s not found; install the Debian package %s", path, pkg)
	}
	t.Skipf("%s not found (apt-get install %s)", path, pkg)
	return ""
}
