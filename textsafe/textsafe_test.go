package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "GET /orders 502", "GET /orders 502"},
		{"ansi clear screen", "\x1b[2J", `\x1b[2J`},
		{"forged line", "ok\nwhy: forged", `ok\nwhy: forged`},
		{"right-to-left override", "abc\u202edef", `abc\u202edef`},
		{"isolates", "\u2066x\u2069", `\u2066x\u2069`},
		{"marks", "\u200e\u200f", `\u200e\u200f`},
		{"zero width", "a\u200bb\u200dc\ufeffd\u2060", `a\u200bb\u200dc\ufeffd\u2060`},
		{"c1 and del", "\u0085\x7f", `\u0085\x7f`},
		{"tag character", "\U000e0041", `\U000e0041`},
		{"invalid utf8", "a\xffb", `a\xffb`},
		{"non-latin kept", "日本語 ção", "日本語 ção"},
		{"replacement char kept", "\ufffd", "\ufffd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Escape(tc.in); got != tc.want {
				t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exact", 5, "exact"},
		{"abcdef", 4, "abc…"},
		{"日本語テキスト", 3, "日本…"},
		{"ab\x1bcd", 5, "ab…"}, // the escape \x1b is not split
		{"abc", 0, ""},
	} {
		got := Cut(tc.in, tc.limit)
		if got != tc.want || utf8.RuneCountInString(got) > max(tc.limit, 0) {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
	if got := CutBytes("日本語", 7); got != "日…" {
		t.Errorf("CutBytes = %q, want 日…", got)
	}
}

func TestNoMentions(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"channel", "<!channel> up", "‹!channel› up"},
		{"here", "<!here>", "‹!here›"},
		{"user", "hi <@U123ABC>", "hi ‹@U123ABC›"},
		{"link", "<https://evil.example|click>", "‹https://evil.example|click›"},
		{"bare broadcast", "@here and @Everyone", "＠here and ＠Everyone"},
		{"any sequence", "<|> <html>", "‹|› ‹html›"},
		{"escapes too", "\u202e<!channel>", `\u202e‹!channel›`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NoMentions(tc.in); got != tc.want {
				t.Errorf("NoMentions(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLinesAndJSON(t *testing.T) {
	if got := Lines("a\x1b\nb\u202e\n"); got != "a\\x1b\nb\\u202e\n" {
		t.Errorf("Lines = %q", got)
	}
	got := string(JSON([]byte("{\n  \"a\": \"x\u202ey\u200b\"\n}\n")))
	if want := "{\n  \"a\": \"x\\\\u202ey\\\\u200b\"\n}\n"; got != want {
		t.Errorf("JSON = %q, want %q", got, want)
	}
}

// FuzzEscape: whatever the input, the output of every function is valid
// UTF-8 without one unsafe rune, Cut never exceeds its bound, and
// NoMentions leaves no Slack mention or link syntax.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"\x1b[2J", "<!channel>", "<@U123>", "<https://evil|click>", "\u202e", "a\xff", "日本"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = min(max(limit, 0), 1000)
		for name, out := range map[string]string{
			"Escape": Escape(s), "Cut": Cut(s, limit), "CutBytes": CutBytes(s, limit), "NoMentions": NoMentions(s),
		} {
			if !utf8.ValidString(out) || !Clean(out) {
				t.Fatalf("%s(%q) = %q holds an unsafe rune", name, s, out)
			}
		}
		if n := utf8.RuneCountInString(Cut(s, limit)); n > limit {
			t.Fatalf("Cut(%q, %d) has %d characters", s, limit, n)
		}
		if n := len(CutBytes(s, limit)); n > limit {
			t.Fatalf("CutBytes(%q, %d) has %d bytes", s, limit, n)
		}
		if strings.ContainsAny(NoMentions(s), "<>") {
			t.Fatalf("NoMentions(%q) kept an angle bracket", s)
		}
		if b := broadcast.FindString(NoMentions(s)); b != "" {
			t.Fatalf("NoMentions(%q) kept %q", s, b)
		}
	})
}
