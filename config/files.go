package config

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// maxConfigFile bounds a configuration file. The largest real ones (a few
// thousand explicit targets) are a few hundred KiB; a path such as
// /dev/zero, or a log file given by mistake, must end check-config quickly
// with an error instead of filling memory.
const maxConfigFile = 4 << 20

var errConfigTooLarge = errors.New("larger than 4 MiB; is this the configuration file?")

// readConfigFile reads at most maxConfigFile bytes of path.
func readConfigFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read-only: a close error changes nothing
	b, err := io.ReadAll(io.LimitReader(f, maxConfigFile+1))
	if err == nil && len(b) > maxConfigFile {
		err = errConfigTooLarge
	}
	return b, err
}

// writableWarning returns a warning when others than the owner may write
// the file: whoever can write the configuration or a secret controls what
// the daemon calls and where it sends incidents. "" when the mode is fine
// or the file cannot be examined (reading it reports that).
func writableWarning(what, path string) string {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o022 == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s is writable by its group or by everyone (mode %04o); make it writable by its owner alone (chmod go-w)",
		what, path, fi.Mode().Perm())
}

// maxValueInError bounds a value quoted in an error message: a message
// names the value, it does not echo a 50 MB one back to the terminal.
const maxValueInError = 1024

// cutArgs bounds and escapes the string arguments of an error message, so
// that neither a huge value nor a control character in one reaches the
// terminal whole.
func cutArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = textsafe.Cut(s, maxValueInError)
		}
		out[i] = a
	}
	return out
}
