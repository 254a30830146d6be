package emulator

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// stsXMLNS is the awsQuery namespace of STS responses.
const stsXMLNS = "https://sts.amazonaws.com/doc/2011-06-15/"

// sessionDuration is AssumeRole's default DurationSeconds (1 hour).
const sessionDuration = time.Hour

func isSTSOp(op string) bool { return op == "AssumeRole" || op == "GetCallerIdentity" }

// serveSTS answers AssumeRole and GetCallerIdentity. STS is not throttled:
// the daemon calls it rarely and the scenario's throttle share is about
// the monitoring APIs.
func (s *Server) serveSTS(c *call, form url.Values) {
	c.service = "sts"
	s.stats.count(c, false)
	var res any
	var err *apiError
	switch c.op {
	case "AssumeRole":
		res, err = s.assumeRole(c, form)
	case "GetCallerIdentity":
		res = callerIdentityXML{Xmlns: stsXMLNS, Account: c.account, UserID: "AIDAEMULATOR" + c.account,
			Arn: "arn:aws:iam::" + c.account + ":user/emulator", RequestID: c.reqID}
	default:
		err = errInvalidAction(c.op)
	}
	if err != nil {
		s.queryError(c, stsXMLNS, err)
		return
	}
	writeXML(c, http.StatusOK, res)
}

// assumeRole issues credentials whose access key id carries the role's
// account, so that calls signed with them are answered for that account.
func (s *Server) assumeRole(c *call, form url.Values) (any, *apiError) {
	roleARN, session := form.Get("RoleArn"), form.Get("RoleSessionName")
	if roleARN == "" || session == "" {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "ValidationError", Message: "RoleArn and RoleSessionName are required"}
	}
	parts := strings.Split(roleARN, ":")
	if len(parts) < 6 || !accountRE.MatchString(parts[4]) || !strings.HasPrefix(parts[5], "role/") {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "ValidationError", Message: "1 validation error detected: Value '" + roleARN + "' at 'roleArn' failed to satisfy constraint"}
	}
	acct, role := parts[4], strings.TrimPrefix(parts[5], "role/")
	if !slices.Contains(s.b.Accounts(), acct) {
		return nil, &apiError{Status: http.StatusForbidden, Code: "AccessDenied",
			Message: "User: arn:aws:iam::" + c.account + ":user/emulator is not authorized to perform: sts:AssumeRole on resource: " + roleARN}
	}
	suffix := strings.ToUpper(c.reqID[:4])
	x := assumeRoleXML{Xmlns: stsXMLNS, RequestID: c.reqID}
	x.Credentials = stsCredentials{
		AccessKeyID:     assumedKeyPrefix + acct + suffix,
		SecretAccessKey: "emulator-secret-" + c.reqID,
		SessionToken:    "emulator-session-" + c.reqID,
		Expiration:      s.b.Now().Add(sessionDuration).UTC().Format(time.RFC3339),
	}
	x.AssumedRoleID = "AROAEMULATOR" + acct + ":" + session
	x.AssumedRoleArn = "arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + session
	return x, nil
}

type stsCredentials struct {
	AccessKeyID     string `xml:"AccessKeyId"`
	SecretAccessKey string `xml:"SecretAccessKey"`
	SessionToken    string `xml:"SessionToken"`
	Expiration      string `xml:"Expiration"`
}

type assumeRoleXML struct {
	XMLName        xml.Name       `xml:"AssumeRoleResponse"`
	Xmlns          string         `xml:"xmlns,attr"`
	Credentials    stsCredentials `xml:"AssumeRoleResult>Credentials"`
	AssumedRoleID  string         `xml:"AssumeRoleResult>AssumedRoleUser>AssumedRoleId"`
	AssumedRoleArn string         `xml:"AssumeRoleResult>AssumedRoleUser>Arn"`
	RequestID      string         `xml:"ResponseMetadata>RequestId"`
}

type callerIdentityXML struct {
	XMLName   xml.Name `xml:"GetCallerIdentityResponse"`
	Xmlns     string   `xml:"xmlns,attr"`
	Arn       string   `xml:"GetCallerIdentityResult>Arn"`
	UserID    string   `xml:"GetCallerIdentityResult>UserId"`
	Account   string   `xml:"GetCallerIdentityResult>Account"`
	RequestID string   `xml:"ResponseMetadata>RequestId"`
}
