package classifier

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWhyKeepsControlCharactersEscaped(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine(`{"requestId":"r1","routeKey":"GET /x","status":"500","integrationErrorMessage":"boom \u001b[31mred\u001b[0m Invalid permissions on Lambda function"}`)
	d := s.Diagnose(LangEN)
	if strings.ContainsRune(d.Why, 0x1b) {
		t.Fatalf("why holds a raw escape character: %q", d.Why)
	}
	if !strings.Contains(d.Why, `\x1b[31m`) {
		t.Errorf("why lost the escaped character: %q", d.Why)
	}
}

func TestWhyTruncatesByCharacter(t *testing.T) {
	got := quoteMessage("Execution failed due to configuration error: " + strings.Repeat("é", 300))
	if !utf8.ValidString(got) {
		t.Fatalf("why cut a character in half: %q", got)
	}
	if n := utf8.RuneCountInString(got); n != maxWhyRunes+3 {
		t.Errorf("why has %d characters, want %d", n, maxWhyRunes+3)
	}
}
