package daemon

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestReadyNamesTheFailedPoll: /readyz after polls that all failed says
// why (the collector's error), also when none has succeeded yet, which is
// what a first run without credentials or network shows.
func TestReadyNamesTheFailedPoll(t *testing.T) {
	failed := errors.New("every account and region failed: AWS credentials could not be loaded")
	tests := []struct {
		name    string
		lastErr error
		want    string
	}{
		{"no poll yet", nil, "no poll has completed yet"},
		{"first poll failed", failed, failed.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Daemon{lastErr: tt.lastErr}
			if err := d.Ready(); err == nil || err.Error() != tt.want {
				t.Errorf("Ready() = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestReadyzEscapesTheReason: /readyz answers with the failed poll's
// error, often an AWS message; its control characters are escaped
// (textsafe) so that curl on a terminal shows them instead of obeying them.
func TestReadyzEscapesTheReason(t *testing.T) {
	mux := newMux(prometheus.NewRegistry(), func() error {
		return errors.New("AccessDenied: \x1b[2Jrole\nforged line")
	}, nil, nil)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(body, `\x1b[2Jrole\nforged line`) || strings.ContainsAny(strings.TrimSuffix(body, "\n"), "\x1b\n") {
		t.Errorf("/readyz %d %q, want 503 with the reason escaped", rec.Code, body)
	}
}
