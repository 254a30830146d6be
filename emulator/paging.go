package emulator

import (
	"encoding/base64"

	"slices"
	"strconv"
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// encodePageToken makes an opaque token for offset n of a listing of the
// given kind. Tokens of successive pages differ, as the SDK paginators'
// duplicate-token check requires.
func encodePageToken(kind string, n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + ":" + strconv.Itoa(n)))
}

// decodePageToken reverses encodePageToken; "" is offset 0, ok is false for
// a token the emulator did not issue for this kind of listing.
func decodePageToken(tok, kind string) (int, bool) {
	if tok == "" {
		return 0, true
	}
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return 0, false
	}
	k, num, found := strings.Cut(string(b), ":")
	n, err := strconv.Atoi(num)
	if !found || k != kind || err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// pageBounds returns the [from, to) window of a listing of n items and the
// token of the next page ("" on the last page).
func pageBounds(n, from, size int, kind string) (lo, hi int, next string) {
	lo, hi = min(from, n), min(from+size, n)
	if hi < n {
		next = encodePageToken(kind, hi)
	}
	return lo, hi, next
}

// pageSeries cuts the flattened datapoints of all series into the page that
// starts at point offset from and holds at most maxPoints points. A series
// cut by the page end is PartialData; the rest follows via NextToken.
func pageSeries(series []metricSeries, from, maxPoints int) *metricDataOutput {
	out := &metricDataOutput{}
	to := from + maxPoints
	total := 0
	for _, sr := range series {
		total += len(sr.Values)
	}
	pos := 0
	for _, sr := range series {
		qs, qe := pos, pos+len(sr.Values)
		pos = qe
		if !seriesInPage(qs, qe, from, to, total <= to) {
			continue
		}
		lo, hi := max(qs, from)-qs, min(qe, to)-qs
		r := metricDataResult{StatusCode: "Complete"}
		r.ID, r.Label = sr.ID, sr.Label
		r.Timestamps = sr.Timestamps[lo:hi]
		r.Values = sr.Values[lo:hi]
		if qe > to {
			r.StatusCode = "PartialData"
		}
		out.Results = append(out.Results, r)
	}
	if total > to {
		out.NextToken = encodePageToken("gmd", to)
	}
	return out
}

// seriesInPage: a series belongs to a page if its points overlap it; an
// empty series belongs to the page its position falls in, or to the last.
func seriesInPage(qs, qe, from, to int, last bool) bool {
	if qs == qe {
		return qs >= from && (qs < to || last)
	}
	return qs < to && qe > from
}

func sortDims(d []world.Dim) {
	slices.SortFunc(d, func(a, b world.Dim) int { return strings.Compare(a.Name, b.Name) })
}
