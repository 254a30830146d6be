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

// TestHealthcheckHidesThePassword: a --url with basic auth's user
// information (the daemon's web.config.file can require it) never prints
// its password, whether the daemon answers otherwise than 200, not at all,
// or the URL cannot be read.
func TestHealthcheckHidesThePassword(t *testing.T) {
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusUnauthorized) }))
	defer down.Close()
	const password = "s3cr3t-pw"
	withAuth := strings.Replace(down.URL, "://", "://probe:"+password+"@", 1)
	for _, tc := range []struct {
		url  string
		code int
	}{
		{withAuth + "/healthz", 1},
		{"http://probe:" + password + "@127.0.0.1:1/healthz", 1},
		{"http://probe:" + password + "@127.0.0.1:bad/healthz", 2},
	} {
		code, _, errOut := runCmd(t, "healthcheck", "--url", tc.url, "--timeout", "1s")
		if code != tc.code || strings.Contains(errOut, password) {
			t.Errorf("healthcheck --url %s: exit %d, stderr %q; want exit %d and no password", tc.url, code, errOut, tc.code)
		}
	}
}
