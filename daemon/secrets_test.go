package daemon

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log sink safe for the daemon's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSecretNeverExposed runs the daemon with a Slack webhook whose URL
// carries its secret, as real ones do, through incidents and deliveries,
// and looks for the secret everywhere the daemon writes: its log at debug
// level, /metrics, /api/incidents, the incident page and the messages it
// posted.
func TestSecretNeverExposed(t *testing.T) {
	const secret = "T0SECRET/B0SECRET/x9SecretWebhookPath"
	logs := &lockedBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := startServedWith(t, catalogSetup{logger: logger}, "/services/"+secret)
	r.pollUntilOpen(t)
	deadline := time.Now().Add(30 * time.Second)
	for r.webhookPosts.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if r.webhookPosts.Load() == 0 {
		t.Fatal("no notification was delivered to the webhook")
	}
	places := map[string]string{
		"log":            logs.String(),
		"/metrics":       string(r.scrape(t)),
		"/api/incidents": get(t, "http://"+r.d.Addr()+"/api/incidents?state=all"),
		"/ (the page)":   get(t, "http://"+r.d.Addr()+"/"),
	}
	for i, b := range r.bodies.all() {
		places[fmt.Sprintf("webhook message %d", i)] = string(b)
	}
	for where, text := range places {
		for _, part := range strings.Split(secret, "/") {
			if strings.Contains(text, part) {
				t.Errorf("%s contains the webhook secret %q", where, part)
			}
		}
	}
	if !strings.Contains(places["/api/incidents"], `"cause"`) {
		t.Errorf("/api/incidents shows no diagnosis; the test looked at nothing:\n%.500s", places["/api/incidents"])
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v", url, resp.Status, err)
	}
	return string(b)
}
