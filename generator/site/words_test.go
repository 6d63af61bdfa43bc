package site

import (
	"strings"
	"testing"
)

// TestCountWords checks countWords against strings.Fields, whose count it
// replaces, on spaces of every kind, words of several scripts and invalid
// UTF-8.
func TestCountWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " one ", "one two", "one  two\tthree\nfour\r\nfive\vsix\fseven",
		"non\u00a0breaking", "em\u2003space", "next\u0085line", "ideographic\u3000space",
		"Qián Qíchēn", "日本語 テキスト", "\xff \xfe\xfd word", "a\u200bb", "trailing  ",
	} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
