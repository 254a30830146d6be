package classifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// clientForm is one line as an HTTP or WebSocket client prints a status it
// received, the layer it must be attributed to, and the status the
// diagnosis must carry.
type clientForm struct {
	name, line string
	layer      Layer
	status     string
}

const apiURL = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/items"

func checkClientForms(t *testing.T, forms []clientForm) {
	t.Helper()
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			first, _, _ := strings.Cut(f.line, "\n")
			msg := []byte(first)
			if got := clientLayer(appendLower(nil, delocalize(msg)), msg, nil); got != f.layer {
				t.Errorf("layer %s, want %s", got, f.layer)
			}
			if got := diagnoseText(t, f.line).Status.String(); got != f.status {
				t.Errorf("status %s, want %s", got, f.status)
			}
		})
	}
}

// The wordings of the JavaScript clients and the browsers' consoles.
func TestClientFormsJavaScript(t *testing.T) {
	checkClientForms(t, []clientForm{
		// axios lib/core/settle.js: "Request failed with status code " + status
		{"axios 502", "AxiosError: Request failed with status code 502", LayerClient, "502"},
		{"axios 403", "AxiosError: Request failed with status code 403", LayerClient, "none"},
		{"axios uncaught in the browser", "Uncaught (in promise) AxiosError: Request failed with status code 504", LayerClient, "504"},
		// Chrome's network error in the console, after the script location
		{"chrome fetch", "GET " + apiURL + " 502 (Bad Gateway)", LayerClient, "502"},
		// Chromium's console report of a WebSocket it could not open, and its
		// words for a handshake answered 401
		{"chrome websocket 401", "WebSocket connection to 'wss://abc123.execute-api.us-east-1.amazonaws.com/prod' failed: HTTP Authentication failed; no valid credentials available", LayerClient, "none"},
		{"chrome fetch after the script location", "index.js:12     POST " + apiURL + " 504 (Gateway Timeout)", LayerClient, "504"},
		{"chrome xhr after the script location", "xhr.js:247          GET " + apiURL + " 503 (Service Unavailable)", LayerClient, "503"},
		{"chrome resource", "Failed to load resource: the server responded with a status of 502 ()", LayerClient, "502"},
		// Firefox's network monitor lines in the console
		{"firefox xhr", "XHR GET " + apiURL + " [HTTP/2 502 Bad Gateway 183ms]", LayerClient, "502"},
		{"firefox fetch 403", "XHR POST " + apiURL + " [HTTP/1.1 403 Forbidden 95ms]", LayerClient, "none"},
		// Safari's Web Inspector prefixes its console lines with the level
		{"safari resource", "[Error] Failed to load resource: the server responded with a status of 502 (Bad Gateway) (items, line 0)", LayerClient, "502"},
		// and its CORS and WebSocket messages, with the status it got
		{"safari cors with status", "[Error] Origin https://example.com is not allowed by Access-Control-Allow-Origin. Status code: 502", LayerClient, "502"},
		{"safari preflight", "[Error] Preflight response is not successful. Status code: 403", LayerClient, "none"},
		{"safari fetch", "[Error] Fetch API cannot load " + apiURL + " due to access control checks.", LayerClient, "unknown"},
		{"safari websocket", "[Error] WebSocket connection to 'wss://abc123.execute-api.us-east-1.amazonaws.com/prod' failed: Unexpected response code: 502", LayerClient, "502"},
		// the ws library (lib/websocket.js abortHandshake) that wscat runs on
		{"ws library", "Error: Unexpected server response: 502", LayerClient, "502"},
		// Postman's test assertion (chai's "expected response to have status code")
		{"postman assertion", "AssertionError: expected response to have status code 200 but got 502", LayerClient, "502"},
		// Firefox's CORS refusals end with the status the browser got (dom/locales
		// security.properties, the CORS*2 messages), "(null)" when none came
		{"firefox cors with status", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + apiURL + ". (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 502.", LayerClient, "502"},
		{"firefox cors 403", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + apiURL + ". (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 403.", LayerClient, "none"},
		{"firefox cors without a response", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + apiURL + ". (Reason: CORS request did not succeed). Status code: (null).", LayerClient, "unknown"},
		// ofetch src/error.ts (Nuxt's $fetch): "[${method}] ${JSON.stringify(url)}: ${status} ${statusText}"
		{"ofetch", "FetchError: [GET] \"" + apiURL + "\": 502 Bad Gateway", LayerClient, "502"},
		{"ofetch over http/2", "FetchError: [POST] \"" + apiURL + "\": 504 ", LayerClient, "504"},
		{"ofetch 403", "FetchError: [GET] \"" + apiURL + "\": 403 Forbidden", LayerClient, "none"},
		// a response object with its statusText: a HAR entry's response (HAR 1.2,
		// an HTTP/2 statusText is empty), jQuery's jqXHR as JSON.stringify prints it
		{"har response", `{"status": 502, "statusText": "", "httpVersion": "http/2.0"}`, LayerClient, "502"},
		{"jqxhr", `{"readyState":4,"responseText":"","status":504,"statusText":"error"}`, LayerClient, "504"},
		{"jqxhr 403", `{"readyState":4,"status":403,"statusText":"error"}`, LayerClient, "none"},
		// Amplify v6's REST API guide logs an ApiError's response so
		{"amplify v6", "Received 502 error response with payload: {\"message\":\"Internal server error\"}", LayerPerson, "502"},
		{"amplify v6 403", "Received 403 error response with payload: {\"message\":\"Forbidden\"}", LayerPerson, "none"},
		// Postman's exported collection run ("responseCode") and a saved example
		// response (collection format v2.1: "status" is the reason, "code" the code)
		{"postman run export", `"responseCode": {"code": 502, "name": "Bad Gateway"},`, LayerUnknown, "502"},
		{"postman saved response", `{"name": "timeout", "status": "Gateway Timeout", "code": 504, "_postman_previewlanguage": "json"}`, LayerUnknown, "504"},
		// Insomnia's timeline, curl -v's form
		{"insomnia timeline", "< HTTP/2 502", LayerClient, "502"},
		{"angular error printed", "HttpErrorResponse {headers: HttpHeaders, status: 502, statusText: 'OK', url: '" + apiURL + "', ok: false}", LayerClient, "502"},
	})
}

// The wordings of the Python clients.
func TestClientFormsPython(t *testing.T) {
	checkClientForms(t, []clientForm{
		// requests/models.py raise_for_status: "%s Server Error: %s for url: %s"
		{"requests 502", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: " + apiURL, LayerClient, "502"},
		{"requests 403", "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: " + apiURL, LayerClient, "none"},
		// urllib/error.py HTTPError.__str__: "HTTP Error %s: %s"
		{"urllib", "urllib.error.HTTPError: HTTP Error 502: Bad Gateway", LayerClient, "502"},
		// httpx/_models.py raise_for_status: "Server error '{0.status_code} {0.reason_phrase}' for url '{0.url}'"
		{"httpx 502", "httpx.HTTPStatusError: Server error '502 Bad Gateway' for url '" + apiURL + "'", LayerClient, "502"},
		{"httpx 403", "httpx.HTTPStatusError: Client error '403 Forbidden' for url '" + apiURL + "'", LayerClient, "none"},
		// aiohttp/client_exceptions.py ClientResponseError.__str__: "%s, message=%r, url=%r"
		{"aiohttp", "aiohttp.client_exceptions.ClientResponseError: 504, message='Gateway Timeout', url=URL('" + apiURL + "')", LayerClient, "504"},
		{"aiohttp websocket handshake", "aiohttp.client_exceptions.WSServerHandshakeError: 502, message='Invalid response status', url=URL('wss://abc123.execute-api.us-east-1.amazonaws.com/prod')", LayerClient, "502"},
		// httpie/core.py with --check-status: "HTTP {status} {reason}" as a warning
		{"httpie", "http: warning: HTTP 502 Bad Gateway", LayerClient, "502"},
		// tornado/httpclient.py HTTPClientError.__str__: "HTTP %d: %s"; its code 599
		// means that no HTTP response came (a timeout, a closed connection)
		{"tornado", "tornado.httpclient.HTTPClientError: HTTP 502: Bad Gateway", LayerClient, "502"},
		{"tornado 403", "tornado.httpclient.HTTPClientError: HTTP 403: Forbidden", LayerClient, "none"},
		{"tornado no response", "tornado.httpclient.HTTPClientError: HTTP 599: Timeout during request", LayerClient, "unknown"},
		// pytest's rewritten assert on a requests Response
		{"pytest where", "+  where 502 = <Response [502]>.status_code", LayerClient, "502"},
	})
}

// The wordings of the JVM, .NET and Go clients.
func TestClientFormsJVMDotNetGo(t *testing.T) {
	checkClientForms(t, []clientForm{
		// Retrofit retrofit2/HttpException.java: "HTTP " + code + " " + message
		{"retrofit", "retrofit2.HttpException: HTTP 502 ", LayerClient, "502"},
		// OkHttp okhttp3/Response.kt toString
		{"okhttp response", "Response{protocol=h2, code=502, message=, url=" + apiURL + "}", LayerClient, "502"},
		// the exception OkHttp's recipes (docs/recipes.md) throw for an
		// answer that is no 2xx: IOException("Unexpected code " + response)
		{"okhttp recipe", "java.io.IOException: Unexpected code Response{protocol=h2, code=502, message=, url=" + apiURL + "}", LayerClient, "502"},
		// OkHttp's HttpLoggingInterceptor (okhttp3/logging), HTTP/2 (no
		// reason phrase) under Android's logcat tag, and HTTP/1.1
		{"okhttp logging", "D/OkHttp: <-- 502 " + apiURL + " (45ms)", LayerClient, "502"},
		{"okhttp logging reason", "<-- 429 Too Many Requests " + apiURL + " (12ms, 36-byte body)", LayerClient, "none"},
		{"okhttp recipe 403", "java.io.IOException: Unexpected code Response{protocol=http/1.1, code=403, message=Forbidden, url=" + apiURL + "}", LayerClient, "none"},
		// Spring's DefaultResponseErrorHandler and WebClientResponseException
		{"spring resttemplate", "org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway: [no body]", LayerClient, "502"},
		{"spring resttemplate 403", "org.springframework.web.client.HttpClientErrorException$Forbidden: 403 Forbidden: \"{\"message\":\"Forbidden\"}\"", LayerClient, "none"},
		{"spring webclient", "org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable: 503 Service Unavailable from GET " + apiURL, LayerClient, "503"},
		// OpenFeign feign/FeignException.java: "[%d %s] during [%s] to [%s] [%s]: [%s]"
		{"feign", "feign.FeignException$BadGateway: [502 Bad Gateway] during [GET] to [" + apiURL + "] [ItemsClient#list()]: [{\"message\": \"Internal server error\"}]", LayerClient, "502"},
		// System.Net.Http HttpResponseMessage.EnsureSuccessStatusCode
		{"dotnet", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).", LayerClient, "502"},
		// Flurl FlurlHttpException: "Call failed with status code {code} ({reason}): {verb} {url}"
		{"flurl", "Flurl.Http.FlurlHttpException: Call failed with status code 504 (Gateway Timeout): GET " + apiURL, LayerClient, "504"},
		// API Gateway's generated Android/Java client: aws-sdk-android's
		// ApiClientHandler throws ApiClientException with the status it got,
		// worded by AmazonServiceException.getMessage
		{"generated client 403", "com.amazonaws.mobileconnectors.apigateway.ApiClientException: {\"message\":\"Forbidden\"} (Service: PetStoreClient; Status Code: 403; Error Code: null; Request ID: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11)", LayerClient, "none"},
		{"generated client 502", "com.amazonaws.mobileconnectors.apigateway.ApiClientException: {\"message\": \"Internal server error\"} (Service: PetStoreClient; Status Code: 502; Error Code: null; Request ID: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11)", LayerClient, "502"},
		// any Java client that words the API's answer as the SDK for Java
		// 1.x does, under the service name a deployed API is called by
		{"execute-api client 403", "ca.ryangreen.apigateway.generic.GenericApiGatewayException: {\"message\":\"The request signature we calculated does not match the signature you provided.\"} (Service: execute-api; Status Code: 403; Error Code: InvalidSignatureException; Request ID: 6f1c1f3e)", LayerClient, "none"},
		{"execute-api client 502", "ca.ryangreen.apigateway.generic.GenericApiGatewayException: {\"message\": \"Internal server error\"} (Service: execute-api; Status Code: 502; Error Code: null; Request ID: 6f1c1f3e)", LayerClient, "502"},
		// the generated iOS client's NSError (aws-sdk-ios AWSAPIGatewayClient.m):
		// code 2, AWSAPIGatewayErrorTypeService, for a 5xx; code 1 for a 4xx,
		// whose status it does not print
		{"generated ios client 5xx", `Error Domain=com.amazonaws.AWSAPIGatewayErrorDomain Code=2 "(null)" UserInfo={HTTPBody={`, LayerClient, "500"},
		{"generated ios client 4xx", `Error Domain=com.amazonaws.AWSAPIGatewayErrorDomain Code=1 "(null)" UserInfo={HTTPHeaderFields={`, LayerClient, "unknown"},
		{"generated ios client 4xx with its error type", "Error Domain=com.amazonaws.AWSAPIGatewayErrorDomain Code=1 \"(null)\" UserInfo={HTTPHeaderFields={\n    \"x-amzn-ErrorType\" = ForbiddenException;", LayerClient, "none"},
		// (the same wording for an AWS service's answer to an SDK call is
		// the caller's own call, no status of the API's client)
		{"aws sdk for java v1 call refused", "com.amazonaws.services.dynamodbv2.model.AmazonDynamoDBException: One or more parameter values were invalid (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: 4KJ8)", LayerFunction, "unknown"},
		// coder/websocket dial.go: "expected handshake response status code %v but got %v"
		{"go websocket dial", "failed to WebSocket dial: expected handshake response status code 101 but got 502", LayerClient, "502"},
		// (the 101 it wanted is no status it got)
		{"go websocket dial 403", "failed to WebSocket dial: expected handshake response status code 101 but got 403", LayerClient, "none"},
		// java.net.http HttpResponseImpl.toString: "(" + method + " " + uri + ") " + statusCode
		{"java httpclient response", "(GET " + apiURL + ") 502", LayerClient, "502"},
		{"java httpclient response with version", "(POST " + apiURL + ") 504 HTTP_2 Local port:  53124", LayerClient, "504"},
		{"java httpclient response 403", "(GET " + apiURL + ") 403", LayerClient, "none"},
		// resty's debug log
		{"resty", "STATUS       : 502 Bad Gateway", LayerUnknown, "502"},
		// PowerShell's list view of Invoke-WebRequest's response
		{"powershell list view", "StatusCode        : 502", LayerUnknown, "502"},
		{"powershell list view 403", "StatusCode        : 403", LayerUnknown, "none"},
	})
}

// The wordings of the Ruby and PHP clients, the command-line tools and the
// load generators.
func TestClientFormsRubyPHPTools(t *testing.T) {
	checkClientForms(t, []clientForm{
		// net/http/response.rb HTTPResponse#error!: @code + ' ' + @message.dump
		{"ruby net/http", "Net::HTTPFatalError: 502 \"Bad Gateway\"", LayerClient, "502"},
		{"ruby net/http 403", "Net::HTTPClientException: 403 \"Forbidden\"", LayerClient, "none"},
		// faraday/response/raise_error.rb: "the server responded with status #{status}"
		{"faraday", "Faraday::ServerError: the server responded with status 502", LayerClient, "502"},
		{"faraday 403", "Faraday::ForbiddenError: the server responded with status 403", LayerClient, "none"},
		// guzzle src/Exception/RequestException.php create()
		{"guzzle", "GuzzleHttp\\Exception\\ServerException: Server error: `GET " + apiURL + "` resulted in a `502 Bad Gateway` response:", LayerClient, "502"},
		{"guzzle 403", "GuzzleHttp\\Exception\\ClientException: Client error: `POST " + apiURL + "` resulted in a `403 Forbidden` response:", LayerClient, "none"},
		// curl lib/transfer.c (--fail)
		{"curl --fail", "curl: (22) The requested URL returned error: 504", LayerClient, "504"},
		// websocat (websocket crate's error for a refused handshake)
		{"websocat", "websocat: WebSocketError: Received unexpected status code (502 Bad Gateway)", LayerClient, "502"},
		// Artillery's summary: one counter per status received
		{"artillery", "http.codes.502: ................................................ 12", LayerClient, "502"},
		// JMeter's View Results Tree sampler result
		{"jmeter", "Response code: 504\nResponse message: Gateway Timeout", LayerUnknown, "504"},
		// Laravel's Http\Client\RequestException::prepareMessage
		{"laravel", "Illuminate\\Http\\Client\\RequestException: HTTP request returned status code 502", LayerClient, "502"},
		{"laravel 403", "Illuminate\\Http\\Client\\RequestException: HTTP request returned status code 403", LayerClient, "none"},
		// Symfony HttpClient's HttpExceptionTrait: "HTTP %s returned for \"%s\"."
		{"symfony", "Symfony\\Component\\HttpClient\\Exception\\ServerException: HTTP/2 502 returned for \"" + apiURL + "\".", LayerPerson, "502"},
		// Ruby Net::HTTPResponse#inspect
		{"ruby response inspect", "#<Net::HTTPBadGateway 502 Bad Gateway readbody=true>", LayerPerson, "502"},
		// vegeta's text report (reporters.go): codes sorted, the highest last
		{"vegeta", "Status Codes  [code:count]             200:717  503:33", LayerClient, "503"},
		{"vegeta with errors", "Status Codes  [code:count]  0:2  201:91127  500:8871", LayerClient, "500"},
		{"vegeta 403", "Status Codes  [code:count]                      200:29000  403:1000", LayerClient, "none"},
	})
}

// CloudFront's own error pages in front of an API, as a client shows them.
func TestClientFormsCloudFront(t *testing.T) {
	checkClientForms(t, []clientForm{
		{"502 page", "502 ERROR\nThe request could not be satisfied.\nCloudFront wasn't able to connect to the origin.", LayerCDN, "502"},
		{"504 page", "504 Gateway Timeout ERROR\nThe request could not be satisfied.", LayerCDN, "504"},
		{"the page's sentence", "The request could not be satisfied.", LayerCDN, "unknown"},
		{"error header", "X-Cache: Error from cloudfront\nHTTP/2 503", LayerCDN, "503"},
		{"generated by", "Generated by cloudfront (CloudFront)", LayerCDN, "unknown"},
		// the headers as curl -v and a header listing print them (MDN's
		// X-Cache and the CloudFront guide's X-Amz-Cf-Id and X-Amz-Cf-Pop)
		{"error header, curl -v", "< x-cache: Error from cloudfront\n< HTTP/2 502", LayerCDN, "502"},
		{"request id header", "x-amz-cf-id: mO30ngbgTHl12b7iJtkuvqqhCPlt07eyHHCZ3krFOr-1nDZMICJefA==", LayerCDN, "unknown"},
		{"pop header", "X-Amz-Cf-Pop: ORD50-C1", LayerCDN, "unknown"},
		// (a sentence that names the header is a person's, and a function's
		// dump of the headers CloudFront forwarded is the function's)
		{"a person naming the header", "The API returns a 502 error page with the header `X-Cache: Error from cloudfront`, which usually means the function is not returning the correct response payload structure.", LayerPerson, "502"},
		{"a function's dump of its event", `INFO	{"headers": {"Host": "abc.execute-api.us-east-1.amazonaws.com", "X-Amz-Cf-Id": "mO30ngbgTHl12b7iJtkuvqqhCPlt07eyHHCZ3krFOr"}}`, LayerFunction, "unknown"},
		// a person's heading is no page of CloudFront's, which writes ERROR in capitals
		{"a person's 504 error", "504 error", LayerUnknown, "504"},
		{"a person's reason phrase", "500 Internal Server Error", LayerUnknown, "500"},
	})
}

// More clients: mobile and front-end libraries, the WebSocket clients of
// the JVM and Python, wget and PowerShell, and the load generators'
// summaries.
func TestClientFormsMore(t *testing.T) {
	checkClientForms(t, []clientForm{
		// Angular common/http HttpErrorResponse: "Http failure response for {url}: {status} {statusText}"
		// (over HTTP/2 the status text is always "OK")
		{"angular", "Http failure response for " + apiURL + ": 502 OK", LayerClient, "502"},
		{"angular 403", "Http failure response for " + apiURL + ": 403 Forbidden", LayerClient, "none"},
		{"angular 422, a reason phrase no other form reads", "Http failure response for " + apiURL + ": 422 Unprocessable Entity", LayerClient, "none"},
		{"angular without the url", "Http failure response for (unknown url): 504 OK", LayerClient, "504"},
		{"angular's network failure, no status", "Http failure response for (unknown url): 0 Unknown Error", LayerClient, "unknown"},
		// Dio (Dart) DioException.badResponse, older "Http status error [code]"
		{"dio old", "DioError [DioErrorType.response]: Http status error [504]", LayerClient, "504"},
		{"dio", "DioException [bad response]: This exception was thrown because the response has a status code of 502 and RequestOptions.validateStatus was configured to throw for this status code.", LayerClient, "502"},
		// Alamofire AFError: "Response status code was unacceptable: {code}."
		{"alamofire", "Response status code was unacceptable: 502.", LayerClient, "502"},
		// Amplify APIError.httpStatusError: "The HTTP response status code is [{code}]."
		// (Swift; Flutter's ApiException prints it on iOS)
		{"amplify", "The HTTP response status code is [502].", LayerClient, "502"},
		{"amplify in flutter's exception", "ApiException(message: The HTTP response status code is [404]., recoverySuggestion: The metadata associated with the response is contained in the HTTPURLResponse.", LayerClient, "none"},
		// Ktor client ServerResponseException: "Server error({method} {url}: {status}. Text: ...)"
		{"ktor", "io.ktor.client.plugins.ServerResponseException: Server error(GET " + apiURL + ": 502 Bad Gateway. Text: \"{\"message\": \"Internal server error\"}\"", LayerClient, "502"},
		// Apache HttpClient 4 HttpResponseException: "status code: {code}, reason phrase: {reason}"
		{"apache httpclient", "org.apache.http.client.HttpResponseException: status code: 502, reason phrase: Bad Gateway", LayerClient, "502"},
		// OkHttp RealWebSocket.checkUpgradeSuccess
		{"okhttp websocket", "java.net.ProtocolException: Expected HTTP 101 response but was '502 Bad Gateway'", LayerClient, "502"},
		// websocket-client (Python) WebSocketBadStatusException: "Handshake status {code} {reason}"
		{"websocket-client", "websocket._exceptions.WebSocketBadStatusException: Handshake status 502 Bad Gateway", LayerClient, "502"},
		// RestSharp: the HttpStatusCode enum's name after "status code"
		{"restsharp", "System.Net.Http.HttpRequestException: Request failed with status code BadGateway", LayerClient, "502"},
		{"restsharp 403", "System.Net.Http.HttpRequestException: Request failed with status code Forbidden", LayerClient, "none"},
		// Windows PowerShell 5.1 (System.Net.WebException) and PowerShell 7
		{"powershell 5", "Invoke-RestMethod : The remote server returned an error: (502) Bad Gateway.", LayerClient, "502"},
		{"powershell 5 403", "Invoke-WebRequest : The remote server returned an error: (403) Forbidden.", LayerClient, "none"},
		{"powershell 7", "Invoke-RestMethod: Response status code does not indicate success: 504 (Gateway Timeout).", LayerClient, "504"},
		// GNU wget
		{"wget", "HTTP request sent, awaiting response... 502 Bad Gateway", LayerClient, "502"},
		{"wget error line", "ERROR 504: Gateway Timeout.", LayerClient, "504"},
		// Gatling's error summary
		{"gatling", "> status.find.in([200, 209], 304), found 502                       3845 ( 6.05%)", LayerClient, "502"},
		{"gatling actually", "> status.find.in(201,422,400), but actually found 504             22414 (35,27%)", LayerClient, "504"},
		// rakyll/hey's status code distribution
		{"hey", "  [502]\t17 responses", LayerClient, "502"},
		// Postman's console: method, URL, status, time
		{"postman console", "GET " + apiURL + " 502 29.03 s", LayerClient, "502"},
		// newman's request line
		{"newman", "  GET " + apiURL + " [502 Bad Gateway, 312B, 29s]", LayerClient, "502"},
		// CloudFront's 403 page is no 5xx
		{"cloudfront 403 page", "403 ERROR\nThe request could not be satisfied.\nBad request. We can't connect to the server for this app or website at this time.", LayerCDN, "none"},
	})
}

// What the client's status shows about the cause: a CloudFront error page
// is CloudFront failing to get an answer from its origin (API Gateway's own
// 5xx would come through with the gateway's body), so it names no gateway
// cause; a browser's network error is the client's, not a function's; the
// Lambda Invoke API's FunctionError field (aws lambda invoke) is the
// function's error.
func TestClientFormsCauses(t *testing.T) {
	checkWordings(t, []wording{
		{"cloudfront 504 page", "504 Gateway Timeout ERROR\nThe request could not be satisfied.\nCloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.", "unknown", "504"},
		{"cloudfront 503 page", "503 ERROR\nThe request could not be satisfied.\nThe Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.", "unknown", "503"},
		{"the gateway's 504 through cloudfront", "HTTP/2 504\nx-cache: Error from cloudfront\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{"a bare 504 through cloudfront", "HTTP/2 504\nx-cache: Error from cloudfront", "integration_timeout", "504"},
		{"a person's 504 error under a bare 504", "HTTP/2 504\n\n504 error", "integration_timeout", "504"},
		{"a person's heading over a 504", "504 Gateway Timeout Error\nCalling the API from Postman, I get a 504.", "integration_timeout", "504"},
		// the browsers' words for a fetch that got no response (Chrome, Firefox, Safari)
		{"chrome failed to fetch", "Uncaught (in promise) TypeError: Failed to fetch", "unknown", "unknown"},
		{"chrome failed to fetch bare", "TypeError: Failed to fetch", "unknown", "unknown"},
		{"firefox network error", "TypeError: NetworkError when attempting to fetch resource.", "unknown", "unknown"},
		{"safari load failed", "TypeError: Load failed", "unknown", "unknown"},
		// a page's script failing on what it got, nothing the function threw
		{"chrome uncaught in a promise", "main.js:12 Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'data')", "unknown", "unknown"},
		{"chrome uncaught", "Uncaught TypeError: Cannot read properties of undefined (reading 'data')\nPOST https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders 502 (Bad Gateway)", "unknown", "502"},
		// and the same words quoted from a function, without their type
		{"v8 message without its type", "Cannot read properties of undefined (reading 'indexOf')", "lambda_function_error", "unknown"},
		{"v8 message in an answer", "When using the console's Test, the function returns:\n`{ error: 'Cannot convert undefined or null to object' }`", "lambda_function_error", "unknown"},
		{"v8 message in a person's words", "got an error of \"cannot read property includes of undefined, lambda-api index.js line 259\"", "lambda_function_error", "unknown"},
		// the ws library (lib/websocket.js) and Chrome refusing a 101 handshake for its subprotocol
		{"ws no subprotocol", "Error: Server sent no subprotocol", "not_5xx", "none"},
		{"chrome subprotocol", "WebSocket connection to 'wss://abc123.execute-api.us-east-1.amazonaws.com/prod' failed: Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received", "not_5xx", "none"},
		{"a 502 beside it", "Error: Server sent no subprotocol\nerror: Unexpected server response: 502", "unknown", "502"},
		// the AWS CLI's output of lambda invoke (the Invoke API's response)
		{"aws lambda invoke", "{\n    \"StatusCode\": 200,\n    \"FunctionError\": \"Unhandled\",\n    \"ExecutedVersion\": \"$LATEST\"\n}", "lambda_function_error", "unknown"},
		// the AWS CLI's output of apigateway test-invoke-method: the status,
		// and the execution log in one JSON string
		{"test-invoke-method", "{\n    \"status\": 502,\n    \"body\": \"{\\\"message\\\": \\\"Internal server error\\\"}\",\n    \"log\": \"Execution log for request 5c7e\\nTue Mar 12 10:15:01 UTC 2024 : Execution failed due to configuration error: Malformed Lambda proxy response\\nTue Mar 12 10:15:01 UTC 2024 : Method completed with status: 502\\n\",\n    \"latency\": 48\n}", "lambda_malformed_proxy_response", "502"},
		{"test-invoke-method permission", "{\n    \"status\": 500,\n    \"log\": \"Execution log for request 5c7e\\nTue Mar 12 10:15:01 UTC 2024 : Execution failed due to configuration error: Invalid permissions on Lambda function\\nTue Mar 12 10:15:01 UTC 2024 : Method completed with status: 500\\n\"\n}", "lambda_invoke_permission", "500"},
		// a test's assertion above a test runner's frames (mocha under Cypress, Jest,
		// unittest) is the test's, a client of the API; the same assertion above
		// frames under /var/task is the function's own
		{"cypress assertion trace", "AssertionError: expected 502 to equal 200\n    at Context.eval (webpack:///./cypress/e2e/items.cy.js:12:34)\n    at Context.<anonymous> (cypress/e2e/items.cy.js:12:34)", "unknown", "502"},
		{"jest assertion trace", "expect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 502\n\n    at Object.<anonymous> (test/items.test.js:14:27)", "unknown", "502"},
		{"an assertion in the function", "AssertionError: expected 502 to equal 200\n    at Runtime.handler (/var/task/index.js:12:34)", "lambda_function_error", "unknown"},
		// the AWS CLI calling the Invoke API itself, throttled
		{"cli invoke throttled", "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.", "lambda_throttled", "unknown"},
	})
}

// How people print a response object, and the WebSocket clients of .NET
// and Java.
func TestClientFormsPrintedResponses(t *testing.T) {
	checkClientForms(t, []clientForm{
		// requests/models.py Response.__repr__: "<Response [%s]>"
		{"requests response", "<Response [502]>", LayerClient, "502"},
		{"requests response 403", "<Response [403]>", LayerClient, "none"},
		// httpx/_models.py Response.__repr__: "<Response [%d %s]>"
		{"httpx response", "<Response [504 Gateway Timeout]>", LayerClient, "504"},
		// System.Net.Http HttpResponseMessage.ToString
		{"dotnet response", "StatusCode: 502, ReasonPhrase: 'Bad Gateway', Version: 1.1, Content: System.Net.Http.HttpConnectionResponseContent, Headers:", LayerClient, "502"},
		{"dotnet response 403", "StatusCode: 403, ReasonPhrase: 'Forbidden', Version: 1.1, Content: System.Net.Http.HttpConnectionResponseContent, Headers:", LayerClient, "none"},
		// System.Net.WebSockets WebSocketHandle.Managed: net_WebSockets_ConnectStatusExpected
		{"dotnet websocket", "System.Net.WebSockets.WebSocketException (0x80004005): The server returned status code '502' when status code '101' was expected.", LayerClient, "502"},
		// TooTallNate Java-WebSocket Draft_6455: "Invalid status code received: ..."
		{"java-websocket", "Invalid status code received: 502 Status line: HTTP/1.1 502 Bad Gateway", LayerClient, "502"},
		// urllib3 Retry: "too many {status_code} error responses"
		{"urllib3 retries", "urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='abc123.execute-api.us-east-1.amazonaws.com', port=443): Max retries exceeded with url: /prod/items (Caused by ResponseError('too many 502 error responses'))", LayerClient, "502"},
		// Chrome DevTools' headers pane, copied
		{"devtools headers", "Status Code: 504 Gateway Timeout", LayerClient, "504"},
	})
}

// A client that reports a refused WebSocket handshake shows a WebSocket
// API, whichever library it is.
func TestWebSocketClientsShowTheAPIType(t *testing.T) {
	for _, line := range []string{
		"websocat: WebSocketError: Received unexpected status code (502 Bad Gateway)",
		"websocket._exceptions.WebSocketBadStatusException: Handshake status 502 Bad Gateway",
		"java.net.ProtocolException: Expected HTTP 101 response but was '502 Bad Gateway'",
		"System.Net.WebSockets.WebSocketException (0x80004005): The server returned status code '502' when status code '101' was expected.",
		"failed to WebSocket dial: expected handshake response status code 101 but got 502",
		// gorilla/websocket client.go ErrBadHandshake, as k6 logs it
		"ERRO[0000] GoError: websocket: bad handshake",
		"aiohttp.client_exceptions.WSServerHandshakeError: 502, message='Invalid response status', url=URL('https://abc123.execute-api.us-east-1.amazonaws.com/prod')",
	} {
		if d := diagnoseText(t, line); d.APIType != stage.APIWebSocket {
			t.Errorf("%q: api %s, want websocket", line, d.APIType)
		}
	}
}

// A client that could not reach the API, or did not trust its certificate,
// names no cause of the gateway's: its own connection failed (the API's
// domain, DNS, the network between).
func TestClientNetworkFailuresNameNoGatewayCause(t *testing.T) {
	checkClientForms(t, []clientForm{
		// curl lib/vtls: the API's custom domain certificate, as the client saw it
		{"curl subject", "curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example.com'", LayerClient, "unknown"},
		{"curl refused", "curl: (7) Failed to connect to api.example.com port 443 after 21 ms: Connection refused", LayerClient, "unknown"},
		{"wscat refused", "wscat: error: connect ECONNREFUSED 127.0.0.1:443", LayerClient, "unknown"},
		// httpx/_exceptions.py
		{"httpx connect", "httpx.ConnectError: [Errno 111] Connection refused", LayerClient, "unknown"},
		// faraday/error.rb ConnectionFailed
		{"faraday connect", "Faraday::ConnectionFailed: Failed to open TCP connection to api.example.com:443 (Connection refused - connect(2) for \"api.example.com\" port 443)", LayerClient, "unknown"},
		// Spring RestTemplate.doExecute: "I/O error on {method} request for \"{url}\": {message}"
		{"spring resource access", "org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://api.example.com/prod/items\": Connection refused", LayerClient, "unknown"},
		{"aiohttp connect", "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host api.example.com:443 ssl:default [Connection refused]", LayerClient, "unknown"},
	})
	for _, line := range []string{
		"curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example.com'",
		"wscat: error: connect ECONNREFUSED 127.0.0.1:443",
		"httpx.ConnectError: [Errno 111] Connection refused",
		"Faraday::ConnectionFailed: Failed to open TCP connection to api.example.com:443 (Connection refused - connect(2) for \"api.example.com\" port 443)",
		"org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://api.example.com/prod/items\": Connection refused",
	} {
		if d := diagnoseText(t, line); d.Cause != CauseUnknown {
			t.Errorf("%q: cause %s, want unknown", line, d.Cause)
		}
	}
}

// EACCES is an errno word: "ResourceAccessException" holds its letters
// and is no package permission.
func TestEACCESIsAWord(t *testing.T) {
	if d := diagnoseText(t, "Error: EACCES: permission denied, open '/var/task/index.js'"); d.Cause != CauseLambdaPackagePermission {
		t.Errorf("EACCES: cause %s, want lambda_package_permission", d.Cause)
	}
	if d := diagnoseText(t, "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\torg.springframework.web.client.ResourceAccessException: I/O error on GET request"); d.Cause == CauseLambdaPackagePermission {
		t.Errorf("ResourceAccessException: cause %s", d.Cause)
	}
}

// The same clients inside the function's own log are the function calling
// a dependency: what they got is no status of the API's client, and the
// request failed with a function error.
func TestClientWordsInTheFunctionsLog(t *testing.T) {
	const node = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	const py = "[ERROR]\t2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\t"
	fn := "lambda_function_error"
	checkWordings(t, []wording{
		{"axios", node + "AxiosError: Request failed with status code 502", fn, "unknown"},
		{"axios 403", node + "AxiosError: Request failed with status code 403", fn, "unknown"},
		{"httpx", py + "httpx.HTTPStatusError: Server error '503 Service Unavailable' for url 'https://partner.example.com/v1/a'", fn, "unknown"},
		{"aiohttp", py + "aiohttp.client_exceptions.ClientResponseError: 504, message='Gateway Timeout', url=URL('https://partner.example.com/v1/a')", fn, "unknown"},
		{"dotnet", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tfail\tSystem.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).", fn, "unknown"},
	})
}

// Between an invocation's START and its END the log stream is the
// function's, also where a runtime writes a line without its columns (a
// Python print, a Java or Go function's logger): a client library's code
// below 500 there is what the function's own call got, no all-clear. A
// 5xx there stays shown, as any 5xx does, and a client's line after the
// END is the client's.
func TestClientWordsInsideAnInvocation(t *testing.T) {
	const (
		start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end   = "END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\n"
	)
	checkWordings(t, []wording{
		{"requests, printed", start + "404 Client Error: Not Found for url: https://partner.example.com/v1/a\n" + end, "unknown", "unknown"},
		{"axios, printed", start + "AxiosError: Request failed with status code 403\n" + end, "unknown", "unknown"},
		{"Jersey, logged", start + "GET https://partner.example.com/v1/a returned a response status of 404 Not Found\n" + end, "unknown", "unknown"},
		{"OkHttp's recipe, logged", start + "java.io.IOException: Unexpected code Response{protocol=h2, code=403, message=, url=https://partner.example.com/v1/a}\n" + end, "unknown", "unknown"},
		{"a 5xx stays shown", start + "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://partner.example.com/v1/a\n" + end, "unknown", "502"},
		// the gateway's own 4xx words and a status line, as a function
		// prints the answer its call to another API got (a Python print of
		// the body, a shell runtime's curl -i)
		{"a 4xx body, printed", start + "{\"message\":\"Forbidden\"}\n" + end, "unknown", "unknown"},
		{"an error type, printed", start + "x-amzn-ErrorType: ForbiddenException\n" + end, "unknown", "unknown"},
		{"curl -i in a shell runtime", start + "HTTP/1.1 403 Forbidden\n" + end, "unknown", "unknown"},
		{"a 5xx status line stays shown", start + "HTTP/1.1 502 Bad Gateway\n" + end, "unknown", "502"},
		{"a 4xx body after the END", start + end + "{\"message\":\"Forbidden\"}\n", "not_5xx", "none"},
		{"the client after the END", start + end + "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: " + apiURL + "\n", "not_5xx", "none"},
	})
}

// Amplify JS v6 turns an error answer into a RestApiError named by the
// x-amzn-ErrorType header and carrying the body's "message"
// (@aws-amplify/api-rest's parseRestApiServiceError over @aws-amplify/core's
// parseJsonError): the REST API's default 5xx answer prints as
// "InternalServerErrorException: Internal server error", a 5xx of the
// gateway's that names no failed step. In the function's own log the same
// words are an SDK's error for a call the function made, and the
// @connections API's "ForbiddenException: Forbidden" is the function's own
// call refused, no answer of the API's.
func TestAmplifyRestApiErrorOfTheGateway(t *testing.T) {
	checkClientForms(t, []clientForm{
		{"Amplify v6 alone", "InternalServerErrorException: Internal server error", LayerClient, "500"},
		{"Amplify v6 in a browser's trace", "InternalServerErrorException: Internal server error\n    at buildRestApiError (http://localhost:3000/node_modules/.vite/deps/chunk-ABC.js:120:10)", LayerClient, "500"},
	})
	checkWordings(t, []wording{
		{"Amplify v6 alone names no cause", "InternalServerErrorException: Internal server error", "unknown", "500"},
		{"beside the execution log's function error", "InternalServerErrorException: Internal server error\n(abc) Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 1b2c\n(abc) Method completed with status: 502", "lambda_function_error", "502"},
		{"the function's own SDK call", "2024-05-04T17:48:21.123Z\t1b2c3d4e-0000-4000-8000-00000000abcd\tERROR\tInternalServerErrorException: Internal server error", "lambda_function_error", "unknown"},
		{"the @connections API's refusal in the function's log", "2024-05-04T17:48:21.123Z\t1b2c3d4e-0000-4000-8000-00000000abcd\tERROR\tForbiddenException: Forbidden", "lambda_function_error", "unknown"},
	})
}

// The same RestApiError of Amplify JS v6 for the gateway's own 4xx
// answers whose error type and default message only the gateway pairs so
// (the developer guide's gateway response types: UNAUTHORIZED,
// MISSING_AUTHENTICATION_TOKEN, ACCESS_DENIED, BAD_REQUEST_BODY): the
// client got that 4xx. Look-alikes: the same words in the function's own
// log, a 5xx beside them, and the pairs the AWS SDK for JavaScript v3
// also prints for a function's call to the @connections API
// ("ForbiddenException: Forbidden").
func TestAmplifyRestApiErrorOfTheGateways4xx(t *testing.T) {
	checkWordings(t, []wording{
		{"unauthorized", "UnauthorizedException: Unauthorized", "not_5xx", "none"},
		{"missing token", "MissingAuthenticationTokenException: Missing Authentication Token", "not_5xx", "none"},
		{"explicit deny", "AccessDeniedException: User is not authorized to access this resource with an explicit deny", "not_5xx", "none"},
		{"implicit deny", "AccessDeniedException: User is not authorized to access this resource", "not_5xx", "none"},
		{"request validation", "BadRequestException: Invalid request body", "not_5xx", "none"},
		{"in a browser's trace", "UnauthorizedException: Unauthorized\n    at buildRestApiError (http://localhost:3000/node_modules/.vite/deps/chunk-ABC.js:120:10)", "not_5xx", "none"},
		// look-alikes
		{"beside a 5xx", "UnauthorizedException: Unauthorized\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"the function's own log", "2024-05-04T17:48:21.123Z\t1b2c3d4e-0000-4000-8000-00000000abcd\tERROR\tUnauthorizedException: Unauthorized", "lambda_function_error", "unknown"},
		{"the function's own log, a deny", "2024-05-04T17:48:21.123Z\t1b2c3d4e-0000-4000-8000-00000000abcd\tERROR\tAccessDeniedException: User is not authorized to access this resource", "lambda_function_error", "unknown"},
		{"the @connections API's pair", "ForbiddenException: Forbidden", "lambda_function_error", "unknown"},
	})
}

// A redirect is an answer, and no 5xx: a client's 3xx is positive evidence
// that the request did not fail on the server (as a 4xx is), so the
// diagnosis is none, while a 5xx shown beside it still wins, and a 2xx
// alone stays no incident at all (nothing failed to diagnose).
func TestRedirectIsAnAnswerBelowServerErrors(t *testing.T) {
	checkClientForms(t, []clientForm{
		{"curl redirect", "< HTTP/2 308\n< location: http://abc123.execute-api.us-east-1.amazonaws.com/prod/items/", LayerClient, "none"},
		{"status line with its phrase", "HTTP/1.1 301 Moved Permanently", LayerClient, "none"},
		{"beside a 502", "HTTP/1.1 302 Found\nHTTP/1.1 502 Bad Gateway", LayerClient, "502"},
	})
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(strings.NewReader("HTTP/1.1 200 OK\n")); err != nil {
		t.Fatal(err)
	}
	if s.SawEvidence() {
		t.Error("a 200 alone read as an incident")
	}
}
