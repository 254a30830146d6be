package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Load reads a scenario file. Unknown keys, values of the wrong type and
// invalid settings are errors of the form "file:line:col: path: message".
func Load(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read scenario: %w", err)
	}
	return Parse(data, path)
}

// Parse decodes a scenario from YAML; name is the file name used in errors
// and the default scenario name.
func Parse(data []byte, name string) (*Scenario, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ps := positions{}
	var errs []fieldError
	strictWalk(&doc, reflect.TypeFor[Scenario](), "", ps, &errs)
	if len(errs) > 0 {
		return nil, formatErrors(name, errs)
	}
	sc := &Scenario{}
	if err := doc.Decode(sc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if sc.Name == "" {
		sc.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	v := &validator{ps: ps}
	v.scenario(sc)
	if len(v.errs) > 0 {
		return nil, formatErrors(name, v.errs)
	}
	return sc, nil
}

// formatErrors joins the problems in file order, one per line.
func formatErrors(file string, errs []fieldError) error {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].at.line != errs[j].at.line {
			return errs[i].at.line < errs[j].at.line
		}
		return errs[i].at.col < errs[j].at.col
	})
	out := make([]error, 0, len(errs))
	for _, e := range errs {
		if e.at.line == 0 {
			out = append(out, fmt.Errorf("%s: %s: %s", file, e.path, e.msg))
			continue
		}
		out = append(out, fmt.Errorf("%s:%d:%d: %s: %s", file, e.at.line, e.at.col, e.path, e.msg))
	}
	return errors.Join(out...)
}

func parseDuration(s string) (time.Duration, error) {
	if s == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q (want e.g. 90s or 15m)", s)
	}
	return d, nil
}

// validator applies defaults and collects problems with their positions.
// Built-in scenarios, made in Go, go through it too (with no positions).
type validator struct {
	ps   positions
	errs []fieldError
}

// fail records a problem with the value at path, or with the closest
// enclosing value that the file does write (a default has no position).
func (v *validator) fail(path, format string, args ...any) {
	at := v.ps[path]
	for p := path; at.line == 0 && p != ""; {
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			p = ""
		} else {
			p = p[:i]
		}
		at = v.ps[p]
	}
	v.errs = append(v.errs, fieldError{at, path, fmt.Sprintf(format, args...)})
}

// validate checks a scenario built in Go and fills its defaults.
func validate(sc *Scenario) error {
	v := &validator{ps: positions{}}
	v.scenario(sc)
	if len(v.errs) > 0 {
		return formatErrors(sc.Name, v.errs)
	}
	return nil
}
