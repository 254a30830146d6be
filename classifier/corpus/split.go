// Package corpus decides which public source a real incident report belongs
// to and whether that source is held out from rule writing.
//
// The split is by source, not by case: two excerpts of one thread, or one
// AWS article in several languages, are one source and land on the same
// side. It is fixed by a hash of the normalised URL so nobody chooses it.
package corpus

import (
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"regexp"
	"strings"
)

// HeldOutPercent is the share of sources that rules are never written from.
const HeldOutPercent = 35

// Sides of the split, also the folder names under testdata/real.
const (
	Train   = "train"
	HeldOut = "heldout"
)

var (
	// Language segments AWS puts in front of the same article.
	langSegment = regexp.MustCompile(`^(ja|jp|ja_jp|ko|kr|ko_kr|cn|tw|zh-hant|zh-hans|zh_tw|zh_cn|pt|pt_br|es|es_es|fr|fr_fr|de|de_de|it|it_it|id|id_id|zh-tw|zh-cn|pt-br)$`)
	// Stack Overflow and re:Post question ids, without the title slug.
	questionPath = regexp.MustCompile(`^(/questions/[^/]+)`)
	// GitHub issue, pull request or discussion, without comment anchors or /files tabs.
	githubThread = regexp.MustCompile(`^(/[^/]+/[^/]+/(?:issues|pull|discussions)/\d+)`)
)

// Source returns the normalised identity of a report's URL: scheme, query,
// fragment, language segments, title slugs and trailing slashes dropped,
// host lower-cased without "www.".
func Source(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimSpace(raw))
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	var kept []string
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "" || langSegment.MatchString(strings.ToLower(seg)) {
			continue
		}
		kept = append(kept, seg)
	}
	path := "/" + strings.Join(kept, "/")
	// The same Knowledge Center article is also served under aws.amazon.com.
	if host == "aws.amazon.com" && strings.HasPrefix(path, "/premiumsupport/knowledge-center/") {
		host, path = "repost.aws", strings.TrimPrefix(path, "/premiumsupport")
	}
	switch {
	case host == "github.com":
		if m := githubThread.FindStringSubmatch(path); m != nil {
			path = m[1]
		}
		path = renamedRepo(strings.ToLower(path))
	case strings.HasSuffix(host, "stackoverflow.com"), strings.HasSuffix(host, "stackexchange.com"),
		host == "serverfault.com", host == "superuser.com", host == "repost.aws":
		if m := questionPath.FindStringSubmatch(path); m != nil {
			path = m[1]
		}
	}
	return host + strings.TrimSuffix(path, "/")
}

// renamedRepos are GitHub repositories the corpus cites that moved to
// another owner or name. GitHub keeps a renamed repository's issue numbers
// and redirects the old address, so both addresses are one thread and must
// land on one side of the split.
var renamedRepos = map[string]string{
	"/unjs/nitro/": "/nitrojs/nitro/",
	"/philips-labs/terraform-aws-github-runner/": "/github-aws-runners/terraform-aws-github-runner/",
}

// renamedRepo gives a lower-cased GitHub path under the repository's
// current name.
func renamedRepo(path string) string {
	for old, cur := range renamedRepos {
		if rest, ok := strings.CutPrefix(path, old); ok {
			return cur + rest
		}
	}
	return path
}

// Side tells whether a report from this URL is training or held out.
func Side(raw string) string {
	sum := sha256.Sum256([]byte(Source(raw)))
	if binary.BigEndian.Uint32(sum[:4])%100 < HeldOutPercent {
		return HeldOut
	}
	return Train
}
