package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHealthcheck: exit 0 when /healthz answers 200, 1 when it answers
// otherwise or not at all, 2 for a timeout that could not wait at all
// (a usage error, not an unhealthy daemon).
func TestHealthcheck(t *testing.T) {
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) }))
	defer ok.Close()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }))
	defer down.Close()
	for _, tc := range []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"--url", ok.URL + "/healthz"}, 0, ""},
		{[]string{"--url", down.URL + "/healthz"}, 1, "answered 503"},
		{[]string{"--url", ok.URL + "/healthz", "--timeout", "0s"}, 2, "--timeout must be positive, not 0s"},
		{[]string{"--url", ok.URL + "/healthz", "--timeout", "-1s"}, 2, "--timeout must be positive, not -1s"},
	} {
		code, _, errOut := runCmd(t, append([]string{"healthcheck"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.message) {
			t.Errorf("healthcheck %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.message)
		}
	}
}
