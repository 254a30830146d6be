package config

import (
	"testing"
	"time"
)

// TestRediagnoseInterval: logs.rediagnose_interval, when not written, is
// RediagnosePolls poll intervals, as the daemon re-read open incidents
// before the key existed (so a file that sets only collector.interval
// keeps its cadence); written, it is taken as written, from one poll
// interval up to 6h.
func TestRediagnoseInterval(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		want       time.Duration
	}{
		{"default", "", 5 * time.Minute},
		{"unset, with a 30s poll", "collector: {interval: 30s}", 150 * time.Second},
		{"unset, with a 10m poll", "collector: {interval: 10m}", 50 * time.Minute},
		{"written", "logs: {rediagnose_interval: 15m}", 15 * time.Minute},
		{"written as one poll", "collector: {interval: 2m}\nlogs: {rediagnose_interval: 2m}", 2 * time.Minute},
		{"written, at the bound", "logs: {rediagnose_interval: 6h}", 6 * time.Hour},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := mustParse(t, "aws: {region: us-east-1}\n"+tt.yaml)
			if got := c.Logs.RediagnoseInterval; got != tt.want {
				t.Errorf("rediagnose_interval = %s, want %s", got, tt.want)
			}
		})
	}
}
