package highlight

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
)

// TestLexersHaveNoTimeouts: once chromaHTML has used a lexer, none of its
// rules can time out, so a loaded machine highlights as an idle one does.
// It fails if chroma's lexers no longer keep their rules where
// withoutTimeouts looks for them.
func TestLexersHaveNoTimeouts(t *testing.T) {
	for _, lang := range []string{"yaml", "go", "bibtex", "ris"} {
		l, ok := lexers.Get(lang).(*chroma.RegexLexer)
		if !ok {
			t.Fatalf("%s: not a regular-expression lexer", lang)
		}
		if _, err := chromaHTML(l, "x: 1\n"); err != nil {
			t.Fatal(err)
		}
		rules := compiledRules(l)
		if len(rules) == 0 {
			t.Fatalf("%s: no compiled rules found", lang)
		}
		for state, rs := range rules {
			for i, r := range rs {
				if r.Regexp != nil && r.Regexp.MatchTimeout != regexp2.DefaultMatchTimeout {
					t.Errorf("%s: rule %s.%d times out after %v", lang, state, i, r.Regexp.MatchTimeout)
				}
			}
		}
	}
}
