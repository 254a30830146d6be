package classifier

import (
	"regexp"
	"strings"
)

// How people edit what they paste, and how a thread repeats it: an
// account id or an API id masked before posting (as the AWS docs' own
// examples write them, or with asterisks), the same log pasted again in a
// reply, a report that opens with its logs and tells what was tried only
// after them. None of these changes what the evidence shows.

// pastedTwice is a reply that repeats the report's log under it.
func pastedTwice(excerpt []byte) []byte {
	out := append([]byte{}, excerpt...)
	return append(append(out, '\n'), excerpt...)
}

// firstBlockLast moves the excerpt's first block (up to its first blank
// line outside a code fence; a fenced block whole) after the others.
func firstBlockLast(excerpt []byte) []byte {
	blocks := pasteBlocks(excerpt)
	if len(blocks) < 2 {
		return excerpt
	}
	blocks = append(blocks[1:], blocks[0])
	return []byte(strings.Join(blocks, "\n\n") + "\n")
}

// pasteBlocks splits an excerpt at blank lines outside code fences, but
// for the one between an HTTP response's head and its body (curl -i), which
// are one client's output.
func pasteBlocks(excerpt []byte) []string {
	var blocks, cur []string
	fenced, head := false, false
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n"))
			cur, head = nil, false
		}
	}
	for _, l := range lines(excerpt) {
		t := strings.TrimSpace(l)
		fence := strings.HasPrefix(t, "```")
		switch {
		case fence && !fenced:
			flush()
			cur, fenced = append(cur, l), true
		case fence:
			cur, fenced = append(cur, l), false
			flush()
		case !fenced && t == "" && head:
			cur, head = append(cur, l), false
		case !fenced && t == "":
			flush()
		default:
			cur = append(cur, l)
			head = head || strings.HasPrefix(strings.TrimLeft(t, "< "), "HTTP/")
		}
	}
	flush()
	return blocks
}

var (
	accountID = regexp.MustCompile(`\b\d{12}\b`)
	apiHostID = regexp.MustCompile(`\b[a-z0-9]{10}\.execute-api\.`)
)

// masked replaces what re finds with mask.
func masked(re *regexp.Regexp, mask string) func([]byte) []byte {
	return func(excerpt []byte) []byte { return re.ReplaceAll(excerpt, []byte(mask)) }
}
