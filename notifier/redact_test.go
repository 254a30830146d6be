package notifier

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	hook := "https://hooks.slack.com/services/T0/B0/sekr3tSEKR3T"
	ue := &url.Error{Op: "Post", URL: hook, Err: errors.New("dial tcp: connection refused")}
	err := Redact(fmt.Errorf("slack: %w", ue), hook, "xoxb-token-value")
	if strings.Contains(err.Error(), "sekr3t") || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("Redact = %q", err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), "sekr3t") {
			t.Errorf("unwrapping reaches the URL: %q", e)
		}
	}
	if got := RedactString("token=xoxb-token-value", "xoxb-token-value"); got != "token=<secret>" {
		t.Errorf("RedactString = %q", got)
	}
	if Redact(nil, "x") != nil {
		t.Error("Redact(nil) != nil")
	}
}
