package classifier

import (
	"bytes"
	"regexp"
)

// expectedStatus is a status or gateway answer a person wished for, not
// one a client got: "API Gateway should return a 500 or 504 when the
// function times out", "it should have matched and return an HTTP Status
// 504", "it is supposed to answer Service Unavailable", "deveria retornar
// 504", "应该返回 504". The code (and the codes joined to it by "or",
// "and", a slash or a comma) says what the report wanted. ("Instead of"
// and "expected" alone are no such mark: "502 instead of 200" and
// "expected 502 to equal 200" hold the code that came.)
var expectedStatus = regexp.MustCompile(`(?:\bshould(?: have)?\b|\b(?:expected|ought|supposed) to\b|\bdeveria(?:m)?\b|\bdeve(?:m)? (?:retornar|devolver|responder)\b|应该|應該|應當|应当)` +
	`[^.;!?。]{0,40}?(?:\b[1-5]\d\d\b(?:(?: or| and|/|,) ?(?:an? )?[1-5]\d\d\b)*(?: (?:` + expectedAnswer + `))?|` + expectedAnswer + `)` +
	// Japanese puts the wish after the code: "504 を返すべき"
	`|\b[1-5]\d\d\b ?(?:エラー)?(?:を返すべき|が返るべき|を返す必要|になるべき|が返るはず|を返すはず)`)

// wishedBelow500 is a code below 500 a person wants the API or the code to
// answer, asks how to make it answer, or heads as the expected outcome: "I want to return a 400 from my Lambda",
// "we want the API to answer 429 when ...", "how do I return a 404 from
// API Gateway?", "Expected: 401 Unauthorized" (an issue template's
// heading; Jest's and testify's "Expected: 200" beside the code received;
// Postman's and chai-http's "expected response to have status code 200
// but got 403", whose code received the harness forms read; their negated
// assertion, "expected response to not have status code 403", names the
// code that came).
// None is an answer a client got, so none is an all-clear. Only codes
// below 500 are cut, so that no such words hide a 5xx they also show.
var wishedBelow500 = regexp.MustCompile(`(?:\b(?:want(?:s|ed)?|would like)\b[^.;!?。]{0,30}?\bto ` + wishedVerb +
	`|\bhow (?:(?:do|can|could|should|would) (?:i|we|you)(?: [a-z]+)?|to) ` + wishedVerb + `|\bexpected(?: [a-z]+)?\**:|\bto have status code)` +
	`[^.;!?。]{0,40}?\b[1-4]\d\d\b(?:(?: or| and|/|,) ?(?:an? )?[1-4]\d\d\b)*`)

// wishedVerb is what a wish or a question asks the API or the code to
// do with a status; "how can I avoid the 429s" and "I want to know why
// it returns 403" name no such act, and the code in them came.
const wishedVerb = `(?:return|answer|respond|send|throw|raise|give|produce|map|set)\b`

// wishMarks are the literals wishedBelow500 needs.
var wishMarks = [][]byte{[]byte("want"), []byte("would like"), []byte("how "), []byte("expected"), []byte("to have status code")}

// expectedAnswer: the gateway's reason phrases and standard bodies, which
// show a status as a code does.
const expectedAnswer = `internal server error|bad gateway|service unavailable|gateway time-?out|endpoint request timed out`

// expectedMarks are the words expectedStatus starts with, checked before
// the pattern runs: most lines hold none. (Portuguese "deve" only with
// what follows it in the pattern: English "developer" holds it.)
var expectedMarks = newLitIndex([][]byte{[]byte("should"), []byte("expected to"), []byte("ought to"), []byte("supposed to"),
	[]byte("deveria"), []byte("deve "), []byte("devem "), []byte("应该"), []byte("應該"), []byte("應當"), []byte("应当"),
	[]byte("べき"), []byte("はず"), []byte("必要")})

// dropExpected removes the statuses a person only wished for from low,
// keeping "should not return 502", "should never return 502" and "is not
// supposed to return 502", which say the code came.
func dropExpected(low []byte) []byte {
	if containsAny(low, wishMarks) && hasStatusCode(low) { // (every wish names its code)
		low = dropWishes(low, wishedBelow500)
	}
	if insteadMarks.any(low) {
		low = dropInstead(low)
	}
	if !hasExpectedMark(low) {
		return low // most lines: the pattern costs
	}
	return dropWishes(low, expectedStatus)
}

// expectedMemo holds the last line dropExpected read and what it left of
// it. One line of a person or a client is read for wishes by the status
// reader, the check for a server code named alone, the mixed-outcome check
// and the rule matcher, most often unchanged between them, and on a long
// line full of codes in sentences the wish patterns are most of its cost
// (BenchmarkClassifyNonGateway/LongLines).
type expectedMemo struct{ in, out []byte }

// drop returns dropExpected(low), read again only for another line; what
// it returns is the memo's, valid until its next call. A nil memo reads
// every time. (A new memo holds the empty line, which dropExpected leaves
// empty.)
func (m *expectedMemo) drop(low []byte) []byte {
	if m == nil {
		return dropExpected(low)
	}
	if bytes.Equal(m.in, low) {
		return m.out[:len(m.out):len(m.out)]
	}
	out := dropExpected(low)
	m.in = append(m.in[:0], low...)
	m.out = append(m.out[:0], out...)
	return m.out[:len(m.out):len(m.out)]
}

// dropWishes removes what re finds from low, but for the wishes that are
// denied or contrasted with what came.
func dropWishes(low []byte, re *regexp.Regexp) []byte {
	return dropSpans(low, re.FindAllIndex(low, -1), func(m []int) bool {
		return negated(low[m[0]:m[1]]) || negatedBefore(low[:m[0]]) || negatedAfter(low[m[1]:]) || contrasted(low[m[0]:m[1]]) || quantity(low[m[0]:m[1]], low[m[1]:])
	})
}

// dropSpans removes the spans from low, but those spare keeps.
func dropSpans(low []byte, spans [][]int, spare func(m []int) bool) []byte {
	if spans == nil {
		return low
	}
	out := make([]byte, 0, len(low))
	last := 0
	for _, m := range spans {
		if spare(m) {
			continue
		}
		out = append(out, low[last:m[0]]...)
		last = m[1]
	}
	return append(out, low[last:]...)
}

func hasExpectedMark(low []byte) bool { return expectedMarks.any(low) }

// negated reports whether an expectation says the code must not come,
// which is a complaint that it did.
func negated(span []byte) bool {
	return bytes.Contains(span, []byte(" not ")) || bytes.Contains(span, []byte(" never ")) ||
		bytes.Contains(span, []byte("不")) || bytes.Contains(span, []byte(" não "))
}

// negatedBefore reports whether the words just before an expectation deny
// it: "is not supposed to", "isn't expected to", "não deveria", "不应该".
func negatedBefore(before []byte) bool {
	before = bytes.TrimRight(before, " ")
	return bytes.HasSuffix(before, []byte(" not")) || bytes.HasSuffix(before, []byte("n't")) ||
		bytes.HasSuffix(before, []byte("never")) || bytes.HasSuffix(before, []byte("não")) ||
		bytes.HasSuffix(before, []byte("nao")) || bytes.HasSuffix(before, []byte("不"))
}

// negatedAfter reports whether a Japanese wish, which ends the span, is
// denied by what follows it: "504 を返すべきではない", "返すはずがない".
func negatedAfter(after []byte) bool {
	for _, w := range [][]byte{[]byte("ではな"), []byte("でな"), []byte("じゃな"), []byte("がな"), []byte("はな")} {
		if bytes.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// quantityUnits are the units a number that is no status is followed by.
var quantityUnits = [][]byte{[]byte("ms"), []byte("millisecond"), []byte("s"), []byte("sec"), []byte("second"),
	[]byte("min"), []byte("minute"), []byte("kb"), []byte("mb"), []byte("gb"), []byte("%")}

// quantity reports whether the number a span ends with is a quantity, not
// a status: in "you should see Lambda will timeout in 100 ms" and "it
// should finish within 300 seconds" the wish holds no code, and the words
// before the number (a log message quoted) stay evidence.
func quantity(span, after []byte) bool {
	if len(span) == 0 || span[len(span)-1] < '0' || span[len(span)-1] > '9' {
		return false
	}
	after = bytes.TrimPrefix(after, []byte(" "))
	for _, u := range quantityUnits {
		if !bytes.HasPrefix(after, u) {
			continue
		}
		rest := bytes.TrimPrefix(after[len(u):], []byte("s"))
		if len(rest) == 0 || rest[0] < 'a' || rest[0] > 'z' {
			return true
		}
	}
	return false
}

// contrasted reports whether the words between a wish and the code it
// reached say what came instead: in "it should work but we get a 502" and
// "expected to load, instead got 502" the code is the one the client got.
func contrasted(span []byte) bool {
	for _, w := range [][]byte{[]byte(" but "), []byte(" instead"), []byte(" got "), []byte(" get "),
		[]byte(" gets "), []byte(" getting "), []byte(" yet "), []byte(" mas "), []byte("但"), []byte("却"), []byte("卻")} {
		if bytes.Contains(span, w) {
			return true
		}
	}
	return false
}

// insteadOfStatus is a code a person names as the one that did not come:
// the code after "instead of" ("returns status code 200 instead of 500 in
// case of exception", "Instead of expected status code 500, status code
// 200 is returned"), "rather than", the Portuguese and Spanish "em vez
// de", "ao invés de", "en lugar de", and the code before the Japanese
// "ではなく" ("500ではなく200が返る"). The code on the other side of those
// words is the one the client got, and stays.
var insteadOfStatus = regexp.MustCompile(`(?:\binstead of|\brather than|\bem vez de|\bao inv[eé]s de|\ben lugar de|\ben vez de)` +
	`(?: (?:the|an?|o|a|um|uma|el|la|un|una|expected|usual|correct|proper|right|normal|esperad[oa]|corret[oa]|correct[oa]|http|status|response|error|code|of|de|c[oó]digo|erro|estado))*` +
	` ?["'(\x60]?[1-5]\d\d\b(?:(?: or| and|/|,) ?(?:an? )?[1-5]\d\d\b)*` +
	`|\b[1-5]\d\d ?(?:エラー)?(?:ではなく|じゃなく)`)

// insteadMarks are the literals insteadOfStatus needs.
var insteadMarks = newLitIndex([][]byte{[]byte("instead of"), []byte("rather than"), []byte("vez de"),
	[]byte("invés de"), []byte("inves de"), []byte("lugar de"), []byte("ではなく"), []byte("じゃなく")})

// wishBefore are words that make the code after "instead of" the one that
// came: in "it should return 504 instead of 502" the 502 is the answer the
// client got, and the wish its alternative.
var wishBefore = [][]byte{[]byte("should"), []byte("expected to"), []byte("supposed to"), []byte("ought to"),
	[]byte("want"), []byte("would like"), []byte("deveria"), []byte("debería"), []byte("deberia"),
	[]byte("应该"), []byte("應該"), []byte("べき"), []byte("はず")}

// dropInstead removes the codes a person says did not come, unless a wish
// earlier in the same sentence makes them the code that did.
func dropInstead(low []byte) []byte {
	return dropSpans(low, insteadOfStatus.FindAllIndex(low, -1), func(m []int) bool {
		return containsAny(sentenceBefore(low, m[0]), wishBefore)
	})
}

// sentenceBefore is the part of low's sentence before i, at most
// sentenceReach bytes of it.
func sentenceBefore(low []byte, i int) []byte {
	before := low[max(0, i-sentenceReach):i]
	start := 0
	for _, end := range [][]byte{[]byte(". "), []byte("; "), []byte("! "), []byte("? "), []byte("。")} {
		if j := bytes.LastIndex(before, end); j >= 0 && j+len(end) > start {
			start = j + len(end)
		}
	}
	return before[start:]
}

// sentenceReach bounds how far back sentenceBefore looks for the start of
// a sentence: further than the corpus needs (the longest sentence before
// such a code there is about 300 bytes), and short enough that a long
// line holding a code every few words (a function logging request bodies)
// costs in proportion to its length, not to its square.
const sentenceReach = 1 << 10

// A code a person denies is none they got: "It is not a 403 or 404, the
// route exists", "this isn't a 403 error", "Não é um erro 403 nem 404",
// "No es un error 403 ni 404", "这不是 403 错误", "403 エラーではありません".
// Read as shown, such a code below 500 is an all-clear the person said
// did not come. A 5xx denied still keeps a person's words from an
// all-clear (codeShown cuts codes below 500 only), as a wish denied ("should
// not return 502", negated) says the code came.

// denialWords are the words that deny what follows them, whole words:
// English, Portuguese, Spanish. ("n't" ends a word of its own, and
// Chinese 不是, 并非 and 並非 end a run of characters without spaces.
// negatedBefore's suffixes are for a wish's verb phrase: read on any word
// they would find "never" in "whenever a 403 comes".)
var denialWords = map[string]bool{"not": true, "never": true, "neither": true, "nor": true, "no": true,
	"não": true, "nao": true, "nem": true, "nunca": true, "ni": true}

// denialFillers are the words a denial reaches its code across: the
// copula, articles, the words that name a status, and the verbs a person
// gets or sees it with ("not a 403", "não é um erro 403", "no es un error
// 403", "we are not getting any 403"). Any other word ends the denial's
// reach: in "I don't understand the 403 error" or "not only a 403" the
// code came.
var denialFillers = map[string]bool{
	"a": true, "an": true, "the": true, "any": true, "one": true, "even": true, "it": true, "is": true, "was": true,
	"are": true, "were": true, "be": true, "been": true, "http": true, "status": true, "error": true, "code": true,
	"response": true, "get": true, "getting": true, "see": true, "seeing": true, "return": true, "returning": true,
	"receive": true, "receiving": true, "um": true, "uma": true, "é": true, "e": true, "erro": true, "código": true,
	"codigo": true, "o": true, "es": true, "un": true, "una": true, "el": true, "la": true, "de": true,
}

// deniedAfter are the Japanese endings that deny the code before them
// ("403 ではない", "403エラーではありません", "404 じゃない").
var deniedAfter = regexp.MustCompile(`^[\x60'"」]? ?(?:エラー|error)? ?(?:では|じゃ)(?:な|あり)`)

// codeDenied reports whether the words before a code (before) or after it
// (after) deny that it came.
func codeDenied(before, after []byte) bool {
	if head := after[:min(len(after), 24)]; (bytes.Contains(head, []byte("では")) || bytes.Contains(head, []byte("じゃ"))) && deniedAfter.Match(after) {
		return true
	}
	before = bytes.TrimRight(before, " \x60'\"(「")
	if bytes.HasSuffix(before, []byte("不是")) || bytes.HasSuffix(before, []byte("并非")) || bytes.HasSuffix(before, []byte("並非")) {
		return true
	}
	for n := 0; n <= 4; n++ {
		i := bytes.LastIndexAny(before, " \t") + 1
		w := before[i:]
		if len(w) == 0 || bytes.ContainsAny(w, ",;:.!?") {
			return false // the clause ends before a denial
		}
		if bytes.HasSuffix(w, []byte("n't")) || bytes.HasSuffix(w, []byte("n’t")) || denialWords[string(w)] {
			return true
		}
		if !denialFillers[string(w)] {
			return false
		}
		before = bytes.TrimRight(before[:i], " \t")
	}
	return false
}

// A code below 500 a person says another system answered is that system's
// answer to its caller, not the API's to its client: "I also see 429 from
// another service we call", "the third-party API returns 404", "um 404 do
// serviço externo", "la API de terceros devuelve 404". The function's own
// call got it (or a service beside the API), so it is no all-clear. A 5xx
// said so still shows, as any 5xx a person names does.
var otherSystem = regexp.MustCompile(`\b(?:another|third[- ]party|downstream|upstream|external)(?: [\w-]+)? (?:services?|apis?|systems?|providers?)\b` +
	`|\b(?:outr[oa]s?|otr[oa]s?) (?:serviços?|servicios?|apis?|sistemas?|provedor(?:es)?|proveedor(?:es)?)\b` +
	`|\b(?:serviços?|servicios?|apis?|sistemas?|provedor(?:es)?|proveedor(?:es)?) (?:extern[oa]s?|de terceiros|de terceros)\b`)

// otherSystemMarks are the literals otherSystem needs.
var otherSystemMarks = [][]byte{[]byte("another"), []byte("third"), []byte("downstream"), []byte("upstream"),
	[]byte("external"), []byte("outr"), []byte("otr"), []byte("extern"), []byte("tercer"), []byte("terceir")}

// otherFrom is a code's source named right after it ("429 from another
// service", "404s from the third-party API", "404 do serviço externo").
var otherFrom = regexp.MustCompile(`^[\x60'"]?s? (?:errors? |responses? |status )?(?:from|by|de|do|da|del) (?:the |an? |our |o |a |um |uma |el |la |un |una )?`)

// clauseMarks end a clause: a person says what another system answered
// in one, and what the API answered in the next ("another service
// returns 429, but the API answers 200").
var clauseMarks = [][]byte{[]byte(". "), []byte("; "), []byte(", "), []byte("! "), []byte("? "), []byte(" but "),
	[]byte(" while "), []byte(" whereas "), []byte(" mas "), []byte(" pero "), []byte("。"), []byte("，")}

// apiNamed are the words that name the API itself between another system
// and a code: in "we call a third-party API and API Gateway returns 403"
// the code is the gateway's.
var apiNamed = [][]byte{[]byte("api gateway"), []byte("apigw"), []byte("the gateway"), []byte("our api"),
	[]byte("my api"), []byte("the endpoint"), []byte("the client")}

// othersCode reports whether the code at low[start:end] is one a person
// says another system answered: its clause names that system before it,
// with no word for the API between, or names it as the code's source
// right after it.
func othersCode(low []byte, start, end int) bool {
	if !containsAny(low, otherSystemMarks) {
		return false // most lines
	}
	from := 0
	for _, m := range clauseMarks {
		if i := bytes.LastIndex(low[:start], m); i >= 0 && i+len(m) > from {
			from = i + len(m)
		}
	}
	if loc := otherSystem.FindAllIndex(low[from:start], -1); loc != nil && !containsAny(low[from+loc[len(loc)-1][1]:start], apiNamed) {
		return true
	}
	rest := low[end:]
	if m := otherFrom.FindIndex(rest); m != nil {
		loc := otherSystem.FindIndex(rest[m[1]:])
		return loc != nil && loc[0] == 0
	}
	return false
}
