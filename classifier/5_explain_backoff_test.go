package classifier

import (
	"strings"
	"testing"
	"time"
)

// TestBackoffForEveryCause checks the hint of each cause against the
// taxonomy's retry column and the invariants of BackoffHint.
func TestBackoffForEveryCause(t *testing.T) {
	for _, c := range Causes() {
		t.Run(c.String(), func(t *testing.T) {
			h := BackoffFor(c, 0)
			wantRetry := c.Retry() == RetryYes || c.Retry() == RetryMaybe
			if h.Retryable != wantRetry {
				t.Fatalf("retryable %v, taxonomy says %q", h.Retryable, c.Retry())
			}
			if h.Note == "" {
				t.Error("no note")
			}
			if !h.Retryable {
				want := BackoffHint{Jitter: "none", Note: h.Note}
				if h != want {
					t.Errorf("not-retryable hint %+v has numbers", h)
				}
				return
			}
			if h.Jitter != "full" {
				t.Errorf("jitter %q, want full", h.Jitter)
			}
			if h.InitialMS <= 0 || h.MaxMS < h.InitialMS || h.Multiplier <= 1 || h.MaxAttempts < 2 {
				t.Errorf("bad numbers %+v", h)
			}
			if c.Retry() == RetryMaybe && h.MaxAttempts > 3 {
				t.Errorf("a maybe-retryable cause allows %d attempts", h.MaxAttempts)
			}
		})
	}
}

func TestBackoffNotRetryableNotesSayWhy(t *testing.T) {
	tests := []struct {
		cause Cause
		want  string
	}{
		{CauseLambdaInvokePermission, "will not help"},
		{CauseMappingTemplateError, "will not help"},
		{CauseLambdaFunctionError, "transient"},
		{CauseUnknown, "unknown"},
		{CauseNot5xx, "no gateway 5xx"},
		{CauseIntegrationTimeout, "idempotent"},
		{CauseLambdaFunctionTimeout, "idempotent"},
	}
	for _, tt := range tests {
		t.Run(tt.cause.String(), func(t *testing.T) {
			if n := BackoffFor(tt.cause, 0).Note; !strings.Contains(n, tt.want) {
				t.Errorf("note %q lacks %q", n, tt.want)
			}
		})
	}
}

func TestBackoffRetryAfterOverrides(t *testing.T) {
	tests := []struct {
		name       string
		cause      Cause
		retryAfter time.Duration
		wantInit   int64
		wantMax    int64
		retryable  bool
	}{
		{"below cap", CauseBackendUnavailable, 5 * time.Second, 5_000, 20_000, true},
		{"above cap raises cap", CauseLambdaThrottled, 120 * time.Second, 120_000, 120_000, true},
		{"rounds up", CauseInternalServiceFailure, 1500 * time.Microsecond, 2, 10_000, true},
		{"maybe cause", CauseIntegrationTimeout, 3 * time.Second, 3_000, 10_000, true},
		{"not retryable stays so", CauseLambdaInvokePermission, 3 * time.Second, 0, 0, false},
		{"negative ignored", CauseLambdaThrottled, -time.Second, 200, 20_000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := BackoffFor(tt.cause, tt.retryAfter)
			if h.Retryable != tt.retryable || h.InitialMS != tt.wantInit || h.MaxMS != tt.wantMax {
				t.Errorf("got retryable %v initial %d max %d, want %v %d %d",
					h.Retryable, h.InitialMS, h.MaxMS, tt.retryable, tt.wantInit, tt.wantMax)
			}
			mentions := strings.Contains(h.Note, "Retry-After: wait")
			if want := tt.retryable && tt.retryAfter > 0; mentions != want {
				t.Errorf("note %q: mentions Retry-After %v, want %v", h.Note, mentions, want)
			}
		})
	}
}

func TestBackoffNoteRetryAfterSeconds(t *testing.T) {
	h := BackoffFor(CauseBackendUnavailable, 2500*time.Millisecond)
	if n := BackoffNote(h, CauseBackendUnavailable, LangEN); !strings.Contains(n, "at least 2.5 s") {
		t.Errorf("note %q lacks the Retry-After seconds", n)
	}
}

func TestBackoffNoteEveryLanguage(t *testing.T) {
	for _, lang := range Langs() {
		for _, c := range Causes() {
			t.Run(string(lang)+"/"+c.String(), func(t *testing.T) {
				h := BackoffFor(c, 7*time.Second)
				n := BackoffNote(h, c, lang)
				if n == "" {
					t.Fatal("empty note")
				}
				if lang != LangEN && n == BackoffNote(h, c, LangEN) {
					t.Errorf("note is the English one: %q", n)
				}
				if h.Retryable && !strings.Contains(n, "7") {
					t.Errorf("note %q lacks the Retry-After of 7 s", n)
				}
			})
		}
	}
}

// TestDiagnoseBackoffNoteInItsLanguage checks that a diagnosis gives its
// client retry note in the language of its remediation steps, as the
// classify command's --lang documents (docs/classify.md), and that the
// catalog's notes of each language are what it gives.
func TestDiagnoseBackoffNoteInItsLanguage(t *testing.T) {
	const evidence = "(abc-123) Execution failed due to configuration error: Malformed Lambda proxy response\n"
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(strings.NewReader(evidence)); err != nil {
		t.Fatal(err)
	}
	en := s.Diagnose(LangEN).Backoff.Note
	for _, lang := range Langs() {
		t.Run(string(lang), func(t *testing.T) {
			d := s.Diagnose(lang)
			if want := BackoffNote(d.Backoff, d.Cause, lang); d.Backoff.Note != want {
				t.Errorf("note %q, want %q", d.Backoff.Note, want)
			}
			if lang != LangEN && d.Backoff.Note == en {
				t.Errorf("note in English: %q", d.Backoff.Note)
			}
		})
	}
}
