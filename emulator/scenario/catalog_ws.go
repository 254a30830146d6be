package scenario

import "time"

// wsEntry is one WebSocket catalog stage: a chat-like API whose $connect
// runs an authorizer and a function, and whose messages go to a second
// function; the episode fails one route.
type wsEntry struct {
	api     string
	cause   string
	route   string // the failing route key
	runtime string
	rpm     float64
	share   float64
}

// catalogWebSocket are the WebSocket failures of the catalog, in start
// order after the REST and HTTP ones have begun.
var catalogWebSocket = []wsEntry{
	{"chat-connect-error", "lambda_function_error", "$connect", "nodejs20.x", 80, 1},
	{"chat-route-timeout", "integration_timeout", "sendmessage", "python3.12", 60, 0.6},
	{"chat-authorizer", "authorizer_error", "$connect", "python3.12", 80, 1},
	{"chat-route-throttled", "lambda_throttled", "sendmessage", "python3.12", 90, 0.6},
}

// wsCatalogEntry adds a WebSocket API with INFO execution logging and a
// JSON access log, failing as the entry says from start for dur.
func wsCatalogEntry(r *Region, e wsEntry, start, dur time.Duration) {
	connect := Function{Name: e.api + "-connect", Runtime: e.runtime, LogFormat: "2024", MemoryMB: 256}
	route := Function{Name: e.api + "-fn", Runtime: e.runtime, LogFormat: "2024", MemoryMB: 256}
	auth := Function{Name: e.api + "-auth", Runtime: e.runtime, LogFormat: "2024", MemoryMB: 128}
	if e.cause == "integration_timeout" {
		route.Timeout = D(60 * time.Second) // longer than the 29 s integration timeout
	}
	r.Functions = append(r.Functions, connect, route, auth)
	lambda := func(fn string) Integration {
		in := Integration{Type: IntegrationLambdaProxy, Function: fn}
		if e.cause == "integration_method_not_post" {
			in.HTTPMethod = "GET"
		}
		return in
	}
	api := API{Name: e.api, Routes: []Route{
		{Path: "$connect", Integration: lambda(connect.Name), Authorizer: auth.Name},
		{Path: "$disconnect", Integration: lambda(route.Name)},
		{Path: "sendmessage", Integration: lambda(route.Name)},
		{Path: "$default", Integration: lambda(route.Name)},
	}}
	api.Stages = []Stage{{
		Name: "production", LoggingLevel: "INFO", AccessLog: &AccessLog{Format: "json"},
		Traffic:  Traffic{RPM: e.rpm, Noise: 0.15, ClientErrors: 0.01},
		Episodes: []Episode{{Cause: e.cause, Start: D(start), Duration: D(dur), Share: e.share, Route: e.route}},
	}}
	r.WebSocketAPIs = append(r.WebSocketAPIs, api)
}
