package scenario

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

var (
	accountRE  = regexp.MustCompile(`^[0-9]{12}$`)
	apiIDRE    = regexp.MustCompile(`^[a-z0-9]{10}$`)
	stageVarRE = regexp.MustCompile(`^\$\{stageVariables\.([A-Za-z0-9_]+)\}$`)
)

// stageVarName returns x for "${stageVariables.x}", else "".
func stageVarName(s string) string {
	m := stageVarRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

func (v *validator) scenario(sc *Scenario) {
	if sc.History.Duration == 0 {
		sc.History = D(time.Hour)
	}
	if sc.History.Duration < 0 {
		v.fail("history", "must not be negative")
	}
	if s := sc.Faults.ThrottleShare; s < 0 || s > 1 {
		v.fail("faults.throttle_share", "must be between 0 and 1")
	}
	if sc.Faults.InsightsDelay.Duration < 0 {
		v.fail("faults.insights_delay", "must not be negative")
	}
	if sc.Faults.MaxConcurrentQueries < 0 {
		v.fail("faults.max_concurrent_queries", "must not be negative")
	}
	for _, f := range []struct {
		key     string
		outages []Outage
	}{{"logs_outages", sc.Faults.LogsOutages}, {"lambda_outages", sc.Faults.LambdaOutages}} {
		for i, o := range f.outages {
			if o.Duration.Duration <= 0 {
				v.fail(fmt.Sprintf("faults.%s[%d].duration", f.key, i), "must be positive")
			}
		}
	}
	if len(sc.Accounts) == 0 {
		v.fail("accounts", "at least one account is needed")
	}
	seen := map[string]bool{}
	for i := range sc.Accounts {
		a := &sc.Accounts[i]
		p := fmt.Sprintf("accounts[%d]", i)
		if a.ID == "" {
			a.ID = "123456789012"
		}
		if !accountRE.MatchString(a.ID) {
			v.fail(p+".id", "must be 12 digits")
		}
		if seen[a.ID] {
			v.fail(p+".id", "duplicate account %s", a.ID)
		}
		seen[a.ID] = true
		v.account(a, p)
	}
}

func (v *validator) account(a *Account, p string) {
	if len(a.Regions) == 0 {
		v.fail(p+".regions", "at least one region is needed")
	}
	seen := map[string]bool{}
	for i := range a.Regions {
		r := &a.Regions[i]
		rp := fmt.Sprintf("%s.regions[%d]", p, i)
		if r.Name == "" {
			v.fail(rp+".name", "is required")
		}
		if seen[r.Name] {
			v.fail(rp+".name", "duplicate region %s", r.Name)
		}
		seen[r.Name] = true
		v.region(r, rp)
	}
}

func (v *validator) region(r *Region, p string) {
	fns, groups := map[string]bool{}, map[string]bool{}
	for i := range r.Functions {
		f := &r.Functions[i]
		fp := fmt.Sprintf("%s.functions[%d]", p, i)
		v.function(f, fp)
		if fns[f.Name] {
			v.fail(fp+".name", "duplicate function %s", f.Name)
		}
		if groups[f.LogGroup] {
			v.fail(fp+".log_group", "%s is another function's log group", f.LogGroup)
		}
		fns[f.Name], groups[f.LogGroup] = true, true
	}
	for i := range r.RestAPIs {
		v.api(&r.RestAPIs[i], fmt.Sprintf("%s.rest_apis[%d]", p, i), stage.APIREST, fns)
	}
	for i := range r.HTTPAPIs {
		v.api(&r.HTTPAPIs[i], fmt.Sprintf("%s.http_apis[%d]", p, i), stage.APIHTTP, fns)
	}
	for i := range r.WebSocketAPIs {
		v.api(&r.WebSocketAPIs[i], fmt.Sprintf("%s.websocket_apis[%d]", p, i), stage.APIWebSocket, fns)
	}
}

func (v *validator) function(f *Function, p string) {
	if f.Name == "" {
		v.fail(p+".name", "is required")
	}
	if f.Runtime == "" {
		f.Runtime = "python3.12"
	}
	if f.Handler == "" {
		f.Handler = "lambda_function.lambda_handler"
		if isNode(f.Runtime) {
			f.Handler = "index.handler"
		}
	}
	if f.Timeout.Duration == 0 {
		f.Timeout = D(3 * time.Second) // Lambda's default timeout
	}
	if f.Timeout.Duration < time.Second || f.Timeout.Duration > 900*time.Second {
		v.fail(p+".timeout", "must be between 1s and 15m (Lambda's limits)")
	}
	if f.MemoryMB == 0 {
		f.MemoryMB = 128
	}
	if f.MemoryMB < 128 || f.MemoryMB > 10240 {
		v.fail(p+".memory_mb", "must be between 128 and 10240")
	}
	switch f.LogFormat {
	case "":
		f.LogFormat = "2024"
	case "2024", "legacy":
	default:
		v.fail(p+".log_format", "must be 2024 or legacy")
	}
	if f.LogGroup == "" {
		f.LogGroup = "/aws/lambda/" + f.Name
	}
	if !logGroupName.MatchString(f.LogGroup) {
		v.fail(p+".log_group", "must be 1 to 512 of a-z A-Z 0-9 _ - / . # (CloudWatch Logs' log group names)")
	}
}

// logGroupName is CreateLogGroup's pattern for a log group name.
var logGroupName = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]{1,512}$`)

func isNode(runtime string) bool { return strings.HasPrefix(runtime, "nodejs") }

func (v *validator) api(a *API, p string, t stage.APIType, fns map[string]bool) {
	if a.Name == "" {
		v.fail(p+".name", "is required")
	}
	if a.ID != "" && !apiIDRE.MatchString(a.ID) {
		v.fail(p+".id", "must be 10 lower-case letters or digits")
	}
	if a.EndpointType == "" {
		a.EndpointType = "REGIONAL"
	}
	switch {
	case t != stage.APIREST && a.EndpointType != "REGIONAL":
		v.fail(p+".endpoint_type", "%s APIs are REGIONAL", t)
	case a.EndpointType != "REGIONAL" && a.EndpointType != "EDGE" && a.EndpointType != "PRIVATE":
		v.fail(p+".endpoint_type", "must be REGIONAL, EDGE or PRIVATE")
	}
	if len(a.Routes) == 0 {
		v.fail(p+".routes", "at least one route is needed")
	}
	for i := range a.Routes {
		rp := fmt.Sprintf("%s.routes[%d]", p, i)
		v.route(&a.Routes[i], rp, t, fns)
		if a.EndpointType == "EDGE" && a.Routes[i].Integration.Timeout.Duration > restTimeoutDefault {
			// only Regional and private REST APIs may raise it
			v.fail(rp+".integration.timeout", "an edge-optimized API's integration timeout is at most %s", restTimeoutDefault)
		}
	}
	v.sharedAuthorizers(a, p)
	if len(a.Stages) == 0 {
		v.fail(p+".stages", "at least one stage is needed")
	}
	seen := map[string]bool{}
	for i := range a.Stages {
		s := &a.Stages[i]
		sp := fmt.Sprintf("%s.stages[%d]", p, i)
		if seen[s.Name] {
			v.fail(sp+".name", "duplicate stage %s", s.Name)
		}
		seen[s.Name] = true
		v.stage(s, sp, a, t, fns)
	}
}
