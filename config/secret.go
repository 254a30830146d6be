package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
)

// redacted is what a secret looks like wherever it is printed.
const redacted = "<secret>"

// Secret is a credential (Slack token, webhook URL, AWS secret key). It is a
// struct, not a string type, so that a conversion cannot leak it by accident;
// every way of printing or encoding it (fmt verbs, String, YAML, JSON, slog)
// gives "<secret>", and only Value returns the real text.
type Secret struct {
	v string
}

// NewSecret wraps a value, for tests and for code that builds a Config by hand.
func NewSecret(v string) Secret { return Secret{v} }

// Value returns the secret itself. Call it only where the secret is sent.
func (s Secret) Value() string { return s.v }

// IsSet says whether a value was configured.
func (s Secret) IsSet() bool { return s.v != "" }

// String returns "<secret>", or "" when no secret is set.
func (s Secret) String() string {
	if s.v == "" {
		return ""
	}
	return redacted
}

// GoString keeps %#v from printing the value.
func (s Secret) GoString() string { return fmt.Sprintf("config.Secret(%q)", s.String()) }

// Format makes every fmt verb print the redacted form.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue keeps slog from printing the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalYAML encodes the redacted form; a printed config never holds secrets.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// MarshalJSON encodes the redacted form.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalText encodes the redacted form, for encoders that use TextMarshaler.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText takes the value as written; ${ENV} references are expanded
// later, by Load, so that an unset variable is reported with its position.
func (s *Secret) UnmarshalText(b []byte) error {
	s.v = string(b)
	return nil
}

// envRef is a ${NAME} reference. Only the braced form is expanded: a bare $
// is common in generated tokens and must stay as written.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// bareEnvRef is a whole value written as $NAME, as a shell would expand it.
var bareEnvRef = regexp.MustCompile(`^\$([A-Za-z_][A-Za-z0-9_]*)$`)

// expandEnv replaces ${NAME} references with getenv(NAME). It returns the
// names that were unset or empty, never their values.
func expandEnv(v string, getenv func(string) string) (string, []string) {
	var missing []string
	out := envRef.ReplaceAllStringFunc(v, func(ref string) string {
		name := ref[2 : len(ref)-1]
		val := getenv(name)
		if val == "" {
			missing = append(missing, name)
		}
		return val
	})
	return out, missing
}

// resolveSecret settles one secret that may be given inline (with ${ENV}
// references) or as a file path. The key and file key name the fields for
// error messages; messages never contain the secret's value.
func (v *validator) resolveSecret(s *Secret, file string, key, fileKey string, getenv func(string) string) {
	p := v.p
	// A secret that could not be resolved is not checked further: its
	// format error would only repeat this one.
	defer func(n int) {
		if len(p.errs) > n {
			v.failed[key] = true
		}
	}(len(p.errs))
	if s.v != "" && file != "" {
		p.add(fileKey, "set either %s or %s, not both", lastKey(key), lastKey(fileKey))
		return
	}
	if file != "" {
		if w := writableWarning(fileKey, file); w != "" {
			v.warnings = append(v.warnings, w)
		}
		b, err := readSecretFile(file)
		if err != nil {
			p.add(fileKey, "cannot read secret file: %s", fileError(err))
			return
		}
		s.v = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
		if s.v == "" {
			p.add(fileKey, "secret file is empty")
		}
		return
	}
	if m := bareEnvRef.FindStringSubmatch(s.v); m != nil {
		// no token or URL is one $NAME: a reference without its braces
		p.add(key, "write ${%s}: only the braced form is read from the environment", m[1])
		return
	}
	expanded, missing := expandEnv(s.v, getenv)
	for _, name := range missing {
		p.add(key, "environment variable %s is not set", name)
	}
	s.v = expanded
}

// maxSecretFile bounds a secret file: credentials are short, and a path
// such as /dev/zero must not hang check-config.
const maxSecretFile = 64 << 10

var errNotRegular = errors.New("not a regular file")

var errTooLarge = errors.New("larger than 64 KiB")

// readSecretFile reads a regular file of at most maxSecretFile bytes
// (symbolic links, as Kubernetes mounts secrets, are followed).
func readSecretFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read-only: a close error changes nothing
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err == nil && len(b) > maxSecretFile {
		err = errTooLarge
	}
	return b, err
}

// fileError describes a file error without repeating the path, which the
// key's position already locates.
func fileError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file"
	case os.IsPermission(err):
		return "permission denied"
	}
	if pe, ok := err.(*os.PathError); ok { //nolint:errorlint // PathError is never wrapped by os.ReadFile
		return pe.Err.Error()
	}
	return err.Error()
}

// lastKey is the last element of a key path.
func lastKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}
