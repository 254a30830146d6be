package classifier

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// authorizerEventMarks are the fields only a Lambda authorizer's own event
// and answer hold, spelled as every runtime prints them when the function
// logs what it got or returns (the API Gateway developer guide's "Input
// to an API Gateway Lambda authorizer" and "Output from an API Gateway
// Lambda authorizer"; for HTTP APIs, "Customizing the response of a
// Lambda authorizer"): a TOKEN authorizer's authorizationToken, the
// methodArn of REST and WebSocket API authorizers' events (TOKEN and
// REQUEST) and of an HTTP API's payload 1.0, the routeArn of its payload
// 2.0, and the policyDocument of the IAM policy an authorizer returns. An
// integration's event holds none of them (its requestContext.authorizer
// carries the principalId and context, which are not among them), so a
// Lambda invocation whose log shows one is an authorizer's. (An HTTP API's
// simple response, isAuthorized, is left out: applications name their own
// fields so, in functions that are no authorizer.)
var authorizerEventMarks = [][]byte{
	[]byte("authorizationToken"), []byte("methodArn"), []byte("routeArn"), []byte("policyDocument"),
}

// authorizerDenial is how an authorizer's runtime reports the error it
// ends with when the authorizer refuses the caller the documented way: it
// fails with the message "Unauthorized", exactly, and API Gateway answers
// the client 401 (the developer guide's TOKEN and REQUEST authorizer
// examples: Node.js callback("Unauthorized") or throw new
// Error("Unauthorized"), which the runtime logs as Invoke Error
// {"errorType":"Error","errorMessage":"Unauthorized"}; Python's raise
// Exception('Unauthorized'), "[ERROR] Exception: Unauthorized"; Java's
// RuntimeException, Go's errors.New, whose errorType is errorString). The
// message is matched as written: API Gateway compares it exactly.
var authorizerDenial = regexp.MustCompile(`"errorMessage"\s*:\s*"Unauthorized"|(?:Error|Exception|errorString|string): Unauthorized\s*$`)

var unauthorizedWord = []byte("Unauthorized")

// authorizer states of a Lambda invocation (Session.authorizers)
const (
	authorizerRan    = 1 // its log shows an authorizer's event or answer
	authorizerDenied = 2 // and it failed with "Unauthorized": a 401
)

// authorizerLayer says whether a line of a function's log (msg, of the
// Lambda invocation id, empty for lines without one) is a Lambda
// authorizer's: its invocation logged an authorizer's event or answer.
func (s *Session) authorizerLayer(id, msg []byte) Layer {
	state := s.authorizers[string(id)]
	if state == 0 && (s.eventAuthorizer || containsAny(msg, authorizerEventMarks)) {
		if s.authorizers == nil || len(s.authorizers) >= maxAuthorizing {
			s.authorizers = make(map[string]uint8)
		}
		state = authorizerRan
	}
	if state == 0 {
		return LayerFunction
	}
	if bytes.Contains(msg, unauthorizedWord) && authorizerDenial.Match(msg) {
		state = authorizerDenied
	}
	s.authorizers[string(id)] = state
	return LayerAuthorizer
}

// authorizerHit reads what the rules found in a Lambda authorizer's line
// (read as a function's, h) as the authorizer's. An authorizer that denied
// with "Unauthorized" makes API Gateway answer 401, which only the
// client's status shows: its error is no evidence of a 5xx, and of no
// cause either (the client's 401 or 403, where shown, says "no 5xx"). Any
// other failure of the authorizer (an error, a timeout, a crash, an answer
// that is no policy) API Gateway answers 500 as an authorizer error (the
// developer guide's "Troubleshoot issues with Lambda authorizers", and the
// Knowledge Center's "500 errors from an API Gateway Lambda authorizer":
// AuthorizerConfigurationException, {"message": null}).
func (s *Session) authorizerHit(id []byte, h hit) hit {
	if s.authorizers[string(id)] == authorizerDenied {
		return hit{}
	}
	return asAuthorizerHit(h)
}

// asAuthorizerHit reads a failure of a Lambda authorizer's function as an
// authorizer error, which API Gateway answers 500 (authorizerHit).
func asAuthorizerHit(h hit) hit {
	if h.weight == 0 || h.cause == CauseNot5xx || h.cause == CauseUnknown {
		return h
	}
	h.cause = CauseAuthorizerError
	if is5xx(h.implied) {
		h.implied = 500
	}
	return h
}

// asAuthorizer reads the failure of a Lambda authorizer's invocation as
// the authorizer's, whichever line showed it: the platform's REPORT with
// "Status: error" or a timeout, and the runtime's init error, as much as
// the function's own error line (which authorizerHit read so already). A
// denial stays what authorizerDenialJoined and authorizerHit make of it.
func (g *group) asAuthorizer() {
	if !g.authorizer || g.denied {
		return
	}
	g.best, g.fn = asAuthorizerHit(g.best), asAuthorizerHit(g.fn)
}

// authorizerStage reads a role the gateway could not assume, or a function
// it may not invoke, as the authorizer's when the same request's lines say
// its authorizer failed ("Authorizer error", AuthorizerConfigurationException,
// the authorizer function's own failure), in either order: the gateway
// calls the integration only after the authorizer let the request through,
// so a request whose authorizer failed never reached it, and the role or
// permission it lacked was the authorizer's (its authorizerCredentials,
// or the permission to invoke its function). A person's words do not
// decide it.
func (g *group) authorizerStage(h hit) hit {
	if h.cause == CauseAuthorizerError && !h.told && !g.authorizerFailed {
		g.authorizerFailed = true
		if authorizerAccess(g.best) {
			g.best.cause = CauseAuthorizerError
		}
	}
	if g.authorizerFailed && authorizerAccess(h) {
		h.cause = CauseAuthorizerError
	}
	return h
}

// authorizerAccess reports whether a program's line names access the
// gateway lacked to call a function: a role it could not assume, an
// invoke permission.
func authorizerAccess(h hit) bool {
	return !h.told && (h.cause == CauseCredentialsRoleError || h.cause == CauseLambdaInvokePermission)
}

// preUnauthorizedRequest opens the REST execution log's line for a request
// its Lambda authorizer denied ("Unauthorized request: <request id>",
// after "Starting authorizer:", the gateway then answering 401), in the
// log and in the console's test alike.
var preUnauthorizedRequest = []byte("Unauthorized request: ")

// noteAuthorizerDenial notes the execution log's line for a request its
// Lambda authorizer denied.
func (s *Session) noteAuthorizerDenial(msg []byte) {
	if !s.st.authorizerDenied && bytes.HasPrefix(msg, preUnauthorizedRequest) {
		s.st.authorizerDenied = true
	}
}

// noteDenial marks the group of a Lambda invocation that failed with the
// documented denial, "Unauthorized", though its log showed no authorizer's
// event: it is the authorizer's when the execution log shows the
// authorizer denying a request (authorizerDenialJoined).
func noteDenial(g *group, msg []byte) {
	if !g.denied && bytes.Contains(msg, unauthorizedWord) && authorizerDenial.Match(msg) {
		g.denied = true
	}
}

// authorizerDenialJoined reports whether a Lambda invocation no request
// joins (l) is the authorizer whose denial the execution log shows: it
// failed with "Unauthorized", exactly, which an integration's function
// failing would make a 502 the execution log shows as the function's
// error, not the authorizer's "Unauthorized request".
func (s *Session) authorizerDenialJoined(l *group) bool {
	return s.st.authorizerDenied && l.lambda && l.denied
}

// authorizerEvent reports whether an event of a Lambda log group is of a
// function the hints name as an authorizer: a stream that names the
// function says whose event it is in any group (streamFunction), else its
// group /aws/lambda/NAME or a group of its own does.
func (s *Session) authorizerEvent(group, stream string) bool {
	if name := streamFunction(stream); name != "" {
		return slices.Contains(s.hints.AuthorizerFunctions, name)
	}
	if slices.Contains(s.hints.AuthorizerLogGroups, group) {
		return true
	}
	name, ok := strings.CutPrefix(group, "/aws/lambda/")
	return ok && slices.Contains(s.hints.AuthorizerFunctions, name)
}

// streamFunction is the function a custom log group's stream names:
// Lambda names them YYYY/MM/DD/<function_name>[<function_version>]<id>
// "so that the mapping between log messages and functions is preserved"
// in a group several functions share (the Lambda developer guide's
// "Configuring CloudWatch log groups"); "" for any other stream, such as
// a default group's YYYY/MM/DD/[<version>]<id>.
func streamFunction(stream string) string {
	if len(stream) < 12 || stream[4] != '/' || stream[7] != '/' || stream[10] != '/' {
		return ""
	}
	name, _, ok := strings.Cut(stream[11:], "[")
	if !ok {
		return ""
	}
	return name
}
