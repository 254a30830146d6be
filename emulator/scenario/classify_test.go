package scenario

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestEveryEmulatedCauseIsDiagnosed plays every cause the emulator knows,
// on each API type it occurs on, and gives the classifier what the daemon
// would: the episode's log groups and the stage's configuration. The
// diagnosis must name the cause and the status clients saw. This covers
// the causes the catalog does not play.
func TestEveryEmulatedCauseIsDiagnosed(t *testing.T) {
	r := Region{Name: region}
	var causes []classifier.Cause
	for c := range effects {
		causes = append(causes, c)
	}
	slices.Sort(causes)
	for i, c := range causes {
		for _, t := range []stage.APIType{stage.APIREST, stage.APIHTTP} {
			http := t == stage.APIHTTP
			if !c.AppliesTo(t) {
				continue
			}
			e := catEntry{api: strings.ReplaceAll(c.String(), "_", "-") + map[bool]string{true: "-http"}[http], http: http, cause: c.String(),
				integ: integrationFor(effects[c].needs), runtime: "python3.12", rpm: 60, share: 1, level: "INFO", access: "json"}
			if e.integ != IntegrationLambdaProxy && e.integ != IntegrationLambdaCustom {
				e.runtime = ""
			}
			catalogEntry(&r, e, time.Duration(i)*time.Minute, 10*time.Minute)
		}
		if e, ok := wsEntryFor(c); ok {
			wsCatalogEntry(&r, e, time.Duration(i)*time.Minute, 10*time.Minute)
		}
	}
	sc := &Scenario{Name: "causes", Seed: 7, Accounts: []Account{{ID: acct, Regions: []Region{r}}}}
	if err := validate(sc); err != nil {
		t.Fatal(err)
	}
	w := NewWorld(sc, clock.NewManual(t0.Add(time.Hour)), t0)
	for _, ep := range w.Episodes() {
		t.Run(ep.APIName, func(t *testing.T) {
			s := classifier.NewSession(stageContext(w, ep))
			for _, g := range ep.LogGroups {
				w.LogEvents(acct, region, g, ep.Start, ep.Start.Add(4*time.Minute), func(e world.Event) bool {
					s.AddEvent(classifier.LogEvent{Group: g, Stream: e.Stream, Time: e.Time, Message: e.Message})
					return true
				})
			}
			d := s.Diagnose(classifier.LangEN)
			want := ep.Cause
			if lim, ok := evidenceLimits[ep.APIName]; ok {
				want = lim
			}
			if d.Cause != want || d.Status != ep.Status {
				t.Errorf("diagnosed %s %s, want %s %s; why: %s", d.Status, d.Cause, ep.Status, want, d.Why)
			}
		})
	}
}

// evidenceLimits are the episodes whose logs cannot show their cause, and
// what the classifier rightly says of them instead.
var evidenceLimits = map[string]classifier.Cause{
	// An HTTP API's access log has no integration error for an internal
	// failure: nothing names a cause, and the diagnosis says so.
	"internal-service-failure-http": classifier.CauseUnknown,
	// An HTTP API's VPC link failure writes the generic internal-error text
	// (unconfirmed); without REST's "configuration error:" prefix it reads
	// as an AWS-side failure. Both are 503s; the advice differs.
	"private-integration-error-http": classifier.CauseInternalServiceFailure,
}

// wsEntryFor is a WebSocket stage for the cause, failing $connect (or a
// message route for causes of the integration call), when the emulator
// plays the cause on WebSocket APIs: Lambda and authorizer causes.
func wsEntryFor(c classifier.Cause) (wsEntry, bool) {
	eff := effects[c]
	if !c.AppliesTo(stage.APIWebSocket) || eff.needs != needLambda && eff.needs != needAuthorizer && eff.needs != needAny {
		return wsEntry{}, false
	}
	route := "$connect"
	if c == classifier.CauseIntegrationTimeout || c == classifier.CauseLambdaThrottled {
		route = "sendmessage"
	}
	return wsEntry{api: strings.ReplaceAll(c.String(), "_", "-") + "-ws", cause: c.String(), route: route, runtime: "python3.12", rpm: 80, share: 1}, true
}

// integrationFor picks an integration a cause can happen on.
func integrationFor(n needs) string {
	switch n {
	case needLambdaCustom:
		return IntegrationLambdaCustom
	case needBackend:
		return IntegrationHTTPProxy
	case needVPCLink:
		return IntegrationVPCLink
	case needAWSService:
		return IntegrationAWSService
	}
	return IntegrationLambdaProxy
}

// stageContext is the configuration the emulator serves to discovery for
// the episode's stage, as the daemon hands it to the classifier.
func stageContext(w *World, ep EpisodeInfo) classifier.Hints {
	ctx := classifier.Hints{APIType: ep.APIType}
	var in *world.Integration
	for _, a := range w.RestAPIs(acct, region) {
		if a.ID == ep.APIID {
			in, ctx.ExecutionLogging = a.Resources[len(a.Resources)-1].Methods[0].Integration, "INFO"
		}
	}
	for _, a := range w.HTTPAPIs(acct, region) {
		if a.ID == ep.APIID {
			in = &a.Integrations[0]
		}
	}
	if in != nil {
		ctx.IntegrationType, ctx.IntegrationURI, ctx.IntegrationHTTPMethod = in.Type, in.URI, in.HTTPMethod
		ctx.ConnectionType, ctx.IntegrationTimeout = in.ConnectionType, time.Duration(in.TimeoutMillis)*time.Millisecond
	}
	if ep.Authorizer != "" && ep.Authorizer != ep.Function {
		// discovery names the route's authorizer function (collector
		// authorizerFunctions)
		ctx.AuthorizerFunctions = []string{ep.Authorizer}
	}
	return ctx
}
