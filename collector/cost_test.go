package collector

import (
	"math"
	"testing"
	"time"
)

func TestMonthlyCost(t *testing.T) {
	prices := Prices{PerThousandMetrics: 0.01, PerGBScanned: 0.005}
	tests := []struct {
		name           string
		metrics, bytes float64
		interval       time.Duration
		want           float64
	}{
		// anchors.md 7.1: 300 metrics every 60 s is about $130 a month.
		{"anchor example", 300, 0, time.Minute, 300 * 43200 / 1000 * 0.01},
		{"2000 stages at 3 metrics", 6000, 0, time.Minute, 6000 * 43200 / 1000 * 0.01},
		{"five minute interval", 300, 0, 5 * time.Minute, 300 * 8640 / 1000 * 0.01},
		{"one GB scanned per poll", 0, 1 << 30, time.Minute, 43200 * 0.005},
		{"no interval", 300, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := monthlyCost(tt.metrics, tt.bytes, tt.interval, prices)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("monthlyCost = %v, want %v", got, tt.want)
			}
		})
	}
}
