package config

import (
	"testing"
	"time"
)

// TestKeyWithoutValueKeepsItsDefault: a key written without a value keeps
// its default, also where the default depends on whether the key was
// written (logs.rediagnose_interval: 5 polls; discovery.enabled: false
// beside targets).
func TestKeyWithoutValueKeepsItsDefault(t *testing.T) {
	c, err := Parse([]byte(`aws:
  region: us-east-1
targets:
  - {api: orders, type: REST}
discovery:
  enabled:
logs:
  rediagnose_interval:   # 5 polls
`), "config.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if want := RediagnosePolls * time.Minute; c.Logs.RediagnoseInterval != want {
		t.Errorf("logs.rediagnose_interval %s, want %s", c.Logs.RediagnoseInterval, want)
	}
	if c.Discovery.Enabled {
		t.Error("discovery.enabled without a value is on beside targets, where its default is off")
	}
}
