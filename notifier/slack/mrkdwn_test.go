package slack

import "testing"

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
