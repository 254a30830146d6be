package scenario

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLoadOK(t *testing.T) {
	sc, err := Load(filepath.Join("testdata", "small.ok.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "small" || sc.Seed != 7 || sc.History.Duration != 30*time.Minute {
		t.Errorf("header = %q %d %s", sc.Name, sc.Seed, sc.History)
	}
	r := sc.Accounts[0].Regions[0]
	if got := r.Functions[1]; got.Runtime != "python3.12" || got.Timeout.Duration != 3*time.Second || got.MemoryMB != 128 || got.LogFormat != "2024" {
		t.Errorf("function defaults = %+v", got)
	}
	if got := r.Functions[0].Handler; got != "index.handler" {
		t.Errorf("node handler default = %q", got)
	}
	in := r.RestAPIs[0].Routes[0].Integration
	if in.HTTPMethod != "POST" || in.Timeout.Duration != 29*time.Second {
		t.Errorf("REST Lambda integration defaults = %+v", in)
	}
	if got := r.HTTPAPIs[0].Routes[0].Integration.Timeout.Duration; got != 30*time.Second {
		t.Errorf("HTTP integration timeout default = %s", got)
	}
	if got := r.HTTPAPIs[0].Stages[0].Episodes[0].Start.Duration; got != -10*time.Minute {
		t.Errorf("negative start = %s", got)
	}
}

func TestLoadBad(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"unknown-key.bad.yaml", []string{
			"testdata/unknown-key.bad.yaml:12:17: accounts[0].regions[0].rest_apis[0].stages[0].trafik: unknown field",
		}},
		{"bad-values.bad.yaml", []string{
			`testdata/bad-values.bad.yaml:1:10: history: invalid duration "soon" (want e.g. 90s or 15m)`,
			`testdata/bad-values.bad.yaml:16:32: accounts[0].regions[0].rest_apis[0].stages[0].traffic.rpm: cannot use "many" as a number`,
		}},
		// integration timeouts: 50 ms up; past 29 s on Regional and private
		// REST APIs only (after a quota increase); HTTP APIs 30 s at most,
		// WebSocket APIs 29 s (the API Gateway developer guide's quotas)
		{"timeouts.bad.yaml", []string{
			"testdata/timeouts.bad.yaml:8:69: accounts[0].regions[0].rest_apis[0].routes[0].integration.timeout: an edge-optimized API's integration timeout is at most 29s",
			"testdata/timeouts.bad.yaml:9:69: accounts[0].regions[0].rest_apis[0].routes[1].integration.timeout: must be between 50ms and 5m0s",
			"testdata/timeouts.bad.yaml:15:75: accounts[0].regions[0].http_apis[0].routes[0].integration.timeout: must be between 50ms and 30s",
			"testdata/timeouts.bad.yaml:21:75: accounts[0].regions[0].websocket_apis[0].routes[0].integration.timeout: must be between 50ms and 29s",
		}},
		{"wrong-integration.bad.yaml", []string{
			"testdata/wrong-integration.bad.yaml:11:32: accounts[0].regions[0].http_apis[0].stages[0].logging_level: HTTP APIs have no execution logs",
			"testdata/wrong-integration.bad.yaml:13:29: accounts[0].regions[0].http_apis[0].stages[0].episodes[0].cause: cause lambda_throttled needs a Lambda integration on every route, route $default has http_proxy",
			"testdata/wrong-integration.bad.yaml:14:29: accounts[0].regions[0].http_apis[0].stages[0].episodes[1].cause: cause status_mapping_missing does not occur on HTTP APIs",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata", tt.file))
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseSemanticErrors(t *testing.T) {
	data := []byte(`accounts:
  - id: "1234"
    regions:
      - name: eu-west-1
        functions:
          - name: fn
        rest_apis:
          - name: orders
            routes:
              - path: /orders
                integration: {type: lambda_proxy, function: missing-fn}
            stages:
              - name: prod
                logging_level: DEBUG
                episodes:
                  - {cause: lambda_on_fire, start: 1m, duration: 5m, share: 2}
                  - {cause: lambda_function_error, start: 1m, duration: 5m, share: 1, route: /orders}
`)
	_, err := Parse(data, "x.yaml")
	want := []string{
		"x.yaml:2:9: accounts[0].id: must be 12 digits",
		"x.yaml:11:61: accounts[0].regions[0].rest_apis[0].routes[0].integration.function: no function missing-fn in this region",
		"x.yaml:14:32: accounts[0].regions[0].rest_apis[0].stages[0].logging_level: must be OFF, ERROR or INFO",
		`x.yaml:16:29: accounts[0].regions[0].rest_apis[0].stages[0].episodes[0].cause: unknown cause "lambda_on_fire" (see docs/taxonomy.md)`,
		"x.yaml:16:77: accounts[0].regions[0].rest_apis[0].stages[0].episodes[0].share: must be above 0 and at most 1",
		`x.yaml:17:94: accounts[0].regions[0].rest_apis[0].stages[0].episodes[1].route: no route "/orders" on this API (write it as "GET /orders")`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}

// TestParseAuthorizerErrors: an authorizer is a REST method's, an HTTP API
// route's or a WebSocket $connect route's, and names a function of the
// region; an authorizer_error needs one on every route it fails; only an
// HTTP API's authorizer has a response mode, simple or iam, one per
// authorizer of an API.
func TestParseAuthorizerErrors(t *testing.T) {
	data := []byte(`accounts:
  - id: "123456789012"
    regions:
      - name: eu-west-1
        functions:
          - name: fn
        rest_apis:
          - name: orders
            routes:
              - {path: /orders, integration: {type: lambda_proxy, function: fn}, authorizer: missing-auth}
              - {path: /health, integration: {type: lambda_proxy, function: fn}}
              - {path: /admin, integration: {type: lambda_proxy, function: fn}, authorizer: fn, authorizer_response: iam}
            stages:
              - name: prod
                episodes:
                  - {cause: authorizer_error, start: 1m, duration: 5m, share: 1}
        http_apis:
          - name: http
            routes:
              - {path: $default, integration: {type: lambda_proxy, function: fn}, authorizer: fn}
              - {path: /a, integration: {type: lambda_proxy, function: fn}, authorizer: fn, authorizer_response: iam}
              - {path: /b, integration: {type: lambda_proxy, function: fn}, authorizer: fn, authorizer_response: jwt}
              - {path: /c, integration: {type: lambda_proxy, function: fn}, authorizer_response: simple}
              - {path: /d, integration: {type: lambda_proxy, function: fn}, authorizer: nope}
            stages:
              - name: $default
                episodes:
                  - {cause: authorizer_error, start: 1m, duration: 5m, share: 1, route: $default}
`)
	_, err := Parse(data, "x.yaml")
	want := []string{
		"x.yaml:10:94: accounts[0].regions[0].rest_apis[0].routes[0].authorizer: no function missing-auth in this region",
		"x.yaml:12:118: accounts[0].regions[0].rest_apis[0].routes[2].authorizer_response: only HTTP API authorizers have a response mode",
		"x.yaml:16:29: accounts[0].regions[0].rest_apis[0].stages[0].episodes[0].cause: cause authorizer_error needs a Lambda authorizer on every route, route GET /health has lambda_proxy",
		"x.yaml:21:114: accounts[0].regions[0].http_apis[0].routes[1].authorizer_response: fn is simple on an earlier route of this API, which shares its authorizer",
		"x.yaml:22:114: accounts[0].regions[0].http_apis[0].routes[2].authorizer_response: must be simple or iam",
		"x.yaml:23:98: accounts[0].regions[0].http_apis[0].routes[3].authorizer_response: needs an authorizer on the route",
		"x.yaml:24:89: accounts[0].regions[0].http_apis[0].routes[4].authorizer: no function nope in this region",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}

// TestParseHTTPAuthorizer: an HTTP API route's authorizer takes simple
// responses unless told iam, and the route's authorizer_error episode is
// accepted.
func TestParseHTTPAuthorizer(t *testing.T) {
	data := []byte(`accounts:
  - id: "123456789012"
    regions:
      - name: eu-west-1
        functions:
          - name: fn
          - name: auth
          - name: policy-auth
        http_apis:
          - name: http
            routes:
              - {path: /a, integration: {type: lambda_proxy, function: fn}, authorizer: auth}
              - {path: /b, integration: {type: lambda_proxy, function: fn}, authorizer: policy-auth, authorizer_response: iam}
              - {path: /c, integration: {type: lambda_proxy, function: fn}}
            stages:
              - name: $default
                episodes:
                  - {cause: authorizer_error, start: 1m, duration: 5m, share: 1, route: GET /a}
`)
	sc, err := Parse(data, "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range sc.Accounts[0].Regions[0].HTTPAPIs[0].Routes {
		got = append(got, r.AuthorizerResponse)
	}
	if want := []string{AuthorizerSimple, AuthorizerIAM, ""}; !slices.Equal(got, want) {
		t.Errorf("response modes %q, want %q", got, want)
	}
}

func TestBuiltins(t *testing.T) {
	for _, name := range []string{"catalog", "authorizers", "fleet:1", "fleet:40"} {
		t.Run(name, func(t *testing.T) {
			sc, err := Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			if len(sc.Accounts) == 0 || len(sc.Accounts[0].Regions) == 0 {
				t.Fatal("empty scenario")
			}
		})
	}
	for _, name := range []string{"fleet:0", "fleet:x", "nope"} {
		if _, err := Builtin(name); err == nil {
			t.Errorf("Builtin(%q) accepted", name)
		}
	}
}

// TestParseFunctionLogGroups: a function's log group defaults to Lambda's
// /aws/lambda/NAME, may be set as LoggingConfig.LogGroup sets it, must be a
// log group name, and is no other function's.
func TestParseFunctionLogGroups(t *testing.T) {
	data := []byte(`accounts:
  - id: "123456789012"
    regions:
      - name: eu-west-1
        functions:
          - name: fn
          - {name: shared, log_group: /app/lambda}
          - {name: spaced, log_group: "my group"}
          - {name: again, log_group: /aws/lambda/fn}
`)
	_, err := Parse(data, "x.yaml")
	want := []string{
		"x.yaml:8:39: accounts[0].regions[0].functions[2].log_group: must be 1 to 512 of a-z A-Z 0-9 _ - / . # (CloudWatch Logs' log group names)",
		"x.yaml:9:38: accounts[0].regions[0].functions[3].log_group: /aws/lambda/fn is another function's log group",
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	sc, err := Parse([]byte(strings.Join(strings.Split(string(data), "\n")[:7], "\n")+"\n"), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fns := sc.Accounts[0].Regions[0].Functions
	if fns[0].LogGroup != "/aws/lambda/fn" || fns[1].LogGroup != "/app/lambda" {
		t.Errorf("log groups %q and %q, want the default and the one set", fns[0].LogGroup, fns[1].LogGroup)
	}
}
