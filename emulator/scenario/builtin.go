package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// BuiltinNames names the built-in scenarios in messages and in the
// commands' help.
const BuiltinNames = "catalog, authorizers, fleet:N or fleet-idle:N"

// Builtin returns a built-in scenario: "catalog" (one stage per failure of
// AWS's 5xx troubleshooting articles, failing in turn and recovering),
// "authorizers" (REST, HTTP and WebSocket stages whose Lambda authorizer
// fails) or "fleet:N" (N mostly healthy stages, for scale and cost
// measurements).
func Builtin(name string) (*Scenario, error) {
	var sc *Scenario
	switch {
	case name == "catalog":
		sc = catalog()
	case name == "authorizers":
		sc = authorizers()
	case strings.HasPrefix(name, "fleet:"):
		n, err := strconv.Atoi(strings.TrimPrefix(name, "fleet:"))
		if err != nil || n < 1 || n > 100000 {
			return nil, fmt.Errorf("scenario %q: want fleet:N with N from 1 to 100000", name)
		}
		sc = fleet(n)
	case strings.HasPrefix(name, "fleet-idle:"):
		n, err := strconv.Atoi(strings.TrimPrefix(name, "fleet-idle:"))
		if err != nil || n < 2 || n > 100000 {
			return nil, fmt.Errorf("scenario %q: want fleet-idle:N with N from 2 to 100000", name)
		}
		sc = fleetIdle(n)
	default:
		return nil, fmt.Errorf("unknown built-in scenario %q (want %s)", name, BuiltinNames)
	}
	if err := validate(sc); err != nil {
		return nil, fmt.Errorf("built-in scenario %s: %w", name, err)
	}
	return sc, nil
}

// Open returns the built-in scenario of that name, or else loads the file.
func Open(nameOrPath string) (*Scenario, error) {
	if nameOrPath == "catalog" || nameOrPath == "authorizers" || strings.HasPrefix(nameOrPath, "fleet:") || strings.HasPrefix(nameOrPath, "fleet-idle:") {
		return Builtin(nameOrPath)
	}
	sc, err := Load(nameOrPath)
	if errors.Is(err, fs.ErrNotExist) {
		// a mistyped built-in name reads as a missing file: name both
		return nil, fmt.Errorf("scenario %q is no built-in scenario (%s) and no file: %w", nameOrPath, BuiltinNames, err)
	}
	return sc, err
}
