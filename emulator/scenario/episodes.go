package scenario

import (
	"sort"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// EpisodeInfo says what fails where and when: the ground truth that tests
// and the demo compare the daemon's diagnoses with.
type EpisodeInfo struct {
	Account  string
	Region   string
	APIName  string
	APIID    string
	Stage    string
	APIType  stage.APIType
	Cause    classifier.Cause
	Status   classifier.Status // what clients of this API type receive
	Start    time.Time
	End      time.Time
	Share    float64
	Function string // the integrated function, "" for non-Lambda integrations
	// Authorizer is the function of the failing route's Lambda authorizer,
	// "" when it has none.
	Authorizer string
	Route      string // the one route that fails; "" when all do
	// LogGroups are where the episode's evidence lands: the execution log
	// group (REST, logging on), the access log group, the function's group,
	// and for an authorizer_error the authorizer function's group.
	LogGroups []string
}

// Episodes lists every failure episode, by start time.
func (w *World) Episodes() []EpisodeInfo {
	var out []EpisodeInfo
	for _, s := range w.stages {
		for _, e := range s.episodes {
			info := EpisodeInfo{
				Account: s.account, Region: s.region, APIName: s.apiName, APIID: s.apiID,
				Stage: s.stage.Name, APIType: s.apiType(), Cause: e.cause,
				Status: e.cause.Status(s.apiType()), Start: e.start, End: e.end, Share: e.share,
			}
			route := s.routes[0]
			if e.route >= 0 {
				route, info.Route = s.routes[e.route], routeKey(s.routes[e.route].route)
			}
			for _, g := range []string{s.exec, s.access} {
				if g != "" {
					info.LogGroups = append(info.LogGroups, g)
				}
			}
			if f := route.fn; f != nil {
				info.Function = f.fn.Name
				info.LogGroups = append(info.LogGroups, f.group)
			}
			if f := route.auth; f != nil {
				info.Authorizer = f.fn.Name
				if e.cause == classifier.CauseAuthorizerError && f != route.fn {
					info.LogGroups = append(info.LogGroups, f.group)
				}
			}
			out = append(out, info)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}
