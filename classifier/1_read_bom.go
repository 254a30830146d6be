package classifier

import (
	"bufio"
	"bytes"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte order marks a Windows tool writes at the start of a file: Windows
// PowerShell 5's `>` and Out-File write UTF-16LE, Notepad and other
// editors UTF-8 or UTF-16 (either order), each behind its mark.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// withoutBOM looks at the first bytes of r: behind a UTF-8 mark it drops
// the mark, behind a UTF-16 mark it transcodes the rest to UTF-8 as it is
// read (a few KiB of buffer, whatever the size of the input), so the
// lines that follow are the same bytes a UTF-8 file would give. Without a
// mark (or when no UTF-16 follows one) the input is read as it is: UTF-16 without one is not told apart
// from binary data, and a UTF-8 reader must not pay for a guess.
func withoutBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, readBufSize)
	head, _ := br.Peek(len(bomUTF8))
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		_, _ = br.Discard(len(bomUTF8)) // peeked: cannot fail
		return br
	case bytes.HasPrefix(head, bomUTF16LE) && utf16Follows(br):
		return fromUTF16(br, unicode.LittleEndian)
	case bytes.HasPrefix(head, bomUTF16BE) && utf16Follows(br):
		return fromUTF16(br, unicode.BigEndian)
	}
	return br
}

// utf16Window is how far utf16Follows looks past a UTF-16 mark.
const utf16Window = 4096

// utf16Follows reports whether the bytes after a UTF-16 mark are UTF-16:
// any ASCII character there (a space, a digit, a line end: every log line
// has some) is a code unit with a zero byte, which text in UTF-8 never
// holds. Two invalid bytes that happen to look like a mark before UTF-8
// text (a corrupted paste) leave the text as it is.
func utf16Follows(br *bufio.Reader) bool {
	head, _ := br.Peek(utf16Window)
	return len(head) <= len(bomUTF16LE) || bytes.IndexByte(head[len(bomUTF16LE):], 0) >= 0
}

// fromUTF16 decodes UTF-16 in the given order, mark included (the decoder
// consumes it); an unpaired surrogate becomes U+FFFD, as invalid UTF-8
// does in a line.
func fromUTF16(r io.Reader, order unicode.Endianness) io.Reader {
	return transform.NewReader(r, unicode.UTF16(order, unicode.ExpectBOM).NewDecoder())
}
