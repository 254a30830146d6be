package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestNullDeviceIsNoTerminal: cron, systemd and CI give the null device as
// standard input; it is a character device like a terminal, but no one is
// there to read classify's prompt. A pipe or a plain reader is none either.
func TestNullDeviceIsNoTerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = null.Close() }()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close(); _ = w.Close() }()
	for name, in := range map[string]io.Reader{"null device": null, "pipe": r, "reader": strings.NewReader("")} {
		if isTerminal(in) {
			t.Errorf("%s read as a terminal", name)
		}
	}
}
