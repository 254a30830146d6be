package corpus

import (
	"regexp"
	"strings"
)

// githubViews are the github.com pages that show one repository file (or
// folder) at a ref: /<owner>/<repo>/<view>/<ref>/<path>.
var githubViews = map[string]bool{"blob": true, "raw": true, "blame": true, "tree": true, "commits": true, "edit": true}

// githubForms gives the lower-cased path of a GitHub source as
// <owner>/<repo>, <owner>/<repo>/issues/<n> or <owner>/<repo>/blob/<path>,
// under the repository's current name.
//
// Issues, pull requests and discussions share one number sequence per
// repository, and GitHub redirects /issues/N to /pull/N or /discussions/N
// when N is one of those, so the three are one thread; comment anchors,
// /files and /commits tabs are views of it. A file is one source whatever
// ref or view cites it: /blob/<ref>/<path> (a branch, a tag or a commit's
// permalink), /raw/, /blame/, /tree/, /commits/ (its history), /edit/, and
// raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>.
//
// A ref is read as one segment, or refs/heads/<name> and refs/tags/<name>:
// a branch whose name holds a slash (feature/x) cannot be told from the
// path by the URL alone, so its files keep the first part of the name.
func githubForms(host string, segs []string) []string {
	if len(segs) < 2 {
		return segs
	}
	repo := renamedRepo(segs[0] + "/" + segs[1])
	rest := segs[2:]
	if host == "raw.githubusercontent.com" {
		return fileSource(repo, rest)
	}
	if len(rest) == 0 {
		return []string{repo}
	}
	switch {
	case len(rest) > 1 && (rest[0] == "issues" || rest[0] == "pull" || rest[0] == "discussions") && isDigits(rest[1]):
		return []string{repo, "issues", rest[1]}
	case githubViews[rest[0]] && len(rest) > 1:
		return fileSource(repo, rest[1:])
	}
	return append([]string{repo}, rest...)
}

// fileSource names a file from the segments that follow a view: its ref,
// dropped, then its path. A ref without a path is the repository itself.
func fileSource(repo string, refPath []string) []string {
	n := 1
	if len(refPath) > 2 && refPath[0] == "refs" && (refPath[1] == "heads" || refPath[1] == "tags") {
		n = 3
	}
	if len(refPath) <= n {
		return []string{repo}
	}
	return append([]string{repo, "blob"}, refPath[n:]...)
}

// renamedRepos are GitHub repositories the corpus cites that moved to
// another owner or name. GitHub keeps a renamed repository's issue numbers
// and redirects the old address, so both addresses are one thread and must
// land on one side of the split.
var renamedRepos = map[string]string{
	"unjs/nitro": "nitrojs/nitro",
	"philips-labs/terraform-aws-github-runner": "github-aws-runners/terraform-aws-github-runner",
	// serverless-express began as awslabs/aws-serverless-express, moved to
	// vendia/serverless-express, then to CodeGenieApp.
	"awslabs/aws-serverless-express": "codegenieapp/serverless-express",
	"vendia/serverless-express":      "codegenieapp/serverless-express",
	// SST began as serverless-stack/serverless-stack, was renamed
	// serverless-stack/sst, moved to sst/sst and then with its owner to
	// anomalyco (renamedOwners); the corpus cites anomalyco/sst.
	"serverless-stack/serverless-stack": "anomalyco/sst",
	"serverless-stack/sst":              "anomalyco/sst",
	// Jets moved from boltops-tools to rubyonjets, Lamby from customink to
	// rails-lambda, and Mangum from erm to jordaneremieff to Kludex; the
	// issue search returns some threads under the old addresses.
	"boltops-tools/jets":    "rubyonjets/jets",
	"customink/lamby":       "rails-lambda/lamby",
	"erm/mangum":            "kludex/mangum",
	"jordaneremieff/mangum": "kludex/mangum",
	// Two AWS Solutions renamed or moved: Serverless Image Handler became
	// Dynamic Image Transformation for Amazon CloudFront (awslabs, then
	// aws-solutions), and QnABot (awslabs/aws-ai-qna-bot, aws-solutions/aws-qnabot,
	// aws-solutions/qnabot-on-aws) moved to the solutions library's samples
	// with its issues: they open in 2018.
	"awslabs/serverless-image-handler":       "aws-solutions/dynamic-image-transformation-for-amazon-cloudfront",
	"aws-solutions/serverless-image-handler": "aws-solutions/dynamic-image-transformation-for-amazon-cloudfront",
	"aws-solutions/qnabot-on-aws":            "aws-solutions-library-samples/qnabot-on-aws",
	"aws-solutions/aws-qnabot":               "aws-solutions-library-samples/qnabot-on-aws",
	"awslabs/aws-ai-qna-bot":                 "aws-solutions-library-samples/qnabot-on-aws",
	// Pirate Weather's Home Assistant integration moved from its author's
	// account to the project's organisation.
	"alexander0042/pirate-weather-ha": "pirate-weather/pirate-weather-ha",
	// The Node.js client of Amazon's Selling Partner API moved from its
	// author's account to the amz-tools organisation; the issue search
	// returns its threads under both names.
	"jrl84/amazon-sp-api": "amz-tools/amazon-sp-api",
	// AWS's own projects that began under awslabs and moved to the aws or
	// aws-powertools organisations, or were archived to amazon-archives;
	// the search tools return threads of some under both names (the Lambda
	// Web Adapter's are cited under both).
	"awslabs/aws-lambda-web-adapter":           "aws/aws-lambda-web-adapter",
	"awslabs/chalice":                          "aws/chalice",
	"awslabs/aws-sam-cli":                      "aws/aws-sam-cli",
	"awslabs/serverless-application-model":     "aws/serverless-application-model",
	"awslabs/aws-serverless-java-container":    "aws/serverless-java-container",
	"awslabs/aws-lambda-rust-runtime":          "aws/aws-lambda-rust-runtime",
	"awslabs/aws-lambda-powertools-python":     "aws-powertools/powertools-lambda-python",
	"awslabs/aws-lambda-powertools-typescript": "aws-powertools/powertools-lambda-typescript",
	"awslabs/aws-lambda-powertools-java":       "aws-powertools/powertools-lambda-java",
	"awslabs/aws-lambda-powertools-dotnet":     "aws-powertools/powertools-lambda-dotnet",
	"awslabs/aws-apigateway-importer":          "amazon-archives/aws-apigateway-importer",
	// The Swift AWS Lambda runtime and its events library moved from the
	// Swift Server Workgroup's organisation to awslabs; the issue search
	// returns their threads under both names.
	"swift-server/swift-aws-lambda-runtime": "awslabs/swift-aws-lambda-runtime",
	"swift-server/swift-aws-lambda-events":  "awslabs/swift-aws-lambda-events",
}

// renamedOwners are GitHub owners the corpus cites that renamed
// themselves: every repository moves with the owner and keeps its issue
// numbers, and GitHub redirects the old addresses. SST's organisation
// became anomalyco (github.com/sst/opencode redirects to
// anomalyco/opencode; the corpus cites sst/guide and anomalyco/guide).
var renamedOwners = map[string]string{
	"sst": "anomalyco",
}

// renamedRepo gives a lower-cased <owner>/<repo> under the repository's
// current name.
func renamedRepo(repo string) string {
	if cur, ok := renamedRepos[repo]; ok {
		return cur
	}
	if owner, name, ok := strings.Cut(repo, "/"); ok {
		if cur, ok := renamedOwners[owner]; ok {
			return cur + "/" + name
		}
	}
	return repo
}

// gistID is a gist's id: 20 or 32 hexadecimal digits, or a number for the
// oldest gists. A revision's 40-digit commit is no id.
var gistID = regexp.MustCompile(`^([0-9a-f]{20}|[0-9a-f]{32}|[0-9]+)$`)

// gistForms gives a gist by its id alone: gist.github.com/<id>,
// gist.github.com/<user>/<id> with /revisions, a revision's /<commit>, or
// /raw/..., and gist.githubusercontent.com/<user>/<id>/raw/<commit>/<file>
// are one gist, whichever of its files is cited.
func gistForms(segs []string) []string {
	segs = lowerAll(segs)
	if len(segs) > 1 && gistID.MatchString(segs[1]) {
		return segs[1:2]
	}
	if len(segs) > 0 && gistID.MatchString(segs[0]) {
		return segs[:1]
	}
	return segs
}

// aliases are sources the corpus cites under two addresses that no URL
// form joins, each proven one page by the site itself or a word-for-word
// copy of it: the normalised address on the left is the same text as the
// one on the right.
var aliases = map[string]string{
	// The article prints "Short link: https://ddadekunle.com/p/1" under its
	// title, and the short link redirects to it.
	"ddadekunle.com/p/1": "ddadekunle.com/blog/the-hidden-trap-of-migrating-to-private-network-load-balancers-on-aws",
	// community.aws publishes BuildOn.AWS's posts, whose source is the
	// build-on-aws/content repository's posts/<slug>/index.md ("BuildOn.AWS
	// is a community content platform ... contribute content", its README);
	// the page's slug is the post's folder.
	"community.aws/content/2fem11colljgnny8oponvsxndsh/how-to-tackle-time-out-on-api-gateway-using-step-functions-and-sam": "github.com/build-on-aws/content/blob/posts/how-to-tackle-time-out-on-api-gateway-using-step-functions-and-sam/index.md",
	// jpdebug.com republishes other sites' articles; its post 1507602 is
	// the zenn.dev article word for word, so its cases are the article's.
	"jpdebug.com/p/1507602": "zenn.dev/articles/api-gateway-cross-account-trouble-shooting",
	// Its post 3479146 is likewise the Qiita article word for word (title,
	// opening sentence, code and both fixes).
	"jpdebug.com/p/3479146": "qiita.com/hassoubeat/items/0add09325fbe664e263e",
	// The repository keeps its frontend notes twice, the second copy
	// renamed with a number in front of its name.
	"github.com/prafulpatel16/serverless-crud-app/blob/documentations/4.frontend-doc.md": "github.com/prafulpatel16/serverless-crud-app/blob/documentations/frontend-doc.md",
	// Dynatrace's documentation is served under docs.dynatrace.com and
	// under www.dynatrace.com/docs, the same page at the same path; the
	// stored copy names the second as its address.
	"docs.dynatrace.com/docs/secure/use-cases/analyze-aws-api-gateway-access-logs-with-security-investigator": "dynatrace.com/docs/secure/use-cases/analyze-aws-api-gateway-access-logs-with-security-investigator",
	// Zappa's community fork (zappa/Zappa, a repository of its own with
	// its own numbers, not Miserlou/Zappa renamed) copied open issues word
	// for word as "[Migrated] <title>", each opening with "Originally from:
	// https://github.com/Miserlou/Zappa/issues/<n>".
	"github.com/zappa/zappa/issues/63":  "github.com/miserlou/zappa/issues/479",
	"github.com/zappa/zappa/issues/222": "github.com/miserlou/zappa/issues/1005",
	"github.com/zappa/zappa/issues/335": "github.com/miserlou/zappa/issues/1005",
	"github.com/zappa/zappa/issues/528": "github.com/miserlou/zappa/issues/1399",
	"github.com/zappa/zappa/issues/590": "github.com/miserlou/zappa/issues/1536",
	"github.com/zappa/zappa/issues/610": "github.com/miserlou/zappa/issues/1563",
	"github.com/zappa/zappa/issues/627": "github.com/miserlou/zappa/issues/1597",
	"github.com/zappa/zappa/issues/629": "github.com/miserlou/zappa/issues/1599",
	// Issues GitHub shows twice, in two repositories with numbers of their
	// own, the same description by the same author on the same day: one
	// was transferred or copied to the other (Amplify's hosting and
	// library trackers, its library and CLI trackers, the Selling Partner
	// API's documentation and models repositories, and one of those again
	// in a client library's tracker; Micronaut's core and its AWS module).
	"github.com/aws-amplify/amplify-hosting/issues/1123":       "github.com/aws-amplify/amplify-js/issues/6931",
	"github.com/aws-amplify/amplify-js/issues/3847":            "github.com/aws-amplify/amplify-cli/issues/2047",
	"github.com/amzn/selling-partner-api-models/issues/1176":   "github.com/amzn/selling-partner-api-docs/issues/553",
	"github.com/amzn/selling-partner-api-models/issues/1171":   "github.com/amzn/selling-partner-api-docs/issues/546",
	"github.com/amzn/selling-partner-api-models/issues/1432":   "github.com/amzn/selling-partner-api-docs/issues/836",
	"github.com/amzn/selling-partner-api-models/issues/1804":   "github.com/amzn/selling-partner-api-docs/issues/1332",
	"github.com/amzn/selling-partner-api-models/issues/2599":   "github.com/amzn/selling-partner-api-docs/issues/3162",
	"github.com/amzn/selling-partner-api-models/issues/2684":   "github.com/amzn/selling-partner-api-docs/issues/3321",
	"github.com/jlevers/selling-partner-api/issues/605":        "github.com/amzn/selling-partner-api-docs/issues/3321",
	"github.com/micronaut-projects/micronaut-core/issues/1269": "github.com/micronaut-projects/micronaut-aws/issues/8",
	// The canary deployments plugin's #71 is the Serverless Framework's
	// #7144 posted again by its author three days later, word for word.
	"github.com/davidgf/serverless-plugin-canary-deployments/issues/71": "github.com/serverless/serverless/issues/7144",
	// Insomnia's #830 opens "Cloned from .../issues/713": the same report,
	// word for word, under a second number of one tracker.
	"github.com/kong/insomnia/issues/713": "github.com/kong/insomnia/issues/830",
	// SAM's pull request #1089 is its author's earlier report of the
	// incident #1096 tells: one source, whichever address a collector
	// finds first.
	"github.com/aws/serverless-application-model/issues/1089": "github.com/aws/serverless-application-model/issues/1096",
}

// aliased gives a normalised source under the address its alias names.
func aliased(id string) string {
	if to, ok := aliases[strings.ToLower(id)]; ok {
		return to
	}
	return id
}
