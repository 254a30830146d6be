package daemon

// lastRead is what the daemon remembers of a stage's evidence reads: the
// poll of the last one and how many reads in a row, up to it, were
// incomplete (some CloudWatch read failed). When the next read is due is
// derived from these two; whether the incident rests on incomplete
// evidence is the incident's own mark.
type lastRead struct {
	poll   int
	failed int
}

// recordRead remembers a stage's evidence read in this poll. A read in
// full resets the count of failed reads; one that failed in part adds to
// it, or starts it when the read was its incident's first (the stage had
// no open incident, so a count left by an earlier incident says nothing).
func (d *Daemon) recordRead(key string, first, incomplete bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	r := d.reads[key]
	switch {
	case !incomplete:
		r.failed = 0
	case first:
		r.failed = 1
	default:
		r.failed++
	}
	r.poll = d.polls
	d.reads[key] = r
}

// readDue says whether a stage's evidence is due to be read in this poll:
// at once if it never was, every polls after a read in full, and after
// failed reads in a row 1, 2, 4, ... polls after the last (see
// rereadGap). A permanent failure (AccessDenied on logs:StartQuery, a
// deleted log group) then costs a query every RediagnoseEvery polls, not
// every poll, while a throttling burst is read through a poll or two later.
func (d *Daemon) readDue(key string, every int) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	r, seen := d.reads[key]
	if !seen {
		return true
	}
	if r.failed > 0 {
		every = rereadGap(r.failed, d.opts.RediagnoseEvery)
	}
	return d.polls-r.poll >= every
}

// rereadGap is how many polls after the last of failed reads in a row the
// evidence is read again: twice as many after each, from 1, and never
// more than limit, the re-diagnosis interval a read in full waits.
func rereadGap(failed, limit int) int {
	gap := 1
	for i := 1; i < failed && gap < limit; i++ {
		gap *= 2
	}
	return max(min(gap, limit), 1)
}
