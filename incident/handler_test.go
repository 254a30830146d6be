package incident

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/notifier"
)

type listing struct {
	Incidents []struct {
		ID        string `json:"id"`
		State     string `json:"state"`
		Stage     string `json:"stage"`
		Diagnosis struct {
			Status           string   `json:"status"`
			Cause            string   `json:"cause"`
			Evidence         []string `json:"evidence"`
			RequestIDs       []string `json:"request_ids"`
			RemediationTitle string   `json:"remediation_title"`
		} `json:"diagnosis"`
		Timeline      []map[string]any      `json:"timeline"`
		Notifications map[string]SinkStatus `json:"notifications"`
	} `json:"incidents"`
}

func TestIncidentsHandler(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk, "fake")
	defer st.Close()
	prod := stageObs("prod", true)
	prod.Diagnosis.RequestIDs = []string{"req-1"}
	prod.Diagnosis.Remediation.Title = "Fix the function"
	observeAt(t, m, clk, 0, prod)
	observeAt(t, m, clk, time.Minute, stageObs("beta", true))
	observeAt(t, m, clk, 2*time.Minute, stageObs("beta", false))

	// prod's opened is refused for good; beta's two events wait.
	sink := &fakeSink{notify: func(d *notifier.Delivery) (bool, error) {
		if d.Event.Snapshot.Stage == "prod" {
			return false, errors.New(`Post "https://hooks.slack.com/services/T/B/SECRETPATH": channel_not_found`)
		}
		return true, errors.New("503")
	}}
	d := newTestDispatcher(t, st, sink, &sleepClock{now: t0}, prometheus.NewRegistry())
	runUntil(t, d, func() bool { return len(sink.delivered()) >= 2 })

	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	tests := []struct {
		query      string
		code       int
		wantStages []string
	}{
		{"", 200, []string{"beta", "prod"}},
		{"?state=all", 200, []string{"beta", "prod"}},
		{"?state=open", 200, []string{"prod"}},
		{"?state=resolved", 200, []string{"beta"}},
		{"?state=bogus", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.code || resp.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("status %d %q, want %d JSON", resp.StatusCode, resp.Header.Get("Content-Type"), tt.code)
			}
			var l listing
			if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
				t.Fatal(err)
			}
			var stages []string
			for _, inc := range l.Incidents {
				stages = append(stages, inc.Stage)
			}
			if strings.Join(stages, ",") != strings.Join(tt.wantStages, ",") {
				t.Errorf("stages %v, want %v", stages, tt.wantStages)
			}
		})
	}

	resp, err := http.Get(srv.URL + "?state=all")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var l listing
	if err := json.Unmarshal(raw, &l); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "SECRETPATH") {
		t.Errorf("a webhook path reached /api/incidents: %s", raw)
	}
	beta, prodv := l.Incidents[0], l.Incidents[1]
	if got := prodv.Notifications["fake"]; got.Failed != 1 || got.Pending != 0 || got.LastError == "" {
		t.Errorf("prod notifications %+v, want one failed with its error", got)
	}
	if got := beta.Notifications["fake"]; got.Pending != 2 || got.Delivered != 0 {
		t.Errorf("beta notifications %+v, want two pending", got)
	}
	if prodv.Diagnosis.Status != "502" || prodv.Diagnosis.Cause != classifier.CauseLambdaFunctionError.String() ||
		prodv.Diagnosis.RemediationTitle != "Fix the function" || len(prodv.Diagnosis.RequestIDs) != 1 {
		t.Errorf("prod diagnosis %+v", prodv.Diagnosis)
	}
	if len(beta.Timeline) != 2 || beta.Timeline[1]["kind"] != "resolved" {
		t.Errorf("beta timeline %v", beta.Timeline)
	}
}

// TestDiagnosisViewJitter: /api/incidents names the backoff's jitter in the
// vocabulary classifier.BackoffHint documents, "full" or "none", also for
// an incident opened before its diagnosis (the zero one).
func TestDiagnosisViewJitter(t *testing.T) {
	tests := []struct {
		name string
		in   classifier.BackoffHint
		want string
	}{
		{"being diagnosed", classifier.BackoffHint{}, "none"},
		{"not retryable", classifier.BackoffHint{Jitter: "none"}, "none"},
		{"retryable", classifier.BackoffHint{Retryable: true, InitialMS: 200, Jitter: "full"}, "full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := json.Marshal(diagnosis(classifier.Diagnosis{Backoff: tt.in}))
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Backoff struct {
					Jitter string `json:"jitter"`
				} `json:"backoff"`
			}
			if err := json.Unmarshal(raw, &v); err != nil {
				t.Fatal(err)
			}
			if v.Backoff.Jitter != tt.want {
				t.Errorf("jitter %q, want %q: %s", v.Backoff.Jitter, tt.want, raw)
			}
		})
	}
}

// TestIncidentsHandlerDiagnosing: a script can tell an incident whose logs
// are still being read from one whose evidence names no cause; both show
// cause unknown.
func TestIncidentsHandlerDiagnosing(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
	defer st.Close()
	pending := stageObs("pending", true)
	pending.Diagnosis = nil
	observeAt(t, m, clk, 0, pending)
	named := stageObs("named", true)
	named.Diagnosis = &classifier.Diagnosis{Status: classifier.StatusUnknown, Cause: classifier.CauseUnknown}
	observeAt(t, m, clk, time.Minute, named)
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var l struct {
		Incidents []struct {
			Stage      string `json:"stage"`
			Diagnosing bool   `json:"diagnosing"`
		} `json:"incidents"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, inc := range l.Incidents {
		got[inc.Stage] = inc.Diagnosing
	}
	if len(got) != 2 || !got["pending"] || got["named"] {
		t.Errorf("diagnosing per stage %v, want pending only", got)
	}
}
