package collector

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
)

func TestEvaluate(t *testing.T) {
	th := Thresholds{ErrorRate: 0.05, Min5xx: 5, Latency: 5 * time.Second, LatencyStat: "p99", M: 2, N: 3, ClearAfter: 2}
	bad := sample{requests: 100, errors: 50, hasCount: true, hasErrors: true}
	good := sample{requests: 100, errors: 1, hasCount: true, hasErrors: true}
	none := sample{}
	fewErrs := sample{requests: 4, errors: 4, hasCount: true, hasErrors: true} // 100 % but below Min5xx
	no5xxPoint := sample{requests: 100, hasCount: true}                        // missing 5xx with traffic: zero errors
	slow := sample{requests: 100, hasCount: true, latency: 6000, hasLatency: true}
	tests := []struct {
		name           string
		hist           []sample
		tripped, clear bool
	}{
		{"two of three breach", []sample{good, good, bad, good, bad}, true, false},
		{"one of three breaches", []sample{bad, good, good, bad, good}, false, false},
		{"no traffic never trips nor clears", []sample{none, none, none, none, none}, false, false},
		{"errors below minimum count", []sample{fewErrs, fewErrs, fewErrs}, false, true},
		{"missing 5xx with traffic is clean", []sample{bad, bad, good, no5xxPoint, no5xxPoint}, false, true},
		{"latency breach", []sample{good, slow, slow}, true, false},
		{"clear skips quiet periods", []sample{bad, good, none, good, none}, false, true},
		{"clear needs K clean after the last breach", []sample{good, good, none, bad, good}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := th.evaluate(tt.hist)
			if v.tripped != tt.tripped || v.clear != tt.clear {
				t.Errorf("tripped, clear = %v, %v; want %v, %v", v.tripped, v.clear, tt.tripped, tt.clear)
			}
		})
	}
}

func TestThresholdDefaults(t *testing.T) {
	got := Thresholds{M: 7, N: 3}.withDefaults()
	if d := config.Default().Thresholds; got.M != d.MOfN.M || got.N != 3 || got.LatencyStat != d.LatencyPercentile || got.ClearAfter != d.ClearAfter {
		t.Errorf("withDefaults = %+v", got)
	}
}

func TestLikelyTimeout(t *testing.T) {
	tests := []struct {
		latencyMS float64
		timeout   time.Duration
		want      bool
	}{
		{29000, 29 * time.Second, true},
		{26100, 29 * time.Second, true},
		{26000, 29 * time.Second, false},
		{1000, 0, false},
	}
	for _, tt := range tests {
		if got := likelyTimeout(tt.latencyMS, tt.timeout); got != tt.want {
			t.Errorf("likelyTimeout(%v, %v) = %v", tt.latencyMS, tt.timeout, got)
		}
	}
}
