package classifier

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// shapeRow is one answer a function returned, the format the gateway read
// it by, and the fault that format finds in it.
type shapeRow struct {
	name   string
	value  string
	format payloadFormat
	known  bool // the integration is known to be a Lambda proxy integration
	want   shapeFault
}

// Sources (named in each row's comment):
//   - [guide]: the API Gateway developer guide, "Output format of a Lambda
//     function for proxy integration" (set-up-lambda-proxy-integrations);
//   - [kc]: the Knowledge Center, "How do I resolve HTTP 502 'Malformed
//     Lambda proxy response' errors from API Gateway REST APIs?";
//   - [http-guide]: the developer guide, "Create AWS Lambda proxy
//     integrations for HTTP APIs", its "Lambda function response format";
//   - [recorded-rest], [recorded-v1], [recorded-v2]: what AWS answered, as
//     LocalStack's AWS-validated tests recorded it
//     (test_aws_proxy_response_payload_format_validation for a REST API,
//     and its _v1 and _v2 for an HTTP API's payload 1.0 and 2.0).
func TestProxyResponseShapes(t *testing.T) {
	rows := []shapeRow{
		// REST, valid: [guide]'s own examples and [kc]'s
		{"rest guide example", `{"statusCode": 200, "body": "results"}`, formatREST, false, faultNone},
		{"rest guide client error", `{"statusCode": 400, "body": "Missing parameters of ..."}`, formatREST, false, faultNone},
		{"rest kc example", `{"statusCode": 200, "headers": {"my_header": "my_value"}, "body": "{\"key3\":\"value3\"}", "isBase64Encoded": false}`, formatREST, false, faultNone},
		{"rest every key", `{"isBase64Encoded": true, "statusCode": 201, "headers": {"a": "b"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": "aGk="}`, formatREST, true, faultNone},
		// REST, valid as AWS answered: no body, a header true, headers
		// null, a statusCode of digits, headers without a statusCode
		// ([recorded-rest])
		{"rest no body", `{"statusCode": 200}`, formatREST, true, faultNone},
		{"rest header value true", `{"statusCode": 200, "headers": {"test-header": "value", "header-bool": true}}`, formatREST, true, faultNone},
		{"rest headers null", `{"statusCode": 200, "headers": null}`, formatREST, true, faultNone},
		{"rest status string of digits", `{"statusCode": "201"}`, formatREST, true, faultNone},
		{"rest only headers", `{"headers": {"test-header": "value"}}`, formatREST, true, faultNone},
		// REST, refused ([recorded-rest]): a key outside the format, {}, a
		// bare string, a statusCode of letters, a multiValueHeaders value
		// that is no list
		{"rest unknown key", `{"statusCode": 200, "wrongValue": "value"}`, formatREST, true, faultUnknownKey},
		{"rest unknown key ok", `{"statusCode":200,"body":"results","ok":true}`, formatREST, false, faultUnknownKey},
		{"rest empty object", `{}`, formatREST, true, faultEmpty},
		{"rest bare string", `"justAString"`, formatREST, true, faultNotObject},
		{"rest status letters", `{"statusCode": "test"}`, formatREST, true, faultStatusCode},
		{"rest multi value not a list", `{"statusCode": 200, "multiValueHeaders": {"test-multi-invalid": "value1"}}`, formatREST, false, faultMultiValueHeaders},
		// REST, refused by [guide]'s and [kc]'s format: a body that is no
		// string, headers that are no map or hold a list, payload 2.0's
		// cookies, a statusCode key spelt otherwise (a Go struct without
		// JSON tags), null for an answer
		{"rest body object", `{"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": {"hey": "dude"}}`, formatREST, false, faultBody},
		{"rest body list", `{"statusCode": 200, "body": [1, 2]}`, formatREST, false, faultBody},
		{"rest headers list", `{"statusCode": 200, "headers": [["content-type", "text/html"]], "body": ""}`, formatREST, false, faultHeaders},
		{"rest header value list", `{"statusCode": 200, "headers": {"set-cookie": ["a=1", "b=2"]}, "body": ""}`, formatREST, false, faultHeaders},
		{"rest cookies", `{"statusCode": 200, "body": "<html></html>", "cookies": ["a=1"]}`, formatREST, false, faultUnknownKey},
		{"rest go struct", `{"StatusCode": 200, "Headers": null, "Body": "ok"}`, formatREST, false, faultUnknownKey},
		{"rest null", `null`, formatREST, true, faultNotObject},
		{"rest status object", `{"statusCode": {"code": 200}, "body": ""}`, formatREST, false, faultStatusCode},
		// cut off by the execution log: what came before the cut shows
		{"rest truncated body object", `{"statusCode":500,"body":{"message":"Request failed with status code 502\n\n\"Error: Req [TRUNCATED]`, formatREST, false, faultBody},
		{"rest truncated valid", `{"statusCode":200,"headers":{"Content-Type":"text/html"},"body":"<html><head><title>Tes [TRUNCATED]`, formatREST, false, faultNone},
		{"rest truncated status string", `{"statusCode":"te`, formatREST, false, faultNone},
		// HTTP API, payload 1.0 ([recorded-v1]): keys outside the format
		// pass; {}, a missing statusCode, a bare string, a statusCode of
		// letters and a multiValueHeaders value that is no list are refused
		{"v1 unknown key passes", `{"statusCode": 200, "wrongValue": "value"}`, formatHTTP10, false, faultNone},
		{"v1 status string of digits", `{"statusCode": "201"}`, formatHTTP10, false, faultNone},
		{"v1 empty object", `{}`, formatHTTP10, true, faultNoStatusCode},
		{"v1 bare string", `"justAString"`, formatHTTP10, true, faultNotObject},
		{"v1 status letters", `{"statusCode": "test"}`, formatHTTP10, true, faultStatusCode},
		{"v1 multi value not a list", `{"statusCode": 200, "multiValueHeaders": {"test-multi-invalid": "value1"}}`, formatHTTP10, false, faultMultiValueHeaders},
		// HTTP API, payload 2.0 ([http-guide], [recorded-v2]): valid JSON
		// without a statusCode is the body, with status 200; cookies is a
		// list; a statusCode of letters and cookies that are no list are
		// refused
		{"v2 guide example", `{"cookies": ["cookie1", "cookie2"], "isBase64Encoded": true, "statusCode": 200, "headers": {"headername": "headervalue"}, "body": "Hello from Lambda!"}`, formatHTTP20, true, faultNone},
		{"v2 no statusCode is the body", `{"random": {"json-body": "value"}}`, formatHTTP20, true, faultNone},
		{"v2 empty object is the body", `{}`, formatHTTP20, true, faultNone},
		{"v2 bare string is the body", `"justAString"`, formatHTTP20, true, faultNone},
		{"v2 unknown key passes", `{"statusCode": 200, "wrongValue": "value"}`, formatHTTP20, false, faultNone},
		{"v2 status letters", `{"statusCode": "test"}`, formatHTTP20, true, faultStatusCode},
		{"v2 cookies object", `{"statusCode": 200, "cookies": {"test-cookies-invalid": "value1"}}`, formatHTTP20, false, faultCookies},
		// [http-guide]'s headers map single values; a list belongs in cookies
		{"v2 header value list", `{"statusCode": 200, "body": "e30=", "headers": {"set-cookie": ["a=1", "b=2"]}}`, formatHTTP20, false, faultHeaders},
		// not judged: no statusCode and the integration not known to be a
		// proxy one (a custom integration's function, the function's own
		// error, the Invoke API's refusal), text that is no JSON
		{"custom answer", `{"body": {"items": []}, "total": 0}`, formatREST, false, faultNone},
		// a statusCode alone beside words of its own: the error bodies of
		// web frameworks (NestJS's default, Fastify's) an HTTP integration
		// passes on, and a custom integration's function's own object
		{"nestjs error body", `{"statusCode": 500, "message": "Internal server error"}`, formatREST, false, faultNone},
		{"fastify error body", `{"statusCode": 500, "error": "Internal Server Error", "message": "boom"}`, formatREST, false, faultNone},
		{"status letters, custom", `{"statusCode": "test"}`, formatREST, false, faultNone},
		{"function error", `{"errorMessage": "boom", "errorType": "Error", "stackTrace": []}`, formatREST, true, faultNone},
		{"invoke refusal", `{"Message": "User: arn:aws:sts::123456789012:assumed-role/r is not authorized to perform: lambda:InvokeFunction"}`, formatREST, true, faultNone},
		{"bare string custom", `"hello world"`, formatREST, false, faultNone},
		{"xml refusal", `<AccessDeniedException><Message>Unable to determine service/operation name to be authorized</Message></AccessDeniedException>`, formatREST, true, faultNone},
		{"ellipsis", `...`, formatREST, true, faultNone},
		{"javascript object", `{statusCode: 200, body: {a: 1}}`, formatREST, true, faultNone},
		{"a person's ellipsis", `{"statusCode": 200, "body": ..., "extra": 1}`, formatREST, false, faultNone},
		{"empty", ``, formatREST, true, faultNone},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			p := readProxyShape([]byte(r.value))
			if got := p.fault(r.format, r.known); got != r.want {
				t.Errorf("fault %d, want %d (shape %+v)", got, r.want, p)
			}
		})
	}
}

// The execution log shows a proxy integration's answer on its "Endpoint
// response body before transformations" line, which then names the cause
// even without the "Malformed Lambda proxy response" line after it.
func TestProxyResponseShapeInExecutionLog(t *testing.T) {
	const id = "(5cb7ee58-39e6-11e9-be7e-29aff96747f2) "
	body := func(v string) string { return id + "Endpoint response body before transformations: " + v + "\n" }
	proxyEvent := id + `Endpoint request body after transformations: {"resource":"/items","path":"/items","httpMethod":"GET","headers":null}` + "\n"
	completed := func(code string) string { return id + "Method completed with status: " + code + "\n" }
	uri := func(u string) string { return id + "Endpoint request URI: " + u + "\n" }
	received := func(code string) string {
		return id + "Received response. Status: " + code + ", Integration latency: 48 ms\n"
	}
	const lambdaURI = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations"
	const extraKey = `{"statusCode":200,"body":"results","ok":true}`
	checkWordings(t, []wording{
		// Lambda's Invoke API answered 200: the function's answer
		{"lambda answered 200", uri(lambdaURI) + received("200") + body(extraKey) + completed("502"),
			"lambda_malformed_proxy_response", "502"},
		// laid out over the lines after its line, as people paste it,
		// fenced or not, or on the next line alone
		{"laid out after its line", "Endpoint response body before transformations:\n```\n{\n  \"statusCode\": 200,\n  \"body\": {\n    \"a\": 1\n  }\n}\n```\n" + `{"message": "Internal server error"}`,
			"lambda_malformed_proxy_response", "502"},
		{"on the next line", id + "Endpoint response body before transformations:\n" + extraKey + "\n" + completed("502"),
			"lambda_malformed_proxy_response", "502"},
		// negatives: another endpoint's answer (an HTTP integration), an
		// answer of Lambda's Invoke API that is no function's, a value that
		// came after another line, a custom integration's error object
		// laid out
		{"http integration", uri("https://backend.example.com/items") + received("200") + body(extraKey) + completed("502"),
			"unknown", "502"},
		{"lambda refused", uri(lambdaURI) + received("502") + body(extraKey) + completed("502"),
			"unknown", "502"},
		{"value after another line", id + "Endpoint response body before transformations:\n" + completed("502") + extraKey + "\n",
			"unknown", "502"},
		// (nor, after an answer's line among lines read one by one, the
		// next object laid out, which is another's)
		{"later object after a replayed line", "{\n  note: no JSON,\n  Endpoint response body before transformations:\n  {\n    \"a\": 1\n  }\n}\n{\n  \"statusCode\": 200,\n  \"body\": \"fine\",\n  \"ok\": true\n}\n",
			"unknown", "unknown"},
		{"laid out error object", "Endpoint response body before transformations:\n{\n  \"stackTrace\": [],\n  \"errorMessage\": \"Unauthorixed\",\n  \"errorType\": \"Exception\"\n}\n",
			"lambda_function_error", "unknown"},
		// the console's test, as a report pastes it (no ids)
		{"extra key, console test", "Endpoint response body before transformations: {\"statusCode\":200,\"body\":\"results\",\"ok\":true}\n" + `{"message": "Internal server error"}`,
			"lambda_malformed_proxy_response", "502"},
		{"body object", body(`{"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": {"hey": "dude"}}`) + completed("502"),
			"lambda_malformed_proxy_response", "502"},
		{"cut-off body object", body(`{"statusCode":500,"body":{"message":"Request failed with status code 502 [TRUNCATED]`) + completed("502"),
			"lambda_malformed_proxy_response", "502"},
		// a proxy integration's bare answer is judged once its event was seen
		{"bare string, proxy event", proxyEvent + body(`"hello world"`) + completed("502"),
			"lambda_malformed_proxy_response", "502"},
		// negatives: a valid answer; a custom integration's answer that
		// came back 200; a bare string without the proxy event; the
		// function's error object; a WebSocket API's answer
		{"valid answer", body(`{"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"ok\":true}", "isBase64Encoded": false}`),
			"unknown", "unknown"},
		{"valid answer, 502 of another step", body(`{"statusCode": 200, "body": "ok"}`) + completed("502"),
			"unknown", "502"},
		{"custom integration answered 200", body(`{"statusCode": 400, "body": {"error": "bad"}, "ok": false}`) + completed("200"),
			"not_5xx", "none"},
		{"bare string, no proxy event", body(`"hello world"`) + completed("502"),
			"unknown", "502"},
		// a custom integration's function (its event is what a template
		// made), whose answer its integration response maps, whatever shape
		{"custom integration's event", uri(lambdaURI) + id + `Endpoint request body after transformations: {"orderId": "42"}` + "\n" + received("200") +
			body(`{"statusCode": 200, "body": {"items": []}}`) + completed("500"),
			"unknown", "500"},
		{"function error", body(`{"errorMessage": "boom", "errorType": "Error"}`) + completed("502"),
			"lambda_function_error", "502"},
		{"websocket", "(L0SM9cOFvHcCIhw=) Endpoint response body before transformations: {\"statusCode\": 200, \"body\": {\"a\": 1}}\n(L0SM9cOFvHcCIhw=) Method completed with status: 502\n",
			"unknown", "502"},
		// a valid answer of a 5xx, which the gateway passes on: the function
		// ran and failed by its own account (an error it caught, a
		// dependency it could not reach), once its endpoint or its event
		// shows it was a Lambda proxy integration's function
		{"function's own 500", uri(lambdaURI) + received("200") + body(`{"statusCode":500,"body":"{\"message\":\"table unavailable\"}"}`) + completed("500"),
			"lambda_function_error", "500"},
		{"function's own 503, proxy event", proxyEvent + body(`{"statusCode": 503, "headers": {}, "body": "try later"}`) + completed("503"),
			"lambda_function_error", "503"},
		{"function's own 502, as a string", uri(lambdaURI) + received("200") + body(`{"statusCode": "502", "body": "upstream failed"}`) + completed("502"),
			"lambda_function_error", "502"},
		// the same answer passed on as 200 is a custom integration's: the
		// function's failure masked
		{"function's own 500 answered 200", uri(lambdaURI) + received("200") + body(`{"statusCode":500,"body":"failed"}`) + completed("200"),
			"lambda_error_masked_as_200", "none"},
		// negatives: an HTTP integration's backend answering 500 in its own
		// words; no line that shows whose answer it was; a custom
		// integration's function; a 4xx the function chose
		{"backend's own 500", uri("https://backend.example.com/items") + received("200") + body(`{"statusCode":500,"body":"failed"}`) + completed("500"),
			"unknown", "500"},
		{"own 500, whose unknown", body(`{"statusCode":500,"body":"failed"}`) + completed("500"),
			"unknown", "500"},
		{"own 500, custom integration's event", uri(lambdaURI) + id + `Endpoint request body after transformations: {"orderId": "42"}` + "\n" + received("200") +
			body(`{"statusCode":500,"body":"failed"}`) + completed("500"),
			"unknown", "500"},
		{"function's own 404", uri(lambdaURI) + received("200") + body(`{"statusCode":404,"body":"no such order"}`) + completed("404"),
			"not_5xx", "none"},
	})
}

// An answer's line that ends a file, or a log event, leaves no wait for
// the next: what that file or event opens with is its own, not the answer.
func TestProxyAnswerLineEndsWithItsFile(t *testing.T) {
	s := NewSession(Hints{})
	for _, file := range []string{
		"Endpoint response body before transformations:\n",
		`{"statusCode": 200, "body": "fine", "ok": true}` + "\n",
	} {
		if _, err := s.ReadFrom(strings.NewReader(file)); err != nil {
			t.Fatal(err)
		}
	}
	if d := s.Diagnose(LangEN); d.Cause != CauseUnknown {
		t.Errorf("got %s (%s), want unknown", d.Cause, d.Why)
	}
	// and a log event is whole: the next event's message is its own
	const group = "API-Gateway-Execution-Logs_abc123/prod"
	s = NewSession(Hints{})
	s.AddEvent(LogEvent{Group: group, Message: "Endpoint response body before transformations:"})
	s.AddEvent(LogEvent{Group: group, Message: `{"statusCode": 200, "body": "fine", "ok": true}`})
	if d := s.Diagnose(LangEN); d.Cause != CauseUnknown {
		t.Errorf("events: got %s (%s), want unknown", d.Cause, d.Why)
	}
}

// The stage's configuration decides what the execution log cannot: an
// HTTP API reads the answer by its payload version, and AWS_PROXY makes a
// bare answer judged.
func TestProxyResponseShapeByHints(t *testing.T) {
	line := func(v string) string { return "Endpoint response body before transformations: " + v + "\n" }
	rows := []struct {
		name  string
		hints Hints
		text  string
		cause string
	}{
		{"rest aws_proxy bare string", Hints{APIType: stage.APIREST, IntegrationType: "AWS_PROXY"}, line(`"justAString"`), "lambda_malformed_proxy_response"},
		{"rest custom bare string", Hints{APIType: stage.APIREST, IntegrationType: "AWS"}, line(`"justAString"`), "unknown"},
		// a custom integration's function may answer anything: its
		// integration response maps it
		{"rest custom, body object", Hints{APIType: stage.APIREST, IntegrationType: "AWS"}, line(`{"statusCode": 200, "body": {"a": 1}}`), "unknown"},
		{"rest unknown type, body object", Hints{APIType: stage.APIREST}, line(`{"statusCode": 200, "body": {"a": 1}}`), "lambda_malformed_proxy_response"},
		// a stage whose methods are mostly HTTP integrations: an answer is
		// a backend's, unless the request's endpoint was Lambda's
		{"rest http type, body object", Hints{APIType: stage.APIREST, IntegrationType: "HTTP_PROXY"}, line(`{"statusCode": 200, "body": {"a": 1}}`), "unknown"},
		{"rest http type, lambda endpoint", Hints{APIType: stage.APIREST, IntegrationType: "HTTP_PROXY"},
			"Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations\n" + line(`{"statusCode": 200, "body": {"a": 1}}`), "lambda_malformed_proxy_response"},
		// both payload versions refuse a statusCode of letters; 1.0 alone a
		// key outside the format, which 2.0 lets through
		{"http status letters", Hints{APIType: stage.APIHTTP, IntegrationType: "AWS_PROXY"}, line(`{"statusCode": "test"}`), "lambda_malformed_proxy_response"},
		{"http unknown key", Hints{APIType: stage.APIHTTP}, line(`{"statusCode": 200, "wrongValue": "value"}`), "unknown"},
		{"websocket", Hints{APIType: stage.APIWebSocket}, line(`{"statusCode": 200, "wrongValue": "value"}`), "unknown"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			if d := diagnoseWith(t, r.hints, r.text); d.Cause.String() != r.cause {
				t.Errorf("got %s, want %s (%s)", d.Cause, r.cause, d.Why)
			}
		})
	}
}

// FuzzProxyShape reads any text without failing, agrees with
// encoding/json on every object it decodes (the same kinds, the same
// fault), and reads a cut-off answer as the execution log shows it: the
// cut marked "[TRUNCATED]" or not, and no fault in a cut that the whole
// answer does not have.
func FuzzProxyShape(f *testing.F) {
	for _, v := range []string{
		`{"statusCode": 200, "headers": {"a": "b"}, "multiValueHeaders": {"c": ["d"]}, "body": "x", "isBase64Encoded": false}`,
		`{"statusCode":"201","body":{"a":[1,{"b":"}"}]},"cookies":{"x":"y"}}`,
		`{"statusCode":500,"body":{"message":"a\"b [TRUNCATED]`,
		`"justAString"`, `{}`, "\v{}", "\ufeff{}", `null`, `[1,2]`, `{statusCode: 1}`, `{"a":1,}`, `{"headers":{"a":[1]},"statusCode":true}`,
	} {
		f.Add([]byte(v))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		p := readProxyShape(v)
		for _, ft := range []payloadFormat{formatREST, formatHTTP10, formatHTTP20} {
			for _, known := range []bool{false, true} {
				got := p.fault(ft, known)
				want, ok := referenceFault(v, ft, known)
				if ok && (got == faultNone) != (want == faultNone) {
					t.Fatalf("%q format %d known %v: fault %d, encoding/json's reading %d", v, ft, known, got, want)
				}
			}
		}
		if json.Valid(v) && !bytes.Contains(v, []byte("[TRUNCATED]")) {
			checkCuts(t, v, p)
		}
	})
}

// checkCuts reads every cut of v, an answer that is JSON: the cut shows
// what came before it and no more, so a fault it shows, the whole shows.
func checkCuts(t *testing.T, v []byte, whole proxyShape) {
	t.Helper()
	for n := range len(v) {
		cut := readProxyShape(v[:n])
		if marked := readProxyShape(append(bytes.Clone(v[:n]), " [TRUNCATED]"...)); marked != cut {
			t.Fatalf("%q: cut marked [TRUNCATED] read as %+v, unmarked %+v", v[:n], marked, cut)
		}
		for _, ft := range []payloadFormat{formatREST, formatHTTP10, formatHTTP20} {
			for _, known := range []bool{false, true} {
				if f := cut.fault(ft, known); f != faultNone && whole.fault(ft, known) == faultNone {
					t.Fatalf("%q cut at %d: format %d known %v: fault %d the whole answer has not", v, n, ft, known, f)
				}
			}
		}
	}
}

// referenceFault judges v as fault does, from encoding/json's decoding; ok
// is false for text it does not judge the same way by design: no JSON
// object, keys written with escapes or twice.
func referenceFault(v []byte, f payloadFormat, known bool) (shapeFault, bool) {
	if !json.Valid(v) || bytes.IndexByte(v, '\\') >= 0 || hasRepeatedKey(v) {
		return faultNone, false
	}
	var m map[string]any
	if json.Unmarshal(v, &m) != nil || m == nil {
		return faultNone, false
	}
	p := proxyShape{top: kindObject, complete: true, keys: len(m)}
	for k, x := range m {
		kind := anyKind(x)
		switch {
		case k == "statusCode":
			p.statusCode = kind
			s, isStr := x.(string)
			p.badStatus = isStr && !strings.ContainsAny(s, "0123456789") || kind == kindBool || kind == kindObject || kind == kindArray
		case strings.EqualFold(k, "statusCode"):
			p.statusLike, p.unknownKey = true, true
		case k == "body":
			p.body = kind
			p.formatKeys++
		case k == "headers":
			p.headers = kind
			p.formatKeys++
			if h, isMap := x.(map[string]any); isMap {
				for _, hv := range h {
					p.headerValue = p.headerValue || anyKind(hv) == kindObject || anyKind(hv) == kindArray
				}
			}
		case k == "multiValueHeaders":
			p.multi = kind
			p.formatKeys++
			if h, isMap := x.(map[string]any); isMap {
				for _, hv := range h {
					p.multiValue = p.multiValue || anyKind(hv) != kindArray && anyKind(hv) != kindNull
				}
			}
		case k == "cookies":
			p.cookies, p.unknownKey = kind, true
			p.formatKeys++
		case k == "isBase64Encoded":
			p.formatKeys++
		case strings.EqualFold(k, "body") || strings.EqualFold(k, "headers") || strings.EqualFold(k, "multiValueHeaders") || strings.EqualFold(k, "isBase64Encoded"):
			p.unknownKey = true
			p.formatKeys++
		default:
			p.unknownKey = true
		}
	}
	return p.fault(f, known), true
}

// hasRepeatedKey reports whether any object in v repeats a key, which
// encoding/json keeps the last of.
func hasRepeatedKey(v []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(v))
	var seen []map[string]bool
	var inObject []bool
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{':
				seen, inObject = append(seen, map[string]bool{}), append(inObject, true)
				expectKey = true
				continue
			case '[':
				seen, inObject = append(seen, nil), append(inObject, false)
			case '}', ']':
				seen, inObject = seen[:len(seen)-1], inObject[:len(inObject)-1]
			}
		case string:
			if expectKey {
				top := seen[len(seen)-1]
				if top[x] {
					return true
				}
				top[x] = true
				expectKey = false
				continue
			}
		}
		expectKey = len(inObject) > 0 && inObject[len(inObject)-1] && dec.More()
	}
}

// anyKind is the kind of a decoded value.
func anyKind(x any) valueKind {
	switch x.(type) {
	case map[string]any:
		return kindObject
	case []any:
		return kindArray
	case string:
		return kindString
	case float64:
		return kindNumber
	case bool:
		return kindBool
	}
	return kindNull
}

// The reader runs on every answer line of an execution log, at the
// classifier's streaming rate: it reads an answer, nested and cut off
// ones too, without allocating.
func TestProxyShapeReadsWithoutAllocating(t *testing.T) {
	for _, v := range []string{
		`{"statusCode": 200, "headers": {"a": "b"}, "multiValueHeaders": {"c": ["d"]}, "body": "x", "isBase64Encoded": false}`,
		`{"statusCode":500,"body":{"message":"Request failed with status code 502 [TRUNCATED]`,
	} {
		b := []byte(v)
		if n := testing.AllocsPerRun(100, func() { _ = readProxyShape(b) }); n != 0 {
			t.Errorf("%s: %v allocations a read", v, n)
		}
	}
}
