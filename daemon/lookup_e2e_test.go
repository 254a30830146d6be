package daemon

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// lambdaRefuser stands between the daemon and the emulator on loopback and,
// while refuse is set, answers Lambda's GetFunctionConfiguration
// (GET /2015-03-31/functions/NAME/configuration) 403 AccessDeniedException,
// as Lambda does for a role without lambda:GetFunctionConfiguration; every
// other call goes through.
type lambdaRefuser struct {
	refuse            atomic.Bool
	refused, answered atomic.Int32
}

func (l *lambdaRefuser) front(tb testing.TB, emulatorURL string) string {
	tb.Helper()
	u, err := url.Parse(emulatorURL)
	if err != nil {
		tb.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasPrefix(req.URL.Path, "/2015-03-31/functions/") && strings.HasSuffix(req.URL.Path, "/configuration") {
			if l.refuse.Load() {
				l.refused.Add(1)
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("X-Amzn-Errortype", "AccessDeniedException")
				w.WriteHeader(http.StatusForbidden)
				_, _ = w.Write([]byte(`{"Message":"not authorized to perform: lambda:GetFunctionConfiguration"}`))
				return
			}
			l.answered.Add(1)
		}
		proxy.ServeHTTP(w, req)
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// TestFunctionLookupRefusedIsReadAgain: the catalog's stage whose Lambda
// errors are answered 200 trips while Lambda refuses
// GetFunctionConfiguration. Its incident is diagnosed from the function's
// default log group and marked as resting on incomplete evidence; once
// the lookup answers, the evidence is read again and the incident is no
// longer marked partial, diagnosed with the same cause.
func TestFunctionLookupRefusedIsReadAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	const api = "billing-masked-200" // fails from minute 35 for 10 minutes, trips at 40
	lr := &lambdaRefuser{}
	lr.refuse.Store(true)
	r := startCatalog(t, catalogSetup{
		faults: func(sc *scenario.Scenario) {
			reg := &sc.Accounts[0].Regions[0]
			reg.HTTPAPIs, reg.WebSocketAPIs = nil, nil
			for _, a := range reg.RestAPIs {
				if a.Name == api {
					reg.RestAPIs = []scenario.API{a}
				}
			}
			sc.Faults.ThrottleShare = 0
		},
		config: func(c *config.Config) {
			c.AWS.MaxBackoff = 5 * time.Millisecond
			c.AWS.EndpointURL = lr.front(t, c.AWS.EndpointURL)
		},
	})
	ctx := context.Background()
	partial := false
	for i := range 45 {
		if i == 42 {
			lr.refuse.Store(false)
		}
		r.poll(ctx)
		for _, inc := range r.d.opts.Incidents.Open() {
			partial = partial || inc.Info.EvidenceIncomplete
		}
	}
	if lr.refused.Load() == 0 {
		t.Fatal("no GetFunctionConfiguration was refused: the fault was not injected")
	}
	if !partial {
		t.Fatal("no open incident was ever marked as diagnosed from incomplete evidence after a refused function lookup")
	}
	if lr.answered.Load() == 0 {
		t.Fatal("the function was not looked up again once Lambda answered: the evidence was not read again")
	}
	eps := r.world.Episodes()
	if len(eps) != 1 || eps[0].APIName != api {
		t.Fatalf("episodes %+v, want only %s's", eps, api)
	}
	inc, ok := r.incidentOf(eps[0])
	if !ok {
		t.Fatal("no incident")
	}
	if d := inc.Info.Diagnosis; d.Cause != classifier.CauseLambdaErrorMaskedAs200 || inc.Info.EvidenceIncomplete {
		t.Errorf("diagnosed %s %s, evidence incomplete=%v; want %s from evidence read in full",
			d.Status, d.Cause, inc.Info.EvidenceIncomplete, classifier.CauseLambdaErrorMaskedAs200)
	}
	for _, e := range inc.Timeline {
		t.Logf("%s %s %s %s %q", e.At.Format(time.TimeOnly), e.Kind, e.Status, e.Cause, e.Note)
	}
}
