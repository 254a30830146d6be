package corpus

import (
	"net/url"
	"regexp"
	"strings"
)

// Key is the identity a report's side is hashed from. It is the
// normalisation the split began with, kept as it was so that every URL
// keeps the side it was filed on: a wider identity hashed would move cases
// already read for rules into the held-out part and cases never read out
// of it. Source, which joins more URL forms of one page, tells which cases
// are one source; the corpus cites each source in one form (TestRealReports
// checks that its cases share a side), so Key needs to join no more.
//
// Key drops scheme, query, fragment, language segments, title slugs and
// trailing slashes, and lower-cases the host without "www.".
func Key(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimSpace(raw))
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	var kept []string
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "" || keyLangSegment.MatchString(strings.ToLower(seg)) {
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
		if m := keyGithubThread.FindStringSubmatch(path); m != nil {
			path = m[1]
		}
		path = keyRenamedRepo(strings.ToLower(path))
	case strings.HasSuffix(host, "stackoverflow.com"), strings.HasSuffix(host, "stackexchange.com"),
		host == "serverfault.com", host == "superuser.com", host == "repost.aws":
		if m := keyQuestionPath.FindStringSubmatch(path); m != nil {
			path = m[1]
		}
	}
	return host + strings.TrimSuffix(path, "/")
}

var (
	// Language segments AWS puts in front of the same article.
	keyLangSegment = regexp.MustCompile(`^(ja|jp|ja_jp|ko|kr|ko_kr|cn|tw|zh-hant|zh-hans|zh_tw|zh_cn|pt|pt_br|es|es_es|fr|fr_fr|de|de_de|it|it_it|id|id_id|zh-tw|zh-cn|pt-br)$`)
	// Stack Overflow and re:Post question ids, without the title slug.
	keyQuestionPath = regexp.MustCompile(`^(/questions/[^/]+)`)
	// GitHub issue, pull request or discussion, without comment anchors or /files tabs.
	keyGithubThread = regexp.MustCompile(`^(/[^/]+/[^/]+/(?:issues|pull|discussions)/\d+)`)
)

// keyRenamedRepos are the renamed GitHub repositories the split's key
// joined from the start (see renamedRepos for the ones Source joins).
var keyRenamedRepos = map[string]string{
	"/unjs/nitro/": "/nitrojs/nitro/",
	"/philips-labs/terraform-aws-github-runner/": "/github-aws-runners/terraform-aws-github-runner/",
}

// keyRenamedRepo gives a lower-cased GitHub path under the repository's
// current name.
func keyRenamedRepo(path string) string {
	for old, cur := range keyRenamedRepos {
		if rest, ok := strings.CutPrefix(path, old); ok {
			return cur + rest
		}
	}
	return path
}
