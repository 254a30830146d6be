package alertmanager

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

var now = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

func incident() notifier.Snapshot {
	return notifier.Snapshot{
		Identity: stage.New("123456789012", "eu-west-1", stage.APIHTTP, "h1t2p3a4p5", "checkout", "$default"),
		OpenedAt: now.Add(-10 * time.Minute),
		Figures:  stage.Figures{WindowStart: now.Add(-5 * time.Minute), WindowEnd: now, ErrorRate: 0.3, Errors5xx: 30, Requests: 100},
		Diagnosis: classifier.Diagnosis{
			Status: classifier.Status503, Cause: classifier.CauseIntegrationTimeout, Confidence: 0.8,
			Evidence: []string{`{"status":"503","integrationErrorMessage":"Network error communicating with endpoint"}`},
			Backoff:  classifier.BackoffHint{Retryable: true, InitialMS: 200, MaxMS: 5000, Multiplier: 2, MaxAttempts: 3, Jitter: "full"},
			Why:      "latency at the 30 s timeout",
		},
	}
}

// recorder is an Alertmanager stand-in that records posted alerts and
// answers with the next scripted status.
type recorder struct {
	mu     sync.Mutex
	posts  [][]Alert
	status []int
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if req.URL.Path != "/api/v2/alerts" || req.Method != http.MethodPost {
		http.NotFound(w, req)
		return
	}
	if len(r.status) > 0 {
		code := r.status[0]
		r.status = r.status[1:]
		if code == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "4")
		}
		http.Error(w, "scripted", code)
		return
	}
	var alerts []Alert
	body, _ := io.ReadAll(req.Body)
	if err := json.Unmarshal(body, &alerts); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	r.posts = append(r.posts, alerts)
}

func newSink(t *testing.T, url string) *Notifier {
	t.Helper()
	n, err := New(Options{URL: url, Interval: time.Minute, RunbookURL: "https://runbooks.example/apigw", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPayload(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	n := newSink(t, srv.URL+"/")
	inc := incident()
	if retry, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindOpened, Snapshot: inc}}); err != nil {
		t.Fatalf("retry=%v err=%v", retry, err)
	}
	a := rec.posts[0][0]
	want := map[string]string{"alertname": AlertName, "api": "checkout", "api_id": "h1t2p3a4p5", "stage": "$default",
		"region": "eu-west-1", "account": "123456789012", "status": "503", "cause": "integration_timeout", "severity": "critical"}
	for k, v := range want {
		if a.Labels[k] != v {
			t.Errorf("label %s = %q, want %q", k, a.Labels[k], v)
		}
	}
	for _, k := range []string{"summary", "description", "remediation", "backoff", "runbook_url"} {
		if a.Annotations[k] == "" {
			t.Errorf("annotation %s missing: %v", k, a.Annotations)
		}
	}
	if a.Annotations["runbook_url"] != "https://runbooks.example/apigw#integration_timeout" {
		t.Errorf("runbook_url = %q", a.Annotations["runbook_url"])
	}
	if !a.StartsAt.Equal(inc.OpenedAt) || !a.EndsAt.Equal(now.Add(3*time.Minute)) {
		t.Errorf("startsAt %v endsAt %v, want %v and now+3m", a.StartsAt, a.EndsAt, inc.OpenedAt)
	}
	if !strings.Contains(a.GeneratorURL, "metricsV2") {
		t.Errorf("generatorURL = %q", a.GeneratorURL)
	}
}

func TestResolvedEndsNowAndCauseChangeResolvesOldLabels(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	n := newSink(t, srv.URL)
	inc := incident()
	prev := inc.Diagnosis
	prev.Cause, prev.Status = classifier.CauseBackendUnavailable, classifier.Status503
	inc.Previous = &prev
	if _, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindUpdated, Snapshot: inc}}); err != nil {
		t.Fatal(err)
	}
	if got := rec.posts[0]; len(got) != 2 || got[1].Labels["cause"] != "backend_unavailable" || !got[1].EndsAt.Equal(now) {
		t.Fatalf("update posted %+v, want the new alert and the old one resolved now", got)
	}
	if _, err := n.Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Kind: notifier.KindResolved, At: now, Snapshot: incident()}}); err != nil {
		t.Fatal(err)
	}
	if got := rec.posts[1][0]; !got.EndsAt.Equal(now) {
		t.Errorf("resolved endsAt = %v, want now", got.EndsAt)
	}
	if err := n.Refresh(t.Context(), []notifier.Snapshot{incident(), incident()}); err != nil || len(rec.posts[2]) != 2 {
		t.Errorf("refresh: err=%v posts=%v", err, rec.posts)
	}
}

func TestRetryDecisions(t *testing.T) {
	for _, tc := range []struct {
		name       string
		status     int
		retry      bool
		retryAfter time.Duration
	}{
		{"server error", 500, true, 0},
		{"unavailable", 503, true, 0},
		{"bad request", 400, false, 0},
		{"unauthorized", 401, false, 0},
		{"too many", 429, true, 4 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{status: []int{tc.status}}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			retry, err := newSink(t, srv.URL).Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Snapshot: incident()}})
			if err == nil || retry != tc.retry {
				t.Fatalf("retry=%v err=%v, want retry=%v", retry, err, tc.retry)
			}
			var ra *notifier.RetryAfterError
			if (tc.retryAfter > 0) != errors.As(err, &ra) || (ra != nil && ra.After != tc.retryAfter) {
				t.Errorf("RetryAfterError = %v, want %s", ra, tc.retryAfter)
			}
		})
	}
}

func TestNetworkErrorHidesCredentials(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.Listener.Addr().String()
	srv.Close()
	url := "http://user:pa55word@" + addr + "/secret-prefix"
	retry, err := newSink(t, url).Notify(t.Context(), &notifier.Delivery{Event: notifier.Event{Snapshot: incident()}})
	if err == nil || !retry {
		t.Fatalf("retry=%v err=%v", retry, err)
	}
	for _, s := range []string{"pa55word", "secret-prefix"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("error leaks %q: %v", s, err)
		}
	}
}
