package daemon

import (
	"slices"
	"testing"

	"github.com/apigw-triage/apigw-triage/config"
)

// TestOnlyTheSlackBotIsTold: confirmations go to Slack in bot mode, which
// edits its root message; never to a webhook or to Alertmanager.
func TestOnlyTheSlackBotIsTold(t *testing.T) {
	for _, tt := range []struct {
		slack string
		want  []string
	}{
		{`{token: xoxb-1-2-marker, channel: C0123ABCD}`, []string{"slack"}},
		{`{webhook_url: "https://hooks.slack.com/services/T0/B0/marker"}`, nil},
	} {
		text := "aws: {region: us-east-1}\nalertmanager: {url: \"http://127.0.0.1:9093\"}\nslack: " + tt.slack + "\n"
		cfg, err := config.Parse([]byte(text), "sinks.yaml", func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		sinks, err := Sinks(cfg, Env{})
		if err != nil {
			t.Fatal(err)
		}
		if got := editors(sinks); len(sinks) != 2 || !slices.Equal(got, tt.want) {
			t.Errorf("slack %s: editors %v of %d sinks, want %v of 2", tt.slack, got, len(sinks), tt.want)
		}
	}
}
