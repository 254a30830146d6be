package classifier

import (
	"fmt"
	"math"
	"strings"
)

// reliability counts answers and right answers (cause and status both) by
// confidence band, so that the test shows whether a confidence means what
// it says. Abstentions (cause unknown) get a row of their own: their
// confidence is near 0 and they are rarely "right" by the corpus's labels.
type reliability struct {
	bands          [10]struct{ n, right int }
	abstain, right int
}

func (r *reliability) count(d Diagnosis, ok bool) {
	if d.Cause == CauseUnknown {
		r.abstain++
		r.right += b2i(ok)
		return
	}
	b := min(9, int(math.Floor(d.Confidence*10+1e-9)))
	r.bands[b].n++
	r.bands[b].right += b2i(ok)
}

func (r *reliability) String() string {
	var sb strings.Builder
	for i, b := range r.bands {
		if b.n > 0 {
			fmt.Fprintf(&sb, "  %.1f: %d of %d right (%.0f%%);", float64(i)/10, b.right, b.n, pct(b.right, b.n))
		}
	}
	fmt.Fprintf(&sb, "  cause unknown: %d of %d right", r.right, r.abstain)
	return sb.String()
}
