package scenario

import (
	"fmt"
	"strings"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// fnError is what a failing function reports: the errorType and
// errorMessage of the Lambda error payload, and the lines the runtime
// writes to the function's log.
type fnError struct {
	errType string
	message string
	logText string // one log event, possibly several lines
	reportT string // REPORT "Error Type:" (2024 format), "" when none
	status  string // REPORT "Status:" (2024 format)
}

// functionError builds the cause's error as the function's runtime writes
// it, from the formats Lambda documents (Python tracebacks, Node.js
// "Invoke Error" records, runtime exit lines).
func (ri *reqInfo) functionError() fnError {
	f := ri.rt.fn.fn
	node := isNode(f.Runtime)
	iso := ri.at(float64(ri.r.fnDur)).Format("2006-01-02T15:04:05.000Z")
	switch ri.cause {
	case classifier.CauseLambdaPackagePermission:
		file := "/var/task/lambda_function.py"
		if node {
			file = "/var/task/index.mjs"
			msg := fmt.Sprintf("EACCES: permission denied, open '%s'", file)
			return fnError{"Error", msg, nodeError(iso, ri.lid, "Uncaught Exception", "Error", msg), "Runtime.Unknown", "error"}
		}
		msg := fmt.Sprintf("[Errno 13] Permission denied: '%s'", file)
		return fnError{"PermissionError", msg, pyError("PermissionError", msg, ""), "Runtime.Unknown", "error"}
	case classifier.CauseLambdaHandlerMisconfigured:
		if node {
			msg := f.Handler + " is undefined or not exported"
			return fnError{"Runtime.HandlerNotFound", msg, nodeError(iso, "undefined", "Uncaught Exception", "Runtime.HandlerNotFound", msg), "Runtime.HandlerNotFound", "error"}
		}
		mod, _, _ := strings.Cut(f.Handler, ".")
		msg := fmt.Sprintf("Unable to import module '%s': No module named '%s'", mod, mod)
		return fnError{"Runtime.ImportModuleError", msg, pyError("Runtime.ImportModuleError", msg, "-"), "Runtime.ImportModuleError", "error"}
	case classifier.CauseLambdaFunctionTimeout:
		msg := fmt.Sprintf("%s %s Task timed out after %.2f seconds", iso, ri.lid, f.Timeout.Seconds())
		return fnError{"Sandbox.Timedout", msg, msg, "", "timeout"}
	case classifier.CauseLambdaRuntimeCrash:
		msg := fmt.Sprintf("RequestId: %s Error: Runtime exited with error: exit status 1", ri.lid)
		return fnError{"Runtime.ExitError", msg, msg + "\nRuntime.ExitError", "Runtime.ExitError", "error"}
	case classifier.CauseLambdaOutOfMemory:
		msg := fmt.Sprintf("RequestId: %s Error: Runtime exited with error: signal: killed", ri.lid)
		return fnError{"Runtime.ExitError", msg, msg + "\nRuntime.ExitError", "Runtime.OutOfMemory", "error"}
	case classifier.CauseLambdaPayloadTooLarge:
		// The function returned; Lambda refused its response. It logs nothing.
		return fnError{"Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size (6291556 bytes).", "", "", "success"}
	case classifier.CauseStatusMappingMissing:
		msg := fmt.Sprintf("Order %d not found", 1000+ri.h%9000)
		if node {
			return fnError{"NotFoundError", msg, nodeError(iso, ri.lid, "Invoke Error", "NotFoundError", msg), "", "error"}
		}
		return fnError{"NotFoundError", msg, pyError("NotFoundError", msg, `raise NotFoundError(f"Order {order_id} not found")`), "", "error"}
	}
	if node {
		msg := "Cannot read properties of undefined (reading 'orderId')"
		return fnError{"TypeError", msg, nodeError(iso, ri.lid, "Invoke Error", "TypeError", msg), "", "error"}
	}
	return fnError{"KeyError", "'orderId'", pyError("KeyError", "'orderId'", `order_id = event["pathParameters"]["orderId"]`), "", "error"}
}

// pyError is the Python runtime's log record of an unhandled exception.
func pyError(typ, msg, code string) string {
	s := fmt.Sprintf("[ERROR] %s: %s\nTraceback (most recent call last):", typ, msg)
	if code != "-" && code != "" {
		s += "\n  File \"/var/task/lambda_function.py\", line 14, in lambda_handler\n    " + code
	}
	return s
}

// nodeError is the Node.js runtime's tab-separated error record.
func nodeError(iso, rid, what, typ, msg string) string {
	return fmt.Sprintf("%s\t%s\tERROR\t%s \t{\"errorType\":%q,\"errorMessage\":%q,\"stack\":[%q,%q]}",
		iso, rid, what, typ, msg, typ+": "+msg, "    at Runtime.handler (file:///var/task/index.mjs:4:38)")
}

// payload is the Lambda error payload API Gateway receives.
func (e fnError) payload(lid string) string {
	if e.errType == "Sandbox.Timedout" {
		return fmt.Sprintf("{\"errorMessage\":%q}", e.message)
	}
	return fmt.Sprintf("{\"errorMessage\": %q, \"errorType\": %q, \"requestId\": %q, \"stackTrace\": []}", e.message, e.errType, lid)
}
