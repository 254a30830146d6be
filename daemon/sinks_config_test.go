package daemon

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestConfiguredSinksHonourTokenAndTimeout follows two keys from the file
// to the wire, through the sinks Build makes: alertmanager.bearer_token
// reaches an Alertmanager stand-in as "Authorization: Bearer ...", and with
// slack.timeout 1s a call to a Slack that never answers gives up after
// about a second.
func TestConfiguredSinksHonourTokenAndTimeout(t *testing.T) {
	auth := make(chan string, 1)
	am := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		select {
		case auth <- r.Header.Get("Authorization"):
		default:
		}
	}))
	defer am.Close()
	release := make(chan struct{})
	hung := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer hung.Close()
	defer close(release)
	text := fmt.Sprintf("aws: {region: us-east-1}\nalertmanager: {url: %q, bearer_token: am-marker-token}\n"+
		"slack: {webhook_url: %q, timeout: 1s}\n", am.URL, hung.URL+"/hook")
	cfg, err := config.Parse([]byte(text), "sinks.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	sinks, err := Sinks(cfg, Env{})
	if err != nil {
		t.Fatal(err)
	}
	took := map[string]time.Duration{}
	for _, s := range sinks {
		began := time.Now()
		_, err := s.Notify(t.Context(), &notifier.Delivery{
			Event:      notifier.Event{ID: "inc-1#1", Kind: notifier.KindOpened, Snapshot: sinkTestSnapshot()},
			Checkpoint: func(notifier.SinkState) error { return nil },
		})
		took[s.Name()] = time.Since(began)
		if s.Name() == "slack" && err == nil {
			t.Error("a Slack call that never answered succeeded")
		}
	}
	if len(took) != 2 {
		t.Fatalf("sinks %v, want slack and alertmanager", took)
	}
	select {
	case h := <-auth:
		if h != "Bearer am-marker-token" {
			t.Errorf("Authorization = %q, want the configured bearer token", h)
		}
	default:
		t.Error("the Alertmanager stand-in got no request")
	}
	// About a second; the upper bound leaves room for a loaded machine and
	// stays well below the 10 s default.
	if d := took["slack"]; d < 900*time.Millisecond || d > 4*time.Second {
		t.Errorf("slack gave up after %s, want about 1s", d)
	}
	t.Logf("slack gave up after %s", took["slack"].Round(time.Millisecond))
}

func sinkTestSnapshot() notifier.Snapshot {
	now := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	return notifier.Snapshot{
		Identity: stage.New("123456789012", "us-east-1", stage.APIREST, "a1b2c3", "orders", "prod"),
		OpenedAt: now.Add(-5 * time.Minute),
		Figures: stage.Figures{WindowStart: now.Add(-5 * time.Minute), WindowEnd: now,
			ErrorRate: 0.25, Errors5xx: 30, Requests: 120},
	}
}
