package index_test

import (
	"strings"
	"testing"

	"edition/generator/diag"
	"edition/generator/index"
)

// An alias that is a common word ("the") links all over the text: a
// warning at the alias, from a share of the text's words on. A name, a
// phrase, or a word the text uses less often is left alone.
func TestCommonWordAliasIsWarned(t *testing.T) {
	ed := &index.Edition{Title: "E", Kinds: []index.Kind{{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"}}}
	at := func(line int) diag.Pos { return diag.Pos{File: "the.md", Line: line, Col: 5} }
	e := &index.Entry{Kind: "concept", Key: "the", Name: "The", File: "the.md", Pos: diag.Pos{File: "the.md", Line: 1, Col: 1},
		Aliases: []index.Alias{{Text: "the", Pos: at(4)}, {Text: "The Hague", Pos: at(5)}, {Text: "Thé", Case: index.Exact, Pos: at(6)}, {Text: "rare", Pos: at(7)}}}
	var occ []index.Occurrence
	for i, w := range []struct {
		match string
		n     int
	}{{"the", 30}, {"The", 10}, {"The Hague", 40}, {"Thé", 40}, {"rare", 2}} {
		for j := 0; j < w.n; j++ {
			occ = append(occ, index.Occurrence{Target: e.Ref(), Chapter: "one", ID: "m" + strings.Repeat("x", i) + string(rune('a'+j%26)), Snippet: index.Snippet{Match: w.match}})
		}
	}
	for _, tt := range []struct {
		words int
		want  string
	}{
		{4000, `the.md:4:5: warning: alias "the" of concept:the matches 40 times, once in every 100 words of the text`},
		{4001, ``},
	} {
		ch := &index.Chapter{Slug: "one", Title: "One", Words: tt.words}
		_, diags := index.Build(index.Input{Edition: ed, Entries: []*index.Entry{e}, Chapters: []*index.Chapter{ch}, Occurrences: [][]index.Occurrence{occ}})
		var got []string
		for _, d := range diags {
			got = append(got, strings.SplitN(d.String(), " (", 2)[0])
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%d words: %q, want %q", tt.words, got, tt.want)
		}
	}
}
