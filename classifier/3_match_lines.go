package classifier

import (
	"bytes"
	"strconv"
	"time"
)

// hit is what one line or one request shows: the strongest cause seen and
// the status a client saw, when the text implies one.
type hit struct {
	cause   Cause
	weight  int
	implied int
	// told: the cause comes from a person's words (a person rule, or any
	// rule on a line no program wrote), which name a cause but not the
	// status the client got, and are no record of what the software did
	told bool
}

// better reports whether h is stronger evidence than o.
func (h hit) better(o hit) bool { return h.weight > o.weight }

// any reports whether the hit carries anything at all.
func (h hit) any() bool { return h.weight > 0 || h.implied != 0 }

// merge keeps the stronger cause and the more telling implied status.
func (h hit) merge(o hit) hit {
	out := h
	if o.better(h) {
		out.cause, out.weight, out.told = o.cause, o.weight, o.told
	}
	out.implied = mergeImplied(h.implied, o.implied)
	return out
}

// mergeImplied prefers a specific 5xx over "some 5xx", and any 5xx over a
// non-5xx status, because a request that failed with 5xx may also have
// shown a 4xx-looking message on its way (an authorizer's "Unauthorized").
func mergeImplied(a, b int) int {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	case is5xx(b) && !is5xx(a):
		return b
	case b >= 500 && a == implied5xx:
		return b
	}
	return a
}

func is5xx(code int) bool { return code == implied5xx || (code >= 500 && code <= 599) }

// settled5xx reports whether code is a 5xx that mergeImplied keeps
// whatever is merged into it after: a specific one, not "some 5xx". A
// reader merging codes in their order of precedence may stop there.
func settled5xx(code int) bool { return code >= 500 && code <= 599 }

func is2xx(code int) bool { return code >= 200 && code < 300 }

// matcher applies the rule table to lines. It keeps a scratch buffer for
// the lower-cased line, so one matcher must not be used concurrently.
type matcher struct {
	low []byte
	// candidates are the rules whose literal the current line may hold
	// (ruleIndex), a set of rule numbers
	candidates []uint64
	// invocation: the line has no ids and falls between a Lambda
	// invocation's START and END, so it is the function's whoever's words
	// it reads like (a Python print of botocore's ClientError text)
	invocation bool
	// wait is the stage's configured integration timeout (stageTimeout),
	// when known: it decides whether a Lambda timeout outlived the
	// gateway's wait (rule.outlived)
	wait time.Duration
	// limits is m.low without the sentences unreachedLimits takes out of
	// it, once limitsRead: read once for all of a line's limit rules
	limits     []byte
	limitsRead bool
	// expected is the last line read for a person's wishes and what they
	// left of it, for every reader of the line (expectedMemo)
	expected expectedMemo
	// seen holds the layers of the lines matched so far (1<<Layer): the
	// corpus test sorts its misses by the layers their evidence held.
	seen uint16
}

// maxMatchBytes bounds the part of a line the rules look at: every AWS
// message the rules know fits, and a megabyte line must not cost more than
// a normal one.
const maxMatchBytes = 16 << 10

// match returns the strongest evidence in one line emitted by layer.
func (m *matcher) match(line []byte, layer Layer) hit {
	if len(line) > maxMatchBytes {
		line = line[:maxMatchBytes]
	}
	m.seen |= 1 << layer
	m.low = appendLower(m.low[:0], line)
	if !layer.machine() {
		// a person's wish shows neither the status nor the cause it names
		m.low = append(m.low[:0], m.expected.drop(m.low)...)
	}
	h := m.matchLow(line, layer)
	if !layer.machine() {
		// a person's yes/no question is a guess at a cause, not a finding
		// (dropGuesses): its causes are read without it, while the status
		// it names still shows
		if low := dropGuesses(m.low); len(low) != len(m.low) {
			implied := h.implied
			m.low = low
			h = m.matchLow(line, layer)
			h.implied = implied
		}
	}
	return h
}

// matchLow returns the strongest evidence in m.low, line as the rules
// read it, of the rules whose literal it may hold.
func (m *matcher) matchLow(line []byte, layer Layer) hit {
	m.limitsRead = false
	m.candidates = ruleIndex().candidates(m.low, m.candidates)
	h := m.matchRules(layer, m.candidates)
	if matchChecked != nil {
		matchChecked(m, line, layer, h)
	}
	return h
}

// matchChecked, when set, is called with every line match reads and the
// hit it found: the test that holds the rule index to a run of every rule
// sets it.
var matchChecked func(m *matcher, line []byte, layer Layer, h hit)

// matchRules returns the strongest evidence in m.low, a line emitted by
// layer, of the rules of the set candidates (those whose literal the line
// may hold), in the table's order.
func (m *matcher) matchRules(layer Layer, candidates []uint64) hit {
	var h hit
	rs := rules()
	view := lineView{b: m.low} // (the rules' patterns read the line's bytes once)
	for i := range members(candidates) {
		r := &rs[i]
		if r.weight <= h.weight && r.implied == 0 && r.re == nil && r.cause != CauseUnknown {
			continue
		}
		if !on(r.layers, layer) {
			continue
		}
		if !bytes.Contains(m.low, r.lit) || containsAny(m.low, r.unless) {
			continue
		}
		low, v := m.low, &view
		if r.except != nil && (!r.exceptCaller || !m.invocation && layer != LayerFunction) && r.except.Match(low) {
			if low = r.except.ReplaceAll(low, nil); !bytes.Contains(low, r.lit) {
				continue
			}
			v = &lineView{b: low}
		}
		if r.limit && !layer.machine() {
			// (the sentences are read only for a rule that matches)
			if r.re != nil && !r.re.matchIn(v) {
				continue
			}
			if l := m.unreachedLimits(low); len(l) != len(low) {
				if low = l; !bytes.Contains(low, r.lit) {
					continue
				}
				v = &lineView{b: low}
			}
		}
		implied := r.implied
		if r.outlived && m.wait > 0 {
			if !outlivedWait(low, m.wait) {
				continue
			}
		} else if r.re != nil {
			loc := r.re.findSubmatchIndexIn(v)
			if loc == nil || (r.notAfter != nil && bytes.HasSuffix(low[:loc[0]], r.notAfter)) {
				continue
			}
			if r.cause == CauseUnknown && len(loc) > 2 && loc[2] >= 0 {
				implied = impliedStatus(low[loc[2]:loc[3]])
			}
		}
		if implied >= 400 && implied < 500 && (layer == LayerFunction && r.layers == 0 || !layer.machine() && setsStatus(low)) {
			// the gateway's 4xx words ("Invalid request body", "... is not
			// authorized to perform: execute-api:Invoke") in the function's
			// own line are its own message or its own call's answer, not
			// what the API's client got (a rule meant for the function's
			// lines names its layers), and in a handler's code that builds
			// a response they are what it means to send
			continue
		}
		h = h.merge(hit{cause: r.cause, weight: r.weight, implied: implied, told: r.told || !layer.machine()})
	}
	if layer == LayerFunction && h.weight > 0 && inFunction(h.cause) != h.cause {
		h.cause, h.weight = inFunction(h.cause), min(h.weight, wFunctionDependency)
	}
	return h
}

// unreachedLimits is low without the sentences that name a limit
// unreached (unreachedLimits), read once for m.low.
func (m *matcher) unreachedLimits(low []byte) []byte {
	if len(low) != len(m.low) {
		return unreachedLimits(low) // (except rewrote it)
	}
	if !m.limitsRead {
		m.limits, m.limitsRead = unreachedLimits(m.low), true
	}
	return m.limits
}

// containsAt reports whether low holds one of words at a place whole
// accepts (whole gets the word's span in low), looking past the places it
// refuses.
func containsAt(low []byte, words [][]byte, whole func(low []byte, start, end int) bool) bool {
	for _, w := range words {
		for at := 0; ; {
			i := bytes.Index(low[at:], w)
			if i < 0 {
				break
			}
			start, end := at+i, at+i+len(w)
			if whole(low, start, end) {
				return true
			}
			at = end
		}
	}
	return false
}

// containsAny reports whether low holds any of the literals.
func containsAny(low []byte, lits [][]byte) bool {
	for _, l := range lits {
		if bytes.Contains(low, l) {
			return true
		}
	}
	return false
}

// wFunctionDependency is the weight of a dependency failure the function
// logs: it explains a function error, and loses against anything that
// names the function's failure more precisely.
const wFunctionDependency = 45

// impliedStatus maps a status code or a gateway response phrase to the
// status the client received.
func impliedStatus(b []byte) int {
	if n, err := strconv.Atoi(string(b)); err == nil {
		return n
	}
	switch string(b) {
	case "internal server error":
		return implied5xx
	case "endpoint request timed out", "gateway timeout", "gateway time-out":
		return 504
	case "service unavailable":
		return 503
	case "bad gateway":
		return 502
	case "forbidden", "user is not authorized":
		return 403
	case "unauthorized":
		return 401
	case "too many requests", "limit exceeded":
		return 429
	case "not found":
		return 404
	case "request too long", "request entity too large":
		return 413
	case "unsupported media type":
		return 415
	}
	return 0
}

// appendLower appends src lower-cased (ASCII) to dst, with what text
// copied from web pages and word processors puts in place of ASCII folded
// back: typographic quotes (U+2018, U+2019, U+201C, U+201D: "doesn’t" where
// AWS says "doesn't"), the no-break space (U+00A0) and the HTML entities of
// quotes and brackets (a scraped page's &quot;errorMessage&quot;).
func appendLower(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2] >= 0x98 && src[i+2] <= 0x9D:
			c = '\''
			if src[i+2] >= 0x9C {
				c = '"'
			}
			i += 2
		case c == 0xC2 && i+1 < len(src) && src[i+1] == 0xA0:
			c = ' '
			i++
		case c == '&':
			if r, n := htmlEntity(src[i:]); n > 0 && r < 0x80 {
				c = byte(r)
				i += n - 1
			}
		}
		dst = append(dst, c)
	}
	return dst
}
