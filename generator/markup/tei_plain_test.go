package markup

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainByDefinition is plain as first written, byte by byte: the
// definition that plain's table computes.
func plainByDefinition(s []byte, backslash bool) bool {
	high := false
	for _, c := range s {
		switch {
		case c >= utf8.RuneSelf:
			high = true
		case c < 0x20 && c != '\t' && c != '\n', c == '&', c == '<', c == '>', c == '\\' && backslash:
			return false
		}
	}
	return !high || utf8.Valid(s) && !bytes.Contains(s, []byte("\uFFFE")) && !bytes.Contains(s, []byte("\uFFFF"))
}

func checkPlain(t *testing.T, s []byte) {
	t.Helper()
	for _, bs := range []bool{false, true} {
		if got, want := plain(s, bs), plainByDefinition(s, bs); got != want {
			t.Errorf("plain(%q, %v) = %v, want %v", s, bs, got, want)
		}
	}
}

// TestPlain compares plain with its definition on every byte, alone and
// among words, and on the runes it must tell apart.
func TestPlain(t *testing.T) {
	for c := range 256 {
		checkPlain(t, []byte{byte(c)})
		checkPlain(t, []byte{'a', byte(c), 'b'})
	}
	for _, s := range []string{"", "plain words.", "é and ‘quotes’", "\uFFFE", "a\uFFFFb", "\uFFFD", "\xef\xbf", "\xef\xbf\xbe\xff",
		"tab\tand\nline", "cr\r\n", `back\slash`, "ﬀ\uFEFF"} {
		checkPlain(t, []byte(s))
	}
}

// TestPlainAtEveryPlace checks plain with each class of byte at every
// place of texts longer than the eight bytes it reads together.
func TestPlainAtEveryPlace(t *testing.T) {
	for _, c := range []string{"\x00", "\r", "&", "<", ">", "\\", "é", "\uFFFE", "\xff", "a"} {
		for n := range 20 {
			for i := range n {
				checkPlain(t, []byte(strings.Repeat("w", i)+c+strings.Repeat("w", n-i)))
			}
		}
	}
}

// FuzzPlain compares plain with its definition on any text.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{"word", "é\uFFFE", `\&`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) { checkPlain(t, s) })
}
