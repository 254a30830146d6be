package classifier

import "github.com/apigw-triage/apigw-triage/textsafe"

// maxEvidenceBytes bounds one evidence line in a diagnosis. API Gateway
// itself truncates execution-log events at 1 KB; half of that keeps the
// deciding part of a line and keeps Slack messages and JSON small.
const maxEvidenceBytes = 512

// escapeLine makes a log line safe to print with the project's one
// sanitiser: control, bidi and zero-width characters and invalid UTF-8 are
// shown escaped, and the result is cut at maxEvidenceBytes with a "…" mark.
func escapeLine(b []byte) string { return textsafe.CutBytes(string(b), maxEvidenceBytes) }
