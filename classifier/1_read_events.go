package classifier

import "time"

// LogEvent is one log record with its origin, as the collector passes it.
// The group name tells the source: "API-Gateway-Execution-Logs_{id}/{stage}"
// is a REST execution log, "/aws/lambda/..." a Lambda function log, and any
// other group an access log.
type LogEvent struct {
	Group   string
	Stream  string
	Time    time.Time
	Message string
}

// source is what kind of log a line came from, when the caller knows it.
type source int

const (
	srcAuto      source = iota // detect from the line itself
	srcExecution               // REST API execution log
	srcLambda                  // Lambda function log
	srcAccess                  // API access log
)

// sourceOfGroup maps a CloudWatch log group name to the kind of log in it.
// Execution log groups are "API-Gateway-Execution-Logs_{rest-api-id}/{stage}"
// (underscore, per the execution-logging documentation); Lambda groups
// default to "/aws/lambda/<function>".
func sourceOfGroup(group string) source {
	switch {
	case group == "":
		return srcAuto
	case hasPrefixFold(group, "API-Gateway-Execution-Logs"):
		return srcExecution
	case hasPrefixFold(group, "/aws/lambda/"):
		return srcLambda
	default:
		return srcAccess
	}
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lower(s[i]) != lower(prefix[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
