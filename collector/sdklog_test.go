package collector

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/aws/smithy-go/logging"
)

// TestSDKLoggerLevels: the SDK's own lines reach the daemon's logger in
// its format, a warning at Warn (shown at the default info level), the
// rest at Debug (shown only when asked for).
func TestSDKLoggerLevels(t *testing.T) {
	tests := []struct {
		name  string
		class logging.Classification
		level slog.Level
		want  string // "" when the line is not logged at that level
	}{
		{"warning at info", logging.Warn, slog.LevelInfo, "WARN"},
		{"debug at info", logging.Debug, slog.LevelInfo, ""},
		{"debug at debug", logging.Debug, slog.LevelDebug, "DEBUG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := sdkLogger{log: slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: tt.level}))}
			l.Logf(tt.class, "falling back to %s", "IMDSv1")
			if tt.want == "" {
				if buf.Len() != 0 {
					t.Errorf("logged %s", buf.Bytes())
				}
				return
			}
			var rec struct{ Level, Msg, Detail string }
			if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
				t.Fatalf("%v: %s", err, buf.Bytes())
			}
			if rec.Level != tt.want || rec.Msg != "aws sdk" || rec.Detail != "falling back to IMDSv1" {
				t.Errorf("logged %+v, want level %s, msg \"aws sdk\", the SDK's line as detail", rec, tt.want)
			}
		})
	}
}
