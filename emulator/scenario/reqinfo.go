package scenario

import (
	"fmt"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// reqInfo is one request with everything its log lines need, derived from
// the stage, minute and index so that nothing per request is stored.
type reqInfo struct {
	s       *stageRT
	r       *request
	rt      routeRT
	h       uint64 // the request's own hash
	t0      time.Time
	id      string // API Gateway request id
	lid     string // Lambda request id
	ext     string // extended request id
	trace   string // X-Ray trace id
	cause   classifier.Cause
	eff     effect
	failing bool
}

func (w *World) reqInfo(s *stageRT, m int64, i int, r *request) *reqInfo {
	h := hashInts(s.key, m, int64(i))
	ri := &reqInfo{
		s: s, r: r, rt: s.routes[r.route], h: h,
		t0:  time.UnixMilli(m*60000 + int64(r.at)).UTC(),
		id:  uuidOf(h),
		lid: uuidOf(mix(h ^ 0x1a)),
		ext: extendedID(mix(h ^ 0x2b)),
	}
	ri.trace = fmt.Sprintf("1-%08x-%s", ri.t0.Unix(), hexOf(mix(h^0x3c), 24))
	if r.ep >= 0 {
		e := s.episodes[r.ep]
		ri.cause, ri.eff, ri.failing = e.cause, e.eff, true
	}
	return ri
}

const base64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// extendedID looks like API Gateway's extended request id ("Vwc2MGFUrPEFV_g=").
func extendedID(h uint64) string {
	b := make([]byte, 15, 16)
	for i := range b {
		b[i] = base64URL[h&63]
		h >>= 4
		if i == 7 {
			h = mix(h)
		}
	}
	return string(append(b, '='))
}

// at is the request's arrival plus ms.
func (ri *reqInfo) at(ms float64) time.Time {
	return ri.t0.Add(time.Duration(ms * float64(time.Millisecond)))
}

// method and path are what the client called; path parameters get values.
func (ri *reqInfo) method() string {
	m := ri.rt.route.Method
	if m == "" || m == "ANY" {
		return []string{"GET", "POST", "GET", "PUT"}[ri.h%4]
	}
	return m
}

func (ri *reqInfo) path() string {
	p := ri.rt.route.Path
	if p == "$default" {
		p = []string{"/", "/items", "/items/42", "/health"}[ri.h%4]
	}
	for {
		i := strings.Index(p, "{")
		j := strings.Index(p, "}")
		if i < 0 || j < i {
			return p
		}
		p = p[:i] + fmt.Sprint(1000+ri.h%9000) + p[j+1:]
	}
}

// sourceIP is a documentation-range client address.
func (ri *reqInfo) sourceIP() string {
	return fmt.Sprintf("198.51.100.%d", 1+ri.h%250)
}

// invoked reports whether the function ran for this request.
func (ri *reqInfo) invoked() bool { return ri.rt.fn != nil && ri.r.fnDur > 0 }
