package emulator

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// defaultRegion answers unsigned requests, which real AWS would refuse;
// the emulator is lenient so that curl works against it.
const defaultRegion = "us-east-1"

// fallbackAccount is used when the backend lists no account at all.
const fallbackAccount = "123456789012"

// assumedKeyPrefix marks temporary credentials issued by AssumeRole; AWS
// uses ASIA for session keys and AKIA for long-term ones.
const assumedKeyPrefix = "ASIA"

var accountRE = regexp.MustCompile(`^[0-9]{12}$`)

// identity derives account and region from the SigV4 Authorization header:
// the region is the credential scope's, the account is the one encoded in
// an AssumeRole access key or else the backend's first account.
func (s *Server) identity(r *http.Request) (account, region string) {
	key, scopeRegion, _ := parseCredential(r.Header.Get("Authorization"))
	region = scopeRegion
	if region == "" {
		region = defaultRegion
	}
	if acct, ok := accountFromKey(key); ok && slices.Contains(s.b.Accounts(), acct) {
		return acct, region
	}
	return s.defaultAccount(), region
}

func (s *Server) defaultAccount() string {
	if accts := s.b.Accounts(); len(accts) > 0 {
		return accts[0]
	}
	return fallbackAccount
}

// parseCredential reads "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, ...".
func parseCredential(auth string) (key, region, service string) {
	_, rest, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return "", "", ""
	}
	cred, _, _ := strings.Cut(rest, ",")
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) < 4 {
		return parts[0], "", ""
	}
	return parts[0], parts[2], parts[3]
}

// accountFromKey extracts the account from an emulator-issued session key:
// "ASIA" + 12-digit account + 4 characters.
func accountFromKey(key string) (string, bool) {
	if !strings.HasPrefix(key, assumedKeyPrefix) || len(key) < len(assumedKeyPrefix)+12 {
		return "", false
	}
	acct := key[len(assumedKeyPrefix) : len(assumedKeyPrefix)+12]
	return acct, accountRE.MatchString(acct)
}

// signingService returns the service name of the request's credential scope.
func signingService(r *http.Request) string {
	_, _, svc := parseCredential(r.Header.Get("Authorization"))
	return svc
}
