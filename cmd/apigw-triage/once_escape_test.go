package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/stage"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// TestRunOnceEscapesAWSText: run --once prints text an AWS user or the
// service wrote (an API's or a stage's name, an error message, the SDK's
// reason inside a credentials error) on a terminal, so a control
// character in it is written as its escape, as every other sink does
// (textsafe), and cannot clear the screen or forge a line.
func TestRunOnceEscapesAWSText(t *testing.T) {
	const evil = "orders\x1b[2J\u202e"
	var line bytes.Buffer
	sr := collector.StageResult{Stage: collector.Stage{Identity: stage.Identity{
		Key: "k", Account: "111122223333", Region: "us-east-1", APIType: stage.APIREST,
		APIName: evil, APIID: "a1b2c3", Stage: "prod" + evil,
	}}}
	writeStageLine(&line, sr, &daemon.OnceResult{})
	for _, tt := range []struct{ name, got string }{
		{"stage line", line.String()},
		{"failure", failureReason(errors.New("AccessDenied: " + evil))},
		{"credentials failure", failureReason(&collector.CredentialsError{Err: errors.New("profile " + evil)})},
	} {
		if !textsafe.Clean(strings.TrimSuffix(tt.got, "\n")) {
			t.Errorf("%s: %q reaches the terminal raw", tt.name, tt.got)
		}
		if !strings.Contains(tt.got, `orders\x1b[2J\u202e`) {
			t.Errorf("%s: %q does not show the escaped text", tt.name, tt.got)
		}
	}
}
