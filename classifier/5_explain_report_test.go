package classifier

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDiagnosis diagnoses a fixture; remediation and backoff are fixed
// here so the goldens test this package's layout, not the catalog's text.
func goldenDiagnosis(t *testing.T, fixture string) Diagnosis {
	t.Helper()
	_, body := readCase(t, filepath.Join("testdata/cases", fixture+".log"))
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(bytes.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	d := s.Diagnose(LangEN)
	d.Remediation = Advice{Lang: LangEN, Title: "Fix the thing", Steps: []string{"First step.", "Second step: `aws lambda add-permission ...`"}}
	d.Backoff = BackoffHint{Jitter: "none", Note: "retrying will not help: fix the configuration"}
	if d.Cause.Retry() == RetryYes {
		d.Backoff = BackoffHint{Retryable: true, InitialMS: 200, MaxMS: 5000, Multiplier: 2, MaxAttempts: 5, Jitter: "full"}
	}
	return d
}

func TestGolden(t *testing.T) {
	fixtures := []string{
		"lambda_malformed_proxy_response_1", "lambda_invoke_permission_2", "lambda_throttled_2",
		"unknown_3", "not_5xx_1",
	}
	for _, fx := range fixtures {
		d := goldenDiagnosis(t, fx)
		for _, format := range []string{"txt", "json"} {
			t.Run(fx+"."+format, func(t *testing.T) {
				var buf bytes.Buffer
				write := WriteText
				if format == "json" {
					write = WriteJSON
				}
				if err := write(&buf, d); err != nil {
					t.Fatal(err)
				}
				compareGolden(t, filepath.Join("testdata/golden", fx+"."+format), buf.Bytes())
			})
		}
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestJSONShape checks the keys and value types docs/classify.md gives.
func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, goldenDiagnosis(t, "lambda_function_error_1")); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	var m map[string]any
	if err := dec.Decode(&m); err != nil || dec.More() {
		t.Fatalf("not exactly one object: %v", err)
	}
	for key, kind := range map[string]string{
		"status": "string", "cause": "string", "confidence": "number", "api_type": "string",
		"breakdown": "array", "request_ids": "array", "evidence": "array", "remediation": "object", "backoff": "object",
	} {
		if got := jsonKind(m[key]); got != kind {
			t.Errorf("%s: %s, want %s", key, got, kind)
		}
	}
	row := m["breakdown"].([]any)[0].(map[string]any)
	if jsonKind(row["cause"]) != "string" || jsonKind(row["status"]) != "string" || jsonKind(row["requests"]) != "number" {
		t.Errorf("breakdown row %v", row)
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return "other"
}

// TestBackoffTextSentences: the catalog's note and the figures are two
// sentences, as the text report prints them after "client retries:".
func TestBackoffTextSentences(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    BackoffHint
		want string
	}{
		{"note and figures", BackoffHint{Retryable: true, InitialMS: 1000, MaxMS: 5000, Multiplier: 2, MaxAttempts: 2, Jitter: "full", Note: "Retry at most once."},
			"Retry at most once. Exponential backoff with full jitter: initial 1000 ms, cap 5000 ms, multiplier 2, at most 2 attempts."},
		{"figures alone", BackoffHint{Retryable: true, InitialMS: 200, MaxMS: 5000, Multiplier: 2, MaxAttempts: 5, Jitter: "full"},
			"Exponential backoff with full jitter: initial 200 ms, cap 5000 ms, multiplier 2, at most 5 attempts."},
		{"note alone", BackoffHint{Jitter: "none", Note: "Retrying will not help."}, "Retrying will not help."},
		{"neither", BackoffHint{Jitter: "none"}, "Not retryable: retrying will not help, fix the configuration."},
	} {
		if got := backoffText(tc.b); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFailedRequestsWereSeen: the requests failed are among the requests
// seen, also when only the function's log shows them (the Lambda guide's
// "Task timed out" line of a function's log group, no gateway line).
func TestFailedRequestsWereSeen(t *testing.T) {
	d := diagnoseText(t, "START RequestId: 8f3b9a6e-aaaa-bbbb-cccc-1234567890ab Version: $LATEST\n"+
		"2026-12-02T19:26:13.123Z\t8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\tTask timed out after 3.00 seconds\n"+
		"END RequestId: 8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\n"+
		"REPORT RequestId: 8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\tDuration: 3003.12 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\n")
	if d.Failed != 1 || d.Requests != 1 {
		t.Errorf("%d seen, %d failed; want 1 seen, 1 failed", d.Requests, d.Failed)
	}
}
