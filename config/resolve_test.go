package config

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func mustParse(t *testing.T, src string) *Config {
	t.Helper()
	c, err := Parse([]byte(src), "test.yaml", testEnv)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return c
}

func TestThresholdsFor(t *testing.T) {
	c := mustParse(t, `
aws: {region: us-east-1}
thresholds:
  error_rate: 0.1
  m_of_n: {m: 3, n: 5}
  overrides:
    - match: {api: "pay-.*", stage: prod}
      error_rate: 0.01
      m_of_n: {m: 1}
    - match: {api: "pay-.*"}
      latency: 5s
    - match: {stage: prod}
      clear_after: 10
    - match: {api: legacy}
      masked_200_min_errors: 0
`)
	def := c.Thresholds.Thresholds
	tests := []struct {
		name, api, stage string
		want             Thresholds
	}{
		{"first override wins and keeps n from the defaults", "pay-eu", "prod",
			func() Thresholds { x := def; x.ErrorRate = 0.01; x.MOfN = MOfN{1, 5}; return x }()},
		{"second override for other stages", "pay-eu", "dev",
			func() Thresholds { x := def; x.Latency = 5 * time.Second; return x }()},
		{"patterns are anchored", "xpay-eu", "prod",
			func() Thresholds { x := def; x.ClearAfter = 10; return x }()},
		{"no match gives the defaults", "orders", "dev", def},
		{"the masked-200 check turned off for one API", "legacy", "dev",
			func() Thresholds { x := def; x.Masked200MinErrors = 0; return x }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.ThresholdsFor(tt.api, tt.stage); got != tt.want {
				t.Errorf("ThresholdsFor(%q, %q) = %+v, want %+v", tt.api, tt.stage, got, tt.want)
			}
		})
	}
	if def.ErrorRate != 0.1 || def.MOfN != (MOfN{3, 5}) || def.ClearAfter != 3 || def.Masked200MinErrors != 5 {
		t.Errorf("defaults not applied around written keys: %+v", def)
	}
}

func TestRouteFor(t *testing.T) {
	c := mustParse(t, `
aws: {region: us-east-1}
slack:
  token: xoxb-1
  channel: "#ops"
  mention: "<!here>"
  mention_on_statuses: [504]
  routes:
    - match: {api: "pay-.*"}
      channel: "#pay"
      mention: "<!subteam^S1>"
      mention_on_causes: [lambda_throttled]
    - match: {stage: prod}
      lang: ja
`)
	tests := []struct {
		name, api, stage string
		channel          string
		lang             classifier.Lang
		mention          string
	}{
		{"own mention", "pay-eu", "prod", "#pay", "en", "<!subteam^S1>"},
		{"inherits channel and mention", "orders", "prod", "#ops", "ja", "<!here>"},
		{"default route", "orders", "dev", "#ops", "en", "<!here>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.RouteFor(tt.api, tt.stage)
			if r.Channel != tt.channel || r.Lang != tt.lang || r.Mention != tt.mention {
				t.Errorf("RouteFor = %+v, want channel %s lang %s mention %s", r, tt.channel, tt.lang, tt.mention)
			}
		})
	}
}

func TestNormalisation(t *testing.T) {
	c := mustParse(t, `
regions: [eu-west-1, eu-central-1]
accounts:
  - role_arn: arn:aws:iam::123456789012:role/r
  - role_arn: arn:aws-cn:iam::210987654321:role/r
    regions: [cn-north-1]
targets:
  - {api: orders, type: REST}
slack:
  webhook_url: https://hooks.example.com/x
  api_url: http://127.0.0.1:1/api
`)
	checks := []struct {
		name      string
		got, want any
	}{
		{"region from regions", c.AWS.Region, "eu-west-1"},
		{"account id from arn", c.Accounts[0].ID, "123456789012"},
		{"account name from id", c.Accounts[0].Name, "123456789012"},
		{"account regions default", len(c.Accounts[0].Regions), 2},
		{"account regions own", c.Accounts[1].Regions[0], "cn-north-1"},
		{"discovery off with targets", c.Discovery.Enabled, false},
		{"api url slash", c.Slack.APIURL, "http://127.0.0.1:1/api/"},
		{"webhook mode", c.Slack.UsesWebhook(), true},
	}
	for _, ch := range checks {
		t.Run(ch.name, func(t *testing.T) {
			if ch.got != ch.want {
				t.Errorf("got %v, want %v", ch.got, ch.want)
			}
		})
	}
}

// TestRedactedRoundTrip: the printed configuration reads back to itself,
// so an operator can start from `check-config --print` output.
func TestRedactedRoundTrip(t *testing.T) {
	for _, src := range []string{"aws: {region: us-east-1}", mustRead(t, "testdata/anchors.ok.yaml")} {
		c := mustParse(t, src)
		if c.Slack.WebhookURL.IsSet() {
			c.Slack.WebhookURL = Secret{} // a redacted secret cannot read back
		}
		first := c.Redacted()
		again := mustParse(t, first)
		if got := again.Redacted(); got != first {
			t.Errorf("round trip differs:\n%s\n---\n%s", first, got)
		}
	}
}
