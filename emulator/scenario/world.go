package scenario

import (
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// World is a scenario playing on a clock: it implements world.Backend by
// generating, on demand and deterministically, the requests of every stage
// and minute, their metrics and the log lines they leave.
type World struct {
	sc       *Scenario
	clk      clock.Clock
	t0       time.Time
	first    time.Time // traffic starts here: t0 - History
	accounts []string
	regions  map[string][]string
	res      map[regionKey]*regionState
	stages   []*stageRT
	cache    *minuteCache
}

var _ world.Backend = (*World)(nil)

// regionKey names one account's region.
type regionKey struct{ account, region string }

// regionState is everything that exists in one account and region.
type regionState struct {
	rest    []world.RestAPI
	http    []world.HTTPAPI
	fns     []world.Function
	groups  []world.LogGroup
	metrics []world.MetricID
	// targets maps a metric's namespace and dimensions to what feeds it.
	targets map[string][]target
	// logs maps a log group name to what writes into it.
	logs map[string]logSource
}

// stageRT is one stage at run time, with everything resolved.
type stageRT struct {
	idx      int
	key      uint64 // hash of account, region, API id and stage: the RNG stream
	account  string
	region   string
	http     bool // an HTTP API
	ws       bool // a WebSocket API
	apiID    string
	apiName  string
	stage    *Stage
	routes   []routeRT
	episodes []episodeRT
	exec     string // execution log group, "" when logging is OFF or HTTP
	access   string // access log group, "" without access logging
}

// apiType is the stage's API type.
func (s *stageRT) apiType() stage.APIType {
	switch {
	case s.ws:
		return stage.APIWebSocket
	case s.http:
		return stage.APIHTTP
	}
	return stage.APIREST
}

// routeRT is a route with its function resolved for the stage.
type routeRT struct {
	route   Route
	fn      *fnRT // nil for non-Lambda integrations
	timeout time.Duration
	auth    *fnRT  // the route's Lambda authorizer function, if any
	authID  string // and its authorizer's id
}

// fnRT is a Lambda function at run time.
type fnRT struct {
	fn     *Function
	arn    string
	group  string
	key    uint64
	stages []int // stages that invoke it
	// authStages are the stages whose routes it authorizes: it writes to
	// its log for their requests, but its metrics are not emulated.
	authStages []int
}

// episodeRT is an episode on absolute emulated time.
type episodeRT struct {
	cause      classifier.Cause
	eff        effect
	start, end time.Time
	share      float64
	route      int // the index of the one route it fails; -1 for all
}

// fails reports whether the episode can fail a request to route.
func (e episodeRT) fails(route uint16) bool {
	return e.route < 0 || e.route == int(route)
}

// NewWorld plays sc on clk; start is the scenario's time zero, which
// episode offsets count from. The scenario must come from Load, Parse or
// Builtin (which apply defaults); it is not modified.
func NewWorld(sc *Scenario, clk clock.Clock, start time.Time) *World {
	w := &World{
		sc:      sc,
		clk:     clk,
		t0:      start,
		first:   start.Add(-sc.History.Duration),
		regions: map[string][]string{},
		res:     map[regionKey]*regionState{},
		cache:   newMinuteCache(minuteCacheSize),
	}
	for ai := range sc.Accounts {
		a := &sc.Accounts[ai]
		w.accounts = append(w.accounts, a.ID)
		for ri := range a.Regions {
			r := &a.Regions[ri]
			w.regions[a.ID] = append(w.regions[a.ID], r.Name)
			w.res[regionKey{a.ID, r.Name}] = w.buildRegion(a.ID, r)
		}
	}
	return w
}

// Now is the emulated time.
func (w *World) Now() time.Time { return w.clk.Now() }

// Start is the scenario's time zero.
func (w *World) Start() time.Time { return w.t0 }

// Accounts lists the account ids, the default account first.
func (w *World) Accounts() []string { return w.accounts }

// Regions lists the regions that hold resources in the account.
func (w *World) Regions(account string) []string { return w.regions[account] }

// RestAPIs lists the REST APIs; callers must not modify the result.
func (w *World) RestAPIs(account, region string) []world.RestAPI {
	if r := w.res[regionKey{account, region}]; r != nil {
		return r.rest
	}
	return nil
}

// HTTPAPIs lists the HTTP APIs; callers must not modify the result.
func (w *World) HTTPAPIs(account, region string) []world.HTTPAPI {
	if r := w.res[regionKey{account, region}]; r != nil {
		return r.http
	}
	return nil
}

// Functions lists the Lambda functions; callers must not modify the result.
func (w *World) Functions(account, region string) []world.Function {
	if r := w.res[regionKey{account, region}]; r != nil {
		return r.fns
	}
	return nil
}

// LogGroups lists the log groups; callers must not modify the result.
func (w *World) LogGroups(account, region string) []world.LogGroup {
	if r := w.res[regionKey{account, region}]; r != nil {
		return r.groups
	}
	return nil
}

// Faults returns the scenario's wire-level failures.
func (w *World) Faults() world.Faults {
	f := w.sc.Faults
	out := world.Faults{
		ThrottleShare:        f.ThrottleShare,
		InsightsDelay:        f.InsightsDelay.Duration,
		MaxConcurrentQueries: f.MaxConcurrentQueries,
	}
	out.LogsOutages = w.spans(f.LogsOutages)
	out.LambdaOutages = w.spans(f.LambdaOutages)
	return out
}

// spans places outages on the world's clock.
func (w *World) spans(outages []Outage) []world.Span {
	var out []world.Span
	for _, o := range outages {
		start := w.t0.Add(o.Start.Duration)
		out = append(out, world.Span{Start: start, End: start.Add(o.Duration.Duration)})
	}
	return out
}
