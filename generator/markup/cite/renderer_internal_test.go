package cite

import (
	"testing"

	"github.com/yuin/goldmark/util"
)

// TestPlainURLIsEscaped checks plainURL's promise on every byte, alone and
// in a path: where it holds, URLEscape and EscapeHTML leave the text as
// it is.
func TestPlainURLIsEscaped(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "../sources/a" + string([]byte{byte(c)}) + "b.html"} {
			escaped := string(util.EscapeHTML(util.URLEscape([]byte(s), false)))
			if plainURL(s) && escaped != s {
				t.Errorf("plainURL(%q) is true, but it is escaped as %q", s, escaped)
			}
		}
	}
	if !plainURL("../sources/nss2002.html") {
		t.Error("a source page's path is not plain")
	}
}
