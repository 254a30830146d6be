package scenario

import "time"

// authorizers builds the "authorizers" scenario: stages whose Lambda
// authorizer fails, the cause being only in the authorizer function's own
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
