package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/exporter-toolkit/web"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// ReadyFunc reports nil when the daemon is ready to serve traffic.
type ReadyFunc func() error

// newMux serves the incident page at /, /metrics, /healthz, /readyz and
// /api/incidents.
func newMux(g prometheus.Gatherer, ready ReadyFunc, incidents, page http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	if page != nil {
		mux.Handle("GET /{$}", page)
		mux.Handle("GET /incidents/", page)
	}
	mux.Handle("GET /metrics", promhttp.HandlerFor(g, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if err := ready(); err != nil {
			// the reason is often an AWS error, whose text a terminal
			// running curl would otherwise interpret
			http.Error(w, "not ready: "+textsafe.Escape(err.Error()), http.StatusServiceUnavailable)
			return
		}
		_, _ = fmt.Fprintln(w, "ready")
	})
	if incidents != nil {
		mux.Handle("GET /api/incidents", incidents)
	}
	return mux
}

// Timeouts of the HTTP server. A scrape or /api/incidents answers in well
// under a second; the bounds only stop a slow or idle client from holding a
// connection (a file descriptor and a goroutine) for ever.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	defaultIdle       = 2 * time.Minute
)

// server is the daemon's HTTP listener with a bounded shutdown.
type server struct {
	srv       *http.Server
	ln        net.Listener
	webConfig string
	log       *slog.Logger
}

// listen checks the web configuration and binds addr now, so a bad file or
// a port conflict is a startup error, not a log line later.
func listen(addr string, h http.Handler, o Options) (*server, error) {
	if err := web.Validate(o.WebConfigFile); err != nil {
		return nil, fmt.Errorf("web config %s: %w", o.WebConfigFile, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return &server{
		srv: &http.Server{
			Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
			WriteTimeout: writeTimeout, IdleTimeout: orDefault(o.IdleTimeout, defaultIdle),
		},
		ln: ln, webConfig: o.WebConfigFile, log: o.Logger,
	}, nil
}

// Addr is the bound address (useful when the configured port was 0).
func (s *server) Addr() string { return s.ln.Addr().String() }

// serve runs until ctx is done, then shuts down within timeout. The web
// configuration (prometheus/exporter-toolkit: TLS, basic auth) applies to
// every endpoint.
func (s *server) serve(ctx context.Context, timeout time.Duration) error {
	errc := make(chan error, 1)
	flags := &web.FlagConfig{WebConfigFile: &s.webConfig}
	go func() { errc <- web.Serve(s.ln, s.srv, flags, s.log) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := s.srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("http shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
