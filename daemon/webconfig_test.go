package daemon

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/crypto/bcrypt"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/incident"
)

// serveWith serves the daemon's mux (a real incident handler behind
// /api/incidents) with the options' web configuration and idle timeout,
// on loopback, until the test ends.
func serveWith(t *testing.T, o Options) string {
	t.Helper()
	st, err := incident.Open(filepath.Join(t.TempDir(), "s.db"), incident.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	mgr, err := incident.NewManager(st, incident.ManagerOptions{Clock: clock.Real{}, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	o.Logger = slog.New(slog.DiscardHandler)
	srv, err := listen("127.0.0.1:0", newMux(reg, func() error { return nil }, mgr.Handler(), mgr.Page()), o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.serve(ctx, 2*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		_ = st.Close()
	})
	return srv.Addr()
}

// basicAuthConfig writes an exporter-toolkit web configuration with one
// user and returns its path.
func basicAuthConfig(t *testing.T, user, password string) string {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "web.yml")
	if err := os.WriteFile(path, fmt.Appendf(nil, "basic_auth_users:\n  %s: %s\n", user, hash), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWebConfigBasicAuth(t *testing.T) {
	addr := serveWith(t, Options{WebConfigFile: basicAuthConfig(t, "prometheus", "s3cret-pass")})
	for _, path := range []string{"/", "/metrics", "/api/incidents", "/readyz", "/healthz"} {
		for _, tc := range []struct {
			name       string
			user, pass string
			want       int
		}{
			{"no credentials", "", "", http.StatusUnauthorized},
			{"wrong password", "prometheus", "guess", http.StatusUnauthorized},
			{"credentials", "prometheus", "s3cret-pass", http.StatusOK},
		} {
			req, _ := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
			if tc.user != "" {
				req.SetBasicAuth(tc.user, tc.pass)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			t.Logf("%s %s: %d", path, tc.name, resp.StatusCode)
			if resp.StatusCode != tc.want {
				t.Errorf("%s with %s: %d, want %d", path, tc.name, resp.StatusCode, tc.want)
			}
		}
	}
}

func TestWebConfigRefusedAtStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "web.yml")
	if err := os.WriteFile(path, []byte("basic_auth_users: [not, a, map]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := listen("127.0.0.1:0", http.NewServeMux(), Options{WebConfigFile: path, Logger: slog.New(slog.DiscardHandler)})
	if err == nil {
		t.Fatal("a malformed web configuration was accepted")
	}
}

// TestIdleConnectionsClosed opens many keep-alive connections, makes one
// request on each and leaves them idle: the server must close every one
// after IdleTimeout rather than hold its file descriptor.
func TestIdleConnectionsClosed(t *testing.T) {
	const conns = 200
	addr := serveWith(t, Options{IdleTimeout: 300 * time.Millisecond})
	var wg sync.WaitGroup
	var mu sync.Mutex
	closed := 0
	start := time.Now()
	for range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			defer func() { _ = c.Close() }()
			if idleThenClosed(c) {
				mu.Lock()
				closed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d of %d idle keep-alive connections closed by the server within %s", closed, conns, time.Since(start).Round(time.Millisecond))
	if closed != conns {
		t.Errorf("server closed %d of %d idle connections", closed, conns)
	}
}

// idleThenClosed makes one keep-alive request on c, then waits (at most 10 s)
// for the server to close the idle connection.
func idleThenClosed(c net.Conn) bool {
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return false
	}
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.Close {
		return false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	_, err = br.ReadByte()
	return errors.Is(err, io.EOF)
}
