package incident

import "time"

// maxSeries bounds the observed windows an incident keeps for its graph:
// three hours of one-minute polls, a few kilobytes in the stored record.
const maxSeries = 180

// Sample is the figures of one observed window, as the graph of the
// incident draws them.
type Sample struct {
	WindowEnd time.Time `json:"window_end"`
	Requests  float64   `json:"requests"`
	Errors5xx float64   `json:"errors_5xx"`
	ErrorRate float64   `json:"error_rate"`
	// Latency is at the incident's latency statistic (Figures.LatencyName);
	// stored records keep the key earlier versions wrote.
	Latency time.Duration `json:"latency_p99"`
}

// addSample records an observed window. A poll that re-read the same
// window replaces its sample, so the series has one point per window; the
// oldest samples go beyond maxSeries.
func (i *Incident) addSample(obs Observation) {
	s := Sample{
		WindowEnd: obs.WindowEnd, Requests: obs.Requests, Errors5xx: obs.Errors5xx,
		ErrorRate: obs.ErrorRate, Latency: obs.Latency,
	}
	if n := len(i.Series); n > 0 && !i.Series[n-1].WindowEnd.Before(s.WindowEnd) {
		if i.Series[n-1].WindowEnd.Equal(s.WindowEnd) {
			i.Series[n-1] = s
		}
		return // an older window than the last one adds nothing to the line
	}
	i.Series = append(i.Series, s)
	if n := len(i.Series); n > maxSeries {
		i.Series = append([]Sample(nil), i.Series[n-maxSeries:]...)
	}
}
