package daemon

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
)

// EmulatorSettings are what differs between runs against the emulator.
type EmulatorSettings struct {
	Endpoint   string // the emulator's base URL
	Account    string // the account of the emulator's default credentials
	Listen     string // the daemon's HTTP address
	StatePath  string
	WebhookURL string // optional Slack incoming webhook
	// Speed is how many emulated seconds pass per wall second (0 or 1: real
	// time). A Logs Insights query then gets the wall-clock patience it has
	// in a real run, so a busy machine does not turn a slow answer into
	// missing evidence.
	Speed float64
}

// queryTimeout is logs.query_timeout for a run at the settings' speed: the
// default minute of wall time, within the key's one-hour bound.
func (s EmulatorSettings) queryTimeout() time.Duration {
	d := time.Minute
	if s.Speed > 1 {
		d = time.Duration(float64(d) * s.Speed)
	}
	return min(d, time.Hour)
}

// EmulatorConfig is the configuration the demo and the end-to-end tests
// run with: an ordinary configuration file, checked by the same loader as
// production, pointing every AWS service at the emulator.
func EmulatorConfig(s EmulatorSettings, getenv func(string) string) (*config.Config, error) {
	return config.Parse([]byte(EmulatorConfigText(s)), "emulator.yaml", getenv)
}

// EmulatorConfigText is EmulatorConfig as YAML, for a daemon started as its
// own process; callers may append top-level keys it does not set (slack
// without a webhook, log).
func EmulatorConfigText(s EmulatorSettings) string {
	text := fmt.Sprintf(`aws:
  region: us-east-1
  endpoint_url: %q
  access_key_id: emulator
  secret_access_key: emulator
  max_attempts: 8
  max_backoff: 1s
accounts:
  - id: %q
    name: demo
regions: [us-east-1, eu-west-1]
collector:
  interval: 60s
logs:
  lookback: 5m
  query_timeout: %s
server:
  listen: %q
state:
  path: %q
`, s.Endpoint, s.Account, s.queryTimeout(), s.Listen, s.StatePath)
	if s.WebhookURL != "" {
		text += fmt.Sprintf("slack:\n  webhook_url: %q\n", s.WebhookURL)
	}
	return text
}
