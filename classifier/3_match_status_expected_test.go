package classifier

import (
	"strings"
	"testing"
)

// A status a person wished for is none a client got; one they complain
// came ("should not return 502") or that a client printed still shows.
func TestExpectedStatusIsNotShown(t *testing.T) {
	checkStatusShown(t, []shownRow{
		// serverless/serverless#2049's "What should have happened?"
		{"API Gateway should return a 500 or 504 status code when a lambda function times out", 0},
		{"It should have matched and return an HTTP Status 504.", 0},
		{"The API returns 502 but it should return 200", 502},
		{"It should not give a 502 error, but it does", 502},
		{"API Gateway should never answer 504 for this", 504},
		// Postman's test assertion: the code it got stays
		{"Expected response to have status code 200 but got 502", 502},
		{"It returns 200 instead of 502", 200},
		// the code after "instead of" is the one that did not come
		// (aws-lambda-dotnet#884's wording), unless a wish before it
		// makes it the one that did
		{"Instead of expected status code 500, status code 200 is returned.", 200},
		{"The API answers 502 rather than 504 when the function times out", 502},
		{"Instead of 200 we get 502 Bad Gateway", 502},
		{"A API retorna 200 em vez de 500 quando a função falha", 200},
		{"500ではなく200が返ってきます", 200},
		// OkHttp's assertion, and "expected" that is no wish
		{"Expected HTTP 101 response but was '502 Bad Gateway'", 502},
		{"As expected, we get 502 when the function times out", 502},
		{"It should work but the API returns 502", 502},
	})
}

// The code after "instead of" is dropped as one that did not come, but
// not after a wish in the same sentence: there it is the one that came.
func TestInsteadOfAfterAWishStays(t *testing.T) {
	for _, c := range []struct {
		line string
		kept bool
	}{
		{"it should return 504 instead of 502", true},
		{"we want a 404 instead of 502 here", true},
		{"it returns 200 instead of 502", false},
		{"it should work. it returns 200 instead of 502", false},
	} {
		if got := strings.Contains(string(dropExpected([]byte(c.line))), "502"); got != c.kept {
			t.Errorf("%q: 502 kept %v, want %v", c.line, got, c.kept)
		}
	}
}

// shownRow is a line and the status statusShown must find in it (0: none).
type shownRow struct {
	line string
	want int
}

func checkStatusShown(t *testing.T, rows []shownRow) {
	t.Helper()
	for _, c := range rows {
		if got := statusShown(appendLower(nil, []byte(c.line)), nil); got != c.want {
			t.Errorf("%q: got %d, want %d", c.line, got, c.want)
		}
	}
}

// A wish names neither the status nor the cause: the diagnosis of a
// wish alone shows no status; a complaint beside it still does.
func TestExpectedStatusIsNoEvidence(t *testing.T) {
	for _, c := range []struct {
		text, status string
	}{
		{"It should have matched and return an HTTP Status 504.", ""},
		{"The API is expected to return status 503 when the backend is down.", ""},
		{"API Gateway ought to answer 502 Bad Gateway here.", ""},
		{"It is supposed to return Service Unavailable while we deploy.", ""},
		{"It should return Endpoint request timed out after 29 seconds.", ""},
		// (a quantity after the wish is none of its codes: the code it
		// holds is still dropped)
		{"It should return 504 within 300 ms.", ""},
		{"A API deveria retornar 504 quando a função excede o tempo.", ""},
		{"A API deve retornar 504 quando a função excede o tempo.", ""},
		{"这种情况下 API 应该返回 504。", ""},
		{"この場合 API Gateway は 504 を返すべきです。", ""},
		{"It should not answer status 502, but it does.", "502"},
		{"It is not supposed to return status 504, yet clients get it.", "504"},
		{"We get status 504; it should return 200.", "504"},
		// the code after a contrast came; a denial says it came
		{"It should work, but we get status 502.", "502"},
		{"Expected to see the page, instead got status 504.", "504"},
		{"API 不应该返回 504，但是现在返回了。", "504"},
		{"API Gateway は 504 を返すべきではないのに返します。", "504"},
	} {
		d := diagnoseText(t, c.text)
		wish := c.status == ""
		if (wish && d.Status.Is5xx()) || (!wish && d.Status.String() != c.status) {
			t.Errorf("%q: got %s/%s, want status %q", c.text, d.Status, d.Cause, c.status)
		}
		if wish && d.Cause != CauseUnknown {
			t.Errorf("%q: got cause %s from a wish, want unknown", c.text, d.Cause)
		}
	}
}

// A code below 500 a person wants, asks how to get or heads as the
// expected outcome, and one that code sets, is no answer a client got, so
// no all-clear; the code that came beside it still shows.
func TestWishedBelow500IsNoAllClear(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"want to return", "I want to return a 400 from my Lambda with a message.", "unknown"},
		{"want the API to", "We want the API to answer 429 when the client is throttled.", "unknown"},
		{"how do I", "How do I return a 404 from API Gateway?", "unknown"},
		{"how to", "How to return 401 or 403 from a Lambda authorizer", "unknown"},
		{"would like", "I would like the gateway to answer 403 for unknown keys.", "unknown"},
		// an issue template's heading, and the markdown people bold it with
		{"expected heading", "Expected: 401 Unauthorized. The handler crashes instead.", "unknown"},
		{"expected heading, bold", "**Expected**: 403 for a request without a key", "unknown"},
		{"expected result heading", "Expected result: 403", "unknown"},
		// Express's res.status(code) in a handler's code (expressjs.com's API
		// reference), a status the code sets
		{"express res.status", `if (!token) return res.status(401).json({ error: "Unauthorized" })`, "unknown"},
		// what came beside the wish still shows
		{"want, but got", "I want to return a 400, but the client gets 502 Bad Gateway", "502"},
		{"want, and a 403 that came", "I want a 200 here. Instead the API returns 403 Forbidden.", "none"},
		{"expected heading, then actual", "Expected: 200\nActual: HTTP/1.1 403 Forbidden", "none"},
		{"a wish never hides a 5xx", "How do I stop the 502 errors from API Gateway?", "502"},
		// a wish or a question that names no act of answering: the code
		// in it came
		{"want to know why", "I want to know why the API returns 403", "none"},
		{"how to avoid", "How can I avoid the 429 responses?", "none"},
		{"the status in parentheses stays", "The remote server returned an error: (403) Forbidden.", "none"},
	})
}

// A handler's code that builds a response names the status it means to
// send, as each framework's reference writes it: no client got it, so it
// is no all-clear. A client's print of the response it got still shows.
func TestStatusSetInCodeIsNoAllClear(t *testing.T) {
	checkStatuses(t, []statusCase{
		// the Fetch API's Response constructor (MDN)
		{"fetch Response", `return new Response("Forbidden", { status: 403 });`, "unknown"},
		// Django's HttpResponse and JsonResponse (status=)
		{"django JsonResponse", `return JsonResponse({"error": "forbidden"}, status=403)`, "unknown"},
		{"django HttpResponse", "return HttpResponse(status=401)", "unknown"},
		// Koa's ctx.status and an Azure function's context.res
		{"koa ctx.status", "ctx.status = 401;", "unknown"},
		{"azure context.res", `context.res = { status: 401, body: "Unauthorized" };`, "unknown"},
		// a returned response object, and one passed to the Lambda callback
		// (the developer guide's Lambda proxy output format)
		{"returned object", "return { status: 403, body: 'Forbidden' }", "unknown"},
		{"lambda callback", "callback(null, {statusCode: 401, headers: {}, body: JSON.stringify({message: 'Unauthorized'})});", "unknown"},
		{"declared object", "const response = { status: 429, body: 'slow down' };", "unknown"},
		// an object's 5xx status still shows, code's or not: a client
		// prints the response it got as the same object (axios's), and a
		// false all-clear is worse than a status read from code; a
		// client's print of what it got stays
		{"a 5xx in code", `return new Response("oops", { status: 502 });`, "502"},
		{"axios response printed", "{ status: 403, statusText: 'Forbidden', headers: {} }", "none"},
		{"a body printed", "{ message: 'Forbidden' }", "none"},
		{"a person", "Let me explain: the API answers 403 Forbidden.", "none"},
		// an error branch's status and reason phrase, beside the answer a
		// client got, a person's, or none: what the code would send is
		// no answer, and it keeps a person's 4xx from an all-clear
		{"an error branch beside curl's 404", "HTTP/1.1 404 Not Found\n  res.status(500).json({ error: \"Internal Server Error\" });", "none"},
		{"an error branch beside a person's 403", "The API answers 403 Forbidden.\n  res.status(500).json({ error: \"Internal Server Error\" });", "unknown"},
		{"an error branch beside the function's error", "[ERROR] KeyError: 'body'\n  return { statusCode: 502, body: JSON.stringify({ message: \"Bad Gateway\" }) };", "unknown"},
	})
}

// The memo of a line's wishes gives each line its own reading, whatever
// the order the lines come in and whatever the caller does with its
// buffer afterwards (the matcher reuses one for every line).
func TestExpectedMemoReadsEachLine(t *testing.T) {
	lines := []string{
		"the api should return 200 but returns 502",
		"the api should return 200 but returns 502",
		"it returns 200 instead of 502",
		"the api should return 200 but returns 502",
		"",
		"no code at all",
		"it returns 200 instead of 502",
		"it returns 502 instead of 200", // as long as the line before
	}
	var memo expectedMemo
	buf := []byte{}
	for i, l := range lines {
		buf = append(buf[:0], l...)
		want := string(dropExpected([]byte(l)))
		got := memo.drop(buf)
		if string(got) != want {
			t.Errorf("line %d %q: got %q, want %q", i, l, got, want)
		}
		for j := range buf {
			buf[j] = 'x' // the caller's buffer is its own again
		}
		if string(got) != want {
			t.Errorf("line %d %q: the reading changed with the caller's buffer: %q", i, l, got)
		}
	}
	if got := (*expectedMemo)(nil).drop([]byte(lines[0])); string(got) != string(dropExpected([]byte(lines[0]))) {
		t.Errorf("a nil memo: got %q", got)
	}
}
