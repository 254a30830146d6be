package config

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
)

// Regexp is a pattern compiled when the configuration is loaded, so that a
// bad pattern fails at start and in check-config rather than at the first
// incident. Patterns are anchored: they must match the whole name, as
// Prometheus relabelling does ("orders" matches only "orders", "orders-.*"
// matches every name starting with "orders-").
type Regexp struct {
	*regexp.Regexp
	original string
}

// NewRegexp compiles an anchored pattern.
func NewRegexp(s string) (Regexp, error) {
	// Compile the pattern alone first, so that an error quotes what the user
	// wrote and not the anchoring added around it.
	if _, err := syntax.Parse(s, syntax.Perl); err != nil {
		return Regexp{}, err
	}
	re, err := regexp.Compile("^(?:" + s + ")$")
	if err != nil {
		return Regexp{}, err
	}
	return Regexp{re, s}, nil
}

// UnmarshalText compiles the pattern. An empty pattern leaves the Regexp
// unset (matching everything), so that a printed config reads back the same.
func (re *Regexp) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*re = Regexp{}
		return nil
	}
	r, err := NewRegexp(string(b))
	if err != nil {
		return fmt.Errorf("invalid regular expression: %s", regexpReason(err))
	}
	*re = r
	return nil
}

// MarshalText returns the pattern as written.
func (re Regexp) MarshalText() ([]byte, error) { return []byte(re.original), nil }

// String returns the pattern as written.
func (re Regexp) String() string { return re.original }

// IsSet says whether a pattern was configured.
func (re Regexp) IsSet() bool { return re.Regexp != nil }

// Matches says whether the whole of s matches. An unset pattern matches
// everything, so a match rule that leaves a field out does not restrict it.
func (re Regexp) Matches(s string) bool {
	return re.Regexp == nil || re.MatchString(s)
}

// regexpReason describes a regexp error without Go's "error parsing regexp:"
// prefix: "missing closing ): `(a`".
func regexpReason(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Sprintf("%s: `%s`", se.Code, se.Expr)
	}
	return err.Error()
}
