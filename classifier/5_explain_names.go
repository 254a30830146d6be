package classifier

import (
	"regexp"
	"strings"
)

// Names are the names of the failing API and its integration that a caller
// knows (the daemon from discovery, a person from the console). Every field
// is optional; an empty field leaves its placeholder in the advice.
type Names struct {
	FunctionName string // FUNCTION_NAME: the integrated Lambda function
	FunctionARN  string // FUNCTION_ARN
	APIID        string // REST_API_ID and API_ID: the API's id (REST, HTTP or WebSocket)
	Stage        string // STAGE
	Region       string // REGION
	AccountID    string // ACCOUNT_ID
	Route        string // ROUTE_KEY: an HTTP or WebSocket API route key, e.g. "GET /items"
	ResourceID   string // RESOURCE_ID: a REST API resource
	HTTPMethod   string // METHOD: a REST API method
	// IntegrationID is INTEGRATION_ID: an HTTP or WebSocket API's
	// integration.
	IntegrationID string
	// AuthorizerID is AUTHORIZER_ID and AuthorizerFunction
	// AUTHORIZER_FUNCTION: the failing route's Lambda authorizer.
	AuthorizerID       string
	AuthorizerFunction string
}

// placeholders pairs each placeholder of the catalog's commands with the
// field of Names that fills it.
func (n Names) placeholders() map[string]string {
	return map[string]string{
		"FUNCTION_NAME":  n.FunctionName,
		"FUNCTION_ARN":   n.FunctionARN,
		"REST_API_ID":    n.APIID,
		"API_ID":         n.APIID,
		"STAGE":          n.Stage,
		"REGION":         n.Region,
		"ACCOUNT_ID":     n.AccountID,
		"ROUTE_KEY":      n.Route,
		"RESOURCE_ID":    n.ResourceID,
		"METHOD":         n.HTTPMethod,
		"INTEGRATION_ID": n.IntegrationID,
		"AUTHORIZER_ID":  n.AuthorizerID,
		// the function's name: add-permission takes a name or an ARN
		"AUTHORIZER_FUNCTION": n.AuthorizerFunction,
	}
}

// safeName is what a filled value may hold: the characters of AWS names,
// ARNs, stage names ("$default") and route keys ("GET /items/{id}"). A value
// with quotes, backticks or control characters would break the command it
// is pasted into, so its placeholder is left as it is.
var safeName = regexp.MustCompile(`^[A-Za-z0-9._:/*+@=,{}$ -]{1,256}$`)

// placeholderWord finds UPPER_CASE words, the catalog's placeholders.
var placeholderWord = regexp.MustCompile(`\b[A-Z][A-Z0-9_]*[A-Z0-9]\b`)

// Fill returns the advice with the placeholders of its commands (the
// `code spans` of its steps) replaced by the names the caller knows:
// FUNCTION_NAME, FUNCTION_ARN, REST_API_ID and API_ID, STAGE, REGION,
// ACCOUNT_ID, ROUTE_KEY, RESOURCE_ID, METHOD, INTEGRATION_ID, AUTHORIZER_ID
// and AUTHORIZER_FUNCTION. Placeholders whose name is
// empty or unsafe in a shell command, and every other placeholder (COUNT,
// ROLE_ARN...), stay as they are for the reader to fill. Prose outside code
// spans is never changed. The receiver is not modified.
//
//	adv := d.Remediation.Fill(classifier.Names{FunctionName: "orders", APIID: "a1b2c3", Stage: "prod"})
func (a Advice) Fill(n Names) Advice {
	known := n.placeholders()
	for k, v := range known {
		if !safeName.MatchString(v) {
			delete(known, k)
		}
	}
	out := a
	out.Steps = make([]string, len(a.Steps))
	for i, s := range a.Steps {
		out.Steps[i] = fillCode(s, known)
	}
	return out
}

// fillCode replaces known placeholders inside the `code spans` of s.
func fillCode(s string, known map[string]string) string {
	parts := strings.Split(s, "`")
	for i := 1; i < len(parts); i += 2 {
		parts[i] = placeholderWord.ReplaceAllStringFunc(parts[i], func(w string) string {
			if v, ok := known[w]; ok {
				return v
			}
			return w
		})
	}
	return strings.Join(parts, "`")
}
