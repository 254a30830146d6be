package emulator

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// restRoute maps "GET /restapis/*/stages" to an operation; each * is a
// path parameter, URL-unescaped (stage "$default" arrives as %24default).
type restRoute struct {
	method  string
	pattern []string
	op      string
	h       func(s *Server, c *call, params []string) (any, error)
}

func route(method, pattern, op string, h func(*Server, *call, []string) (any, error)) restRoute {
	return restRoute{method: method, pattern: strings.Split(strings.Trim(pattern, "/"), "/"), op: op, h: h}
}

func (rt restRoute) match(method string, segs []string) ([]string, bool) {
	if method != rt.method || len(segs) != len(rt.pattern) {
		return nil, false
	}
	var params []string
	for i, p := range rt.pattern {
		switch {
		case p == "*":
			params = append(params, segs[i])
		case p != segs[i]:
			return nil, false
		}
	}
	return params, true
}

// pathSegments splits the escaped path and unescapes each segment, so an
// escaped slash inside an ARN stays inside its segment.
func pathSegments(r *http.Request) []string {
	raw := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, s := range raw {
		if u, err := url.PathUnescape(s); err == nil {
			raw[i] = u
		}
	}
	return raw
}

// serveREST dispatches a restJson1 request among routes, with the
// service's throttling error.
func (s *Server) serveREST(c *call, service string, routes []restRoute, throttle *apiError) {
	c.service = service
	segs := pathSegments(c.r)
	for _, rt := range routes {
		params, ok := rt.match(c.r.Method, segs)
		if !ok {
			continue
		}
		c.op = rt.op
		if !s.admit(c) {
			s.restError(c, throttle)
			return
		}
		out, err := rt.h(s, c, params)
		if err != nil {
			s.restError(c, asAPIError(err))
			return
		}
		writeJSON(c, http.StatusOK, "application/json", out)
		return
	}
	c.op = "Unknown"
	s.stats.count(c, false)
	s.restError(c, &apiError{Status: http.StatusNotFound, Code: "UnknownOperationException",
		Message: "Unknown operation " + c.r.Method + " " + c.r.URL.Path})
}

func (s *Server) restError(c *call, e *apiError) {
	s.countError()
	writeRESTError(c, e)
}

func errAPIGWNotFound(msg string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "NotFoundException", Message: msg}
}

func errAPIGWBadRequest(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "BadRequestException", Message: msg}
}

// errAPIGWThrottle is API Gateway's control-plane throttle (reference §1.4).
func errAPIGWThrottle() *apiError {
	return &apiError{Status: http.StatusTooManyRequests, Code: "TooManyRequestsException", Message: "Too Many Requests", RetryAfter: 1}
}

// pageSize reads an integer page size query parameter with a default
// and an upper bound.
func pageSize(c *call, name string, def, maxSize int) (int, error) {
	v := c.r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n := 0
	for _, ch := range v {
		if ch < '0' || ch > '9' {
			return 0, errAPIGWBadRequest("Invalid " + name + " value: " + v)
		}
		n = n*10 + int(ch-'0')
		if n > maxSize {
			return 0, errAPIGWBadRequest(name + " must be less than or equal to " + strconv.Itoa(maxSize))
		}
	}
	if n < 1 {
		return 0, errAPIGWBadRequest(name + " must be greater than 0")
	}
	return n, nil
}
