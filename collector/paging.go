package collector

import (
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
)

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
// maxPages pages. A listing cut at maxPages is partial, and says so
// (cutShort): its reader counts it as a failed read.
type tokens struct {
	seen map[string]bool
	cut  bool // stopped at maxPages with a new token still to follow
}

// next records the token a page returned and reports whether to ask for
// the page it names.
func (t *tokens) next(tok *string) bool {
	s := aws.ToString(tok)
	if s == "" || t.seen[s] {
		return false
	}
	if len(t.seen) >= maxPages-1 {
		t.cut = true
		return false
	}
	if t.seen == nil {
		t.seen = map[string]bool{}
	}
	t.seen[s] = true
	return true
}

// cutShort returns a *pageCapError naming the operation (and the API it
// listed, when subject is not empty) if the listing stopped at maxPages,
// else nil.
func (t *tokens) cutShort(op, subject string) error {
	if !t.cut {
		return nil
	}
	return &pageCapError{op: op, subject: subject}
}

// pageCapError is a listing cut at maxPages: what it read is partial, so
// it is a failed read, as an AWS error would be.
type pageCapError struct {
	op, subject string
}

func (e *pageCapError) Error() string {
	what := e.op
	if e.subject != "" {
		what += " " + e.subject
	}
	return fmt.Sprintf("%s: cut short after %d pages, the service still giving new tokens", what, maxPages)
}

// warnCut logs a discovery cut at maxPages by the operation that was cut.
// The discovery fails with it (the region's failure) and is not kept, so
// a partial listing is never reused as the region's whole picture.
func (c *Collector) warnCut(r *region, err error) {
	var pc *pageCapError
	if errors.As(err, &pc) {
		c.log.Warn("listing cut short at the page cap; discovery not kept", "account", r.account, "region", r.name, "op", pc.op, "pages", maxPages, "err", err)
	}
}
