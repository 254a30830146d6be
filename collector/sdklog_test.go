package collector

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/aws/smithy-go/logging"
	"github.com/prometheus/client_golang/prometheus"
)

// TestSDKLogsThroughSlog: the SDK's own lines reach the daemon's logger in
// its format (here JSON) and level, warnings as warnings, not as the SDK's
// "SDK <date> WARN" text on standard error.
func TestSDKLogsThroughSlog(t *testing.T) {
	m, err := newMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		class logging.Classification
		level string
	}{
		{"warning", logging.Warn, "WARN"},
		{"debug", logging.Debug, "DEBUG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
			cfg, err := baseConfig(AWSOptions{Region: "us-east-1"}, m, log)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Logger.Logf(tt.class, "falling back to IMDSv1: %s", "403")
			var line map[string]any
			if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
				t.Fatalf("not one JSON log line: %q", buf.String())
			}
			if line["level"] != tt.level || line["detail"] != "falling back to IMDSv1: 403" {
				t.Errorf("log line %v, want level %s and the SDK's words", line, tt.level)
			}
		})
	}
}
