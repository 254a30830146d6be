package scenario

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// coldShare is the share of invocations that start a new execution
// environment (an INIT phase, "Init Duration" in REPORT).
const coldShare = 0.03

// drawRequest decides one request: when, which route, whether an episode
// fails it, and where its time goes.
func (w *World) drawRequest(s *stageRT, t time.Time, rng *rand.Rand, r *request) {
	r.at = int32(rng.IntN(60000))
	r.route = uint16(rng.IntN(len(s.routes)))
	r.ep = -1
	r.vis = rng.Float32()
	at := t.Add(time.Duration(r.at) * time.Millisecond)
	for i, e := range s.episodes {
		if e.fails(r.route) && !at.Before(e.start) && at.Before(e.end) && rng.Float64() < e.share {
			r.ep = int8(i)
			break
		}
	}
	rt := s.routes[r.route]
	base := float64(s.stage.Traffic.Latency.Milliseconds()) * math.Exp(0.45*rng.NormFloat64())
	overhead := 3 + rng.Float64()*12
	r.status = 200
	r.bytes = uint32(400 + rng.IntN(1600))
	if r.ep < 0 {
		if rng.Float64() < s.stage.Traffic.ClientErrors {
			r.status = 400
		}
		w.normalTiming(rt, base, overhead, rng, r)
		return
	}
	e := s.episodes[r.ep]
	r.status = uint16(e.cause.Status(s.apiType()))
	if !e.cause.Status(s.apiType()).Is5xx() {
		r.status = 200 // the error reaches the client as a 200 OK body
	}
	r.bytes = uint32(80 + rng.IntN(60))
	w.failureTiming(e, rt, base, overhead, rng, r)
}

func (w *World) normalTiming(rt routeRT, base, overhead float64, rng *rand.Rand, r *request) {
	r.intLat = float32(base)
	r.latency = float32(base + overhead)
	if rt.fn != nil {
		r.fnDur = float32(math.Max(1, base*0.85))
		r.cold = rng.Float64() < coldShare
	}
}

// failureTiming places the latency where the cause puts it: timeouts sit at
// the integration or function timeout, so the metrics show what AWS shows.
func (w *World) failureTiming(e episodeRT, rt routeRT, base, overhead float64, rng *rand.Rand, r *request) {
	timeoutMs := float64(rt.timeout.Milliseconds())
	switch e.eff.lat {
	case latFast:
		r.intLat = float32(2 + rng.Float64()*10)
	case latIntegrationTimeout:
		r.intLat = float32(timeoutMs + rng.Float64()*4)
		if rt.fn != nil {
			fnMs := float64(rt.fn.fn.Timeout.Milliseconds())
			r.fnDur = float32(math.Min(fnMs, timeoutMs+2000+rng.Float64()*15000))
		}
	case latFunctionTimeout:
		fnMs := float64(rt.fn.fn.Timeout.Milliseconds())
		r.fnDur = float32(fnMs + rng.Float64()*40)
		r.intLat = r.fnDur + float32(15+rng.Float64()*10)
	case latInit:
		r.fnDur = float32(150 + rng.Float64()*300)
		r.intLat = r.fnDur + 20
		r.cold = true
	case latSlow:
		r.intLat = float32(2500 + rng.Float64()*3500)
	case latAuthorizer:
		// no integration runs; the client waits for the authorizer
		overhead += 150 + rng.Float64()*300
	default:
		r.intLat = float32(base)
		if rt.fn != nil {
			r.fnDur = float32(math.Max(1, base*0.85))
		}
	}
	if e.eff.invoked && rt.fn != nil && r.fnDur == 0 {
		r.fnDur = float32(math.Max(1, base*0.85))
	}
	if !e.eff.invoked || rt.fn == nil {
		r.fnDur = 0
	}
	if e.cause == classifier.CauseLambdaThrottled || e.cause == classifier.CauseIntegrationMethodNotPost {
		r.fnDur = 0
	}
	r.latency = r.intLat + float32(overhead)
}
