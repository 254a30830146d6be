package corpus

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Filed is a case filed in the corpus: its file and the URL its
// "# source:" line cites.
type Filed struct{ File, URL string }

// FiledForm is the URL form a source's filed cases use, which a new case
// from the source must cite so that it lands on their side: the form (by
// Key) most of them cite; on a tie a training form, since rules may have
// been written from its text and the source can no longer be held out;
// then the first URL in order. It is "" for no cases.
func FiledForm(cases []Filed) string {
	count := map[string]int{}
	for _, c := range cases {
		count[Key(c.URL)]++
	}
	best := ""
	for _, c := range cases {
		if best == "" || betterForm(c.URL, best, count) {
			best = c.URL
		}
	}
	return best
}

func betterForm(a, b string, count map[string]int) bool {
	if ca, cb := count[Key(a)], count[Key(b)]; ca != cb {
		return ca > cb
	}
	if sa, sb := Side(a), Side(b); sa != sb {
		return sa == Train
	}
	return a < b
}

// Parted is a source whose cases sit on two sides of the split, cited in
// URL forms whose keys hash apart.
type Parted struct {
	Source string
	Form   string  // the form the existing cases use (FiledForm)
	Strays []Filed // the cases whose form lands on the other side
}

func (p Parted) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "source %s sits on both sides: the existing cases cite it as %s (%s); cite these in that form too:",
		p.Source, p.Form, Side(p.Form))
	for _, c := range p.Strays {
		fmt.Fprintf(&b, "\n\t%s cites %s (%s)", c.File, c.URL, Side(c.URL))
	}
	return b.String()
}

// PartedSources gives, in the order of their Source, the sources whose
// cases sit on more than one side: one source split between training and
// held out leaks the text rules were written from into the measurement.
func PartedSources(cases []Filed) []Parted {
	bySource := map[string][]Filed{}
	for _, c := range cases {
		s := Source(c.URL)
		bySource[s] = append(bySource[s], c)
	}
	var parted []Parted
	for _, s := range slices.Sorted(maps.Keys(bySource)) {
		group := bySource[s]
		form := FiledForm(group)
		p := Parted{Source: s, Form: form}
		for _, c := range group {
			if Side(c.URL) != Side(form) {
				p.Strays = append(p.Strays, c)
			}
		}
		if len(p.Strays) > 0 {
			parted = append(parted, p)
		}
	}
	return parted
}
