package alertmanager

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestBearerTokenIsSent: alertmanager.bearer_token reaches an
// authenticating Alertmanager as the Authorization header, and an
// Alertmanager that needs none gets none.
func TestBearerTokenIsSent(t *testing.T) {
	for _, token := range []string{"s3cr3t-marker", ""} {
		got := make(chan string, 1)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got <- r.Header.Get("Authorization")
		}))
		n, err := New(Options{URL: srv.URL, BearerToken: token, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindOpened, Snapshot: incident()}}); err != nil {
			t.Fatal(err)
		}
		want := ""
		if token != "" {
			want = "Bearer " + token
		}
		if h := <-got; h != want {
			t.Errorf("Authorization = %q, want %q", h, want)
		}
		srv.Close()
	}
}

// TestTimeoutBoundsAPost: a hung Alertmanager costs one timeout, not the
// dispatcher's whole call budget.
func TestTimeoutBoundsAPost(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	n, err := New(Options{URL: srv.URL, Timeout: time.Second, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	retry, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindOpened, Snapshot: incident()}})
	took := time.Since(began)
	if err == nil || !retry {
		t.Fatalf("retry=%v err=%v, want a retryable timeout", retry, err)
	}
	// About a second; the upper bound leaves room for a loaded machine.
	if took < 900*time.Millisecond || took > 8*time.Second {
		t.Errorf("gave up after %s, want about 1s", took)
	}
}
