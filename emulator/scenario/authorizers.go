package scenario

import "time"

// authorizers builds the "authorizers" scenario: REST, HTTP and WebSocket
// stages whose Lambda authorizer fails, the cause being only in the authorizer function's own
// log, beside a healthy API whose authorizer allows every caller. The
// demo plays it as it plays the catalog (demo --scenario authorizers):
// episodes from minute 2 to 22, each visible within the first half hour.
func authorizers() *Scenario {
	r := Region{Name: "us-east-1"}
	// REST at INFO with a JSON access log, which name the failing method
	// and so its authorizer; a Python authorizer.
	catalogEntry(&r, catEntry{"orders-authorizer", false, "authorizer_error", IntegrationLambdaProxy, "python3.12", 60, 0.8, "INFO", "json", false},
		2*time.Minute, 12*time.Minute)
	// REST at ERROR without an access log, a Node.js authorizer: the
	// error lines alone.
	catalogEntry(&r, catEntry{"reports-authorizer", false, "authorizer_error", IntegrationLambdaProxy, "nodejs20.x", 60, 0.6, "ERROR", "", false},
		6*time.Minute, 10*time.Minute)
	// HTTP APIs, which have no execution log: a simple-response
	// authorizer behind a JSON access log, which holds the authorizer's
	// error, and an IAM-policy one behind a CLF access log, which shows
	// only the 500; the authorizer's own log says why.
	catalogEntry(&r, catEntry{"profile-http-authorizer", true, "authorizer_error", IntegrationLambdaProxy, "python3.12", 60, 0.8, "", "json", false},
		4*time.Minute, 12*time.Minute)
	catalogEntry(&r, catEntry{"billing-http-authorizer", true, "authorizer_error", IntegrationLambdaProxy, "nodejs20.x", 60, 0.7, "", "clf", false},
		8*time.Minute, 12*time.Minute)
	r.HTTPAPIs[len(r.HTTPAPIs)-1].Routes[0].AuthorizerResponse = AuthorizerIAM
	// A WebSocket API's $connect authorizer.
	wsCatalogEntry(&r, wsEntry{"chat-authorizer", "authorizer_error", "$connect", "python3.12", 80, 1}, 10*time.Minute, 12*time.Minute)
	r.Functions = append(r.Functions, Function{Name: "profile", Runtime: "python3.12"}, Function{Name: "profile-auth", Runtime: "python3.12"})
	healthy := API{Name: "profile", Routes: []Route{
		{Method: "GET", Path: "/me", Integration: Integration{Type: IntegrationLambdaProxy, Function: "profile"}, Authorizer: "profile-auth"},
		{Method: "GET", Path: "/health", Integration: Integration{Type: IntegrationLambdaProxy, Function: "profile"}},
	}}
	healthy.Stages = []Stage{{Name: "prod", LoggingLevel: "INFO", AccessLog: &AccessLog{Format: "json"},
		Traffic: Traffic{RPM: 40, Noise: 0.15, ClientErrors: 0.01}}}
	r.RestAPIs = append(r.RestAPIs, healthy)
	return &Scenario{
		Name:     "authorizers",
		Seed:     20260301,
		History:  D(time.Hour),
		Faults:   Faults{ThrottleShare: 0.01, InsightsDelay: D(20 * time.Second)},
		Accounts: []Account{{ID: "123456789012", Regions: []Region{r}}},
	}
}
