package main

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
)

// emulatorSettings are what differs between runs against the emulator.
type emulatorSettings struct {
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
func (s emulatorSettings) queryTimeout() time.Duration {
	d := time.Minute
	if s.Speed > 1 {
		d = time.Duration(float64(d) * s.Speed)
	}
	return min(d, time.Hour)
}

// emulatorConfig is the configuration the demo and the command's
// end-to-end tests run with: an ordinary configuration file, checked by the
// same loader as production, pointing every AWS service at the emulator.
func emulatorConfig(s emulatorSettings, getenv func(string) string) (*config.Config, error) {
	return config.Parse([]byte(emulatorConfigText(s)), "emulator.yaml", getenv)
}

// emulatorConfigText is emulatorConfig as YAML, for a daemon started as its
// own process (emulate --write-config); callers may append top-level keys
// it does not set (slack without a webhook, log).
//
// The retryer is the standard one: the adaptive default lowers the client's
// request rate per wall second after a throttle, and an emulated run packs
// many polls into each wall second, so the emulator's 1% of throttled calls
// would hold the client back far more than a real minute between polls
// does (the catalog's 70 polls took about twice as long in wall time:
// 81 to 93 s instead of 42 to 45 s).
func emulatorConfigText(s emulatorSettings) string {
	text := fmt.Sprintf(`aws:
  region: us-east-1
  endpoint_url: %q
  access_key_id: emulator
  secret_access_key: emulator
  retry_mode: standard
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
