package markup_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup"
)

func chapter(t *testing.T, links *markup.Links, src string) *markup.Result {
	t.Helper()
	return md.Chapter(markup.Doc{File: chapterFile, Line: chapterLine, Src: []byte(src), Page: chapterPage}, links, "Opening")
}

var idRE = regexp.MustCompile(` id="([^"]*)"`)

// ids returns every id in the chapter's HTML, body and notes.
func ids(ch *index.Chapter) []string {
	html := string(ch.BodyHTML) + string(ch.TitleHTML)
	for _, n := range ch.Notes {
		html += string(n.HTML)
	}
	var out []string
	for _, m := range idRE.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

// numbered returns prefix1 … prefixN.
func numbered(prefix string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%s%d", prefix, i))
	}
	return out
}

// longChapter has n sections of three paragraphs (one a quotation), each
// paragraph with two mentions and a citation, and a note per section with
// a mention and a citation.
func longChapter(n int) string {
	var b strings.Builder
	b.WriteString("# A *long* chapter\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "## Part %d\n\n", i)
		fmt.Fprintf(&b, "Preemption and the Security Council [@nss2002, p. %d].[^%d]\n\n", i, i)
		fmt.Fprintf(&b, "> George W. Bush on prevention [@bush2002].\n\n")
		fmt.Fprintf(&b, "Legitimacy and\nthe High-Level Panel [see @nss2002].\n\n")
		fmt.Fprintf(&b, "[^%d]: On preemption, [@bush2002, %d].\n\n", i, i)
	}
	return b.String()
}

func TestChapterAssignsIDsInDocumentOrder(t *testing.T) {
	const sections = 4
	r := chapter(t, newLinks(t), longChapter(sections))
	ch := r.Chapter
	if len(r.Diags) > 0 {
		t.Fatalf("diagnostics: %v", r.Diags)
	}

	var paraIDs []string
	for i, p := range ch.Paragraphs {
		paraIDs = append(paraIDs, p.ID)
		if p.Number != i+1 {
			t.Errorf("paragraph %s has number %d, want %d", p.ID, p.Number, i+1)
		}
		if want := i / 3; p.Section != want {
			t.Errorf("paragraph %s in section %d, want %d", p.ID, p.Section, want)
		}
		if want := []index.Where{index.Body, index.Quote, index.Body}[i%3]; p.Where != want {
			t.Errorf("paragraph %s is %s, want %s", p.ID, p.Where, want)
		}
	}
	if want := numbered("p", 3*sections); !slices.Equal(paraIDs, want) {
		t.Errorf("paragraph ids %v, want %v", paraIDs, want)
	}

	var sectionIDs []string
	for _, s := range ch.Sections {
		sectionIDs = append(sectionIDs, s.ID)
	}
	// The chapter opens with a section: there is no untitled opening.
	if want := []string{"part-1", "part-2", "part-3", "part-4"}; !slices.Equal(sectionIDs, want) {
		t.Errorf("section ids %v, want %v", sectionIDs, want)
	}

	// Mentions are numbered through the text, then through the notes in
	// order of reference.
	var mentionIDs []string
	var where []index.Where
	for _, o := range r.Occurrences {
		mentionIDs = append(mentionIDs, o.ID)
		where = append(where, o.Where)
		if o.Snippet.Match == "" || !strings.Contains(o.Snippet.Before+o.Snippet.Match+o.Snippet.After, o.Snippet.Match) {
			t.Errorf("occurrence %s has snippet %+v", o.ID, o.Snippet)
		}
		if o.Pos.File != chapterFile || o.Pos.Line < chapterLine {
			t.Errorf("occurrence %s at %s, want a line of %s from %d on", o.ID, o.Pos, chapterFile, chapterLine)
		}
	}
	perSection := 6 // two mentions in each of three paragraphs
	if want := numbered("m", (perSection+1)*sections); !slices.Equal(mentionIDs, want) {
		t.Errorf("mention ids %v, want %v", mentionIDs, want)
	}
	for i, w := range where {
		want := index.Note
		if i < perSection*sections {
			want = []index.Where{index.Body, index.Body, index.Quote, index.Quote, index.Body, index.Body}[i%perSection]
		}
		if w != want {
			t.Errorf("mention %s is in %s, want %s", mentionIDs[i], w, want)
		}
	}

	var citeIDs []string
	for _, c := range r.Citations {
		citeIDs = append(citeIDs, c.ID)
	}
	if want := numbered("c", 4*sections); !slices.Equal(citeIDs, want) {
		t.Errorf("citation ids %v, want %v", citeIDs, want)
	}
	last := r.Citations[len(r.Citations)-1]
	if last.Note != fmt.Sprintf("n%d", sections) || last.Locator != fmt.Sprint(sections) || last.Section != sections-1 {
		t.Errorf("last citation %+v, want one in note n%d, section %d, locator %d", last, sections, sections-1, sections)
	}

	// Every id is in the HTML once.
	all := ids(ch)
	seen := map[string]int{}
	for _, id := range all {
		seen[id]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q appears %d times in the chapter's HTML", id, n)
		}
	}
	for _, id := range slices.Concat(paraIDs, sectionIDs, mentionIDs, citeIDs, numbered("r-n", sections)) {
		if seen[id] != 1 {
			t.Errorf("id %q appears %d times in the chapter's HTML, want once", id, seen[id])
		}
	}

	if want := "A <em>long</em> chapter"; string(ch.TitleHTML) != want {
		t.Errorf("TitleHTML = %q, want %q", ch.TitleHTML, want)
	}
	if strings.Contains(string(ch.BodyHTML), "<h1") {
		t.Errorf("the title heading is still in the body:\n%s", ch.BodyHTML)
	}
}

func TestChapterTitleOnlyFromTheTop(t *testing.T) {
	r := chapter(t, newLinks(t), "Text.\n\n# Later\n")
	if r.Chapter.TitleHTML != "" {
		t.Errorf("TitleHTML = %q from a heading that does not open the chapter", r.Chapter.TitleHTML)
	}
	if !strings.Contains(string(r.Chapter.BodyHTML), "<h1>Later</h1>") {
		t.Errorf("the later heading left the body:\n%s", r.Chapter.BodyHTML)
	}
	r = chapter(t, newLinks(t), "## Only a section\n\nText.\n")
	if r.Chapter.TitleHTML != "" || r.Chapter.Sections[0].ID != "only-a-section" {
		t.Errorf("a chapter opening with ## has title %q and sections %v", r.Chapter.TitleHTML, r.Chapter.Sections)
	}
}

func TestDiagnosticsAreOffsetByTheFirstLine(t *testing.T) {
	links := newLinks(t)
	src := []byte("Text.\n\nThe [doctrine](concept:premption), «[@nss2020]».\n")
	for _, first := range []int{1, 7, 120} {
		r := md.Chapter(markup.Doc{File: "ch.md", Line: first, Src: src, Page: chapterPage}, links, "Opening")
		r.Diags.Sort()
		got := r.Diags.Strings()
		line := first + 2
		want := []string{
			fmt.Sprintf(`ch.md:%d:5: error: unknown entry "concept:premption" (did you mean “preemption”?)`, line),
			// Columns count characters: « is one. The column is the key's @.
			fmt.Sprintf(`ch.md:%d:38: error: citation of unknown source @nss2020 (did you mean “nss2002”?)`, line),
		}
		if !slices.Equal(got, want) {
			t.Errorf("first line %d: diagnostics\n%s\nwant\n%s", first, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A link whose scheme is a kind misspelt would stay a link to
// "evnt:iraq-war", which goes nowhere: it is an error at the link, with
// the kind it meant. Web links, however close to a kind, stay links.
func TestMisspeltKindIsAnError(t *testing.T) {
	src := "The [doctrine](concpet:preemption), [Bush](Actor:bush), [Rice](nnoe:),\n" +
		"[a site](https://example.org/), [mail](mailto:a@example.org) and [data](data:x).\n"
	r := chapter(t, newLinks(t), src)
	r.Diags.Sort()
	got := r.Diags.Strings()
	want := []string{
		fmt.Sprintf(`%s:%d:5: error: unknown kind "concpet" in the link "concpet:preemption" (did you mean “concept:preemption”?)`, chapterFile, chapterLine),
		fmt.Sprintf(`%s:%d:37: error: unknown kind "Actor" in the link "Actor:bush" (did you mean “actor:bush”?)`, chapterFile, chapterLine),
		fmt.Sprintf(`%s:%d:57: error: unknown kind "nnoe" in the link "nnoe:" (did you mean “none:”?)`, chapterFile, chapterLine),
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	body := string(r.Chapter.BodyHTML)
	for _, bad := range []string{`href="concpet:`, `href="Actor:`, `href="nnoe:`} {
		if strings.Contains(body, bad) {
			t.Errorf("the misspelt link is still a link (%s):\n%s", bad, body)
		}
	}
	for _, link := range []string{`href="https://example.org/"`, `href="mailto:a@example.org"`} {
		if !strings.Contains(body, link) {
			t.Errorf("the web link %s is gone:\n%s", link, body)
		}
	}
}

// An explicit link that Markdown does not read as a link would show its
// brackets and key in the text: it is an error at its "]", in the text, in
// a note and in an entry's annotation. A code span may show the syntax,
// and an escaped bracket is meant.
func TestBrokenExplicitLinkIsAnError(t *testing.T) {
	src := "[America](actor:bush (rogue states) were\n" +
		"[the panel] (actor:high-level-panel) and [x](concept:pre emption) in `[a](actor:bush` or \\[b\\](actor:bush.[^1]\n\n" +
		"[^1]: As [Rice](actor:rice said.\n"
	r := chapter(t, newLinks(t), src)
	r.Diags.Sort()
	got := r.Diags.Strings()
	l := chapterLine
	want := []string{
		fmt.Sprintf(`%s:%d:9: error: “](actor:bush” does not make a link, and shows as text (write [words](kind:key), with no space in the key and “)” right after it)`, chapterFile, l),
		fmt.Sprintf(`%s:%d:11: error: “] (actor:high-level-panel” is not a link, and shows as text (remove the space between ] and (: [words](actor:high-level-panel))`, chapterFile, l+1),
		fmt.Sprintf(`%s:%d:44: error: “](concept:pre” does not make a link, and shows as text (write [words](kind:key), with no space in the key and “)” right after it)`, chapterFile, l+1),
		fmt.Sprintf(`%s:%d:15: error: “](actor:rice” does not make a link, and shows as text (write [words](kind:key), with no space in the key and “)” right after it)`, chapterFile, l+3),
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	_, ds := md.Fragment(markup.Doc{File: "entry.md", Line: 4, Src: []byte("As [the panel](actor:high-level-panel said.\n"), Page: "concepts/x.html"}, newLinks(t))
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), `entry.md:4:14: error: “](actor:high-level-panel” does not make a link`) {
		t.Errorf("Fragment diagnostics %v", ds)
	}
}

// With no key near it, an unknown key's hint says where the keys are: an
// entry's in the registry's file names, a source's in the bibliography,
// which has no folder of files.
func TestUnknownKeyHintSaysWhereTheKeysAre(t *testing.T) {
	r := chapter(t, newLinks(t), "The [doctrine](concept:zzzz) and a note.[^1]\n\n[^1]: As cited [@qqqqqq].\n")
	r.Diags.Sort()
	got := r.Diags.Strings()
	want := []string{
		fmt.Sprintf(`%s:%d:5: error: unknown entry "concept:zzzz" (check the key against the file names in registry/concept/)`, chapterFile, chapterLine),
		fmt.Sprintf(`%s:%d:17: error: citation of unknown source @qqqqqq (check the key against the ids of the bibliography's records)`, chapterFile, chapterLine+2),
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFragment(t *testing.T) {
	links := newLinks(t)
	html, ds := md.Fragment(markup.Doc{File: "entry.md", Line: 4, Src: []byte(
		"Preemption, as [the panel](actor:high-level-panel) said[^1] and [@bush2002] wrote.\n\n[^1]: On the UN Security Council.\n"),
		Page: "concepts/preemption.html"}, links)
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	got := string(html)
	for _, want := range []string{
		`<p>Preemption, as <a class="mention kind-actor" href="../actors/high-level-panel.html" data-ref="actor:high-level-panel">the panel</a> said`,
		`<a class="noteref author" id="r-n1" href="#n1" role="doc-noteref" aria-label="Note 1">1</a>`,
		`<a class="cite" href="../sources/bush2002.html" data-ref="source:bush2002">Bush 2002</a>`,
		`<ol class="fragment-notes"><li id="n1"><p>On the UN Security Council.</p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Fragment lacks\n%s\nin\n%s", want, got)
		}
	}
	for _, bad := range []string{`id="p`, `id="m`, `id="c`, `class="pnum"`, `data-ref="concept:preemption"`, `data-ref="actor:unsc"`} {
		if strings.Contains(got, bad) {
			t.Errorf("Fragment has %s:\n%s", bad, got)
		}
	}

	_, ds = md.Fragment(markup.Doc{File: "entry.md", Line: 4, Src: []byte("See\n[it](concept:prevent).\n"), Page: "concepts/x.html"}, links)
	if len(ds) != 1 || ds[0].String() != `entry.md:5:1: error: unknown entry "concept:prevent" (did you mean “prevention”?)` {
		t.Errorf("Fragment diagnostics %v", ds)
	}
}

// One Markdown is shared by every goroutine of a build: run with -race.
func TestChapterConcurrently(t *testing.T) {
	links := newLinks(t)
	src := longChapter(3)
	want := dump(chapter(t, links, src))
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Go(func() { results[i] = dump(chapter(t, links, src)) })
	}
	wg.Wait()
	for i, got := range results {
		if got != want {
			t.Fatalf("goroutine %d converted the chapter differently:\n%s\nwant\n%s", i, got, want)
		}
	}
}

// TestCitationOpeningAMention checks a mention whose text is a space and a
// citation: the citation drops the space, and the space before the
// mention, which used to leave the mention's start past its end (and
// crash the conversion).
func TestCitationOpeningAMention(t *testing.T) {
	for _, src := range []string{"x [ [@nss2002]](concept:preemption) and", "a [ [@nss2002] b](concept:preemption) c"} {
		r := chapter(t, newLinks(t), src)
		text := r.Chapter.Paragraphs[0].Text
		if len(r.Occurrences) != 1 || len(r.Citations) != 1 {
			t.Fatalf("%q: %d occurrences, %d citations, want 1 and 1", src, len(r.Occurrences), len(r.Citations))
		}
		if s := r.Occurrences[0].Snippet; s.Before+s.Match+s.After != text {
			t.Errorf("%q: snippet %+v is not the paragraph's text %q", src, s, text)
		}
	}
}

// TestChapterPositions checks that each occurrence and citation of a
// chapter of the synthetic corpus points at its text in the source: an
// alias at the words matched, an explicit mention or a citation at its
// bracket. Positions are counted from the one found before on the same
// line, so this checks the counting too.
func TestChapterPositions(t *testing.T) {
	links, ch, layout := corpusChapter(t)
	md := markup.New()
	r := md.Chapter(markup.Doc{File: ch.File, Line: ch.BodyLine, Src: ch.Body, Page: layout.Chapter(ch.Slug)}, links, ch.Opening)
	if len(r.Diags) > 0 {
		t.Fatal(r.Diags)
	}
	lines := strings.Split(string(ch.Body), "\n")
	at := func(p diag.Pos) string {
		i := p.Line - ch.BodyLine
		if p.File != ch.File || i < 0 || i >= len(lines) || p.Col < 1 || p.Col-1 > len([]rune(lines[i])) {
			t.Fatalf("position %v is not in %s (lines %d to %d)", p, ch.File, ch.BodyLine, ch.BodyLine+len(lines)-1)
		}
		return string([]rune(lines[i])[p.Col-1:]) + "\n" + strings.Join(lines[i+1:min(i+3, len(lines))], "\n")
	}
	aliases, explicit := 0, 0
	for _, o := range r.Occurrences {
		rest := at(o.Pos)
		if o.Explicit {
			explicit++
			if !strings.HasPrefix(rest, "[") {
				t.Errorf("explicit mention %s at %v: source there is %.20q", o.ID, o.Pos, rest)
			}
			continue
		}
		aliases++
		if !strings.HasPrefix(strings.ReplaceAll(rest, "\n", " "), strings.ReplaceAll(o.Snippet.Match, "\n", " ")) {
			t.Errorf("mention %s %q at %v: source there is %.30q", o.ID, o.Snippet.Match, o.Pos, rest)
		}
	}
	for _, c := range r.Citations {
		if rest := at(c.Pos); !strings.HasPrefix(rest, "[") {
			t.Errorf("citation %s at %v: source there is %.20q", c.ID, c.Pos, rest)
		}
	}
	if aliases < 40 || len(r.Citations) == 0 {
		t.Errorf("%d alias mentions, %d explicit, %d citations: the corpus no longer exercises positions", aliases, explicit, len(r.Citations))
	}
}

// A heading that calls a note is named by its words (aria-label), so that
// a screen reader's list of headings does not read the note's label with
// them; other headings keep the name their words give them.
func TestHeadingsThatCallNotesAreNamedByTheirWords(t *testing.T) {
	src := "# The *title*[^t]\n\n## A part[^p] on [@nss2002]\n\n### Aside[^a]\n\n## Plain\n\nText.\n\n" +
		"[^t]: On the title.\n\n[^p]: On the part.\n\n[^a]: On the aside.\n"
	r := chapter(t, newLinks(t), src)
	if err := r.Diags.Err(); err != nil {
		t.Fatal(err)
	}
	if r.Chapter.TitleLabel != "The title" {
		t.Errorf("TitleLabel = %q, want %q", r.Chapter.TitleLabel, "The title")
	}
	body := string(r.Chapter.BodyHTML)
	for _, want := range []string{`<h2 id="a-part-on" aria-label="A part on">`, `<h3 aria-label="Aside">`, `<h2 id="plain">Plain</h2>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the body has no %s:\n%s", want, body)
		}
	}
	// Without a note, no label: the words name the heading.
	r = chapter(t, newLinks(t), "# Just words\n\nText.\n")
	if r.Chapter.TitleLabel != "" {
		t.Errorf("a title without a note has TitleLabel %q", r.Chapter.TitleLabel)
	}
}

// A heading with no words of its own ("## [^1]", "##", a citation alone)
// names its section with nothing: an error at the heading's "#", in a
// chapter, its title included, and in any other text.
func TestHeadingWithoutWordsIsAnError(t *testing.T) {
	const hint = "write its words before its note's reference or citation, which cannot stand for them, or remove the line"
	src := "# [^t]\n\nText.\n\n## [^p]\n\nMore.\n\n##\n\n### [@nss2002]\n\n## Words[^p]\n\n[^t]: On the title.\n\n[^p]: On the part.\n"
	r := chapter(t, newLinks(t), src)
	got := r.Diags.Strings()
	want := []string{
		"content/text/01-test.md:7:1: error: the heading has no words (" + hint + ")",
		"content/text/01-test.md:11:1: error: the heading has no words (" + hint + ")",
		"content/text/01-test.md:15:1: error: the heading has no words (" + hint + ")",
		"content/text/01-test.md:17:1: error: the heading has no words (" + hint + ")",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, _, diags := md.FragmentLinks(markup.Doc{File: "about.md", Line: 4, Src: []byte("Text.\n\n  ##   \n"), Page: "about.html"}, newLinks(t))
	if len(diags) != 1 || diags[0].String() != "about.md:6:3: error: the heading has no words ("+hint+")" {
		t.Errorf("a fragment's empty heading: %v", diags)
	}
}

// An alias and the text may write an accented letter as one character
// (NFC) or as a letter and a combining accent (NFD, as text copied from a
// PDF often has it): the alias matches either way, and two entries that
// claim one alias written two ways are told apart no more than written one.
func TestAliasesMatchWhateverTheUnicodeNormalization(t *testing.T) {
	nfc, nfd := "Qi\u00e1n Qich\u00e9n", "Qia\u0301n Qiche\u0301n"
	for _, tt := range []struct{ name, alias, text string }{
		{"alias NFC, text NFD", nfc, nfd},
		{"alias NFD, text NFC", nfd, nfc},
		{"both NFD", nfd, nfd},
	} {
		t.Run(tt.name, func(t *testing.T) {
			entries := []*index.Entry{{Kind: "actor", Key: "qian", Name: "Qian", Aliases: aliases(tt.alias)}}
			links, ds := markup.NewLinks(testEdition, entries, nil, index.NewLayout(testEdition))
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			r := chapter(t, links, "As "+tt.text+" said.\n")
			if len(r.Occurrences) != 1 || r.Occurrences[0].Target.Key != "qian" {
				t.Errorf("occurrences %+v, want one of qian", r.Occurrences)
			}
		})
	}
	entries := []*index.Entry{
		{Kind: "actor", Key: "qian", Name: "Qian", Aliases: aliases(nfc)},
		{Kind: "actor", Key: "qian-2", Name: "Qian", Aliases: aliases(nfd)},
	}
	if _, ds := markup.NewLinks(testEdition, entries, nil, index.NewLayout(testEdition)); len(ds) != 1 || !strings.Contains(ds[0].Message, "is also claimed by actor:qian") {
		t.Errorf("one alias in two normalizations, claimed by two entries: %v", ds)
	}
}
