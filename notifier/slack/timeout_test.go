package slack

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestTimeoutBoundsACall: with slack.timeout 1s a hung Slack costs about
// a second per call, in bot and webhook mode alike.
func TestTimeoutBoundsACall(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	for _, o := range []Options{
		{Token: "xoxb-test", APIURL: srv.URL + "/api/", Channel: "C0123ABCD"},
		{WebhookURL: srv.URL + "/hook"},
	} {
		o.Timeout, o.ChannelInterval = time.Second, -1
		n, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		_, err = n.Notify(t.Context(), &notifier.Delivery{Event: event(notifier.KindOpened, 1), Checkpoint: func(notifier.SinkState) error { return nil }})
		took := time.Since(began)
		if err == nil {
			t.Fatal("a hung Slack call succeeded")
		}
		// About a second; the upper bound leaves room for a loaded machine.
		if took < 900*time.Millisecond || took > 8*time.Second {
			t.Errorf("token=%v: gave up after %s, want about 1s", o.Token != "", took)
		}
	}
}
