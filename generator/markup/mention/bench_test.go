package mention_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"edition/generator/internal/corpus"
	"edition/generator/markup/mention"
)

// matchCase is a registry of about n aliases and a text that mentions its
// entries: 20 chapters of the synthetic corpus made for that registry
// (about 300 KB; 80 mentions a chapter, among words that name nothing).
func matchCase(b testing.TB, n int) ([]mention.Pattern, []byte) {
	// Entries have 1, 2 or 3 aliases in turn: n/2 entries have about n.
	cfg := corpus.Config{Chapters: 20, Entries: n / 2, Sources: 20}
	var ps []mention.Pattern
	for i, e := range corpus.Registry(cfg) {
		for _, a := range e.Aliases {
			ps = append(ps, mention.Pattern{Text: a, Case: mention.Smart, Target: i})
		}
	}
	files := corpus.Generate(cfg)
	var text bytes.Buffer
	for i := range cfg.Chapters {
		text.Write(files[corpus.ChapterPath(i)])
	}
	return ps, text.Bytes()
}

// BenchmarkFind measures how fast the matcher finds aliases in text, in
// MB/s, with 300 and with 30,000 aliases: the text is as long and mentions
// as much in both, so the throughputs compare what a hundred times more
// aliases cost.
func BenchmarkFind(b *testing.B) {
	for _, n := range []int{300, 30000} {
		b.Run(fmt.Sprintf("aliases-%d", n), func(b *testing.B) {
			ps, text := matchCase(b, n)
			m, err := mention.NewMatcher(ps)
			if err != nil {
				b.Fatal(err)
			}
			// Find is run on paragraphs, as the transformer runs it on runs
			// of text.
			paras := bytes.Split(text, []byte("\n\n"))
			var dst []mention.Match
			found := 0
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				found = 0
				for _, p := range paras {
					dst = m.Find(dst[:0], p)
					found += len(dst)
				}
			}
			b.ReportMetric(float64(found)/20, "mentions/chapter")
		})
	}
}

// BenchmarkNewMatcher measures building the matcher of 30,000 aliases,
// which a build does once (and a live preview again when an alias changes).
func BenchmarkNewMatcher(b *testing.B) {
	ps, _ := matchCase(b, 30000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mention.NewMatcher(ps); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCorpusAliasesAreFound checks the benchmark's premise on a small
// case: every alias the corpus puts in its text is found, and nothing else.
func TestCorpusAliasesAreFound(t *testing.T) {
	cfg := corpus.Config{Chapters: 2, Entries: 30, Sources: 5}
	var ps []mention.Pattern
	var all []string
	for i, e := range corpus.Registry(cfg) {
		for _, a := range e.Aliases {
			ps = append(ps, mention.Pattern{Text: a, Case: mention.Smart, Target: i})
			all = append(all, a)
		}
	}
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	text := corpus.Generate(cfg)[corpus.ChapterPath(1)]
	got := m.Find(nil, text)
	if len(got) < 60 {
		t.Fatalf("%d mentions found in a chapter of 80", len(got))
	}
	for _, g := range got {
		s := string(text[g.Start:g.End])
		if !slices.ContainsFunc(all, func(a string) bool { return strings.EqualFold(a, s) }) {
			t.Errorf("found %q, which is no alias", s)
		}
	}
}
