package incident

import (
	"bytes"
	"image/png"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/stage"
)

func TestSeriesOnePointPerWindowBounded(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	var inc Incident
	for k := range maxSeries + 50 {
		end := t0.Add(time.Duration(k) * time.Minute)
		inc.addSample(Observation{Figures: stage.Figures{WindowEnd: end, ErrorRate: 0.1, Latency: time.Second}})
		// A re-read of the same window replaces its figures.
		inc.addSample(Observation{Figures: stage.Figures{WindowEnd: end, ErrorRate: 0.2, Latency: time.Second}})
	}
	inc.addSample(Observation{Figures: stage.Figures{WindowEnd: t0, ErrorRate: 0.9}}) // older: ignored
	if len(inc.Series) != maxSeries {
		t.Fatalf("kept %d samples, want %d", len(inc.Series), maxSeries)
	}
	last := inc.Series[maxSeries-1]
	if want := t0.Add(time.Duration(maxSeries+49) * time.Minute); !last.WindowEnd.Equal(want) || last.ErrorRate != 0.2 {
		t.Fatalf("last sample %+v, want window end %v with the re-read rate 0.2", last, want)
	}
}

func TestLifecycleKeepsSeriesAndGraphs(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	obs := Observation{Identity: stage.Identity{Key: "a/r/id/prod", APIName: "orders", APIID: "id", Stage: "prod"}, Tripped: true}
	var inc *Incident
	for k := range 5 {
		obs.WindowEnd = t0.Add(time.Duration(k) * time.Minute)
		obs.ErrorRate = float64(k) / 10
		d := decide(inc, obs, obs.WindowEnd, Rules{})
		if d.next != nil {
			inc = d.next
		}
	}
	if len(inc.Series) != 5 || inc.Series[4].ErrorRate != 0.4 {
		t.Fatalf("series %+v, want the 5 observed windows", inc.Series)
	}
	var buf bytes.Buffer
	if err := inc.WriteGraph(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Fatalf("graph is not a PNG: %v", err)
	}
}

func TestManagerGraphByID(t *testing.T) {
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, filepath.Join(t.TempDir(), "s.db"), clk)
	t.Cleanup(func() { _ = st.Close() })
	obs := Observation{Identity: stage.Identity{Key: "a/r/REST/id/prod", APIName: "orders", APIID: "id", Stage: "prod"},
		Figures: stage.Figures{ErrorRate: 0.5, Errors5xx: 5, Requests: 10, WindowEnd: t0}, Tripped: true}
	tr := observeAt(t, m, clk, 0, obs)
	b, err := m.Graph(tr.Incident.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("graph is not a PNG: %v", err)
	}
	if _, err := m.Graph("inc-unknown"); err == nil {
		t.Error("an unknown incident has a graph")
	}
}
