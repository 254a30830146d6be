package config

import (
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// Default returns the configuration an empty file would give, before the
// region (which has no safe default) is set. Load starts from it and the
// file overrides what it names; config.example.yaml shows the same values.
func Default() Config {
	return Config{
		AWS: AWS{
			// Adaptive retry slows the client down while AWS throttles, instead
			// of spending every attempt at once.
			RetryMode:   "adaptive",
			MaxAttempts: 5,
			MaxBackoff:  20 * time.Second,
		},
		Discovery: Discovery{
			Enabled:         true,
			APITypes:        []stage.APIType{stage.APIREST, stage.APIHTTP, stage.APIWebSocket},
			RefreshInterval: 10 * time.Minute,
		},
		Thresholds: ThresholdConfig{Thresholds: Thresholds{
			ErrorRate:         0.05,
			Min5xxCount:       5,
			LatencyPercentile: "p99",
			MOfN:              MOfN{M: 2, N: 3},
			ClearAfter:        3,

			Masked200MinErrors: 5,
		}},
		Collector: Collector{
			Interval: time.Minute,
			// About 2 minutes until a 1-minute CloudWatch datapoint is complete.
			Delay:         2 * time.Minute,
			Period:        time.Minute,
			RereadPeriods: 3,
			Concurrency:   4,
			// 0.2 billed metric per stage per poll at a 60 s interval.
			LatencyInterval: 5 * time.Minute,
		},
		Logs: Logs{
			InsightsEnabled:    true,
			Lookback:           15 * time.Minute,
			MaxRequestsSampled: 20,
			// Below the hard 5 TPS per account and region, leaving room for
			// the console and other tools.
			FilterLogEventsTPS: 2,
			QueryTimeout:       time.Minute,
		},
		Slack: Slack{
			APIURL:          "https://slack.com/api/",
			Lang:            classifier.LangEN,
			RepeatInterval:  time.Hour,
			DigestThreshold: 5,
			DigestWindow:    10 * time.Second,
			MinInterval:     time.Second,
			Timeout:         10 * time.Second,
		},
		Alertmanager: Alertmanager{Timeout: 10 * time.Second},
		Server:       Server{Listen: "127.0.0.1:9108", ShutdownTimeout: 10 * time.Second},
		Log:          Log{Level: "info", Format: "text"},
		State:        State{Path: "apigw-triage.db", Retention: 7 * 24 * time.Hour},
		Costs:        Costs{MetricsPer1000: 0.01, InsightsPerGB: 0.005},
		HA:           HA{Shards: 1},
		Alarms:       Alarms{Wait: 20 * time.Second},
	}
}
