package graph

import (
	"time"

	"gonum.org/v1/plot"
)

// minuteTicks places the time axis' ticks on whole minutes (or hours), so
// a label "10:05" stands where it is 10:05; the default ticker puts them on
// round numbers of seconds since 1970, which fall mid-minute.
type minuteTicks struct{}

// steps are the tick spacings tried, smallest first.
var steps = []time.Duration{
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// maxTicks is the most labels the axis shows at the graph's width.
const maxTicks = 8

// Ticks implements plot.Ticker over seconds since 1970 (plot.UTCUnixTime).
func (minuteTicks) Ticks(lo, hi float64) []plot.Tick {
	from, to := fromUnix(lo), fromUnix(hi)
	step := (to.Sub(from) / maxTicks).Truncate(24*time.Hour) + 24*time.Hour // days, beyond the list
	for _, s := range steps {
		if to.Sub(from)/s <= maxTicks {
			step = s
			break
		}
	}
	layout := "15:04"
	if step >= 24*time.Hour {
		layout = "01-02"
	}
	var ticks []plot.Tick
	for t := from.Truncate(step); !t.After(to) && len(ticks) <= 4*maxTicks; t = t.Add(step) {
		if !t.Before(from) {
			ticks = append(ticks, plot.Tick{Value: unix(t), Label: t.Format(layout)})
		}
	}
	return ticks
}

func fromUnix(s float64) time.Time {
	return time.Unix(0, int64(s*1e9)).UTC()
}
