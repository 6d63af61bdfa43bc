package htmlw

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

// TestPlainURLIsEscaped checks PlainURL's promise on every byte, alone and
// in a path: where it holds, URLEscape and EscapeHTML leave the text as
// it is.
func TestPlainURLIsEscaped(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "../sources/a" + string([]byte{byte(c)}) + "b.html"} {
			escaped := string(util.EscapeHTML(util.URLEscape([]byte(s), false)))
			if PlainURL(s) && escaped != s {
				t.Errorf("PlainURL(%q) is true, but it is escaped as %q", s, escaped)
			}
		}
	}
	if !PlainURL("../sources/nss2002.html") {
		t.Error("a source page's path is not plain")
	}
}

// TestWriteEscapedIsEscapeHTML compares WriteEscaped with util.EscapeHTML
// on every byte, alone and in text.
func TestWriteEscapedIsEscapeHTML(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b &amp; <i>"} {
			var b bytes.Buffer
			w := bufio.NewWriter(&b)
			WriteEscaped(w, s)
			w.Flush()
			if want := string(util.EscapeHTML([]byte(s))); b.String() != want {
				t.Errorf("WriteEscaped(%q) = %q, want %q", s, b.String(), want)
			}
		}
	}
}

// TestPlainURLBytes checks the bytes PlainURL lets through, one by one,
// against the list of them.
func TestPlainURLBytes(t *testing.T) {
	const plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/"
	for c := range 256 {
		s := string([]byte{byte(c)})
		if got, want := PlainURL("a"+s), strings.Contains(plain, s); got != want {
			t.Errorf("PlainURL(%q) = %v, want %v", "a"+s, got, want)
		}
	}
}
