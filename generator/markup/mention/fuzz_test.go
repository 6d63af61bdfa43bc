package mention

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks the matcher's promises on any text and any aliases: it
// never panics, and its matches are sorted, disjoint, inside the text, on
// word boundaries, and equal (up to case) to a pattern.
func FuzzFind(f *testing.F) {
	f.Add("The UN Security Council met; the Council agreed.", "UN Security Council|Security Council|Council")
	f.Add("Bush’s doctrine, the Bush administration", "Bush|Bush administration|bush doctrine")
	f.Add("U.S. policy in the U.S.A.", "U.S.|U.S.A.")
	f.Add("Qián Qíchēn and qian", "Qián|qian")
	f.Add("aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a|aa|aaa|aaaa")
	f.Add("\xff\xfe invalid", "\xff")
	f.Fuzz(func(t *testing.T, text, aliases string) {
		m, err := NewMatcher(fuzzPatterns(aliases))
		if err != nil {
			t.Fatal(err)
		}
		matches := m.Find(nil, []byte(text))
		prev := 0
		for _, mt := range matches {
			if mt.Start < prev || mt.End <= mt.Start || mt.End > len(text) {
				t.Fatalf("bad match %+v after %d in %q", mt, prev, text)
			}
			prev = mt.End
			p := m.Patterns()[mt.Pattern]
			if !strings.EqualFold(foldString(text[mt.Start:mt.End]), foldString(p.Text)) {
				t.Fatalf("match %q is not pattern %q", text[mt.Start:mt.End], p.Text)
			}
			if mt.Start > 0 {
				r, _ := utf8.DecodeLastRuneInString(text[:mt.Start])
				first, _ := utf8.DecodeRuneInString(text[mt.Start:])
				if isWordRune(r) && isWordRune(first) {
					t.Fatalf("match %q starts inside a word in %q", text[mt.Start:mt.End], text)
				}
			}
		}
	})
}

// fuzzPatterns makes the fuzzers' patterns of aliases separated by "|",
// each with a case rule in turn; empty ones are left out, and there are at
// most 51.
func fuzzPatterns(aliases string) []Pattern {
	var ps []Pattern
	for i, a := range strings.Split(aliases, "|") {
		if a == "" || len(ps) > 50 {
			continue
		}
		ps = append(ps, Pattern{Text: a, Case: Case(i % 3), Target: i})
	}
	return ps
}

func foldString(s string) string { return string(fold(nil, []byte(s))) }
