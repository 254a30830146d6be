package scenario

import (
	"math"
	"sort"
	"sync"
	"time"
)

// request is one generated request, kept compact: fleet:2000 holds many
// minutes of these in the cache. Ids and log lines are derived from the
// stage, minute and index when needed, never stored.
type request struct {
	at      int32   // ms after the minute's start
	route   uint16  // index into the stage's routes
	ep      int8    // index of the failing episode, -1 when none
	cold    bool    // the function started cold
	status  uint16  // what the client received
	latency float32 // ms, the Latency metric
	intLat  float32 // ms, the IntegrationLatency metric
	fnDur   float32 // ms the function ran, 0 when it was not invoked
	vis     float32 // rank in [0,1): the request counts in metrics once the visible share passes it
	bytes   uint32  // request and response bytes, DataProcessed
}

// minute is one stage's traffic in one minute.
type minute struct {
	reqs []request
	// delay is how long after the minute ends its datapoints first appear.
	delay time.Duration
}

// minuteOf returns the generated minute m (Unix minutes) of stage s.
func (w *World) minuteOf(s *stageRT, m int64) *minute {
	k := cacheKey{s.idx, m}
	if mm := w.cache.get(k); mm != nil {
		return mm
	}
	mm := w.generate(s, m)
	w.cache.put(k, mm)
	return mm
}

// generate draws the minute from the stage's and minute's own random
// stream, so any minute can be produced alone, in any order.
func (w *World) generate(s *stageRT, m int64) *minute {
	t := time.Unix(m*60, 0).UTC()
	rng := rngFor(s.key, m)
	mm := &minute{delay: time.Minute + time.Duration(rng.Float64()*float64(2*time.Minute))}
	if t.Before(w.trafficFrom(s)) {
		return mm
	}
	tr := s.stage.Traffic
	rate := tr.RPM * shapeFactor(tr.Shape, t) * math.Max(0, 1+tr.Noise*rng.NormFloat64())
	n := int(rate + rng.Float64())
	if n == 0 {
		return mm
	}
	mm.reqs = make([]request, n)
	for i := range mm.reqs {
		w.drawRequest(s, t, rng, &mm.reqs[i])
	}
	sort.Slice(mm.reqs, func(i, j int) bool { return mm.reqs[i].at < mm.reqs[j].at })
	return mm
}

// trafficFrom is the first instant the stage has requests.
func (w *World) trafficFrom(s *stageRT) time.Time {
	if q := s.stage.Traffic.QuietUntil.Duration; q > 0 {
		return w.t0.Add(q)
	}
	return w.first
}

// shapeFactor scales the rate by the hour of the (UTC) day.
func shapeFactor(shape string, t time.Time) float64 {
	h := float64(t.Hour()) + float64(t.Minute())/60
	daily := 0.6 + 0.4*math.Cos(2*math.Pi*(h-14)/24)
	switch shape {
	case ShapeDaily:
		return daily
	case ShapeOffice:
		if h >= 22 || h < 6 {
			return 0
		}
		return daily
	default:
		return 1
	}
}

// cacheKey names one stage's minute.
type cacheKey struct {
	stage  int
	minute int64
}

// minuteCacheSize bounds the cache: at fleet:2000 it holds about an hour
// of every stage, a few tens of MB.
const minuteCacheSize = 150_000

// minuteCache keeps generated minutes; when full it starts over, which is
// cheap and keeps memory bounded without bookkeeping per entry.
type minuteCache struct {
	mu  sync.RWMutex
	max int
	m   map[cacheKey]*minute
}

func newMinuteCache(size int) *minuteCache {
	return &minuteCache{max: size, m: make(map[cacheKey]*minute)}
}

func (c *minuteCache) get(k cacheKey) *minute {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

func (c *minuteCache) put(k cacheKey, v *minute) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		c.m = make(map[cacheKey]*minute, c.max/4)
	}
	c.m[k] = v
}
