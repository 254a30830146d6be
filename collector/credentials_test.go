package collector

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials/processcreds"
)

// TestCredentialsErrorHidesSecrets: the SDK's credential_process provider
// quotes the process's whole output when it is not one JSON document (a
// helper that prints a warning before it), secret key and session token
// with it; the CredentialsError that carries it to the log, /readyz and
// run --once says what failed without them.
func TestCredentialsErrorHidesSecrets(t *testing.T) {
	for _, tt := range []struct{ name, out string }{
		{"warning before the JSON", `warning: cached\n{"Version": 1, "AccessKeyId": "AKIDEXAMPLE", "SecretAccessKey": "wJalrXUtnFEMI-secret", "SessionToken": "FwoGZX-token"}`},
		{"truncated JSON", `{"Version":1,"AccessKeyId":"AKIDEXAMPLE","SecretAccessKey":"wJalrXUtnFEMI-secret","SessionToken":"FwoGZX-token"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := hintedCredentials{inner: processcreds.NewProvider(fmt.Sprintf("printf '%s'", tt.out))}
			_, err := p.Retrieve(context.Background())
			if err == nil {
				t.Fatal("no error from a malformed credential_process output")
			}
			msg := fmt.Errorf("discovery: %w", err).Error()
			for _, secret := range []string{"wJalrXUtnFEMI-secret", "FwoGZX-token"} {
				if strings.Contains(msg, secret) {
					t.Errorf("error %q shows a secret", msg)
				}
			}
			if !strings.Contains(msg, "AWS credentials could not be loaded") || !strings.Contains(msg, "parse failed") {
				t.Errorf("error %q does not say what failed", msg)
			}
		})
	}
}
