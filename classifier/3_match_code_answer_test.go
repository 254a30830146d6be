package classifier

import (
	"strings"
	"testing"
)

// literalJSON reads the literals code writes as JSON of the same shape:
// one row per form of the two runtimes' handler pages ([node-handler]:
// the Lambda developer guide's "Define Lambda function handler in
// Node.js"; [python-handler]: its "Define Lambda function handler in
// Python").
func TestLiteralJSON(t *testing.T) {
	rows := []struct{ name, code, want string }{
		// [node-handler]: unquoted and quoted keys, single quotes, a
		// template, a trailing comma, JSON.stringify, a shorthand property
		{"node keys", `{statusCode: 200, 'body': 'ok', "headers": {'Content-Type': "text/html"},}`, `{"statusCode":200,"body":"ok","headers":{"Content-Type":"text/html"}}`},
		{"node template and stringify", "{statusCode: 200, body: `hi ${name}`, extra: JSON.stringify(x)}", `{"statusCode":200,"body":"","extra":""}`},
		{"node shorthand", `{statusCode, body}`, `{"statusCode":null,"body":null}`},
		{"node computed values", `{statusCode: ok ? 200 : 500, body: data, n: 1 + x, s: 'a' + b}`, `{"statusCode":null,"body":null,"n":null,"s":"a"}`},
		{"node list", `{statusCode: 200, headers: [['a', 'b']], body: ''}`, `{"statusCode":200,"headers":[["a","b"]],"body":""}`},
		// [python-handler]: a dict with True, False, None and json.dumps
		{"python dict", `{'statusCode': 200, 'isBase64Encoded': False, 'headers': None, 'body': json.dumps({'a': True})}`, `{"statusCode":200,"isBase64Encoded":false,"headers":null,"body":""}`},
		{"python f-string", `{'statusCode': 200, 'body': f'hello {name}'}`, `{"statusCode":200,"body":"hello {name}"}`},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			got, ok := literalJSON(nil, []byte(r.code))
			if !ok || string(got) != r.want {
				t.Errorf("got %s (%v), want %s", got, ok, r.want)
			}
		})
	}
	// a spread or a computed key leaves the keys unknown; a stray closer
	// in a list, which no value passes (it was once read as the list's
	// next element without end), and lists nested past the depth objects
	// are held to are not read
	for _, code := range []string{`{...base, statusCode: 200}`, `{[key]: 1, statusCode: 200}`, `{"000":[),"error":null}`, `{a: ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`} {
		if _, ok := literalJSON(nil, []byte(code)); ok {
			t.Errorf("%s read", code)
		}
	}
}

// Pasted handler code shows the function's answer; judged by the proxy
// response format (sources as in TestProxyResponseShapes: [guide], [kc],
// [http-guide]), it names a malformed proxy response when the report also
// shows the 5xx the client got.
func TestHandlerAnswerInCode(t *testing.T) {
	const rest502 = "\n{\"message\": \"Internal server error\"}\n"
	const node = "exports.handler = async (event) => {\n"
	checkWordings(t, []wording{
		// [kc]: a body that is an object, not a string, returned by an
		// async handler, through callback(null, ...) and context.succeed,
		// or assigned to a name that is returned
		{"async return body object", node + "  return {\n    statusCode: 200,\n    body: { message: 'hi' } // an object\n  };\n};" + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"assigned then returned", node + "  const response = {\n    statusCode: 200,\n    body: {\n      \"akash\": \"adityasingh\"\n    }\n  };\n  return response;\n};" + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"callback", "exports.handler = function(event, context, callback) {\n  callback(null, {statusCode: 200, body: {ok: true}});\n};\nHTTP/1.1 502 Bad Gateway",
			"lambda_malformed_proxy_response", "502"},
		{"context.succeed", "context.succeed({ statusCode: 200, headers: {}, body: [1, 2] });" + rest502,
			"lambda_malformed_proxy_response", "502"},
		// [guide]: headers map names to single values
		{"headers list", node + "  return {statusCode: 200, headers: [['Content-Type', 'text/html']], body: '<p>hi</p>'};\n};" + rest502,
			"lambda_malformed_proxy_response", "502"},
		// [guide]: a REST API's format holds its keys alone
		{"rest extra key", node + "  return { statusCode: 200, body: JSON.stringify(data), success: true };\n};" + rest502,
			"lambda_malformed_proxy_response", "502"},
		// [python-handler] and [kc]: a dict's body that is a dict
		{"python dict body", "def lambda_handler(event, context):\n    return {\n        'statusCode': 200,\n        'body': {'message': 'hi'}  # not json.dumps\n    }\nHTTP/1.1 502 Bad Gateway",
			"lambda_malformed_proxy_response", "502"},
		// [http-guide]: payload 2.0's headers hold single values, a list
		// belongs in cookies (an HTTP API answers 500)
		{"http api header list", node + "  return {statusCode: 200, body: 'e30=', headers: {'set-cookie': ['a=1', 'b=2']}, multiValueHeaders: 1};\n};\nHTTP/1.1 500 Internal Server Error\napigw-requestid: Z2Xssg2yjoEEMaw=",
			"lambda_malformed_proxy_response", "500"},
		// a Go handler of the proxy event that returns a string, which
		// aws-lambda-go answers as a JSON string ([recorded-rest]: a bare
		// string is refused)
		{"go string handler", "func Handler(ctx context.Context, request events.APIGatewayProxyRequest) (string, error) {\n\treturn \"Hello\", nil\n}" + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"go proxy response handler", "func Handler(ctx context.Context, request events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {\n\treturn events.APIGatewayProxyResponse{StatusCode: 200, Body: \"Hello\"}, nil\n}" + rest502,
			"unknown", "500"},
		{"go string handler of no proxy event", "func Handler(ctx context.Context) (string, error) {\n\treturn \"Hello\", nil\n}" + rest502,
			"unknown", "500"},
		{"go string handler, http api", "func Handler(ctx context.Context, request events.APIGatewayProxyRequest) (string, error) {\n\treturn \"Hello\", nil\n}\nHTTP/1.1 500 Internal Server Error\napigw-requestid: Z2Xssg2yjoEEMaw=",
			"unknown", "500"},
		// negatives: valid answers ([guide]'s and [kc]'s forms,
		// multiValueHeaders lists, json.dumps), values code computes,
		// payload 2.0's plain JSON, no 5xx shown, a literal no handler
		// returns (a client's request, a test's expectation, one assigned
		// and never returned), a spread, a WebSocket route
		{"valid node", node + "  return {\n    statusCode: 200,\n    headers: {'Content-Type': 'application/json'},\n    body: JSON.stringify({ok: true}),\n  };\n};" + rest502,
			"unknown", "500"},
		{"valid multi value", node + "  return {statusCode: 200, multiValueHeaders: {'Set-Cookie': ['a=1', 'b=2']}, body: ''};\n};" + rest502,
			"unknown", "500"},
		{"valid python", "def handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps({'a': 1}), 'isBase64Encoded': False}\nHTTP/1.1 502 Bad Gateway",
			"unknown", "502"},
		{"computed values", node + "  return {statusCode: code, body: payload, headers};\n};" + rest502,
			"unknown", "500"},
		{"http api plain json", node + "  return {message: 'hi', items: [1, 2]};\n};\nHTTP/1.1 500 Internal Server Error\napigw-requestid: Z2Xssg2yjoEEMaw=",
			"unknown", "500"},
		{"no 5xx shown", node + "  return {statusCode: 200, body: {a: 1}};\n};",
			"unknown", "unknown"},
		{"client request", "const res = await fetch(url, { method: 'POST', statusCode: 1, body: { a: 1 } });" + rest502,
			"unknown", "500"},
		{"test expectation", "expect(result).toEqual({ statusCode: 200, body: { a: 1 } });" + rest502,
			"unknown", "500"},
		{"assigned, not returned", "const fixture = {\n  statusCode: 200,\n  body: { a: 1 }\n};\nreturn ok;" + rest502,
			"unknown", "500"},
		{"spread", node + "  return { ...base, statusCode: 200, body: {a: 1} };\n};" + rest502,
			"unknown", "500"},
		{"websocket route", "wscat -c wss://abc.execute-api.us-east-1.amazonaws.com/dev\n" + node + "  return {statusCode: 200, body: {a: 1}};\n};\n< {\"message\": \"Internal server error\", \"connectionId\":\"L0SM9cOFvHcCIhw=\", \"requestId\":\"L0SM9HvUvHcFmYA=\"}",
			"unknown", "500"},
		// the function's log shows it failing before its return: the
		// error it raised is what the client's 502 answered, not the
		// answer the code would have returned (the Lambda developer
		// guide's Python handler errors: the runtime reports the
		// exception, and no response is returned)
		{"a traceback before the return", "[ERROR] KeyError: 'id'\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 5, in handler\n    item = event['id']\ndef handler(event, context):\n    return {'statusCode': 200, 'body': {'a': 1}}" + rest502,
			"lambda_function_error", "502"},
		// an HTTP API's payload 2.0 takes an answer with an object body
		// as LocalStack's AWS recordings show, so code alone names nothing
		{"HTTP API answer", "apigw-requestid: RL2XYiwjPHcEMEQ=\nHTTP/1.1 500 Internal Server Error\n" + node + "  return {statusCode: 200, body: {a: 1}};\n};",
			"unknown", "500"},
	})
}

// The function's answer as the function's own log prints it, and as an
// invocation's output shows it (the Lambda console's test "Response",
// `aws lambda invoke`'s file, `sam local invoke`): a key of the wrong kind
// ([kc], [guide]) names a malformed proxy response beside the 5xx the
// client got; a key outside the format does not, as a function prints
// objects of its own.
func TestHandlerAnswerPrinted(t *testing.T) {
	const rest502 = "\n{\"message\": \"Internal server error\"}\n"
	const node = "2021-01-28T07:26:43.246Z\t9f3c8a61-1111-4c6b-9a55-0c2f3f1b7e42\tINFO\t"
	const python = "[INFO]\t2024-03-12T10:15:01.123Z\t9f3c8a61-1111-4c6b-9a55-0c2f3f1b7e42\t"
	checkWordings(t, []wording{
		{"node console.log json", node + `response {"statusCode":200,"body":{"a":1}}` + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"node util.inspect", node + "{ statusCode: 200, body: { items: [Array] } }" + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"python logging dict", python + "returning {'statusCode': 200, 'body': {'message': 'hi'}}" + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"invoke output", `{"statusCode": 200, "headers": [["Content-Type", "text/html"]], "body": ""}` + rest502,
			"lambda_malformed_proxy_response", "502"},
		{"console test response", "Response\n{\n  \"statusCode\": \"OK\",\n  \"body\": \"hi\"\n}" + rest502,
			"lambda_malformed_proxy_response", "502"},
		// negatives: valid answers, a key outside the format, payload
		// 2.0's plain JSON, the gateway's answer as printed, a client's
		// body, no 5xx shown
		{"valid printed", node + `{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\"a\":1}"}` + rest502,
			"unknown", "500"},
		{"valid multi value printed", `{"statusCode": 200, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": ""}` + rest502,
			"unknown", "500"},
		{"extra key printed", python + "{'statusCode': 200, 'body': 'ok', 'requestId': 'x'}" + rest502,
			"unknown", "500"},
		{"plain json printed", node + `{"message":"hi","items":[1,2]}` + "\nHTTP/1.1 500 Internal Server Error\napigw-requestid: Z2Xssg2yjoEEMaw=",
			"unknown", "500"},
		{"gateway answer printed", node + "{ statusCode: 502, body: { message: 'Internal server error' } }" + rest502,
			"unknown", "500"},
		{"client body", "$ curl -s https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n" + `{"statusCode": 200, "body": {"a": 1}}` + "\nIt fails with 502 on the next call",
			"unknown", "502"},
		{"no 5xx printed", node + `{"statusCode":200,"body":{"a":1}}`,
			"unknown", "unknown"},
	})
}
