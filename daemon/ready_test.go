package daemon

import (
	"errors"
	"testing"
)

// TestReadyNamesTheFailedPoll: /readyz after polls that all failed says
// why (the collector's error), also when none has succeeded yet, which is
// what a first run without credentials or network shows.
func TestReadyNamesTheFailedPoll(t *testing.T) {
	failed := errors.New("every account and region failed: AWS credentials could not be loaded")
	tests := []struct {
		name    string
		lastErr error
		want    string
	}{
		{"no poll yet", nil, "no poll has completed yet"},
		{"first poll failed", failed, failed.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Daemon{lastErr: tt.lastErr}
			if err := d.Ready(); err == nil || err.Error() != tt.want {
				t.Errorf("Ready() = %v, want %q", err, tt.want)
			}
		})
	}
}
