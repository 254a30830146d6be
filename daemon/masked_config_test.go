package daemon

import (
	"io"
	"log/slog"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/config"
)

// TestMasked200MinErrorsReachesTheCollector: thresholds.masked_200_min_errors
// becomes the collector's MaskedMin (whose effect on tripping the collector's
// end-to-end tests prove), 0 turning the check off.
func TestMasked200MinErrorsReachesTheCollector(t *testing.T) {
	for _, tc := range []struct {
		set  int
		want float64
	}{{5, 5}, {12, 12}, {0, -1}} {
		cfg := config.Default()
		cfg.Thresholds.Masked200MinErrors = tc.set
		o := collectorOptions(&cfg, Env{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, prometheus.NewRegistry())
		if got := o.Thresholds("billing", "prod").MaskedMin; got != tc.want {
			t.Errorf("masked_200_min_errors %d: collector MaskedMin %v, want %v", tc.set, got, tc.want)
		}
	}
}
