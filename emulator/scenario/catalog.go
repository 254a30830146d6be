package scenario

import (
	"time"
)

// catEntry is one catalog stage: an API that suffers one failure of AWS's
// 5xx troubleshooting articles.
type catEntry struct {
	api     string
	http    bool
	cause   string
	integ   string
	runtime string
	rpm     float64
	share   float64
	level   string // REST logging level
	access  string // access log format, "" for none
	legacy  bool   // function writes the pre-2024 log format
}

// catalogEntries are in start order. The demo runs at speed 60, so every
// episode must start, trip a 5 %/5-request threshold for 2-3 minutes and
// have its datapoints visible within the first emulated hour: starts are
// staggered from minute 2 to 35, each lasts 10-15 minutes, several
// overlap, and rates and shares keep well above the threshold.
var catalogEntries = []catEntry{
	{"orders-malformed-proxy", false, "lambda_malformed_proxy_response", IntegrationLambdaProxy, "python3.12", 60, 0.8, "INFO", "json", false},
	{"http-invoke-permission", true, "lambda_invoke_permission", IntegrationLambdaProxy, "nodejs20.x", 60, 1, "", "clf", false},
	{"payments-invoke-permission", false, "lambda_invoke_permission", IntegrationLambdaProxy, "python3.12", 60, 1, "INFO", "clf", false},
	{"reports-stagevar-permission", false, "stage_variable_permission", IntegrationLambdaProxy, "python3.12", 40, 1, "INFO", "", false},
	{"http-malformed-response", true, "lambda_malformed_proxy_response", IntegrationLambdaProxy, "python3.12", 60, 0.8, "", "json", false},
	{"uploads-package-permission", false, "lambda_package_permission", IntegrationLambdaProxy, "python3.12", 50, 1, "ERROR", "json", false},
	{"search-handler", false, "lambda_handler_misconfigured", IntegrationLambdaProxy, "python3.11", 40, 1, "INFO", "", true},
	{"cart-function-error", false, "lambda_function_error", IntegrationLambdaProxy, "nodejs20.x", 90, 0.4, "ERROR", "json", false},
	{"http-function-error", true, "lambda_function_error", IntegrationLambdaProxy, "python3.12", 60, 0.5, "", "json", false},
	{"checkout-lambda-throttling", false, "lambda_throttled", IntegrationLambdaProxy, "python3.12", 120, 0.3, "INFO", "json", false},
	{"inventory-status-mapping", false, "status_mapping_missing", IntegrationLambdaCustom, "python3.12", 40, 0.6, "INFO", "", false},
	{"users-method-not-post", false, "integration_method_not_post", IntegrationLambdaProxy, "python3.12", 40, 1, "INFO", "", false},
	{"export-payload-10mb", false, "backend_payload_too_large", IntegrationHTTPProxy, "", 30, 0.5, "INFO", "json", false},
	{"ledger-private-integration", false, "private_integration_error", IntegrationVPCLink, "", 40, 1, "INFO", "", false},
	{"catalog-internal-failure", false, "internal_service_failure", IntegrationLambdaProxy, "python3.12", 90, 0.35, "INFO", "json", false},
	{"shipping-backend-unavailable", false, "backend_unavailable", IntegrationHTTPProxy, "", 60, 0.7, "INFO", "json", false},
	{"quotes-integration-timeout", false, "integration_timeout", IntegrationLambdaProxy, "python3.12", 40, 0.5, "INFO", "json", false},
	{"http-integration-timeout", true, "integration_timeout", IntegrationLambdaProxy, "nodejs20.x", 40, 0.5, "", "json", false},
	{"billing-masked-200", false, "lambda_error_masked_as_200", IntegrationLambdaCustom, "nodejs20.x", 60, 0.4, "INFO", "json", false},
}

// catalogDetailed are the catalog stages with detailed metrics on, so
// their metrics also exist per method (REST) or route (HTTP API): one REST
// API, whose failures spread over its two methods, and one HTTP API.
var catalogDetailed = map[string]bool{"cart-function-error": true, "http-function-error": true}

// catalog builds the catalog scenario: the failing stages above, the
// WebSocket failures of catalogWebSocket, a healthy
// stage whose traffic stops at night, and two healthy REST APIs that share
// a name (their metrics merge under one ApiName, as in CloudWatch).
func catalog() *Scenario {
	r := Region{Name: "us-east-1"}
	n := len(catalogEntries)
	for i, e := range catalogEntries {
		start := time.Duration(2+i*33/(n-1)) * time.Minute
		dur := time.Duration(10+(i*3)%6) * time.Minute
		catalogEntry(&r, e, start, dur)
	}
	for i, e := range catalogWebSocket {
		start := time.Duration(6+i*8) * time.Minute
		wsCatalogEntry(&r, e, start, time.Duration(10+i%3)*time.Minute)
	}
	r.Functions = append(r.Functions, Function{Name: "storefront", Runtime: "python3.12"})
	night := API{Name: "storefront", Routes: []Route{{Method: "GET", Path: "/products", Integration: Integration{Type: IntegrationLambdaProxy, Function: "storefront"}}}}
	night.Stages = []Stage{{Name: "prod", LoggingLevel: "ERROR", Traffic: Traffic{RPM: 60, Shape: ShapeOffice, Noise: 0.15, ClientErrors: 0.01}}}
	r.RestAPIs = append(r.RestAPIs, night)
	for range 2 {
		shop := API{Name: "shop", Routes: []Route{{Method: "ANY", Path: "/{proxy+}", Integration: Integration{Type: IntegrationHTTPProxy, URI: "https://shop.example.com"}}}}
		shop.Stages = []Stage{{Name: "prod", LoggingLevel: "ERROR", Traffic: Traffic{RPM: 20, Noise: 0.2, ClientErrors: 0.02}}}
		r.RestAPIs = append(r.RestAPIs, shop)
	}
	return &Scenario{
		Name:     "catalog",
		Seed:     20260101,
		History:  D(time.Hour),
		Faults:   Faults{ThrottleShare: 0.01, InsightsDelay: D(20 * time.Second)},
		Accounts: []Account{{ID: "123456789012", Regions: []Region{r}}},
	}
}

func catalogEntry(r *Region, e catEntry, start, dur time.Duration) {
	in := Integration{Type: e.integ}
	if e.runtime != "" {
		fn := Function{Name: e.api + "-fn", Runtime: e.runtime, LogFormat: "2024", MemoryMB: 256}
		if e.legacy {
			fn.LogFormat = "legacy"
		}
		if e.cause == "integration_timeout" {
			fn.Timeout = D(60 * time.Second) // longer than the integration timeout
		}
		r.Functions = append(r.Functions, fn)
		in.Function = fn.Name
	}
	stage := Stage{Name: "prod", LoggingLevel: e.level, DetailedMetrics: catalogDetailed[e.api], Traffic: Traffic{RPM: e.rpm, Noise: 0.15, ClientErrors: 0.01}}
	// One ERROR-level stage also writes the completion line, one does not:
	// AWS's behaviour there is undocumented and the daemon must cope with both.
	stage.ErrorStatusLine = e.cause == "lambda_function_error"
	switch e.cause {
	case "stage_variable_permission":
		stage.Variables = map[string]string{"fn": in.Function}
		in.Function = "${stageVariables.fn}"
	case "integration_method_not_post":
		in.HTTPMethod = "GET"
	}
	switch e.integ {
	case IntegrationHTTPProxy:
		in.URI = "https://" + e.api + ".backend.example.com"
	case IntegrationVPCLink:
		in.URI = "http://internal-" + e.api + "-nlb.elb.us-east-1.amazonaws.com"
	case IntegrationAWSService:
		in.URI = "arn:aws:apigateway:us-east-1:states:action/StartExecution"
	}
	if e.http {
		stage.Name, stage.LoggingLevel = "$default", ""
		if e.cause == "lambda_malformed_proxy_response" {
			in.PayloadFormat = "1.0"
		}
	}
	if e.access != "" {
		stage.AccessLog = &AccessLog{Format: e.access}
	}
	stage.Episodes = []Episode{{Cause: e.cause, Start: D(start), Duration: D(dur), Share: e.share}}
	api := API{Name: e.api, Routes: []Route{{Method: "GET", Path: "/items/{id}", Integration: in}, {Method: "POST", Path: "/items", Integration: in}}}
	if e.cause == "authorizer_error" {
		// an authorizer of its own on every route, failing: a TOKEN
		// authorizer on a REST API's methods, a REQUEST one on an HTTP
		// API's $default route
		auth := Function{Name: e.api + "-auth", Runtime: e.runtime, LogFormat: "2024", MemoryMB: 128}
		r.Functions = append(r.Functions, auth)
		for i := range api.Routes {
			api.Routes[i].Authorizer = auth.Name
		}
	}
	api.Stages = []Stage{stage}
	if e.http {
		api.Routes = []Route{{Path: "$default", Integration: in, Authorizer: api.Routes[0].Authorizer}}
		r.HTTPAPIs = append(r.HTTPAPIs, api)
		return
	}
	r.RestAPIs = append(r.RestAPIs, api)
}
