package incident

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestPageAndAPINameTheFailedReads: while an incident's diagnosis lacks
// its function lookup, the incident page says what that costs the
// diagnosis (escaped as HTML, like the rest of the page) and
// /api/incidents lists the read; once a read is complete, neither does.
func TestPageAndAPINameTheFailedReads(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
	defer st.Close()
	srv := httptest.NewServer(pageMux(m))
	defer srv.Close()
	sentence := notifier.Label(classifier.LangEN, notifier.IncompleteReadLabel(stage.ReadFunctions))
	mayChange := notifier.Label(classifier.LangEN, notifier.LabelIncompleteMayChange)

	observeAt(t, m, clk, 0, lacking(tripped(0.5, diag(classifier.StatusUnknown, classifier.CauseUnknown)), stage.ReadFunctions))
	page := getBody(t, srv.URL+"/")
	for _, want := range []string{html.EscapeString(sentence), html.EscapeString(mayChange)} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if got := listedReads(t, srv.URL); !slices.Equal(got, []stage.Read{stage.ReadFunctions}) {
		t.Errorf("/api/incidents lists reads %v, want [functions]", got)
	}

	observeAt(t, m, clk, time.Minute, tripped(0.5, diag(classifier.Status502, classifier.CauseLambdaFunctionError)))
	if page = getBody(t, srv.URL+"/"); strings.Contains(page, html.EscapeString(sentence)) {
		t.Error("the page still names the function lookup after a read in full")
	}
	if got := listedReads(t, srv.URL); got != nil {
		t.Errorf("/api/incidents lists reads %v after a read in full", got)
	}
}

func pageMux(m *Manager) http.Handler {
	mx := http.NewServeMux()
	mx.Handle("/api/incidents", m.Handler())
	mx.Handle("/", m.Page())
	return mx
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(b)
}

// listedReads is the one incident's incomplete_reads in /api/incidents;
// it fails the test unless evidence_incomplete agrees.
func listedReads(t *testing.T, base string) []stage.Read {
	t.Helper()
	var body struct {
		Incidents []struct {
			EvidenceIncomplete bool         `json:"evidence_incomplete"`
			IncompleteReads    []stage.Read `json:"incomplete_reads"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/incidents")), &body); err != nil || len(body.Incidents) != 1 {
		t.Fatalf("/api/incidents: %d incidents, %v", len(body.Incidents), err)
	}
	i := body.Incidents[0]
	if i.EvidenceIncomplete != (len(i.IncompleteReads) > 0) {
		t.Errorf("/api/incidents: evidence_incomplete=%v with reads %v", i.EvidenceIncomplete, i.IncompleteReads)
	}
	return i.IncompleteReads
}
