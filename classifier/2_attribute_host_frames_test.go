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
		// a CI runner's checkout: a build calling the API (GitLab's
		// /builds, GitHub Actions' container /github/workspace)
		{"node got in a GitLab build (client's)", "a [HTTPError]: Request failed with status code 502 Bad Gateway: GET https://api.example.org/index/projects?size=100\n" +
			"    at n (/builds/web/portal/.next/server/chunks/642.js:1595:6489)\n" +
			"    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)", "unknown", "502"},
		{"node axios in a GitHub container action (client's)", axios502 +
			"    at settle (/github/workspace/node_modules/axios/lib/core/settle.js:19:12)", "unknown", "502"},
		{"python requests in CodeBuild (client's)", "Traceback (most recent call last):\n" +
			"  File \"/codebuild/output/src123/src/smoke.py\", line 9, in <module>\n" +
			"    r.raise_for_status()\n" +
			"requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout for url: https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders", "integration_timeout", "504"},
		// Node.js on Windows: drive-letter paths with backslashes
		{"node axios on Windows (client's)", axios502 +
			"    at settle (C:\\Users\\dana\\orders-cli\\node_modules\\axios\\lib\\core\\settle.js:19:12)\n" +
			"    at IncomingMessage.handleStreamEnd (C:\\Users\\dana\\orders-cli\\node_modules\\axios\\lib\\adapters\\http.js:585:11)",
			"unknown", "502"},
		// Node.js and Python on a Windows drive outside the home: Lambda
		// runs on Linux
		{"node axios on a Windows work drive (client's)", axios502 +
			"    at settle (D:\\work\\orders-cli\\node_modules\\axios\\lib\\core\\settle.js:19:12)\n" +
			"    at async main (D:\\work\\orders-cli\\call.js:7:3)",
			"unknown", "502"},
		{"node fetch on Windows ESM (client's)", "AxiosError: Request failed with status code 504\n" +
			"    at settle (file:///D:/work/orders-cli/node_modules/axios/lib/core/settle.js:19:12)\n" +
			"    at async main (file:///D:/work/orders-cli/call.mjs:7:3)",
			"integration_timeout", "504"},
		{"python requests on a Windows work drive (client's)", "Traceback (most recent call last):\n" +
			"  File \"D:\\work\\orders-cli\\call.py\", line 9, in <module>\n" +
			"    r.raise_for_status()\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
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
		{"node axios in an invocation with a Windows build's paths (function's)", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
			axios502 +
			"    at settle (D:\\build\\orders\\src\\client.ts:19:12)\n" +
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

// A Python trace whose frames are a script's as a command line names it
// (a relative path: "python test.py" before Python 3.9 printed the path
// as given), a program installed on a machine (/usr/bin, /usr/local/bin, a
// virtual environment), or that opens in a system interpreter's library,
// is a program on someone's machine: Lambda's runtimes load the handler
// from /var/task by absolute path and drop their own frames (the Lambda
// developer guide's "Defined runtime environment variables"; awslambdaric's
// bootstrap). Java's "Exception in thread "main"" is the JVM's word for an
// exception that left a program's main method
// (java.lang.ThreadGroup.uncaughtException); Lambda's Java runtimes catch
// what a handler throws and report it as the invocation's error.
func TestScriptTraces(t *testing.T) {
	const requests502 = "  File \"/usr/lib/python3/dist-packages/requests/models.py\", line 943, in raise_for_status\n" +
		"    raise HTTPError(http_error_msg, response=self)\n" +
		"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL
	checkWordings(t, []wording{
		{"python script by relative path (client's)", "Traceback (most recent call last):\n" +
			"  File \"test.py\", line 5, in <module>\n" +
			"    r.raise_for_status()\n" + requests502, "unknown", "502"},
		{"python script by dotted relative path (client's)", "Traceback (most recent call last):\n" +
			"  File \"./client.py\", line 5, in <module>\n" +
			"    r.raise_for_status()\n" + requests502, "unknown", "502"},
		{"python script by Windows relative path (client's)", "Traceback (most recent call last):\n" +
			"  File \"scripts\\call_api.py\", line 5, in <module>\n" +
			"    r.raise_for_status()\n" + requests502, "unknown", "502"},
		// a program pip installed as a command (its entry point in bin)
		{"python command in /usr/local/bin (client's)", "Traceback (most recent call last):\n" +
			"  File \"/usr/local/bin/orders-cli\", line 8, in <module>\n" +
			"    sys.exit(main())\n" + requests502, "unknown", "502"},
		{"python command in a venv (client's)", "Traceback (most recent call last):\n" +
			"  File \"/srv/tools/.venv/bin/orders-cli\", line 8, in <module>\n" +
			"    sys.exit(main())\n" +
			"  File \"/srv/tools/.venv/lib/python3.11/site-packages/requests/models.py\", line 1021, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout for url: " + apiURL, "integration_timeout", "504"},
		// a trace opening in the distribution's Python packages
		{"python trace opening in dist-packages (client's)", "Traceback (most recent call last):\n" + requests502, "unknown", "502"},
		{"python interactive session (client's)", "Traceback (most recent call last):\n" +
			"  File \"<stdin>\", line 1, in <module>\n" + requests502, "unknown", "502"},
		// the JVM's uncaught exception of a program's main
		{"java main (client's)", "Exception in thread \"main\" java.io.IOException: Server returned HTTP response code: 502 for URL: " + apiURL + "\n" +
			"\tat java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream0(HttpURLConnection.java:1998)\n" +
			"\tat java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream(HttpURLConnection.java:1599)\n" +
			"\tat OrdersClient.main(OrdersClient.java:14)", "unknown", "502"},
		{"java main, spring client (client's)", "Exception in thread \"main\" org.springframework.web.client.HttpServerErrorException$GatewayTimeout: 504 Gateway Timeout: \"{\"message\": \"Endpoint request timed out\"}\"\n" +
			"\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:112)\n" +
			"\tat com.example.OrdersClient.main(OrdersClient.java:21)", "integration_timeout", "504"},
		// a Jupyter notebook's trace, IPython's header over its frames
		// (IPython/core/ultratb.py): IPython 8's "Cell In[n]" and "File
		// ~/...:line", IPython 7's "<ipython-input-...>" and "path in f()"
		{"jupyter notebook, ipython 8 (client's)", "---------------------------------------------------------------------------\n" +
			"HTTPError                                 Traceback (most recent call last)\n" +
			"Cell In[3], line 3\n" +
			"      2 r = requests.get(url)\n" +
			"----> 3 r.raise_for_status()\n\n" +
			"File ~/miniconda3/lib/python3.11/site-packages/requests/models.py:1021, in Response.raise_for_status(self)\n" +
			"-> 1021     raise HTTPError(http_error_msg, response=self)\n\n" +
			"HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "unknown", "502"},
		{"jupyter notebook, ipython 7 (client's)", "---------------------------------------------------------------------------\n" +
			"HTTPError                                 Traceback (most recent call last)\n" +
			"<ipython-input-3-9f1c2a> in <module>\n" +
			"----> 3 r.raise_for_status()\n\n" +
			"~/miniconda3/lib/python3.8/site-packages/requests/models.py in raise_for_status(self)\n" +
			"--> 941             raise HTTPError(http_error_msg, response=self)\n\n" +
			"HTTPError: 504 Server Error: Gateway Timeout for url: " + apiURL, "integration_timeout", "504"},

		// negative rows: a function's trace in Lambda's folders, and a
		// container image's function whose libraries lie in the image's
		// /usr/local/lib/python3.X but whose trace opens with its handler
		{"python in /var/task (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 10, in handler\n" +
			"    r.raise_for_status()\n" +
			"  File \"/var/task/requests/models.py\", line 1021, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "lambda_function_error", "unknown"},
		{"python container image function (function's)", "Traceback (most recent call last):\n" +
			"  File \"/app/handler.py\", line 10, in handler\n" +
			"    r.raise_for_status()\n" +
			"  File \"/usr/local/lib/python3.12/site-packages/requests/models.py\", line 1021, in raise_for_status\n" +
			"    raise HTTPError(http_error_msg, response=self)\n" +
			"requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, "lambda_function_error", "unknown"},
		{"python import error's frozen frames (function's)", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'requests'\n" +
			"Traceback (most recent call last):\n" +
			"  File \"<frozen importlib._bootstrap>\", line 1204, in _gcd_import", "lambda_handler_misconfigured", "unknown"},
		{"java handler (function's)", "java.io.IOException: Server returned HTTP response code: 502 for URL: " + apiURL + "\n" +
			"\tat java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream0(HttpURLConnection.java:1998)\n" +
			"\tat com.example.Handler.handleRequest(Handler.java:20)", "lambda_function_error", "unknown"},
		// a custom runtime's main in a Lambda log: the platform's lines
		// show where it ran
		{"java custom runtime main in a Lambda log (function's)", "INIT_START Runtime Version: provided:al2023.v50\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc\n" +
			"Exception in thread \"main\" java.io.IOException: Server returned HTTP response code: 502 for URL: https://orders.internal.example.com/v1\n" +
			"\tat java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream0(HttpURLConnection.java:1998)\n" +
			"\tat com.example.Bootstrap.main(Bootstrap.java:31)", "lambda_function_error", "unknown"},
		// .NET prints "Unhandled exception. " for what no code can catch,
		// in the function's own process
		{"dotnet unhandled out of memory (function's)", "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.\n" +
			"   at Orders.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context) in /src/Orders/Function.cs:line 31", "lambda_out_of_memory", "unknown"},
		// the Python runtime's own warning over a function's trace (the
		// runtime interface client's lambda_unhandled_exception_warning_message)
		{"lambda warning over a function's trace (function's)", "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.\n" +
			"[ERROR] HTTPError: 502 Server Error: Bad Gateway for url: https://orders.internal.example.com/v1\n" +
			"Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 10, in handler\n" +
			"    r.raise_for_status()", "lambda_function_error", "unknown"},
	})
}

// A Node.js client that cannot verify the API's certificate fails before
// any HTTP answer: Node.js's TLS socket raises the error from its own
// frames (lib/_tls_wrap.js, onConnectSecure), with OpenSSL's verify code
// and message (nodejs/node's test/parallel/test-tls-friendly-error-message.js:
// UNABLE_TO_VERIFY_LEAF_SIGNATURE, "unable to verify the first
// certificate"; SELF_SIGNED_CERT_IN_CHAIN, "self-signed certificate in
// certificate chain"; CERT_HAS_EXPIRED, "certificate has expired"), and
// axios passes it on (AxiosError.from, lib/adapters/http.js). Node.js's own
// frames say nothing of where the program ran; the first frame of the
// program's code does: under a developer's home or on a Windows drive it is
// a script calling the API, whose connection failed (no status, no cause),
// and in Lambda's folders, or between an invocation's START and END, it is
// the function's own call to a dependency.
func TestNodeTLSFailureTraces(t *testing.T) {
	const id = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa"
	tls := func(msg, code, own string) string {
		return "Error: " + msg + "\n" +
			"    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)\n" +
			"    at TLSSocket.emit (node:events:519:28)\n" +
			"    at TLSSocket._finishInit (node:_tls_wrap:1085:8)\n" +
			own +
			"    at ssl.onhandshakedone (node:_tls_wrap:871:12) {\n" +
			"  code: '" + code + "'\n" +
			"}"
	}
	axios := func(msg, code, home string) string {
		return "AxiosError: " + msg + "\n" +
			"    at Function.AxiosError.from (" + home + "node_modules/axios/lib/core/AxiosError.js:89:14)\n" +
			"    at RedirectableRequest.handleRequestError (" + home + "node_modules/axios/lib/adapters/http.js:610:25)\n" +
			"    at RedirectableRequest.emit (node:events:517:28)\n" +
			"    at TLSSocket.socketErrorListener (node:_http_client:501:9) {\n" +
			"  code: '" + code + "'\n" +
			"}"
	}
	invocation := func(trace string) string {
		return "START RequestId: " + id + " Version: $LATEST\n" + trace + "\nEND RequestId: " + id
	}
	const leaf, selfSigned, expired = "unable to verify the first certificate", "self-signed certificate in certificate chain", "certificate has expired"
	checkWordings(t, []wording{
		// a script on a developer's machine: the client's own connection
		{"leaf, a script in a macOS home (client's)", tls(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "    at async main (/Users/dana/orders-cli/call.js:12:5)\n"), "unknown", "unknown"},
		{"self-signed, a script in a Linux home (client's)", tls(selfSigned, "SELF_SIGNED_CERT_IN_CHAIN", "    at async main (/home/dana/orders-cli/call.js:12:5)\n"), "unknown", "unknown"},
		{"expired, a script on a Windows drive (client's)", tls(expired, "CERT_HAS_EXPIRED", "    at async main (C:\\Users\\dana\\orders-cli\\call.js:12:5)\n"), "unknown", "unknown"},
		{"expired, an ES module's URL (client's)", tls(expired, "CERT_HAS_EXPIRED", "    at async main (file:///Users/dana/orders-cli/call.mjs:12:5)\n"), "unknown", "unknown"},
		{"leaf, axios in a macOS home (client's)", axios(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "/Users/dana/orders-cli/"), "unknown", "unknown"},
		{"expired, axios in a Linux home (client's)", axios(expired, "CERT_HAS_EXPIRED", "/home/dana/orders-cli/"), "unknown", "unknown"},
		// negative rows: the function's own call to a dependency
		{"leaf, the handler in /var/task (function's)", tls(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "    at async Runtime.handler (/var/task/index.js:10:5)\n"), "lambda_function_error", "unknown"},
		{"self-signed, a layer in /opt (function's)", tls(selfSigned, "SELF_SIGNED_CERT_IN_CHAIN", "    at async fetchOrders (/opt/nodejs/node_modules/orders-client/index.js:40:3)\n"), "lambda_function_error", "unknown"},
		{"expired, axios in /var/task (function's)", axios(expired, "CERT_HAS_EXPIRED", "/var/task/"), "lambda_function_error", "unknown"},
		{"leaf, inside an invocation (function's)", invocation(tls(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "    at async Runtime.handler (/var/task/index.js:10:5)\n")), "lambda_function_error", "unknown"},
		// (a source map's original paths inside an invocation are still
		// the function's)
		{"leaf, a source map's path inside an invocation (function's)", invocation(tls(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "    at async main (/Users/dana/orders-api/src/handler.ts:12:5)\n")), "lambda_function_error", "unknown"},
		// Node.js's own frames alone say nothing of the machine: a trace,
		// the function's, as before
		{"leaf, Node.js's frames alone", tls(leaf, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", ""), "lambda_function_error", "unknown"},
	})
}

// A Python trace whose frames are a test's (a tests/ or test/ folder, a
// test_*.py file, pytest's and unittest's own modules) is the test's, a
// client of the API, as a script's is: its header and the exception
// Python prints after the last frame are the test's, and the status or
// the gateway's body in that exception (a test's own assertion message
// quoting the response) is what the API answered it.
func TestTestTraces(t *testing.T) {
	const timedOut = "AssertionError: (504, 'Gateway Timeout', b'{\"message\": \"Endpoint request timed out\"}')"
	checkWordings(t, []wording{
		{"integration test in a CI checkout (client's)", "Traceback (most recent call last):\n" +
			"  File \"/builds/acme/orders/test/integration_test.py\", line 673, in _assert_status\n" +
			"    assert response.status in expected_statuses, (\n" + timedOut, "integration_timeout", "504"},
		{"unittest in a tests folder (client's)", "Traceback (most recent call last):\n" +
			"  File \"/srv/orders/tests/test_api.py\", line 12, in test_list\n" +
			"    self.assertEqual(r.status_code, 200)\n" +
			"AssertionError: 502 != 200", "unknown", "502"},
		{"a script's assertion (client's)", "Traceback (most recent call last):\n" +
			"  File \"/home/dana/orders-cli/check.py\", line 9, in <module>\n" +
			"    check(r)\n" + timedOut, "integration_timeout", "504"},
		{"a script's assertion, Python 3.11's carets (client's)", "Traceback (most recent call last):\n" +
			"  File \"/home/dana/orders-cli/check.py\", line 9, in <module>\n" +
			"    check(r)\n" +
			"    ^^^^^^^^\n" + timedOut, "integration_timeout", "504"},
		// the same exception under a frame in Lambda's folders is the
		// function's own call
		{"the same in /var/task (function's)", "Traceback (most recent call last):\n" +
			"  File \"/var/task/app.py\", line 9, in handler\n" +
			"    check(r)\n" + timedOut, "lambda_function_error", "unknown"},
	})
}
