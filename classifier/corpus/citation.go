package corpus

import (
	"regexp"
	"strings"
)

// Identities that are themselves an address of the page: a GitHub issue,
// pull request or discussion (GitHub redirects /issues/N to the pull
// request or discussion of that number) and a Stack Exchange question.
var (
	githubThreadID = regexp.MustCompile(`^[^/]+/[^/]+/issues/\d+$`)
	questionID     = regexp.MustCompile(`^questions/\d+$`)
)

// Citation is the form a source not filed yet is cited in. Side hashes
// the URL a case cites, and one thread reached as /pull/N or as
// /issues/N, or one question as /q/N or as /questions/N/<title>, hashes
// to either side: without one form, the link a collector happened to
// follow would choose the side. A source whose identity is an address
// (github.com/<owner>/<repo>/issues/<n>, <site>/questions/<n>) is cited
// as that address, any other URL as it is. A source filed already keeps
// the form its cases cite (FiledForm), so no filed case changes side.
func Citation(raw string) string {
	id := Source(raw)
	host, path, _ := strings.Cut(id, "/")
	if host == "github.com" && githubThreadID.MatchString(path) || isStackExchange(host) && questionID.MatchString(path) {
		return "https://" + id
	}
	return raw
}
