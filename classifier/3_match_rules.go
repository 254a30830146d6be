package classifier

import "sync"

// rule is one signature of a cause. Matching runs on the ASCII-lower-cased
// line: lit must occur in it (a literal is cheap and is what most AWS
// messages need); when re is set it runs only after lit matched, so a
// regular expression never scans an uninteresting line.
type rule struct {
	lit    []byte
	re     *guardedRegexp
	cause  Cause
	weight int // strength of the evidence, 1..100; the strongest wins
	// implied is the status a client saw, when the text itself says
	// (a gateway response body or reason phrase); 0 when it does not.
	implied int
	// notAfter, when set, rejects a match of re that directly follows it.
	// Go's regexp has no look-behind, and a leading alternation in re
	// would lose the literal-prefix scan that keeps matching fast.
	notAfter []byte
	// unless, when set, rejects the rule on a line that holds any of them.
	unless [][]byte
	// except, when set, takes its matches out of the line before lit and
	// re are looked for: the rule's word said of another actor (API
	// Gateway's own throttling is not the function's), while the same
	// line may still say it of the rule's actor.
	except *guardedRegexp
	// exceptCaller: except names a caller's own line (cliCallRefused),
	// which the function's log cannot hold: on a line of the function's
	// layer or between an invocation's START and END the same words are
	// the function's own call, and except is not applied.
	exceptCaller bool
	// limit: the rule reads a limit (the gateway's 29 seconds and 10 MB,
	// the account's concurrency), which a sentence may name as a setting
	// or with a value under it (unreachedLimits): such sentences of a
	// person's are taken out of the line first, as except's matches are.
	limit bool
	// layers are the layers whose lines can show the cause; empty is all.
	layers uint16
	// told: a person rule, whose words name a cause and not a status
	told bool
	// outlived: the rule names a Lambda timeout longer than the gateway's
	// wait (longTimeoutRules); re holds for the default timeouts, and a
	// configured timeout, when the matcher knows one, decides instead.
	outlived bool
}

// implied5xx marks text that shows some 5xx without saying which: the
// REST API body {"message": "Internal server error"} is sent for 500 and 502.
const implied5xx = 5

// impliedBelow500 marks text that shows the client got an answer below 500
// without saying which: a browser that refused a response for its CORS
// headers. It counts only when nothing else in the request names a cause:
// a failing function's 502 lacks the headers too.
const impliedBelow500 = 4

// Weights. Explicit API Gateway configuration errors are the strongest,
// Lambda-reported error types come next, generic error shapes (a stack
// trace, an errorMessage field) are weak so that any specific line wins.
const (
	wExplicit = 95
	wStrong   = 88
	wSpecific = 80
	wLikely   = 65
	wHint     = 50
	wWeak     = 40
	wGuess    = 25
)

// wMalformedMessage is the weight of the gateway's own "Malformed Lambda
// proxy response": below the rules for an invocation Lambda refused (99,
// 100), whose error body the gateway read as the function's answer.
const wMalformedMessage = 98

// requestIDPattern is a request id as Lambda and API Gateway write it (a
// lower-case UUID), for the rules that read what stands beside one.
const requestIDPattern = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`

// ruleSpec is the source form of a rule: pattern is a literal unless
// pattern and re are both given.
type ruleSpec struct {
	lit      string
	re       string
	cause    Cause
	weight   int
	implied  int
	notAfter string
	unless   string
	// unlessAlso are more literals that reject the rule, as unless does
	unlessAlso []string
	except     string
	limit      bool
	layers     uint16
	outlived   bool
}

var (
	rulesOnce sync.Once
	ruleSet   []rule
	ruleKeys  *litIndex
)

// rules returns the signatures, compiled once per process.
func rules() []rule {
	rulesOnce.Do(func() {
		specs := ruleSpecs()
		ruleSet = make([]rule, 0, len(specs))
		var lits [][]byte
		var owner []uint16
		for _, s := range specs {
			r := rule{lit: []byte(s.lit), cause: s.cause, weight: s.weight, implied: s.implied, layers: s.layers, outlived: s.outlived, limit: s.limit}
			r.told = s.layers == personLayers
			if s.notAfter != "" {
				r.notAfter = []byte(s.notAfter)
			}
			for _, u := range append([]string{s.unless}, s.unlessAlso...) {
				if u != "" {
					r.unless = append(r.unless, []byte(u))
				}
			}
			if s.re != "" {
				r.re = guardFind(s.re)
			}
			if s.except != "" {
				r.except = guard(s.except)
				r.exceptCaller = s.except == cliCallRefused
			}
			for _, k := range r.keys() {
				lits, owner = append(lits, k), append(owner, uint16(len(ruleSet)))
			}
			ruleSet = append(ruleSet, r)
		}
		ruleKeys = newOwnedIndex(lits, owner, len(ruleSet))
	})
	return ruleSet
}

// ruleIndex is the index of the rules' keys (rule.keys): rule i is
// candidate i. It is built from the table itself, so a rule added to it
// is indexed.
func ruleIndex() *litIndex {
	rules()
	return ruleKeys
}

// keys are the literals one of which a line must hold for r to match, for
// the rule index: its literal, or, when that is shorter than an index key
// ("5", "tim") and the pattern alone decides on the line as read (no
// except or unreachedLimits rewrites it, no configured wait replaces
// it), the literals one of which the pattern needs, if each is long
// enough to be a key.
func (r *rule) keys() [][]byte {
	if len(r.lit) >= keyLen || r.re == nil || r.except != nil || r.limit || r.outlived || r.re.need == nil {
		return [][]byte{r.lit}
	}
	var out [][]byte
	for _, l := range r.re.need {
		if len(l.s) < keyLen {
			return [][]byte{r.lit}
		}
		out = append(out, l.s)
	}
	return out
}

// ruleSpecs is the signature table, grouped by cause in taxonomy order.
// Literals are lower case. Sources: the AWS messages of docs/taxonomy.md's
// evidence column, as AWS documents and knowledge-center articles show them.
func ruleSpecs() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{lambdaRules(), runtimeRules(), functionRules(), localEmulatorRules(), gatewayRules(), backendRules(), personRules(), wordRules(), documentedRules(), websocketRules(), controlPlaneRules(), clientRules()} {
		all = append(all, part...)
	}
	return all
}
