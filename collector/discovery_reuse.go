package collector

import "reflect"

// unchanged is a region's previous discovery by stage key. A refresh
// keeps the previous value of every stage that has not changed, so the
// strings, slices and maps it has just built for that stage are garbage at
// once instead of living beside the previous picture until the refresh
// ends: at 2000 stages that halves what a refresh holds live. Sharing is
// safe because nothing changes a discovered stage in place (every poll
// already shares the cached picture; evidence resolves functions into a
// copy).
type unchanged map[string]*Stage

// previous indexes the region's cached discovery; nil before the first.
func (c *Collector) previous(r *region) unchanged {
	c.mu.Lock()
	d := c.disc[r.id()]
	c.mu.Unlock()
	if d == nil {
		return nil
	}
	prev := make(unchanged, len(d.stages))
	for i := range d.stages {
		prev[d.stages[i].Key] = &d.stages[i]
	}
	return prev
}

// keep replaces each stage equal to its previous value by that value.
func (u unchanged) keep(stages []Stage) []Stage {
	for i := range stages {
		if old, ok := u[stages[i].Key]; ok && reflect.DeepEqual(*old, stages[i]) {
			stages[i] = *old
		}
	}
	return stages
}
