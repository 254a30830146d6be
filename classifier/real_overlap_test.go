package classifier

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"testing"
)

// Two reports on opposite sides that share long evidence lines may tell
// one incident twice under two sources no URL form joins (a note moved or
// archived in its repository, a post republished, one project's notes
// written twice): the training copy would leak the held-out one's
// evidence into rule writing. A line is shared when two reports alone
// hold it (a line three reports hold is a tool's boilerplate); a pair is a
// suspect when it shares two such lines, or half the long lines of the
// shorter report (a report of one or two long lines repeated whole).
const sharedLineMin = 40

// distinctCrossPairs are the suspects a reader compared whole and found to
// be two incidents (one tool's standard output, one repository's notes of
// different failures, one bug met by two reporters), each named by
// crossPairKey so that no held-out file is named here.
var distinctCrossPairs = map[string]bool{
	"22732153d5f3": true,
	"9e2bdbc59918": true,
	"01986b6ad0bd": true,
	"07975537693a": true,
	"5169d37cfe8d": true,
	"84a021af213f": true,
	"8f3245e8a520": true,
	"151f1fd27124": true,
	"3561fe940695": true,
	"3568f87ea329": true,
	"5a593633b86c": true,
	"b95fffa9bd6c": true,
	"bd7e95381f9e": true,
	"fdc41432fde2": true,
	"ecbc9bb70ee2": true,
	"85d0f5a47661": true,
	"7dd5c2159bf4": true,
	"a23ea77d7478": true,
}

// crossPairKey names a pair of reports by a hash of their file names.
func crossPairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	sum := sha256.Sum256([]byte(a + "\n" + b))
	return hex.EncodeToString(sum[:6])
}

// TestRealReportsShareNoIncidentAcrossSides fails on a suspect no reader
// has compared: compare the two reports, delete the later-filed one if
// they tell one incident, else add the pair's key to distinctCrossPairs.
func TestRealReportsShareNoIncidentAcrossSides(t *testing.T) {
	cases := loadRealCases(t)
	holders := map[string][]int{}
	longLines := make([]int, len(cases))
	for i, c := range cases {
		seen := map[string]bool{}
		for _, l := range bytes.Split(c.excerpt, []byte("\n")) {
			l = bytes.TrimSpace(bytes.TrimLeft(bytes.TrimSpace(l), ">-*|` "))
			if k := string(l); len(l) >= sharedLineMin && !seen[k] {
				seen[k] = true
				longLines[i]++
				holders[k] = append(holders[k], i)
			}
		}
	}
	shared := map[[2]int]int{}
	for _, h := range holders {
		if len(h) == 2 && cases[h[0]].side != cases[h[1]].side {
			shared[[2]int{h[0], h[1]}]++
		}
	}
	var suspects []string
	for p, n := range shared {
		a, b := cases[p[0]].file, cases[p[1]].file
		shorter := min(longLines[p[0]], longLines[p[1]])
		if key := crossPairKey(a, b); (n >= 2 || 2*n >= shorter) && !distinctCrossPairs[key] {
			suspects = append(suspects, key+": "+a+" and "+b)
		}
	}
	sort.Strings(suspects)
	for _, s := range suspects {
		t.Errorf("reports on both sides share evidence lines (compare them; see distinctCrossPairs): %s", s)
	}
}
