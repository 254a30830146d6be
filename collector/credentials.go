package collector

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// CredentialsError is a failure to load the daemon's own AWS credentials
// (the SDK's default chain, or aws.access_key_id). It says what to do, so
// that a first run without credentials does not show only the SDK's chain
// of the providers it tried (environment, shared files, IMDS); the SDK's
// own words follow.
type CredentialsError struct{ Err error }

// Error is the advice, then the SDK's reason.
func (e *CredentialsError) Error() string {
	return "AWS credentials could not be loaded (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and " +
		"AWS_SECRET_ACCESS_KEY, or run with an IAM role; against the emulator, use the configuration " +
		"that apigw-triage emulate --write-config writes): " + withholdProcessOutput(e.Err.Error())
}

// processOutput is how the SDK's credential_process provider quotes the
// process's standard output when it is not one JSON document
// (processcreds: "parse failed of process output: OUT, error: ERR").
const processOutput = "parse failed of process output: "

// withholdProcessOutput drops the process output the SDK quotes: it holds
// the secret access key and session token whenever the process printed
// anything beside the JSON, and this error reaches the log, /readyz and
// run --once. The JSON decoder's reason stays.
func withholdProcessOutput(msg string) string {
	before, out, ok := strings.Cut(msg, processOutput)
	if !ok {
		return msg
	}
	reason := ""
	if i := strings.LastIndex(out, ", error: "); i >= 0 {
		reason = out[i:]
	}
	return before + processOutput + "<withheld: it may hold credentials>" + reason
}

// Unwrap returns the SDK's error.
func (e *CredentialsError) Unwrap() error { return e.Err }

// hintedCredentials wraps the daemon's credentials provider so that its
// errors are CredentialsErrors.
type hintedCredentials struct{ inner aws.CredentialsProvider }

// Retrieve returns the inner provider's credentials, or its error wrapped.
func (p hintedCredentials) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := p.inner.Retrieve(ctx)
	if err != nil {
		return c, &CredentialsError{Err: err}
	}
	return c, nil
}

// IsCredentialsProvider lets the SDK see through the wrapper (it asks
// whether credentials are anonymous or already cached).
func (p hintedCredentials) IsCredentialsProvider(target aws.CredentialsProvider) bool {
	return aws.IsCredentialsProvider(p.inner, target)
}
