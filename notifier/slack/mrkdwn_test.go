package slack

import (
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
			if got := escapeMrkdwn(tc.in); got != tc.want {
				t.Errorf("escapeMrkdwn(%q) = %q, want %q", tc.in, got, tc.want)
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
		got := truncate(tc.in, tc.limit)
		if got != tc.want || utf8.RuneCountInString(got) > tc.limit {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}
