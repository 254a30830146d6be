package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// fleetCauses rotate over the fleet's occasional short failures.
var fleetCauses = []string{"lambda_function_error", "integration_timeout", "lambda_throttled", "lambda_invoke_permission"}

// fleet builds N stages, two REST for one HTTP, over two regions, with a
// modest rate and a short failure on one stage in fifty: a realistic
// estate for scale and cost measurements.
func fleet(n int) *Scenario {
	regions := []Region{{Name: "us-east-1"}, {Name: "eu-west-1"}}
	for i := range n {
		r := &regions[0]
		if n >= 10 && i%4 == 3 {
			r = &regions[1]
		}
		fleetStage(r, i)
	}
	if len(regions[1].RestAPIs)+len(regions[1].HTTPAPIs) == 0 {
		regions = regions[:1]
	}
	return &Scenario{
		Name:     fmt.Sprintf("fleet:%d", n),
		Seed:     uint64(7000 + n),
		History:  D(time.Hour),
		Faults:   Faults{InsightsDelay: D(10 * time.Second)},
		Accounts: []Account{{ID: "123456789012", Regions: regions}},
	}
}

func fleetStage(r *Region, i int) {
	http := i%3 == 2
	fn := Function{Name: fmt.Sprintf("fleet-fn-%04d", i), Runtime: []string{"python3.12", "nodejs20.x"}[i%2]}
	if i%5 == 4 {
		fn.LogFormat = "legacy"
	}
	if i%50 == 26 {
		fn.Timeout = D(45 * time.Second)
	}
	r.Functions = append(r.Functions, fn)
	in := Integration{Type: IntegrationLambdaProxy, Function: fn.Name}
	st := Stage{Name: "prod", LoggingLevel: "ERROR", Traffic: Traffic{RPM: float64(5 + i%26), Shape: ShapeDaily, Noise: 0.2, ClientErrors: 0.01}}
	if i%50 == 25 || i%50 == 26 {
		cause := fleetCauses[(i/50)%len(fleetCauses)]
		if i%50 == 26 {
			cause = "integration_timeout"
		}
		st.Episodes = []Episode{{Cause: cause, Start: D(time.Duration((i*7)%90-30) * time.Minute), Duration: D(3 * time.Minute), Share: 0.5}}
	}
	api := API{Name: fmt.Sprintf("fleet-rest-%04d", i), Routes: []Route{{Method: "GET", Path: "/items/{id}", Integration: in}}}
	if http {
		api.Name = fmt.Sprintf("fleet-http-%04d", i)
		api.Routes = []Route{{Path: "$default", Integration: in}}
		st.Name, st.LoggingLevel = "$default", ""
		st.AccessLog = &AccessLog{Format: "json"}
	}
	api.Stages = []Stage{st}
	if http {
		r.HTTPAPIs = append(r.HTTPAPIs, api)
		return
	}
	r.RestAPIs = append(r.RestAPIs, api)
}

// fleetIdleWake is when the one idle stage that comes back to life starts
// taking traffic, and failing.
const fleetIdleWake = 40 * time.Minute

// fleetIdle is fleet(n) where every odd stage has had no traffic for
// hours, as dev and test stages do, except that stage 1 comes back at
// fleetIdleWake with a failure: the one an idle stage's slow screens must
// still catch.
func fleetIdle(n int) *Scenario {
	sc := fleet(n)
	sc.Name = fmt.Sprintf("fleet-idle:%d", n)
	for ri := range sc.Accounts[0].Regions {
		r := &sc.Accounts[0].Regions[ri]
		for ai := range r.RestAPIs {
			idleStage(&r.RestAPIs[ai])
		}
		for ai := range r.HTTPAPIs {
			idleStage(&r.HTTPAPIs[ai])
		}
	}
	return sc
}

func idleStage(api *API) {
	i, _ := strconv.Atoi(api.Name[strings.LastIndex(api.Name, "-")+1:])
	if i%2 == 0 {
		return
	}
	st := &api.Stages[0]
	st.Traffic.QuietUntil = D(1000 * time.Hour)
	st.Episodes = nil
	if i == 1 {
		st.Traffic.QuietUntil, st.Traffic.RPM = D(fleetIdleWake), 30
		st.Episodes = []Episode{{Cause: "lambda_function_error", Start: D(fleetIdleWake), Duration: D(10 * time.Minute), Share: 0.5}}
	}
}
