package collector

import "github.com/aws/aws-sdk-go-v2/aws"

// maxPages bounds one listing: the NextToken loops written out
// (apigatewayv2 has no paginators in the SDK) and the SDK's paginators,
// whose duplicate-token check is off unless asked for and sees only the
// token just before (a repeated token would be asked for maxPages times,
// each GetMetricData page billed; tokens that alternate would page
// forever), so they follow tokens too. 1000 pages of the 500 items asked
// for are far beyond any API Gateway quota, and of GetMetricData's 100,800
// points far beyond a poll's or an incident's queries, so only a service
// that keeps answering with new tokens reaches it.
const maxPages = 1000

// tokens follows the NextToken of a listing the way the SDK's paginators
// do (StopOnDuplicateToken): the listing ends at an empty token, at a token
// the service gave before, which would otherwise page forever, or after
// maxPages pages.
type tokens struct {
	seen map[string]bool
}

// next records the token a page returned and reports whether to ask for
// the page it names.
func (t *tokens) next(tok *string) bool {
	s := aws.ToString(tok)
	if s == "" || t.seen[s] || len(t.seen) >= maxPages-1 {
		return false
	}
	if t.seen == nil {
		t.seen = map[string]bool{}
	}
	t.seen[s] = true
	return true
}
