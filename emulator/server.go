// Package emulator is the wire layer of the local AWS emulator: it answers
// CloudWatch, CloudWatch Logs, API Gateway (v1 and v2), Lambda, SQS, Resource
// Groups Tagging and STS on one HTTP listener, in each service's exact
// protocol, from whatever a world.Backend says exists. The real
// aws-sdk-go-v2 clients and the AWS CLI cannot tell it from AWS for the
// operations the daemon uses.
package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// maxBody bounds a request body; the largest legitimate request, a
// GetMetricData with 500 queries, is well under 1 MB.
const maxBody = 8 << 20

// Options configures a Server.
type Options struct {
	// Logger receives one debug line per call; nil discards.
	Logger *slog.Logger
	// Seed makes the throttling decisions reproducible.
	Seed int64
	// Clock, when set, is the scenario's clock: SQS long polls wait on it,
	// so a test driving a manual clock sees them as waiters. Without it
	// they re-check the backend's time every few wall milliseconds.
	Clock clock.Clock
}

// Server serves every emulated AWS API. It is an http.Handler.
type Server struct {
	b        world.Backend
	log      *slog.Logger
	stats    *statsCounter
	throttle *throttler
	queries  *queryStore
	clk      clock.Clock
	sqs      *sqsQueues
	alarms   *alarmEval
	seq      atomic.Uint64
}

// NewServer returns a Server answering from b.
func NewServer(b world.Backend, opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{
		b:        b,
		log:      log,
		stats:    newStatsCounter(),
		throttle: newThrottler(opts.Seed),
		queries:  newQueryStore(),
		clk:      opts.Clock,
		sqs:      newSQSQueues(),
		alarms:   &alarmEval{},
	}
}

// call is one HTTP attempt being answered.
type call struct {
	w       http.ResponseWriter
	r       *http.Request
	body    []byte
	account string
	region  string
	service string
	op      string
	reqID   string
}

// ServeHTTP routes a request the way AWS endpoints are told apart: by the
// Smithy RPC v2 path, the X-Amz-Target header, the REST path or the
// awsQuery Action.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_emulator/stats" && r.Method == http.MethodGet {
		s.serveStats(w)
		return
	}
	c := s.newCall(w, r)
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		writeRESTError(c, errSerialization("cannot read request body"))
		return
	}
	c.body = body
	route := s.route(c)
	s.log.Debug("aws call", "service", c.service, "op", c.op, "account", c.account, "region", c.region)
	route(c)
}

func (s *Server) newCall(w http.ResponseWriter, r *http.Request) *call {
	c := &call{w: w, r: r, reqID: s.requestID()}
	c.account, c.region = s.identity(r)
	h := w.Header()
	h.Set("X-Amzn-Requestid", c.reqID)
	h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	return c
}

// requestID returns a UUID-shaped id, unique per attempt.
func (s *Server) requestID() string {
	n := s.seq.Add(1)
	x := splitmix64(n)
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(x>>32), uint16(x>>16), n&0xfff, uint16(x)&0xfff, n)
}

// route picks the handler for a request.
func (s *Server) route(c *call) func(*call) {
	p := c.r.URL.Path
	switch {
	case strings.HasPrefix(p, cborPathPrefix):
		return s.routeCBOR
	case c.r.Header.Get("X-Amz-Target") != "":
		return s.routeJSON
	case strings.HasPrefix(p, "/restapis"):
		return s.routeAPIGateway
	case strings.HasPrefix(p, "/v2/"):
		return s.routeAPIGatewayV2
	case strings.HasPrefix(p, "/2015-03-31/functions"):
		return s.routeLambda
	case c.r.Method == http.MethodPost && isForm(c.r):
		return s.routeQuery
	}
	return s.routeUnknown
}

func isForm(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
}

// routeUnknown answers what AWS answers for a path no service owns.
func (s *Server) routeUnknown(c *call) {
	c.service, c.op = "unknown", "Unknown"
	s.stats.count(c, false)
	writeRESTError(c, &apiError{Status: http.StatusNotFound, Code: "UnknownOperationException",
		Message: fmt.Sprintf("no operation at %s %s", c.r.Method, c.r.URL.Path)})
}

// admit counts the call and decides whether throttling injection answers
// it instead of the service; the caller writes the throttle error.
func (s *Server) admit(c *call) bool {
	throttled := s.throttle.hit(s.b.Faults().ThrottleShare)
	s.stats.count(c, throttled)
	return !throttled
}

func (s *Server) serveStats(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s.Stats())
}
