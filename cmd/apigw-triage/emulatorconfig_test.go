package main

import (
	"testing"
	"time"
)

// TestEmulatorQueryTimeoutFollowsSpeed: a Logs Insights query against the
// emulator gets the wall-clock minute of a real run, so its emulated
// timeout grows with the speed, within the key's one-hour bound.
func TestEmulatorQueryTimeoutFollowsSpeed(t *testing.T) {
	for _, tc := range []struct {
		speed float64
		want  time.Duration
	}{{0, time.Minute}, {1, time.Minute}, {20, 20 * time.Minute}, {60, time.Hour}, {600, time.Hour}} {
		cfg, err := emulatorConfig(emulatorSettings{Endpoint: "http://127.0.0.1:1", Account: "123456789012",
			Listen: "127.0.0.1:0", StatePath: "incidents.db", Speed: tc.speed}, func(string) string { return "" })
		if err != nil {
			t.Fatalf("speed %v: %v", tc.speed, err)
		}
		if got := cfg.Logs.QueryTimeout; got != tc.want {
			t.Errorf("speed %v: logs.query_timeout %v, want %v", tc.speed, got, tc.want)
		}
	}
}
