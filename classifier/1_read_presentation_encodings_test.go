package classifier

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
)

// Files saved on Windows: Windows PowerShell 5's `>` and Out-File write
// UTF-16LE behind a byte order mark, with CRLF line ends (`aws logs
// filter-log-events ... > events.txt`); Notepad's "UTF-8 with BOM" and
// "UTF-16 BE" write their marks too. The bytes are written here with the
// standard library, not with the decoder the reader uses.
var (
	utf8BOMFile   = func(b []byte) []byte { return append(append([]byte{}, bomUTF8...), b...) }
	utf16LEFile   = utf16File(binary.LittleEndian)
	utf16BEFile   = utf16File(binary.BigEndian)
	crlf          = func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	powerShellOut = then(crlf, utf16LEFile)
)

// utf16File encodes an excerpt as UTF-16 in the given byte order, mark
// first.
func utf16File(order binary.AppendByteOrder) func([]byte) []byte {
	return func(b []byte) []byte {
		units := utf16.Encode(append([]rune{'\ufeff'}, []rune(string(b))...))
		out := make([]byte, 0, 2*len(units))
		for _, u := range units {
			out = order.AppendUint16(out, u)
		}
		return out
	}
}
