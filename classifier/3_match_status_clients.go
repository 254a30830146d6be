package classifier

// clientErrorForms are the words HTTP client libraries raise an error for
// a status with, where the line opens with the error's name as a
// function's uncaught error does ("StatusCodeError: 502 - ..."): each is
// the client's line, and shows the code, unless the frames of a function's
// stack trace come with it (then it is the function's own call, which
// traceLayer tells). Each form is behind its literals, as the line's
// source words it.
var clientErrorForms = []litForm{
	// request-promise (request-promise-core's lib/errors.js):
	// StatusCodeError's message is the code, " - ", then the body
	// ("StatusCodeError: 502 - {\"message\":\"Internal server error\"}")
	form(`\bstatuscodeerror: ([1-5]\d\d) - `, "statuscodeerror: "),
	// httpx's Response.raise_for_status (httpx/_models.py): "Server error
	// '502 Bad Gateway' for url '...'", also under HTTPStatusError's short
	// name, as IPython and Jupyter print it
	form(`\b(?:informational response|redirect response|client error|server error) '([1-5]\d\d) [^']*' for url '`, "' for url '"),
	// the Jersey 1.x client's UniformInterfaceException: "GET https://...
	// returned a response status of 502 Bad Gateway"
	form(`\breturned a response status of ([1-5]\d\d)\b`, "returned a response status of "),
}

// clientErrorStatus returns the code a client library's error shows, a
// 5xx before any other, or 0.
func clientErrorStatus(low []byte) int {
	return formsCode(clientErrorForms, low)
}

// isClientErrorLine reports whether low is a client library's error for a
// status it got (clientErrorForms).
func isClientErrorLine(low []byte) bool {
	return hasStatusCode(low) && clientErrorStatus(low) != 0
}
