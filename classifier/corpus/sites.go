package corpus

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// siteForms reduces the URL forms a site gives one page to one. structured
// is true for sites whose query never selects the page (GitHub's ?plain=1,
// Stack Overflow's ?answertab=), so the caller drops it whole.
func siteForms(host string, segs []string) (string, []string, bool) {
	switch {
	case host == "github.com" || host == "raw.githubusercontent.com":
		segs = githubForms(host, lowerAll(segs))
		if site, post, ok := pagesPostFile(segs); ok {
			return site, post, true
		}
		if slug, ok := zennArticleFile(segs); ok {
			return "zenn.dev", []string{"articles", slug}, true
		}
		return "github.com", segs, true
	case host == "zenn.dev" && len(segs) == 3 && segs[1] == "articles":
		return host, []string{"articles", strings.ToLower(segs[2])}, true
	case strings.HasSuffix(host, ".github.io") && len(segs) > 0:
		return host, []string{"post", postSlug(segs[len(segs)-1])}, true
	case host == "gist.github.com" || host == "gist.githubusercontent.com":
		return "gist.github.com", gistForms(segs), true
	case isAWSHost(host):
		host, segs = awsForms(host, segs)
		return host, segs, true
	case isStackExchange(host):
		return host, questionForms(segs), true
	case host == "dev.to":
		return host, devToForms(segs), true
	case host == "medium.com" || strings.HasSuffix(host, ".medium.com"):
		if id := mediumPostID(segs); id != "" {
			return "medium.com", []string{"p", id}, true
		}
		return host, segs, true
	}
	// Sites that put the article's language first (/en/blog/x, /de/blog/x)
	// serve one article in several languages.
	if len(segs) > 1 && isLanguage(segs[0]) {
		segs = segs[1:]
	}
	return host, segs, false
}

// A GitHub Pages user site (<owner>.github.io) is built from the repository
// of that name, and Jekyll, its default generator, builds each post from
// _posts/YYYY-MM-DD-<slug>.<ext> at a permalink whose last segment is
// <slug> (/:categories/:title/, /:year/:month/:day/:title.html): the
// post's page and its file are one source, named <site>/post/<slug>. A
// site's other page ending in the same segment joins it, which parts
// nothing.
var postDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)

// pagesPostFile gives the page of a Jekyll post's file in a user site's
// repository (<owner>/<owner>.github.io, blob, _posts, <file>).
func pagesPostFile(segs []string) (string, []string, bool) {
	if len(segs) != 4 || segs[1] != "blob" || segs[2] != "_posts" {
		return "", nil, false
	}
	_, repo, _ := strings.Cut(segs[0], "/")
	if !strings.HasSuffix(repo, ".github.io") {
		return "", nil, false
	}
	return repo, []string{"post", postSlug(segs[3])}, true
}

// postSlug is a post's slug from its file name or its page's last segment:
// lower-cased, without the file's date and without any extension
// (.md, .html, .org.html).
func postSlug(seg string) string {
	seg = postDate.ReplaceAllString(strings.ToLower(seg), "")
	slug, _, _ := strings.Cut(seg, ".")
	return slug
}

// Zenn publishes an article from a linked GitHub repository's
// articles/<slug>.md, its slug 12 to 50 of [a-z0-9_-], at
// zenn.dev/<user>/articles/<slug>: the page and the file are one source,
// named zenn.dev/articles/<slug> (two users' articles of one slug join,
// which parts nothing).
var zennSlug = regexp.MustCompile(`^[a-z0-9_-]{12,50}$`)

// zennArticleFile gives the slug of a Zenn article's file in its
// repository (<owner>/<repo>, blob, articles, <slug>.md).
func zennArticleFile(segs []string) (string, bool) {
	if len(segs) != 4 || segs[1] != "blob" || segs[2] != "articles" {
		return "", false
	}
	slug, ok := strings.CutSuffix(segs[3], ".md")
	return slug, ok && zennSlug.MatchString(slug)
}

func lowerAll(segs []string) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = strings.ToLower(s)
	}
	return out
}

// languageTag is a language segment as the sites the corpus cites write
// it: ISO 639-1 codes with an optional region or script (ja, ja_jp, pt-br,
// zh-Hant, en-us), and the country codes aws.amazon.com uses instead
// (jp, kr, cn, tw).
var languageTag = regexp.MustCompile(`^(ar|bg|cs|da|de|el|en|es|fi|fr|he|hi|hu|id|it|ja|jp|ko|kr|ms|nl|no|pl|pt|ro|ru|sv|th|tr|tw|uk|vi|zh|cn)([-_]([a-z]{2}|hans|hant))?$`)

func isLanguage(seg string) bool { return languageTag.MatchString(strings.ToLower(seg)) }

func isAWSHost(host string) bool {
	return host == "docs.aws.amazon.com" || host == "aws.amazon.com" || host == "repost.aws"
}

// awsForms drops the language segment AWS puts first (docs.aws.amazon.com/
// ja_jp/, aws.amazon.com/jp/, repost.aws/zh-Hant/), moves the Knowledge
// Center's aws.amazon.com/premiumsupport copy to repost.aws, where AWS
// redirects it, and drops the title slug after a re:Post question or
// article id (repost.aws/questions/QU.../<title>).
func awsForms(host string, segs []string) (string, []string) {
	if len(segs) > 1 && isLanguage(segs[0]) {
		segs = segs[1:]
	}
	if host == "aws.amazon.com" && len(segs) > 1 && segs[0] == "premiumsupport" && segs[1] == "knowledge-center" {
		host, segs = "repost.aws", segs[1:]
	}
	if host == "repost.aws" && len(segs) > 2 && (segs[0] == "questions" || segs[0] == "articles") {
		segs = segs[:2]
	}
	return host, segs
}

// isStackExchange tells the Stack Exchange network's sites, which share
// one URL scheme for questions and answers.
func isStackExchange(host string) bool {
	return strings.HasSuffix(host, "stackoverflow.com") || strings.HasSuffix(host, "stackexchange.com") ||
		host == "serverfault.com" || host == "superuser.com" || host == "askubuntu.com" || host == "mathoverflow.net"
}

// questionForms gives a Stack Exchange question's id without its title
// slug: /questions/N/<title>, /questions/N/<title>/M (an answer's long
// permalink) and the short share link /q/N are one question. An answer's
// short link /a/M names only the answer: which question it answers is on
// the page, not in the URL, so it stays its own source.
func questionForms(segs []string) []string {
	if len(segs) > 1 && (segs[0] == "questions" || segs[0] == "q") && isDigits(segs[1]) {
		return []string{"questions", segs[1]}
	}
	if len(segs) > 1 && segs[0] == "a" && isDigits(segs[1]) {
		return []string{"a", segs[1]}
	}
	return segs
}

// devToForms keeps a dev.to article's slug without the author: the slug
// ends in a suffix dev.to generates once for the article
// (/<author>/<title>-25km), and an article moved from a person to an
// organisation keeps it under the new first segment. Anything after the
// slug (/comments) is a view of the same article.
func devToForms(segs []string) []string {
	if len(segs) > 1 && segs[0] != "t" {
		return []string{segs[1]}
	}
	return segs
}

// Medium ends every story's slug with a hexadecimal id
// (medium.com/@user/<title>-28fb86b3ea1e, <user>.medium.com/<title>-<id>,
// medium.com/<publication>/<title>-<id>), and its short link carries the
// id alone (medium.com/p/<id>).
var (
	mediumSlugID = regexp.MustCompile(`-([0-9a-f]{10,12})$`)
	mediumBareID = regexp.MustCompile(`^[0-9a-f]{10,12}$`)
)

// mediumPostID is the story id in a Medium URL, or "" if it has none.
func mediumPostID(segs []string) string {
	if i := slices.Index(segs, "p"); i >= 0 && i+1 < len(segs) && mediumBareID.MatchString(segs[i+1]) {
		return segs[i+1]
	}
	for _, s := range segs {
		if m := mediumSlugID.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	return ""
}

// pageQueryKeys are query parameters that select the page itself, so that
// two values are two pages: an item or post id (news.ycombinator.com/
// item?id=, WordPress's default permalink ?p= and ?page_id=), the AWS
// forums' thread.jspa?threadID=, and YouTube's watch?v=. Every other
// parameter (tracking, tabs, sorting, ?plain=1) shows the same page.
var pageQueryKeys = []string{"id", "p", "page_id", "threadid", "v"}

// pageQuery keeps the page-selecting parameters of a query in a fixed
// order, and phpBB's viewtopic.php?t=, whose t names the topic.
func pageQuery(q url.Values, segs []string) string {
	keep := url.Values{}
	for k, vs := range q {
		lk := strings.ToLower(k)
		topic := lk == "t" && len(segs) > 0 && strings.EqualFold(segs[len(segs)-1], "viewtopic.php")
		if len(vs) > 0 && vs[0] != "" && (slices.Contains(pageQueryKeys, lk) || topic) {
			keep.Set(lk, vs[0])
		}
	}
	return keep.Encode()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
