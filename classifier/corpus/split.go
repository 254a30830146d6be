// Package corpus decides which public source a real incident report belongs
// to and whether that source is held out from rule writing.
//
// The split is by source, not by case: two excerpts of one thread, one AWS
// article in several languages, or one repository file cited at two
// commits are one source and land on the same side. The side is fixed by
// a hash of a stable key of the URL (Key) so nobody chooses it and no
// change to Source moves a case; the corpus cites every case of one
// source in the URL form its first cases were filed under, so that one
// source has one key.
//
// Where two URL forms name one page, Source gives them one identity; where
// unsure, it rather joins two pages than parts one, since a source parted
// between the sides leaks training text into the held-out measurement,
// while a joined pair costs only a little of the split's granularity.
package corpus

import (
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"strings"
)

// HeldOutPercent is the share of sources that rules are never written from.
const HeldOutPercent = 35

// Sides of the split, also the folder names under testdata/real.
const (
	Train   = "train"
	HeldOut = "heldout"
)

// Source returns the normalised identity of a report's URL: host
// lower-cased without "www." and a default port, scheme, fragment, trailing
// slashes and index pages dropped, a query kept only where it selects the
// page, and each site's own forms of one page reduced to one (see
// siteForms).
func Source(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimSpace(raw))
	}
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	host = strings.TrimPrefix(unproxied(host), "www.")
	segs := pathSegments(u.Path)
	host, segs = unmirrored(host, segs)
	if n := len(segs); n > 0 && isIndexPage(segs[n-1]) {
		segs = segs[:n-1]
	}
	host, segs, structured := siteForms(host, segs)
	id := host + "/" + strings.Join(segs, "/")
	if !structured {
		if q := pageQuery(u.Query(), segs); q != "" {
			id += "?" + q
		}
	}
	return aliased(strings.TrimSuffix(id, "/"))
}

// unmirrored gives the Stack Exchange site a mirror copies questions from,
// under their own numbers: one that puts the site's host first in its path
// (gamingcommission.club/www.stackoverflow.com/questions/N), and
// stackoverflow.org.cn's machine translations (ja.stackoverflow.org.cn/
// questions/N). A copy of a question is the question.
func unmirrored(host string, segs []string) (string, []string) {
	if len(segs) > 1 {
		if h := strings.TrimPrefix(strings.ToLower(segs[0]), "www."); isStackExchange(h) {
			return h, segs[1:]
		}
	}
	if host == "stackoverflow.org.cn" || strings.HasSuffix(host, ".stackoverflow.org.cn") {
		return "stackoverflow.com", segs
	}
	return host, segs
}

// unproxied gives the host a rewriting proxy stands for: Netskope's
// rproxy.goskope.com serves docs.aws.amazon.com as
// docs---aws.amazon.com.rproxy.goskope.com, the original host's first dot
// written "---" and the proxy's domain appended.
func unproxied(host string) string {
	if h, ok := strings.CutSuffix(host, ".rproxy.goskope.com"); ok {
		return strings.Replace(h, "---", ".", 1)
	}
	return host
}

// pathSegments splits a decoded path into its non-empty segments, so that
// doubled and trailing slashes name the same page.
func pathSegments(path string) []string {
	var segs []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// isIndexPage tells a folder's index page, which web servers also serve
// at the folder's own address.
func isIndexPage(seg string) bool {
	seg = strings.ToLower(seg)
	return seg == "index.html" || seg == "index.htm"
}

// Side tells whether a report from this URL is training or held out, by a
// hash of its Key. Two URL forms of one Source may hash apart: cite a
// source in the form already filed (see Filed).
func Side(raw string) string {
	sum := sha256.Sum256([]byte(Key(raw)))
	if binary.BigEndian.Uint32(sum[:4])%100 < HeldOutPercent {
		return HeldOut
	}
	return Train
}
