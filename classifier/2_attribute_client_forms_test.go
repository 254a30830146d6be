package classifier

import (
	"strings"
	"testing"
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
			if got := clientLayer(appendLower(nil, delocalize(msg)), msg); got != f.layer {
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
		{"chrome fetch after the script location", "index.js:12     POST " + apiURL + " 504 (Gateway Timeout)", LayerClient, "504"},
		{"chrome xhr after the script location", "xhr.js:247          GET " + apiURL + " 503 (Service Unavailable)", LayerClient, "503"},
		{"chrome resource", "Failed to load resource: the server responded with a status of 502 ()", LayerClient, "502"},
		// Firefox's network monitor lines in the console
		{"firefox xhr", "XHR GET " + apiURL + " [HTTP/2 502 Bad Gateway 183ms]", LayerClient, "502"},
		{"firefox fetch 403", "XHR POST " + apiURL + " [HTTP/1.1 403 Forbidden 95ms]", LayerClient, "none"},
		// Safari's Web Inspector prefixes its console lines with the level
		{"safari resource", "[Error] Failed to load resource: the server responded with a status of 502 (Bad Gateway) (items, line 0)", LayerClient, "502"},
		// the ws library (lib/websocket.js abortHandshake) that wscat runs on
		{"ws library", "Error: Unexpected server response: 502", LayerClient, "502"},
		// Postman's test assertion (chai's "expected response to have status code")
		{"postman assertion", "AssertionError: expected response to have status code 200 but got 502", LayerClient, "502"},
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
	})
}

// The wordings of the JVM, .NET and Go clients.
func TestClientFormsJVMDotNetGo(t *testing.T) {
	checkClientForms(t, []clientForm{
		// Retrofit retrofit2/HttpException.java: "HTTP " + code + " " + message
		{"retrofit", "retrofit2.HttpException: HTTP 502 ", LayerClient, "502"},
		// OkHttp okhttp3/Response.kt toString
		{"okhttp response", "Response{protocol=h2, code=502, message=, url=" + apiURL + "}", LayerClient, "502"},
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
		// coder/websocket dial.go: "expected handshake response status code %v but got %v"
		{"go websocket dial", "failed to WebSocket dial: expected handshake response status code 101 but got 502", LayerClient, "502"},
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
	})
}
