package incident

import (
	"io"

	"github.com/apigw-triage/apigw-triage/graph"
)

// WriteGraph draws the incident's graph (5xx rate and p99 latency over its
// observed windows) as a PNG into w.
func (i *Incident) WriteGraph(w io.Writer) error {
	pts := make([]graph.Point, len(i.Series))
	for k, s := range i.Series {
		pts[k] = graph.Point{At: s.WindowEnd, ErrorRate: s.ErrorRate, LatencyP99: s.LatencyP99}
	}
	in := &i.Info
	title := in.APIName + " (" + in.APIID + ") / " + in.Stage
	return graph.PNG(w, graph.Input{Title: title, Points: pts, OpenedAt: in.OpenedAt, ResolvedAt: in.ResolvedAt})
}
