package incident

import (
	"bytes"
	"fmt"
	"io"

	"github.com/apigw-triage/apigw-triage/graph"
	"github.com/apigw-triage/apigw-triage/stage"
)

// WriteGraph draws the incident's graph (5xx rate and latency at its
// statistic over its observed windows) as a PNG into w.
func (i *Incident) WriteGraph(w io.Writer) error {
	return graph.PNG(w, i.graphInput())
}

// graphInput is what the incident's graph shows. A WebSocket stage's rate
// is of integration and execution errors over connects and messages, not
// of 5xx responses, and its panel says so.
func (i *Incident) graphInput() graph.Input {
	pts := make([]graph.Point, len(i.Series))
	for k, s := range i.Series {
		pts[k] = graph.Point{At: s.WindowEnd, ErrorRate: s.ErrorRate, Latency: s.Latency}
	}
	in := &i.Info
	g := graph.Input{
		Title: in.APIName + " (" + in.APIID + ") / " + in.Stage, Points: pts,
		LatencyName: in.LatencyName(), OpenedAt: in.OpenedAt, ResolvedAt: in.ResolvedAt,
	}
	if in.APIType == stage.APIWebSocket {
		g.RateName = "error rate"
	}
	return g
}

// Graph draws the graph of an open or recent incident as a PNG, for a sink
// to upload.
func (m *Manager) Graph(id string) ([]byte, error) {
	list, err := m.list("all")
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			var buf bytes.Buffer
			err := list[i].WriteGraph(&buf)
			return buf.Bytes(), err
		}
	}
	return nil, fmt.Errorf("incident %s: not open or recent", id)
}
