package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func runClassifyTest(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runClassify(context.Background(), args, streams{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

const malformed = "(r1) Execution failed due to configuration error: Malformed Lambda proxy response\n(r1) Method completed with status: 502\n"

func TestClassifyCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "exec.log")
	if err := os.WriteFile(file, []byte(malformed), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		stdout   string // substring
		stderrOK bool
	}{
		{"stdin text", malformed, nil, 0, "cause:       lambda_malformed_proxy_response", false},
		{"dash is stdin", malformed, []string{"--format", "json", "-"}, 0, `"cause": "lambda_malformed_proxy_response"`, false},
		{"file json", "", []string{"--format=json", file}, 0, `"status": "502"`, false},
		{"api type HTTP", "Execution failed due to a timeout error\n", []string{"--api-type", "HTTP", "--format", "json"}, 0, `"status": "503"`, false},
		{"lang ja", malformed, []string{"--lang", "ja"}, 0, "status:      502", false},
		// RFC 5646 section 2.1.1: language tags are case-insensitive
		{"lang zh-tw in lower case", malformed, []string{"--lang", "zh-tw", "--format", "json"}, 0, `"lang": "zh-TW"`, false},
		{"lang PT-BR in upper case", malformed, []string{"--lang", "PT-BR", "--format", "json"}, 0, `"lang": "pt-BR"`, false},
		{"empty stdin", "", nil, 3, "", true},
		{"not evidence", "hello\nworld\n", []string{"--format", "json"}, 3, "", true},
		{"client output only", `{"message": "Internal server error"}` + "\n", nil, 0, "status:", false},
		{"bad format", "", []string{"--format", "xml"}, 2, "", true},
		{"json shorthand", malformed, []string{"--json"}, 0, `"cause": "lambda_malformed_proxy_response"`, false},
		{"json shorthand with format json", malformed, []string{"--json", "--format", "json"}, 0, `"status": "502"`, false},
		{"json shorthand against format text", malformed, []string{"--json", "--format", "text"}, 2, "", true},
		{"bad lang", "", []string{"--lang", "fr"}, 2, "", true},
		{"bad api type", "", []string{"--api-type", "SOAP"}, 2, "", true},
		{"bad integration timeout", "", []string{"--integration-timeout", "45"}, 2, "", true},
		{"integration timeout below 50 ms", "", []string{"--integration-timeout", "10ms"}, 2, "", true},
		{"integration timeout past a day", "", []string{"--integration-timeout", "2562047h"}, 2, "", true},
		{"unknown flag", "", []string{"--nope"}, 2, "", true},
		{"directory", "", []string{dir}, 1, "", true},
		{"missing file", "", []string{filepath.Join(dir, "absent.log")}, 1, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runClassifyTest(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q lacks %q", out, tt.stdout)
			}
			if tt.stderrOK && tt.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("stderr is not one line: %q", errOut)
			}
			if tt.code != 0 && out != "" {
				t.Errorf("stdout should be empty on error, got %q", out)
			}
		})
	}
}

func TestClassifyJSONIsOneObject(t *testing.T) {
	code, out, _ := runClassifyTest(t, malformed, "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Error("more than one JSON value on stdout")
	}
}

func TestClassifyListCauses(t *testing.T) {
	code, out, errs := runClassifyTest(t, "", "--list-causes")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	ids := strings.Fields(out)
	for _, want := range []string{"unknown", "lambda_malformed_proxy_response", "not_5xx", "lambda_error_masked_as_200"} {
		if !slices.Contains(ids, want) {
			t.Errorf("--list-causes lacks %s: %v", want, ids)
		}
	}
	// it reads no evidence: a file beside it is a usage error, not ignored
	code, out, errs = runClassifyTest(t, "", "--list-causes", "execution.log")
	if code != 2 || out != "" || !strings.Contains(errs, `--list-causes reads no evidence, not "execution.log"`) {
		t.Errorf("--list-causes execution.log: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestClassifyWebSocketAPIType(t *testing.T) {
	in := "wscat -c wss://abc.execute-api.us-east-1.amazonaws.com/dev\nerror: Unexpected server response: 502\n"
	for _, args := range [][]string{{"--format", "json"}, {"--format", "json", "--api-type", "WEBSOCKET"}} {
		code, out, errs := runClassifyTest(t, in, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
		}
		var d struct {
			Status  string `json:"status"`
			APIType string `json:"api_type"`
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		if d.APIType != "WEBSOCKET" || d.Status != "502" {
			t.Errorf("%v: got api %s status %s, want WEBSOCKET 502", args, d.APIType, d.Status)
		}
	}
}

// TestClassifyIntegrationTimeout: without configuration the fixed defaults
// read the evidence (a Lambda timeout past 31 s outlived any default wait;
// an access record's integration latency from 29 s is at the REST
// default); --integration-timeout gives the API's own, which Regional and
// private REST APIs may raise past 29 s and any API may lower to 50 ms (API
// Gateway developer guide, quotas).
func TestClassifyIntegrationTimeout(t *testing.T) {
	const taskTimedOut = "2024-06-05T10:00:00.000Z 0f1e2d3c-4b5a-4968-8776-655443322110 Task timed out after 40.00 seconds\n"
	const access5s = `{"requestId":"r1","httpMethod":"GET","resourcePath":"/quotes","status":"500","integrationLatency":"5003"}` + "\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"40 s function timeout, defaults", taskTimedOut, nil, `"cause": "integration_timeout"`},
		{"40 s function timeout under a 60 s integration timeout", taskTimedOut, []string{"--integration-timeout", "60s"}, `"cause": "lambda_function_timeout"`},
		{"5 s latency, defaults", access5s, []string{"--api-type", "REST"}, `"cause": "unknown"`},
		{"5 s latency under a 5 s integration timeout", access5s, []string{"--api-type", "REST", "--integration-timeout", "5s"}, `configured at 5 s`},
		{"the 50 ms minimum", strings.Replace(access5s, `"5003"`, `"51"`, 1), []string{"--integration-timeout", "50ms"}, `configured at 50 ms`},
		{"51 ms latency, defaults", strings.Replace(access5s, `"5003"`, `"51"`, 1), nil, `"cause": "unknown"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runClassifyTest(t, tt.stdin, append([]string{"--format", "json"}, tt.args...)...)
			if code != 0 || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, stdout lacks %q: %s%s", code, tt.want, out, errOut)
			}
		})
	}
}

// TestClassifyNullStdinNoPrompt: the null device, what cron and CI jobs give
// as standard input, is a character device like a terminal, but nobody
// there reads a prompt: standard error holds only the one error line.
func TestClassifyNullStdinNoPrompt(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer func() { _ = null.Close() }()
	var out, errb bytes.Buffer
	code := runClassify(context.Background(), nil, streams{stdin: null, stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	if code != 3 {
		t.Fatalf("exit %d, want 3 (nothing readable as evidence); stderr %q", code, errb.String())
	}
	if lines := strings.Split(strings.TrimSpace(errb.String()), "\n"); len(lines) != 1 || strings.Contains(errb.String(), "Ctrl-D") {
		t.Errorf("stderr %q: want the one error line, no prompt", errb.String())
	}
}

// TestClassifyOnlySuccess: a client's 2xx alone is still nothing to
// diagnose (exit 3), and the error says that only successful answers were
// seen, not that nothing was recognised; a person's "it returns 200" is no
// program's answer, and a 2xx beside a 5xx is a diagnosis.
func TestClassifyOnlySuccess(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		code     int
		stderr   string
	}{
		{"curl -i of a request that worked", "HTTP/2 200\napigw-requestid: Xk2pQjABoAMEY5g=\n\n{\"ok\":true}\n", 3, "only successful (2xx) answers"},
		{"a person's 200", "The API returns 200 for me.\n", 3, "nothing to diagnose"},
		{"nothing at all", "hello\n", 3, "nothing to diagnose"},
		{"a 200 beside a 502", "HTTP/2 200\n\nHTTP/2 502\n{\"message\": \"Internal server error\"}\n", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runClassify(context.Background(), []string{"-"}, streams{stdin: strings.NewReader(tc.in), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
			if code != tc.code || !strings.Contains(errb.String(), tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), tc.code, tc.stderr)
			}
		})
	}
}

// TestClassifyUnansweredClient: a client's line without an answer (a host
// it did not reach, a connection without a reply, a refused preflight) is
// still nothing to diagnose (exit 3), and the error says what the line
// shows and where to look, in the language asked for, instead of that no
// client output was recognised; control characters in the line stay
// escaped.
func TestClassifyUnansweredClient(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		args     []string
		stderr   []string
	}{
		{"curl refused", "curl: (7) Failed to connect to abc123.execute-api.us-east-1.amazonaws.com port 443 after 21 ms: Connection refused\n", nil,
			[]string{"nothing to diagnose: The client did not reach the API's endpoint", "curl: (7) Failed to connect"}},
		{"curl max time, in Japanese", "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received\n", []string{"--lang", "ja"},
			[]string{"HTTP 応答を受け取れませんでした", "curl: (28)"}},
		{"escaped", "curl: (52) Empty reply from server \x1b[31m\u202e\n", nil,
			[]string{"The client got no HTTP answer", `\u202e`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runClassify(context.Background(), append(tc.args, "-"), streams{stdin: strings.NewReader(tc.in), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
			if code != 3 || out.Len() > 0 || strings.Count(errb.String(), "\n") != 1 || strings.ContainsAny(errb.String(), "\x1b\u202e") {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 3 and one escaped line on stderr", code, out.String(), errb.String())
			}
			for _, w := range tc.stderr {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr %q lacks %q", errb.String(), w)
				}
			}
		})
	}
}

// TestClassifyListCausesOrder holds --list-causes to what docs/classify.md
// says of it: unknown first, then the causes in the order of the table in
// docs/taxonomy.md.
func TestClassifyListCausesOrder(t *testing.T) {
	doc, err := os.ReadFile("../../docs/taxonomy.md")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"unknown"}
	for _, l := range strings.Split(string(doc), "\n") {
		cells := strings.Split(l, "|")
		// the causes table's rows: | `id` | what happened | REST | HTTP | WebSocket | retry | evidence | fix |
		if len(cells) < 8 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		if id := strings.Trim(strings.TrimSpace(cells[1]), "`"); id != "unknown" {
			want = append(want, id)
		}
	}
	_, out, _ := runClassifyTest(t, "", "--list-causes")
	if got := strings.Fields(out); !slices.Equal(got, want) {
		t.Errorf("--list-causes:\n%v\ndocs/taxonomy.md's order, unknown first:\n%v", got, want)
	}
}

// TestClassifyFormatInAnyCase: --format takes its value in any letter
// case, as --lang and --api-type do.
func TestClassifyFormatInAnyCase(t *testing.T) {
	in := "(5e8f0a1b-1234-4cde-9f00-aabbccddeeff) Execution failed due to configuration error: Malformed Lambda proxy response\n"
	code, out, errs := runClassifyTest(t, in, "--format", "JSON")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("--format JSON: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs = runClassifyTest(t, in, "--json", "--format", "Json"); code != 0 {
		t.Errorf("--json --format Json: exit %d, stderr %q", code, errs)
	}
}
