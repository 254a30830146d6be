package graph

import (
	"fmt"
	"image/color"
	"io"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// The picture's size in pixels: wide enough for a phone held sideways and
// for Slack's preview, small enough (tens of kilobytes) to upload at once.
const (
	Width  = 800
	Height = 500
)

// MaxPoints bounds the windows one graph draws; longer series keep their
// newest windows, so a render costs the same however long the incident ran.
const MaxPoints = 500

// maxTitle bounds the title in characters: a stage name an AWS user chose
// may be of any length.
const maxTitle = 90

// Point is the figures of one polled window.
type Point struct {
	At        time.Time // the window's end
	ErrorRate float64   // 0..1
	Latency   time.Duration
}

// Input is what one graph shows.
type Input struct {
	// Title names the stage; it is escaped and cut, never trusted.
	Title  string
	Points []Point
	// LatencyName is the statistic of the points' latency ("p99" when empty).
	LatencyName string
	// RateName names the error rate's panel ("5xx rate" when empty): a
	// WebSocket stage's errors are no 5xx responses.
	RateName string
	// OpenedAt and ResolvedAt, when set, are marked with vertical lines.
	OpenedAt, ResolvedAt time.Time
}

// PNG renders the graph of in as a Width x Height PNG into w.
func PNG(w io.Writer, in Input) error {
	pts := bound(in.Points)
	if len(pts) == 0 {
		return fmt.Errorf("graph: no polled windows to draw")
	}
	rate, err := panel(rateName(in)+" (%)", pts, func(p Point) float64 { return p.ErrorRate * 100 }, in)
	if err != nil {
		return err
	}
	rate.Title.Text = textsafe.Cut(in.Title, maxTitle)
	lat, err := panel(latencyName(in)+" latency (ms)", pts, func(p Point) float64 { return float64(p.Latency.Milliseconds()) }, in)
	if err != nil {
		return err
	}
	lat.X.Label.Text = "time (UTC)"
	img := vgimg.NewWith(vgimg.UseWH(Width*vg.Inch/96, Height*vg.Inch/96), vgimg.UseDPI(96))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadTop: 4, PadBottom: 4, PadLeft: 4, PadRight: 8, PadY: 8}
	cs := plot.Align([][]*plot.Plot{{rate}, {lat}}, tiles, dc)
	rate.Draw(cs[0][0])
	lat.Draw(cs[1][0])
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(w); err != nil {
		return fmt.Errorf("graph: write png: %w", err)
	}
	return nil
}

// latencyName is the latency statistic the title names, cut like any text
// that came from outside.
func latencyName(in Input) string {
	if in.LatencyName == "" {
		return "p99"
	}
	return textsafe.Cut(in.LatencyName, 8)
}

// rateName is the error rate panel's name.
func rateName(in Input) string {
	if in.RateName == "" {
		return "5xx rate"
	}
	return textsafe.Cut(in.RateName, 40)
}

// bound keeps the newest MaxPoints points.
func bound(pts []Point) []Point {
	return pts[max(0, len(pts)-MaxPoints):]
}

// panel is one plot: a line of the figure y over time, the incident's
// opening and resolution marked.
func panel(label string, pts []Point, y func(Point) float64, in Input) (*plot.Plot, error) {
	p := plot.New()
	p.Y.Label.Text = label
	p.Y.Min = 0
	p.X.Tick.Marker = minuteTicks{}
	xys := make(plotter.XYs, len(pts))
	top := 0.0
	for i, pt := range pts {
		xys[i] = plotter.XY{X: unix(pt.At), Y: y(pt)}
		top = max(top, xys[i].Y)
	}
	line, dots, err := plotter.NewLinePoints(xys)
	if err != nil {
		return nil, fmt.Errorf("graph: %s: %w", label, err)
	}
	line.Color = color.RGBA{R: 200, G: 30, B: 30, A: 255}
	dots.Radius = vg.Points(2) // one window alone still shows
	dots.Color = line.Color
	p.Add(plotter.NewGrid(), line, dots)
	p.X.Min, p.X.Max = span(pts, in)
	p.Y.Max = max(top*1.1, 1)
	mark(p, in.OpenedAt, p.Y.Max, color.RGBA{R: 230, G: 140, B: 0, A: 255})
	mark(p, in.ResolvedAt, p.Y.Max, color.RGBA{G: 140, B: 60, A: 255})
	return p, nil
}

// minSpan is the narrowest time axis: a graph of one or two windows
// still reads as minutes, not as one tick repeated.
const minSpan = 10 * time.Minute

// span is the time axis: the points and the marked opening and
// resolution, widened to minSpan around its middle.
func span(pts []Point, in Input) (lo, hi float64) {
	first, last := pts[0].At, pts[len(pts)-1].At
	for _, t := range []time.Time{in.OpenedAt, in.ResolvedAt} {
		if !t.IsZero() && t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if d := last.Sub(first); d < minSpan {
		first = first.Add(-(minSpan - d) / 2)
		last = first.Add(minSpan)
	}
	return unix(first), unix(last)
}

// mark draws a dashed vertical line at t (nothing for the zero time).
func mark(p *plot.Plot, t time.Time, top float64, c color.Color) {
	if t.IsZero() {
		return
	}
	l, err := plotter.NewLine(plotter.XYs{{X: unix(t), Y: 0}, {X: unix(t), Y: top}})
	if err != nil {
		return // only non-finite values fail, and unix never gives one
	}
	l.Color = c
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l)
}

// unix is t in seconds, the unit plot.UTCUnixTime ticks read.
func unix(t time.Time) float64 {
	return float64(t.UnixNano()) / 1e9
}
