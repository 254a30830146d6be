package incident

import (
	"bytes"
	"fmt"
	"io"

	"github.com/apigw-triage/apigw-triage/graph"
)

// WriteGraph draws the incident's graph (5xx rate and latency at its
// statistic over its observed windows) as a PNG into w.
func (i *Incident) WriteGraph(w io.Writer) error {
	pts := make([]graph.Point, len(i.Series))
	for k, s := range i.Series {
		pts[k] = graph.Point{At: s.WindowEnd, ErrorRate: s.ErrorRate, Latency: s.Latency}
	}
	in := &i.Info
	title := in.APIName + " (" + in.APIID + ") / " + in.Stage
	return graph.PNG(w, graph.Input{
		Title: title, Points: pts, LatencyName: in.LatencyName(), OpenedAt: in.OpenedAt, ResolvedAt: in.ResolvedAt,
	})
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
