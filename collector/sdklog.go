package collector

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/aws/smithy-go/logging"
)

// sdkLogger routes the SDK's own log lines (a credential provider's
// "falling back to IMDSv1", a response without a checksum) through the
// daemon's slog logger, so that they carry its format, text or JSON, and
// level instead of the SDK's "SDK 2006/01/02 15:04:05 WARN ..." lines on
// standard error, which a JSON log pipeline cannot parse.
type sdkLogger struct{ log *slog.Logger }

// Logf logs one SDK line: warnings at Warn, the rest at Debug.
func (l sdkLogger) Logf(c logging.Classification, format string, v ...any) {
	level := slog.LevelDebug
	if c == logging.Warn {
		level = slog.LevelWarn
	}
	// the SDK's Logger interface carries no context
	l.log.Log(context.Background(), level, "aws sdk", "detail", fmt.Sprintf(format, v...))
}
