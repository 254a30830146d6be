package config

import (
	"strings"
	"testing"
)

// TestSummary: the line check-config prints counts in words people read
// ("1 account") and says how incidents are found: by polling every
// interval, or, with alarms.queue_url, from the alarms' state changes.
func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want, not  []string
	}{
		{"one account, polling", "aws:\n  region: us-east-1\n",
			[]string{"1 account, 1 account-region, discovery of ", ", poll every 1m, "}, []string{"alarm mode"}},
		{"two regions, one target", "aws:\n  region: us-east-1\nregions: [us-east-1, eu-west-1]\ntargets:\n  - {api: orders, type: REST}\n",
			[]string{"1 account, 2 account-regions, 1 explicit target, "}, nil},
		{"one shard of three, its index from the environment", "aws:\n  region: us-east-1\nha:\n  shards: 3\n  shard_index: ${POD_INDEX}\n",
			[]string{" APIs (shard_index 2 of 3 shards), "}, nil},
		{"alarm mode", "aws:\n  region: us-east-1\nalarms:\n  queue_url: https://sqs.us-east-1.amazonaws.com/123456789012/apigw-triage-alarms\n",
			[]string{", alarm mode (state changes from SQS, no metric polling), "}, []string{"poll every"}},
	} {
		c, err := Parse([]byte(tc.yaml), "config.yaml", func(string) string { return "apigw-triage-2" })
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := c.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q holds no %q", tc.name, got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q holds %q", tc.name, got, n)
			}
		}
	}
}

// TestRedactedURLCredentials: a password or token in a URL's user
// information is a credential (Go's HTTP client sends it as basic auth), so
// the printed configuration hides it as it hides the secrets.
func TestRedactedURLCredentials(t *testing.T) {
	c, err := Parse([]byte(`aws:
  region: us-east-1
  endpoint_url: http://key:endpoint-pass@127.0.0.1:4566
slack:
  webhook_url: https://hooks.slack.com/services/T0/B0/X
  api_url: https://u:slack-pass@slack.example/api/
alertmanager:
  url: http://oncall:am-pass@alertmanager:9093
  runbook_url: https://runbook-token@wiki.example.com/runbooks/
`), "config.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	printed := c.Redacted()
	for _, secret := range []string{"endpoint-pass", "slack-pass", "am-pass", "runbook-token"} {
		if strings.Contains(printed, secret) {
			t.Errorf("the printed configuration shows %q:\n%s", secret, printed)
		}
	}
	if !strings.Contains(printed, "url: http://oncall:xxxxx@alertmanager:9093") {
		t.Errorf("the Alertmanager URL is not printed with its password hidden:\n%s", printed)
	}
	if c.Alertmanager.URL != "http://oncall:am-pass@alertmanager:9093" {
		t.Errorf("printing changed the configuration: %q", c.Alertmanager.URL)
	}
}
