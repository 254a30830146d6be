package daemon

import (
	"fmt"
	"testing"

	"github.com/apigw-triage/apigw-triage/config"
)

// emulatorTestConfig is the configuration the package's end-to-end runs
// start from: the production loader's result for a file that points every
// AWS service at the emulator at endpoint, with its dummy credentials, one
// account and two regions; the HTTP server on a free port. The SDK waits in
// wall time while the clock is the test's: hence a short backoff, and the
// standard retryer, since the adaptive one's client-side rate, per wall
// second, would hold back the many polls a test packs into each second
// (70 polls of the catalog: 42 to 45 s standard, 81 to 93 s adaptive). webhook,
// when set, is a Slack incoming webhook.
func emulatorTestConfig(tb testing.TB, endpoint, account, statePath, webhook string) *config.Config {
	tb.Helper()
	text := fmt.Sprintf(`aws: {region: us-east-1, endpoint_url: %q, access_key_id: emulator, secret_access_key: emulator, retry_mode: standard, max_attempts: 8, max_backoff: 1s}
accounts: [{id: %q, name: demo}]
regions: [us-east-1, eu-west-1]
logs: {lookback: 5m}
server: {listen: "127.0.0.1:0"}
state: {path: %q}
`, endpoint, account, statePath)
	if webhook != "" {
		text += fmt.Sprintf("slack: {webhook_url: %q}\n", webhook)
	}
	cfg, err := config.Parse([]byte(text), "emulator.yaml", func(string) string { return "" })
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}
