package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// runHealthcheck probes the daemon's own /healthz. Container images built on
// distroless have no shell or curl, so the ECS health check and Docker's
// HEALTHCHECK call the binary itself.
func runHealthcheck(ctx context.Context, args []string, s streams) int {
	fs := newCmdFlags("healthcheck", "apigw-triage healthcheck [--url URL] [--timeout D]",
		"Probes a running daemon's /healthz: exit 0 when it answers 200, 1 otherwise. For container\n"+
			"health checks on images without a shell or curl.",
		"apigw-triage healthcheck",
		"apigw-triage healthcheck --url http://127.0.0.1:9108/healthz --timeout 2s")
	target := fs.String("url", "http://127.0.0.1:9108/healthz", "URL of the daemon's health endpoint")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for an answer")
	if code := fs.parseNoArgs(args, s); code >= 0 {
		return code
	}
	if *timeout <= 0 {
		// no wait at all would report a healthy daemon as unhealthy
		return fs.usageError(s, "--timeout must be positive, not %s", *timeout)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *target, nil)
	if err != nil {
		// the URL's user information may be basic auth's password
		// (web.config.file): say what is wrong, not the URL
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return fs.usageError(s, "--url: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage healthcheck: %v\n", err)
		return 1
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage healthcheck: %s answered %s\n", req.URL.Redacted(), resp.Status)
		return 1
	}
	return 0
}
