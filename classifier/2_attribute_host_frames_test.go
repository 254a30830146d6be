package classifier

import "testing"

// A Node.js or Python trace whose frames lie in a developer's home (macOS's
// /Users/<name>, Linux's /home/<name>, Windows' C:\Users\<name>) ran on
// that machine, not in Lambda's execution environment, whose code lies in
// /var/task, /opt, /var/runtime and /var/lang (the Lambda developer guide's
// "Defined runtime environment variables": LAMBDA_TASK_ROOT, and its
// "Lambda layers" page: /opt). Node.js prints a frame's file by its
// absolute path, or its file:// URL for an ES module (the Node.js errors
// page, error.stack); Python's traceback prints the path the module was
// loaded from. Such a trace is a script calling the API: the status its
// client library got is the API's answer to that client.
func TestDeveloperMachineTraces(t *testing.T) {
	const axios502 = "AxiosError: Request failed with status code 502\n"
	checkWordings(t, []wording{
		// Node.js on macOS, CommonJS: absolute paths
		{"node axios on macOS (client's)", axios502 +
			"    at settle (/Users/dana/orders-cli/node_modules/axios/dist/node/axios.cjs:1966:12)\n" +
			"    at IncomingMessage.handleStreamEnd (/Users/dana/orders-cli/node_modules/axios/dist/node/axios.cjs:3065:11)\n" +
			"    at IncomingMessage.emit (node:events:529:35)\n" +
			"    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {\n" +
			"  code: 'ERR_BAD_RESPONSE',\n" +
			"  response: { status: 502, statusText: 'Bad Gateway' }\n" +
			"}", "unknown", "502"},
		// Node.js on Windows: drive-letter paths with backslashes
		{"node axios on Windows (client's)", axios502 +
			"    at settle (C:\\Users\\dana\\orders-cli\\node_modules\\axios\\lib\\core\\settle.js:19:12)\n" +
			"    at IncomingMessage.handleStreamEnd (C:\\Users\\dana\\orders-cli\\node_modules\\axios\\lib\\adapters\\http.js:585:11)",
			"unknown", "502"},
		// Node.js on Linux, an ES module: file:// URLs, async frames
		{"node fetch on Linux ESM (client's)", "AxiosError: Request failed with status code 504\n" +
			"    at settle (file:///home/dana/orders-cli/node_modules/axios/lib/core/settle.js:19:12)\n" +
			"    at async main (file:///home/dana/orders-cli/call.mjs:7:3)",
			"integration_timeout", "504"},
		// Python's traceback of a script in the developer's home
		{"python requests on macOS (client's)", "Traceback (most recent call last):\n" +
			"  File \"/Users/dana/orders-cli/call.py\", line 9, in <module>\n" +
			"    r.raise_for_status()\n" +
			"  File \"/Users/dana/.venv/lib/python3.12/site-packages/requests/models.py\", line 1024, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
		// a script in the home, its libraries in an interpreter installed
		// elsewhere (Homebrew's /opt/homebrew, the system's /usr/lib)
		{"python requests from Homebrew (client's)", "Traceback (most recent call last):\n" +
			"  File \"/Users/dana/orders-cli/call.py\", line 9, in <module>\n" +
			"    r.raise_for_status()\n" +
			"  File \"/opt/homebrew/lib/python3.12/site-packages/requests/models.py\", line 1024, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
		{"python urllib from the system (client's)", "Traceback (most recent call last):\n" +
			"  File \"/home/dana/orders-cli/call.py\", line 5, in <module>\n" +
			"    urllib.request.urlopen(req)\n" +
			"  File \"/usr/lib/python3.12/urllib/request.py\", line 215, in urlopen\n" +
			"    return opener.open(url, data, timeout)\n" +
			"  File \"/usr/lib/python3.12/urllib/request.py\", line 639, in http_error_default\n" +
			"    raise HTTPError(req.full_url, code, msg, hdrs, fp)\n" +
			"urllib.error.HTTPError: HTTP Error 504: Gateway Timeout", "integration_timeout", "504"},
		{"python requests on Windows (client's)", "Traceback (most recent call last):\n" +
			"  File \"C:\\Users\\dana\\orders-cli\\call.py\", line 9, in <module>\n" +
			"    r.raise_for_status()\n" +
			"requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout for url: " + apiURL, "integration_timeout", "504"},

		// negative rows: the same words in Lambda's folders are the
		// function's own call to a dependency
		{"node axios in /var/task (function's)", axios502 +
			"    at settle (/var/task/node_modules/axios/lib/core/settle.js:19:12)\n" +
			"    at IncomingMessage.handleStreamEnd (/var/task/node_modules/axios/lib/adapters/http.js:585:11)",
			"lambda_function_error", "unknown"},
		{"node axios in a layer (function's)", axios502 +
			"    at settle (/opt/nodejs/node_modules/axios/lib/core/settle.js:19:12)",
			"lambda_function_error", "unknown"},
		// a trace between an invocation's START and END is the function's,
		// whatever paths its source map names
		{"node axios in an invocation with home paths (function's)", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			axios502 +
			"    at settle (/Users/dana/orders/src/client.ts:19:12)\n" +
			"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown"},
		// Go and .NET frames name the path the binary was built at (Go's
		// runtime.Caller, a .NET PDB's source path): a build machine's home
		// says nothing of where the function ran
		{"go panic built in a home (function's)", "panic: failed to WebSocket dial: expected handshake response status code 101 but got 502\n\n" +
			"goroutine 1 [running]:\n" +
			"main.main()\n" +
			"\t/home/runner/work/notify/main.go:12 +0x25", "lambda_function_error", "unknown"},
		{"dotnet built in a home (function's)", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).\n" +
			"   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n" +
			"   at Orders.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context) in C:\\Users\\dana\\src\\Orders\\Function.cs:line 42",
			"lambda_function_error", "unknown"},
		// serverless-offline runs the handler on the developer's machine:
		// its build folders (.serverless, .esbuild, .webpack) and its own
		// modules in a frame, or its "(λ: name)" request line before the
		// trace (src/events/http/HttpServer.js), keep the trace the
		// function's, as SAM's containers do with /var/task
		{"serverless-offline request line (function's)", "POST /dev/orders (λ: createOrder)\n" +
			axios502 +
			"    at settle (/Users/dana/orders/node_modules/axios/lib/core/settle.js:19:12)\n" +
			"    at async createOrder (/Users/dana/orders/handler.js:12:5)", "lambda_function_error", "unknown"},
		{"serverless-offline esbuild folder (function's)", axios502 +
			"    at settle (/Users/dana/orders/.esbuild/.build/handler.js:1966:12)",
			"lambda_function_error", "unknown"},
		{"serverless-offline runner frame (function's)", axios502 +
			"    at InProcessRunner.run (/Users/dana/orders/node_modules/serverless-offline/src/lambda/handler-runner/in-process-runner/InProcessRunner.js:90:20)",
			"lambda_function_error", "unknown"},
	})
}
