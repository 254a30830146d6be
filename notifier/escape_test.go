package notifier

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeMrkdwn(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"broadcast link", "<!channel>", "&lt;!channel&gt;"},
		{"user mention", "<@U024BE7LH>", "&lt;@U024BE7LH&gt;"},
		{"link", "<http://evil|x>", "&lt;http://evil|x&gt;"},
		{"ampersand", "a & b", "a &amp; b"},
		{"at-here", "ping @here now", "ping ＠here now"},
		{"at-everyone any case", "@EveryOne", "＠EveryOne"},
		{"fence", "```x```", "`ˋˋx`ˋˋ"},
		{"inline code kept", "`aws logs tail`", "`aws logs tail`"},
		{"invalid utf8", "a\xffb", `a\xffb`},
		{"ansi", "\x1b[2J", `\x1b[2J`},
		{"bidi", "a\u202eb", `a\u202eb`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := EscapeMrkdwn(tc.in); got != tc.want {
				t.Errorf("EscapeMrkdwn(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"abcdef", 4, "abc…"},
		{"日本語テキスト", 3, "日本…"},
		{"ab &amp; cd", 6, "ab …"},
	} {
		got := Truncate(tc.in, tc.limit)
		if got != tc.want || utf8.RuneCountInString(got) > tc.limit {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
	if got := TruncateBytes("日本", 4); got != "日" {
		t.Errorf("TruncateBytes split a rune: %q", got)
	}
}

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
