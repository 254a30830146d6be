package classifier

import (
	"reflect"
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

// Diagnose changes nothing but what the last lines left waiting: called
// between lines that leave nothing waiting, it changes no later answer;
// called while a line waits to see whether a stack trace's frames follow,
// it reads that line as if the input ended there, and frames added later
// do not join it.
func TestDiagnoseChangesOnlyWhatWaits(t *testing.T) {
	first := "(11111111-2222-3333-4444-555555555555) Method completed with status: 200\n"
	rest := "(66666666-7777-8888-9999-000000000000) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
		"(66666666-7777-8888-9999-000000000000) Method completed with status: 502\n"
	whole := diagnoseWith(t, Hints{}, first+rest)
	s := NewSession(Hints{})
	s.AddLine(strings.TrimSpace(first))
	s.Diagnose(LangEN)
	for _, l := range strings.Split(strings.TrimSpace(rest), "\n") {
		s.AddLine(l)
	}
	if got := s.Diagnose(LangEN); !reflect.DeepEqual(got, whole) {
		t.Errorf("a diagnosis in between changed the answer:\n%+v\nwant\n%+v", got, whole)
	}
	if again := s.Diagnose(LangEN); !reflect.DeepEqual(again, whole) {
		t.Errorf("a second diagnosis differs:\n%+v\nwant\n%+v", again, whole)
	}

	held := NewSession(Hints{})
	held.AddLine("retrofit2.HttpException: HTTP 503 ")
	held.Diagnose(LangEN) // the line waits for frames; Diagnose reads it as the client's
	held.AddLine("\tat com.example.orders.OrdersHandler.handleRequest(OrdersHandler.java:42)")
	if d := held.Diagnose(LangEN); d.Status != Status503 {
		t.Errorf("the held line was not read when Diagnose was called: got %s/%s", d.Status, d.Cause)
	}
}
