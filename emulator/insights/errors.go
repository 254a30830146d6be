package insights

import "fmt"

// Error is a query compile error with the character offsets AWS reports in
// MalformedQueryException.queryCompileError.location.
type Error struct {
	Message string
	// Start and End are character offsets into the query, End exclusive.
	Start, End int
	// Line and Column (1-based) locate Start for the message.
	Line, Column int
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s at line %d and position %d", e.Message, e.Line, e.Column)
}

// locate fills Line and Column from the query text.
func (e *Error) locate(src string) {
	e.Line, e.Column = 1, 1
	for i := 0; i < e.Start && i < len(src); i++ {
		if src[i] == '\n' {
			e.Line, e.Column = e.Line+1, 1
		} else {
			e.Column++
		}
	}
}

func errAt(start, end int, msg string) *Error {
	return &Error{Message: msg, Start: start, End: end}
}
