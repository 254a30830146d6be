package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := io.WriteString(zw, s); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestClassifyReadsGzip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "export.log.gz")
	if err := os.WriteFile(file, gzipped(t, malformed), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{"file": {file}, "stdin": nil} {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			stdin := bytes.NewReader(gzipped(t, malformed))
			code := runClassify(context.Background(), args, streams{stdin: stdin, stdout: &out, stderr: &errb, getenv: os.Getenv})
			if code != 0 || !strings.Contains(out.String(), "lambda_malformed_proxy_response") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
			}
		})
	}
}

// TestClassifyInterruptedWhileReading: Ctrl-C ends classify even while it
// waits on input that never comes (a terminal, a stalled pipe).
func TestClassifyInterruptedWhileReading(t *testing.T) {
	pr, pw := io.Pipe()
	defer func() { _ = pw.Close() }()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- runClassify(ctx, nil, streams{stdin: pr, stdout: &out, stderr: &errb, getenv: os.Getenv})
	}()
	_, _ = io.WriteString(pw, malformed) // some input, then nothing
	cancel()
	select {
	case code := <-done:
		if code != 1 || !strings.Contains(errb.String(), "interrupted") || out.Len() != 0 {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("classify still reading 5 s after the interrupt")
	}
}

// utf16LE is s as Windows PowerShell 5's `>` writes it: UTF-16LE behind a
// byte order mark, CRLF line ends.
func utf16LE(s string) []byte {
	units := utf16.Encode([]rune("\ufeff" + strings.ReplaceAll(s, "\n", "\r\n")))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// TestClassifyReadsUTF16: evidence saved by PowerShell gets the diagnosis
// its UTF-8 gets, from a file, gzipped, and on standard input.
func TestClassifyReadsUTF16(t *testing.T) {
	dir := t.TempDir()
	file, gz := filepath.Join(dir, "events.txt"), filepath.Join(dir, "events.txt.gz")
	if err := os.WriteFile(file, utf16LE(malformed), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gz, gzipped(t, string(utf16LE(malformed))), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{"file": {file}, "gzip": {gz}, "stdin": nil} {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			stdin := bytes.NewReader(utf16LE(malformed))
			code := runClassify(context.Background(), args, streams{stdin: stdin, stdout: &out, stderr: &errb, getenv: os.Getenv})
			if code != 0 || !strings.Contains(out.String(), "lambda_malformed_proxy_response") || !strings.Contains(out.String(), "502") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
			}
		})
	}
}
