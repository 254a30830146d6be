package classifier

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// v2Commands turns the catalog's REST API commands into their HTTP and
// WebSocket API (apigatewayv2) forms. A REST command with no v2 form (usage
// plans, test invokes, method and integration responses, the account's log
// role) is nil: its step does not apply to those APIs.
var v2Commands = []struct {
	rest *regexp.Regexp
	v2   string // "" when there is no v2 form
}{
	{regexp.MustCompile(`^aws apigateway create-deployment .*`), "aws apigatewayv2 create-deployment --api-id API_ID --stage-name STAGE"},
	{regexp.MustCompile(`^aws apigateway get-integration .*`), "aws apigatewayv2 get-integrations --api-id API_ID"},
	{regexp.MustCompile(`^aws apigateway get-stage .*`), "aws apigatewayv2 get-stage --api-id API_ID --stage-name STAGE"},
	{regexp.MustCompile(`^aws apigateway get-vpc-link .*`), "aws apigatewayv2 get-vpc-link --vpc-link-id VPC_LINK_ID"},
	{regexp.MustCompile(`^aws apigateway update-integration .*timeoutInMillis.*`), "aws apigatewayv2 update-integration --api-id API_ID --integration-id INTEGRATION_ID --timeout-in-millis TIMEOUT_MS"},
	{regexp.MustCompile(`^aws apigateway put-integration .*--integration-http-method POST.*`), "aws apigatewayv2 update-integration --api-id API_ID --integration-id INTEGRATION_ID --integration-method POST"},
	{regexp.MustCompile(`^aws apigateway update-stage .*burstLimit.*`), "aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --default-route-settings ThrottlingBurstLimit=BURST"},
	{regexp.MustCompile(`^aws apigateway update-stage .*rateLimit.*`), "aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --default-route-settings ThrottlingRateLimit=RATE"},
	{regexp.MustCompile(`^aws apigateway update-stage .*/variables/.*`), "aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --stage-variables NAME=VALUE"},
	{regexp.MustCompile(`^aws apigateway .*`), ""},
}

// wsCommands are REST commands that have a WebSocket form but no HTTP API
// one: WebSocket stages have execution logs (set in their default route
// settings), and the account's CloudWatch Logs role serves them too.
var wsCommands = []struct {
	rest *regexp.Regexp
	ws   string
}{
	{regexp.MustCompile(`^aws apigateway update-account .*cloudwatchRoleArn.*`), "$0"},
	{regexp.MustCompile(`^aws apigateway update-stage .*logging/loglevel.*`), "aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --default-route-settings LoggingLevel=INFO"},
}

// ForAPI returns the advice with commands for the API type: HTTP and
// WebSocket APIs are managed with `aws apigatewayv2`, REST APIs with `aws
// apigateway`. Steps whose command exists only for the other kind of API
// are left out; for HTTP APIs a step that redeploys also says that a
// `$default` stage with automatic deployment needs no deployment. An
// unknown API type keeps the advice as written (REST commands, with the
// HTTP API steps the catalog marks as such). The receiver is not modified.
func (a Advice) ForAPI(api stage.APIType) Advice {
	if api == stage.APIUnknown {
		return a
	}
	out := a
	out.Steps = make([]string, 0, len(a.Steps))
	for _, st := range a.Steps {
		st, ok := restOnlyStep(st, api)
		if ok {
			st, ok = relabelForWebSocket(st, api)
		}
		if !ok {
			continue
		}
		if s, ok := stepForAPI(st, api, a.Lang); ok {
			out.Steps = append(out.Steps, s)
		}
	}
	return out
}

// restOnlyStep: a step the catalog marks "REST API only:" holds for REST
// APIs alone, not for the WebSocket APIs that otherwise follow REST steps:
// raising the integration timeout above 29 s is a REST (Regional and
// private) quota, while HTTP APIs stop at 30 s and WebSocket APIs at 29 s
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
// A REST API sees it under the plain REST label.
func restOnlyStep(step string, api stage.APIType) (string, bool) {
	for _, p := range apiStepPrefixes {
		if rest, ok := strings.CutPrefix(step, p.restOnly); ok {
			return p.rest + rest, api == stage.APIREST
		}
	}
	return step, true
}

// relabelForWebSocket: a WebSocket API follows the catalog's REST steps
// (execution logs, integrations), under its own name, and not its "HTTP
// API:" steps, whose access log variables and settings are HTTP APIs'. A
// step the catalog marks "WebSocket API:" (close codes, the @connections
// API) is for WebSocket APIs alone, and one marked "HTTP API:" is not a
// REST API's even where it holds no command to drop it by (stepForAPI).
func relabelForWebSocket(step string, api stage.APIType) (string, bool) {
	if api != stage.APIWebSocket {
		return step, !webSocketStep(step) && (api != stage.APIREST || !httpStep(step))
	}
	for _, p := range apiStepPrefixes {
		if strings.HasPrefix(step, p.http) {
			return "", false
		}
		if rest, ok := strings.CutPrefix(step, p.rest); ok {
			return p.ws + rest, true
		}
	}
	return step, true
}

// webSocketStep reports whether the catalog marks step for WebSocket APIs.
func webSocketStep(step string) bool {
	for _, p := range apiStepPrefixes {
		if strings.HasPrefix(step, p.ws) {
			return true
		}
	}
	return false
}

// httpStep reports whether the catalog marks step for HTTP APIs.
func httpStep(step string) bool {
	for _, p := range apiStepPrefixes {
		if strings.HasPrefix(step, p.http) {
			return true
		}
	}
	return false
}

// apiStepPrefixes are how the catalogs mark a step for one API type: the
// English form (en, ja, zh-TW) and the Portuguese one.
var apiStepPrefixes = []struct{ rest, restOnly, http, ws string }{
	{"REST API:", "REST API only:", "HTTP API:", "WebSocket API:"},
	{"API REST:", "Somente API REST:", "API HTTP:", "API WebSocket:"},
}

// stepForAPI rewrites one step's commands, or reports that it does not
// apply to the API type.
func stepForAPI(step string, api stage.APIType, lang Lang) (string, bool) {
	parts := strings.Split(step, "`")
	redeploys := false
	for i := 1; i < len(parts); i += 2 {
		code := parts[i]
		switch {
		case api == stage.APIREST && strings.HasPrefix(code, "aws apigatewayv2 "):
			return "", false
		case api != stage.APIREST && strings.HasPrefix(code, "aws apigateway "):
			v2, ok := toWebSocket(code)
			if !ok || api != stage.APIWebSocket {
				v2, ok = toV2(code)
			}
			if !ok {
				return "", false
			}
			parts[i] = v2
			redeploys = redeploys || strings.Contains(v2, "create-deployment")
		}
	}
	out := strings.Join(parts, "`")
	if redeploys && api == stage.APIHTTP {
		out += " " + autoDeployNote(lang)
	}
	return out, true
}

// toWebSocket returns the WebSocket form of a REST command that has one
// only there.
func toWebSocket(code string) (string, bool) {
	for _, c := range wsCommands {
		if c.rest.MatchString(code) {
			return c.rest.ReplaceAllString(code, c.ws), true
		}
	}
	return "", false
}

// toV2 returns the apigatewayv2 form of a REST command.
func toV2(code string) (string, bool) {
	for _, c := range v2Commands {
		if c.rest.MatchString(code) {
			return c.v2, c.v2 != ""
		}
	}
	return code, true
}

// autoDeployNote is the catalog's sentence, in the advice's language, that
// a $default stage with automatic deployment needs no deployment.
func autoDeployNote(lang Lang) string {
	return catalogNote(lang, noteAutoDeploy)
}

// catalogNote is the catalog's sentence key in lang, English when lang
// has none.
func catalogNote(lang Lang, key string) string {
	cat, _ := loadedCatalog()
	if f, ok := cat[resolveLang(lang)]; ok && f.Notes[key] != "" {
		return f.Notes[key]
	}
	if f, ok := cat[LangEN]; ok {
		return f.Notes[key]
	}
	return ""
}

// noteAutoDeploy is the key of the auto-deploy sentence in each catalog.
const noteAutoDeploy = "auto_deploy"

// Keys of the advice for a failure whose reason, quoted from the gateway
// or from Lambda, no cause covers: its title and the steps put before the
// generic ones, since the reason is already in hand and turning on logs
// is not the first thing to do.
const (
	noteUnknownReasonTitle  = "unknown_reason_title"
	noteUnknownReasonAct    = "unknown_reason_act"
	noteUnknownReasonLambda = "unknown_reason_lambda"
)

// noteUnknownSuspects is the key of the step that names an abstention's
// suspects ({api}: the API type, or API Gateway; {status}: the status, or
// 500/502 for REST's body that is sent with either; {causes}: the causes
// and their shares).
const noteUnknownSuspects = "unknown_suspects"

// WithReason is the advice for an unknown cause whose reason the evidence
// quoted (the gateway's configuration error, Lambda refusing the
// invocation): act on the reason first, then gather what it refers to.
// The steps that turn on the gateway's logging go: the log that quoted
// the reason is already on. Steps are told by their commands, which every
// language shares.
func (a Advice) WithReason() Advice {
	steps := []string{
		catalogNote(a.Lang, noteUnknownReasonAct),
		catalogNote(a.Lang, noteUnknownReasonLambda),
	}
	for _, st := range a.Steps {
		if !turnsOnLogging(st) {
			steps = append(steps, st)
		}
	}
	a.Title = catalogNote(a.Lang, noteUnknownReasonTitle)
	a.Steps = steps
	return a
}

// WithSuspects puts first, in an abstention's advice, the causes public
// reports of the same status on the same API type most often had (see
// suspectsFor), so that the engineer has a place to start while the
// logs that decide are turned on.
func (a Advice) WithSuspects(suspects []Suspect, api stage.APIType, status string) Advice {
	if len(suspects) == 0 {
		return a
	}
	names := make([]string, 0, len(suspects))
	for _, s := range suspects {
		names = append(names, fmt.Sprintf("`%s` (%.0f%%)", s.Cause, 100*s.Share))
	}
	apiName := "API Gateway"
	if api != stage.APIUnknown {
		apiName = api.String()
	}
	step := strings.NewReplacer("{api}", apiName, "{status}", status, "{causes}", strings.Join(names, ", ")).Replace(catalogNote(a.Lang, noteUnknownSuspects))
	a.Steps = append([]string{step}, a.Steps...)
	return a
}

// turnsOnLogging reports whether a step's command configures the gateway's
// execution or access logging.
func turnsOnLogging(step string) bool {
	for _, cmd := range codeSpans(step) {
		if strings.Contains(cmd, "update-account") || strings.Contains(cmd, "update-stage") {
			return true
		}
	}
	return false
}

// Keys of the sentences explaining a client that got no HTTP answer it
// could read ({line}: the line that showed it): it could not set up TLS
// with the API's endpoint, did not reach it, got no reply, had its CORS
// preflight refused with a status the browser does not print, had its
// WebSocket connection fail or close without a status or a close code, had
// a browser's request fail with no response it could read, or called a
// server on its own machine.
const (
	noteClientTLS       = "client_tls"
	noteClientUnreached = "client_unreached"
	noteClientNoReply   = "client_no_reply"
	noteClientPreflight = "client_preflight"
	noteClientWebSocket = "client_websocket"
	noteClientFetch     = "client_fetch"
	noteClientLocal     = "client_local"
)

// Keys of each catalog's sentences that name the integration timeout
// configured on the stage ({timeout}), for the advice whose catalog step
// speaks of the defaults (29 s, 30 s).
const (
	noteConfiguredTimeout         = "configured_timeout"
	noteConfiguredTimeoutFunction = "configured_timeout_function"
)

// timeoutStep is one advice step a configured timeout rewrites.
type timeoutStep struct {
	cause      Cause
	note, mark string
}

// timeoutSteps are the advice steps a configured timeout rewrites: the
// cause, the note that replaces the step, and a word only that step holds.
var timeoutSteps = []timeoutStep{
	{CauseIntegrationTimeout, noteConfiguredTimeout, "IntegrationLatency"},
	{CauseLambdaFunctionTimeout, noteConfiguredTimeoutFunction, "update-function-configuration"},
}

// WithTimeout names the configured integration timeout (0: not known) in
// the advice of the causes it bears on (timeoutSteps): their catalog steps
// speak of the defaults, which a configured timeout replaces. Where the
// catalog gives each API type its own step (advice whose API type is not
// known keeps them all), the note replaces the first and the others go.
func (a Advice) WithTimeout(c Cause, to time.Duration) Advice {
	if to <= 0 {
		return a
	}
	cat, _ := loadedCatalog()
	f, ok := cat[resolveLang(a.Lang)]
	if !ok {
		return a
	}
	for _, ts := range timeoutSteps {
		i := slices.IndexFunc(a.Steps, func(st string) bool { return strings.Contains(st, ts.mark) })
		if ts.cause != c || f.Notes[ts.note] == "" || i < 0 {
			continue
		}
		out := a
		out.Steps = slices.Clone(a.Steps[:i])
		out.Steps = append(out.Steps, strings.ReplaceAll(f.Notes[ts.note], "{timeout}", timeoutText(to)))
		for _, st := range a.Steps[i+1:] {
			if !strings.Contains(st, ts.mark) {
				out.Steps = append(out.Steps, st)
			}
		}
		return out
	}
	return a
}

// timeoutText writes a timeout in whole seconds when it is, else in the
// milliseconds of timeoutInMillis.
func timeoutText(to time.Duration) string {
	if to%time.Second == 0 {
		return strconv.FormatInt(int64(to/time.Second), 10) + " s"
	}
	return strconv.FormatInt(to.Milliseconds(), 10) + " ms"
}
