package notifier

import (
	"regexp"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// accountIDRE is an AWS account id: twelve digits.
var accountIDRE = regexp.MustCompile(`^[0-9]{12}$`)

// lambdaLogPrefix is where Lambda writes a function's logs: the group
// /aws/lambda/FUNCTION names the function.
const lambdaLogPrefix = "/aws/lambda/"

// Names are the names the daemon knows about an incident's stage, for the
// placeholders of the remediation commands: the API id, stage, region and
// account from discovery, the function whose log group the evidence came
// from (when exactly one), and the method or route that most failed
// requests of the logs called (with its resource id), or else the worst of
// the detailed metrics' routes.
func Names(inc Snapshot) classifier.Names {
	n := classifier.Names{APIID: inc.APIID, Stage: inc.Stage, Region: inc.Region, IntegrationID: inc.IntegrationID}
	if accountIDRE.MatchString(inc.Account) {
		n.AccountID = inc.Account // never "default", which no command takes
	}
	n.FunctionName = onlyFunction(inc.LogGroups)
	if sc := inc.Scope; sc.Function != "" {
		n.FunctionName = sc.Function // the failing route's function
	}
	if sc := inc.Scope; sc.IntegrationID != "" {
		n.IntegrationID = sc.IntegrationID
	}
	n.AuthorizerID, n.AuthorizerFunction = inc.Scope.AuthorizerID, inc.Scope.AuthorizerFunction
	if sc := inc.Scope; sc.Method != "" || sc.Route != "" {
		n.HTTPMethod, n.ResourceID, n.Route = sc.Method, sc.ResourceID, sc.Route
		return n
	}
	if len(inc.Routes) > 0 {
		route := inc.Routes[0].Route
		if inc.APIType == stage.APIREST {
			if method, _, ok := strings.Cut(route, " "); ok {
				n.HTTPMethod = method
			}
		} else {
			n.Route = route
		}
	}
	return n
}

// onlyFunction is the function of the one Lambda log group among groups,
// "" when there is none or several (a guess would put the wrong name in a
// command someone pastes).
func onlyFunction(groups []string) string {
	name := ""
	for _, g := range groups {
		fn, ok := strings.CutPrefix(g, lambdaLogPrefix)
		if !ok || fn == "" || fn == name {
			continue
		}
		if name != "" {
			return ""
		}
		name = fn
	}
	return name
}
