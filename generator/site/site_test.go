package site_test

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"edition/generator/diag"
	"edition/generator/render"
	"edition/generator/site"
)

// The fixture edition and the repository's real templates.
const (
	fixtureContent = "../testdata/fixture/content"
	repoTemplates  = "../../templates"
)

// built is the fixture, built into a folder, with what its sources say it
// must contain.
type built struct {
	dir   string
	spec  *spec
	pages map[string]*page
}

// page returns the built page at site path p, parsed once.
func (b *built) page(t *testing.T, p string) *page {
	t.Helper()
	if pg, ok := b.pages[p]; ok {
		return pg
	}
	pg := readPage(t, b.dir, p)
	b.pages[p] = pg
	return pg
}

// htmlFiles lists the site paths of every HTML file written.
func (b *built) htmlFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(b.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(b.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFixtureSite builds the fixture edition with site.Build and checks
// the HTML it wrote against what the fixture's sources say.
func TestFixtureSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: fixtureContent, Templates: repoTemplates, Output: out})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%v", res.Diags.Err())
	}
	if n := res.Diags.Count(diag.Warning); n > 0 {
		t.Errorf("the fixture builds with %d warnings: %v", n, res.Diags)
	}
	b := &built{dir: out, spec: readSpec(t, fixtureContent), pages: map[string]*page{}}
	if len(b.spec.Chapters) < 2 || len(b.spec.Entries) == 0 || len(b.spec.Sources) == 0 {
		t.Fatalf("the fixture is incomplete: %d chapters, %d entries, %d sources",
			len(b.spec.Chapters), len(b.spec.Entries), len(b.spec.Sources))
	}

	t.Run("Paragraphs", b.testParagraphs)
	t.Run("Mentions", b.testMentions)
	t.Run("Occurrences", b.testOccurrences)
	t.Run("Citations", b.testCitations)
	t.Run("Notes", b.testNotes)
	t.Run("Links", b.testLinks)
	t.Run("Subpath", b.testSubpath)
	t.Run("KindPages", b.testKindPages)
	t.Run("GeneralIndex", b.testGeneralIndex)
	t.Run("Bibliography", b.testBibliography)
	t.Run("NotFound", b.testNotFound)
	t.Run("CodeHighlight", b.testCodeHighlight)
	t.Run("Navigation", b.testNavigation)
}

var paraIDRE = regexp.MustCompile(`^p[0-9]+$`)

// paragraphs returns the numbered paragraphs of a chapter page.
func paragraphs(pg *page) []*html.Node {
	body := find(pg.Doc, tagClass(atom.Div, "body"))
	if body == nil {
		return nil
	}
	return findAll(body, func(n *html.Node) bool { return paraIDRE.MatchString(attr(n, "id")) })
}

// Every paragraph of text or quotation has the id p1, p2, … in reading
// order, and a permalink to itself that shows its number.
func (b *built) testParagraphs(t *testing.T) {
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		paras := paragraphs(pg)
		want := 0
		for _, bl := range ch.Blocks {
			if bl.Note == "" {
				want++
			}
		}
		if len(paras) != want {
			t.Errorf("%s: %d numbered paragraphs, want %d (one per paragraph of %s)", pg.Path, len(paras), want, ch.File)
		}
		for i, p := range paras {
			id := "p" + strconv.Itoa(i+1)
			if attr(p, "id") != id || p.DataAtom != atom.P {
				t.Errorf("%s: paragraph %d is <%s id=%q>, want <p id=%q>", pg.Path, i+1, p.Data, attr(p, "id"), id)
			}
			links := children(p, tagClass(atom.A, "pnum"))
			if len(links) != 1 {
				t.Errorf("%s#%s: %d permalinks, want 1", pg.Path, id, len(links))
				continue
			}
			if href := attr(links[0], "href"); href != "#"+id || text(links[0]) != strconv.Itoa(i+1) {
				t.Errorf("%s#%s: permalink %q showing %q, want #%s showing %d", pg.Path, id, href, text(links[0]), id, i+1)
			}
			if attr(links[0], "aria-label") == "" {
				t.Errorf("%s#%s: the permalink has no accessible name", pg.Path, id)
			}
		}
	}
}

// blockElement is the element of a chapter page that holds a block of the
// source: its numbered paragraph, or its note.
func blockElement(pg *page, ch *specChapter, bl *specBlock, paras []*html.Node, para *int) *html.Node {
	if bl.Note != "" {
		return pg.byID(ch.NoteIDs[bl.Note])
	}
	*para++
	if *para <= len(paras) {
		return paras[*para-1]
	}
	return nil
}

func mentionsIn(n *html.Node) []*html.Node { return findAll(n, tagClass(atom.A, "mention")) }

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// Every alias found in the chapter sources (and every explicit link) is a
// link of class mention to the right entry page, in the paragraph or note
// it was written in, and there are no others.
func (b *built) testMentions(t *testing.T) {
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		paras := paragraphs(pg)
		para, total := 0, 0
		for _, bl := range ch.Blocks {
			el := blockElement(pg, ch, bl, paras, &para)
			where := fmt.Sprintf("%s:%d", ch.File, bl.Line)
			if el == nil {
				t.Errorf("%s: no element in %s for this block (note %q)", where, pg.Path, bl.Note)
				continue
			}
			got := mentionsIn(el)
			total += len(bl.Mentions)
			for i := range max(len(got), len(bl.Mentions)) {
				switch {
				case i >= len(got):
					t.Errorf("%s: %q (%s) is not linked in %s#%s", where, bl.Mentions[i].Text, bl.Mentions[i].Target, pg.Path, attr(el, "id"))
					continue
				case i >= len(bl.Mentions):
					t.Errorf("%s: unexpected mention %q → %s in %s#%s", where, text(got[i]), attr(got[i], "href"), pg.Path, attr(el, "id"))
					continue
				}
				a, want := got[i], bl.Mentions[i]
				kind, _, _ := strings.Cut(want.Target, ":")
				if text(a) != collapse(want.Text) || pg.resolve(attr(a, "href")) != b.spec.Page(want.Target) || !hasClass(a, "kind-"+kind) {
					t.Errorf("%s: mention %d is %q → %s (class %q), want %q → %s (class mention kind-%s)", where, i+1,
						text(a), pg.resolve(attr(a, "href")), attr(a, "class"), want.Text, b.spec.Page(want.Target), kind)
				}
				if attr(a, "id") == "" {
					t.Errorf("%s: mention %q has no id to link back to", where, want.Text)
				}
			}
		}
		// None in headings, code, or anywhere else.
		if all := mentionsIn(pg.Doc); len(all) != total {
			t.Errorf("%s: %d mentions on the page, want %d", pg.Path, len(all), total)
		}
	}
}

// Every mention is listed on its entry's page (or its source's) with a
// link to the mention's own anchor, and the count is right.
func (b *built) testOccurrences(t *testing.T) {
	// The anchors of every mention, by the page they point at.
	anchors := map[string][]string{}
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		for _, a := range mentionsIn(pg.Doc) {
			target := pg.resolve(attr(a, "href"))
			anchors[target] = append(anchors[target], pg.Path+"#"+attr(a, "id"))
		}
	}
	targets := []string{}
	for _, e := range b.spec.Entries {
		targets = append(targets, e.Ref())
	}
	for _, s := range b.spec.Sources {
		if len(s.Custom.Aliases) > 0 {
			targets = append(targets, "source:"+s.ID)
		}
	}
	for _, target := range targets {
		p := b.spec.Page(target)
		pg := b.page(t, p)
		want := anchors[p]
		if len(want) != b.spec.count(target) {
			t.Errorf("%s: the chapters hold %d mentions of it, the sources %d", target, len(want), b.spec.count(target))
		}
		var got []string
		for _, sec := range findAll(pg.Doc, tagClass(atom.Section, "occurrences")) {
			for _, li := range findAll(sec, is(atom.Li)) {
				if a := find(li, is(atom.A)); a != nil {
					got = append(got, pg.resolve(attr(a, "href")))
				}
				if find(li, is(atom.Mark)) == nil {
					t.Errorf("%s: an occurrence without the match marked: %q", p, text(li))
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s lists the occurrences\n  %v\nwant\n  %v", p, got, want)
		}
		for _, g := range got {
			chPath, id, _ := strings.Cut(g, "#")
			el := b.page(t, chPath).byID(id)
			if el == nil || !hasClass(el, "mention") || b.page(t, chPath).resolve(attr(el, "href")) != p {
				t.Errorf("%s links to %s, which is not a mention of it", p, g)
			}
		}
		if strings.HasPrefix(target, "source:") {
			continue
		}
		count := find(pg.Doc, tagClass(atom.P, "count"))
		if count == nil || !strings.HasPrefix(text(count), strconv.Itoa(len(want))+" mention") {
			t.Errorf("%s: count %q, want %d mentions", p, textOf(count), len(want))
		}
	}
}

func textOf(n *html.Node) string {
	if n == nil {
		return "(none)"
	}
	return text(n)
}

// Every citation links to its source's page, and the source's page lists
// every note that cites it, with the locator, a link to the note and a
// link to the reference that calls the note from the text.
func (b *built) testCitations(t *testing.T) {
	want := map[string][]string{} // source page → "note link | locator"
	n := 0
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		paras := paragraphs(pg)
		para := 0
		for _, bl := range ch.Blocks {
			el := blockElement(pg, ch, bl, paras, &para)
			if el == nil {
				continue
			}
			where := fmt.Sprintf("%s:%d", ch.File, bl.Line)
			var cites []*html.Node
			for _, span := range findAll(el, tagClass(atom.Span, "citation")) {
				if attr(span, "id") == "" {
					t.Errorf("%s: a citation without an id", where)
				}
				cites = append(cites, findAll(span, tagClass(atom.A, "cite"))...)
			}
			if len(cites) != len(bl.Cites) {
				t.Errorf("%s: %d cited works in %s#%s, want %d", where, len(cites), pg.Path, attr(el, "id"), len(bl.Cites))
				continue
			}
			for i, c := range bl.Cites {
				n++
				a := cites[i]
				if got := pg.resolve(attr(a, "href")); got != b.spec.Page("source:"+c.Key) {
					t.Errorf("%s: citation of @%s links to %s", where, c.Key, got)
				}
				after := ""
				if a.NextSibling != nil && a.NextSibling.Type == html.TextNode {
					after = a.NextSibling.Data
				}
				if c.Locator != "" && !strings.HasPrefix(after, ", "+c.Locator) {
					t.Errorf("%s: citation of @%s is followed by %q, want its locator “, %s”", where, c.Key, after, c.Locator)
				}
				if bl.Note != "" {
					want[b.spec.Page("source:"+c.Key)] = append(want[b.spec.Page("source:"+c.Key)],
						pg.Path+"#"+ch.NoteIDs[bl.Note]+" | "+c.Locator)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("the fixture cites nothing")
	}
	for _, s := range b.spec.Sources {
		p := b.spec.Page("source:" + s.ID)
		pg := b.page(t, p)
		list := find(pg.Doc, tagClass(atom.Ul, "citing"))
		var got []string
		if list != nil {
			for _, li := range children(list, is(atom.Li)) {
				links := children(li, is(atom.A))
				if len(links) != 2 {
					t.Errorf("%s: a citing note with %d links, want 2 (the note, the passage): %q", p, len(links), text(li))
					continue
				}
				note := pg.resolve(attr(links[0], "href"))
				locator := ""
				if l := find(li, tagClass(atom.Span, "locator")); l != nil {
					locator = text(l)
				}
				got = append(got, note+" | "+locator)

				// The note exists, and the second link reaches the
				// reference that calls it, inside the calling paragraph
				// (or the chapter's title).
				chPath, noteID, _ := strings.Cut(note, "#")
				ch := b.page(t, chPath)
				if el := ch.byID(noteID); el == nil || !hasClass(el, "note") {
					t.Errorf("%s links to %s, which is not a note", p, note)
				}
				refPath, refID, _ := strings.Cut(pg.resolve(attr(links[1], "href")), "#")
				ref := b.page(t, refPath).byID(refID)
				switch {
				case refPath != chPath || ref == nil:
					t.Errorf("%s: the passage link %s does not exist", p, attr(links[1], "href"))
				case attr(ref, "role") != "doc-noteref" || attr(ref, "href") != "#"+noteID:
					t.Errorf("%s: the passage link reaches <%s id=%q href=%q>, not the reference to %s", p, ref.Data, refID, attr(ref, "href"), noteID)
				case ancestor(ref, func(n *html.Node) bool { return paraIDRE.MatchString(attr(n, "id")) || n.DataAtom == atom.H1 }) == nil:
					t.Errorf("%s: the reference %s is not in a paragraph of the text", p, refID)
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want[p])
		if !slices.Equal(got, want[p]) {
			t.Errorf("%s lists the citing notes\n  %q\nwant\n  %q", p, got, want[p])
		}
	}
}

// Notes use DPUB-ARIA roles: doc-noteref on references, doc-backlink on
// the way back, doc-endnotes on the list, and never the deprecated
// doc-endnote. Each series is numbered as it should be.
func (b *built) testNotes(t *testing.T) {
	for _, p := range b.htmlFiles(t) {
		for _, n := range findAll(b.page(t, p).Doc, func(n *html.Node) bool { return hasAttr(n, "role") }) {
			if slices.Contains(strings.Fields(attr(n, "role")), "doc-endnote") {
				t.Errorf("%s: <%s id=%q> has the deprecated role doc-endnote", p, n.Data, attr(n, "id"))
			}
		}
	}
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		notes := findAll(pg.Doc, tagClass(atom.Li, "note"))
		labels := 0
		for _, bl := range ch.Blocks {
			if bl.Note != "" {
				labels++
			}
		}
		if len(notes) != labels {
			t.Errorf("%s: %d notes, want %d", pg.Path, len(notes), labels)
		}
		for _, li := range notes {
			sec := ancestor(li, is(atom.Section))
			if sec == nil || attr(sec, "role") != "doc-endnotes" {
				t.Errorf("%s#%s: the note is not in a section with role doc-endnotes", pg.Path, attr(li, "id"))
			}
			backs := findAll(li, tagClass(atom.A, "backlink"))
			if len(backs) == 0 {
				t.Errorf("%s#%s: the note has no way back to the text", pg.Path, attr(li, "id"))
			}
			for _, a := range backs {
				ref := pg.byID(strings.TrimPrefix(attr(a, "href"), "#"))
				if attr(a, "role") != "doc-backlink" || ref == nil || attr(ref, "href") != "#"+attr(li, "id") {
					t.Errorf("%s#%s: back-link %q (role %q) does not lead to a reference to the note", pg.Path, attr(li, "id"), attr(a, "href"), attr(a, "role"))
				}
			}
		}
		for _, a := range findAll(pg.Doc, tagClass(atom.A, "noteref")) {
			if attr(a, "role") != "doc-noteref" || pg.byID(strings.TrimPrefix(attr(a, "href"), "#")) == nil {
				t.Errorf("%s: note reference %q (role %q) does not lead to a note", pg.Path, attr(a, "href"), attr(a, "role"))
			}
		}
		// Markers: the author's notes 1, 2, 3 by first reference; the
		// editor's a, b, c; the unnumbered *.
		for label, id := range ch.NoteIDs {
			li := pg.byID(id)
			if li == nil {
				t.Errorf("%s: no note %s for [^%s]", pg.Path, id, label)
				continue
			}
			marker := find(li, tagClass(atom.Span, "marker"))
			if textOf(marker) != ch.Markers[label] {
				t.Errorf("%s#%s: marker %q, want %q", pg.Path, id, textOf(marker), ch.Markers[label])
			}
		}
	}
}

// Every internal link of the site resolves (site.CheckLinks on the files
// as written), every link is relative, and none is an explicit mention
// left unresolved.
func (b *built) testLinks(t *testing.T) {
	var files []render.File
	err := filepath.WalkDir(b.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(b.dir, p)
		files = append(files, render.File{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if diags := site.CheckLinks(files); len(diags) > 0 {
		t.Errorf("broken links:\n%v", diags.Err())
	}
	schemes := []string{"none", "source"}
	for _, k := range b.spec.Kinds {
		schemes = append(schemes, k.Key)
	}
	links := 0
	for _, p := range b.htmlFiles(t) {
		for _, n := range findAll(b.page(t, p).Doc, func(n *html.Node) bool { return hasAttr(n, "href") || hasAttr(n, "src") }) {
			ref := attr(n, "href") + attr(n, "src")
			links++
			if strings.HasPrefix(ref, "/") {
				t.Errorf("%s: <%s> links to %q, an absolute path; links must be relative", p, n.Data, ref)
			}
			if scheme, _, ok := strings.Cut(ref, ":"); ok && slices.Contains(schemes, scheme) {
				t.Errorf("%s: <%s> links to %q, an explicit mention left unresolved", p, n.Data, ref)
			}
		}
	}
	if links < 100 {
		t.Errorf("only %d links in the whole site", links)
	}
}

// Under a subpath, every internal link stays inside the site's folder.
func (b *built) testSubpath(t *testing.T) {
	base, _ := url.Parse("https://example.org/shelf/eddystone/")
	for _, p := range b.htmlFiles(t) {
		pageURL := base.ResolveReference(&url.URL{Path: p})
		for _, n := range findAll(b.page(t, p).Doc, func(n *html.Node) bool { return hasAttr(n, "href") || hasAttr(n, "src") }) {
			ref := attr(n, "href") + attr(n, "src")
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: malformed link %q", p, ref)
				continue
			}
			abs := pageURL.ResolveReference(u)
			if abs.Host != base.Host {
				continue // external
			}
			if !strings.HasPrefix(abs.Path, base.Path) {
				t.Errorf("%s: link %q leaves the site: served from %s it reaches %s", p, ref, base, abs)
				continue
			}
			if _, err := os.Stat(filepath.Join(b.dir, filepath.FromSlash(strings.TrimPrefix(abs.Path, base.Path)))); err != nil {
				t.Errorf("%s: link %q reaches %s, which the site does not have", p, ref, abs)
			}
		}
	}
}

// Each kind's A–Z page lists every entry of the kind with its count.
func (b *built) testKindPages(t *testing.T) {
	for _, k := range b.spec.Kinds {
		p := k.Path + "/index.html"
		pg := b.page(t, p)
		got := map[string]string{}
		for _, list := range findAll(pg.Doc, tagClass(atom.Ul, "az-list")) {
			for _, li := range children(list, is(atom.Li)) {
				a, count := find(li, is(atom.A)), find(li, tagClass(atom.Span, "count"))
				if a == nil {
					t.Errorf("%s: an item without a link: %q", p, text(li))
					continue
				}
				// The count reads "2", with " mentions" for screen readers.
				got[pg.resolve(attr(a, "href"))] = strings.Fields(textOf(count))[0]
			}
		}
		want := map[string]string{}
		for _, e := range b.spec.Entries {
			if e.Kind == k.Key {
				want[b.spec.Page(e.Ref())] = strconv.Itoa(b.spec.count(e.Ref()))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s lists (page: count)\n  %v\nwant\n  %v", p, got, want)
		}
		if c := find(pg.Doc, tagClass(atom.P, "count")); c == nil || !strings.HasPrefix(text(c), strconv.Itoa(len(want))+" entr") {
			t.Errorf("%s: total %q, want %d entries", p, textOf(c), len(want))
		}
	}
}

// The general index lists every entry once, sub-entries under their parent,
// and "see also" the related entries.
func (b *built) testGeneralIndex(t *testing.T) {
	pg := b.page(t, "general-index.html")
	headings := map[string]*html.Node{} // entry page → its <li>
	for _, a := range findAll(pg.Doc, tagClass(atom.A, "heading")) {
		target := pg.resolve(attr(a, "href"))
		if _, dup := headings[target]; dup {
			t.Errorf("general index: %s has two headings", target)
		}
		headings[target] = ancestor(a, is(atom.Li))
	}
	subs := 0
	for _, e := range b.spec.Entries {
		li := headings[b.spec.Page(e.Ref())]
		if li == nil {
			t.Errorf("general index: no heading for %s", e.Ref())
			continue
		}
		list := ancestor(li, is(atom.Ul))
		if e.Parent == "" {
			if hasClass(list, "subs") {
				t.Errorf("general index: %s is listed as a sub-entry but has no parent", e.Ref())
			}
		} else {
			subs++
			parentLI := ancestor(list, is(atom.Li))
			parentHead := (*html.Node)(nil)
			if parentLI != nil {
				parentHead = find(parentLI, tagClass(atom.A, "heading"))
			}
			if !hasClass(list, "subs") || parentHead == nil || pg.resolve(attr(parentHead, "href")) != b.spec.Page(b.spec.entry(e.Parent).Ref()) {
				t.Errorf("general index: %s is not listed under its parent %s", e.Ref(), e.Parent)
			}
		}
		var seeAlso []string
		for _, a := range children(li, is(atom.A)) {
			if !hasClass(a, "heading") && !hasClass(a, "loc") {
				seeAlso = append(seeAlso, pg.resolve(attr(a, "href")))
			}
		}
		for _, r := range e.Related {
			if !slices.Contains(seeAlso, b.spec.Page(b.spec.entry(r).Ref())) {
				t.Errorf("general index: %s does not say “see also” %s (it has %v)", e.Ref(), r, seeAlso)
			}
		}
		locs := findAll(li, func(n *html.Node) bool { return hasClass(n, "loc") && ancestor(n, is(atom.Li)) == li })
		if (len(locs) == 0) != (b.spec.count(e.Ref()) == 0) {
			t.Errorf("general index: %s has %d locators for %d mentions", e.Ref(), len(locs), b.spec.count(e.Ref()))
		}
		for _, a := range locs {
			b.checkLocatorName(t, pg, a)
		}
	}
	if subs == 0 {
		t.Error("the fixture has no sub-entries")
	}
	// The page's note explains the chapters' numbers before the locators.
	if how := find(pg.Doc, tagClass(atom.P, "how")); how == nil || !strings.Contains(text(how), "“3.12”: chapter 3, ¶ 12") {
		t.Error("general index: the note on locators does not explain a chapter's number")
	}
}

// locatorNameRE is a locator of the general index in words, as its link's
// text with the words hidden but for screen readers says it.
var locatorNameRE = regexp.MustCompile(`^chapter ([0-9]+)\. (?:paragraph ([0-9]+)|note (n \S+)|editor’s note (ed\. n \S+)|(Unnumbered note))$`)

// checkLocatorName checks that a locator of the general index ("2.7",
// "1.n 3", "1.ed. n b") is named in words by what it shows and where it
// leads: "chapter 2. paragraph 7", to paragraph 7 of the second chapter.
// The words hidden but for screen readers (<i>) add to what the locator
// shows and replace none of it.
func (b *built) checkLocatorName(t *testing.T, pg *page, a *html.Node) {
	t.Helper()
	name, shown := text(a), ""
	for c := a.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			shown += c.Data
		} else if c.DataAtom != atom.I {
			t.Errorf("general index: the locator %q holds a <%s>", name, c.Data)
		}
	}
	m := locatorNameRE.FindStringSubmatch(name)
	if m == nil {
		t.Errorf("general index: the locator %q is named %q, not “chapter N. paragraph N” or a note", shown, name)
		return
	}
	no, _ := strconv.Atoi(m[1])
	if want := m[1] + "." + m[2] + m[3] + m[4] + m[5]; shown != want {
		t.Errorf("general index: the locator named %q shows %q, not %q", name, shown, want)
	}
	target, frag, _ := strings.Cut(pg.resolve(attr(a, "href")), "#")
	if no < 1 || no > len(b.spec.Chapters) || b.spec.Chapters[no-1].Page() != target {
		t.Errorf("general index: the locator named %q leads to %s", name, target)
	}
	if m[2] != "" && frag != "p"+m[2] {
		t.Errorf("general index: the locator named %q leads to #%s", name, frag)
	}
}

// The bibliography lists every record, each with a link to its page.
func (b *built) testBibliography(t *testing.T) {
	pg := b.page(t, "bibliography.html")
	list := find(pg.Doc, tagClass(atom.Ul, "bibliography"))
	if list == nil {
		t.Fatal("bibliography.html has no list")
	}
	var got, want []string
	for _, li := range children(list, is(atom.Li)) {
		got = append(got, attr(li, "id"))
		more := find(li, tagClass(atom.A, "more"))
		if more == nil || pg.resolve(attr(more, "href")) != b.spec.Page("source:"+attr(li, "id")) {
			t.Errorf("bibliography: record %q does not link to its page", attr(li, "id"))
		}
	}
	for _, s := range b.spec.Sources {
		want = append(want, s.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("bibliography lists %v, want %v", got, want)
	}
}

// 404.html exists and leads back to the edition.
func (b *built) testNotFound(t *testing.T) {
	pg := b.page(t, "404.html")
	if h := find(pg.Doc, is(atom.H1)); h == nil {
		t.Error("404.html has no heading")
	}
	if a := find(pg.Doc, func(n *html.Node) bool { return n.DataAtom == atom.A && pg.resolve(attr(n, "href")) == "index.html" }); a == nil {
		t.Error("404.html has no link to the title page")
	}
}

// Fenced code is highlighted with classes (one stylesheet, no inline
// styles), and aliases in it are not linked.
func (b *built) testCodeHighlight(t *testing.T) {
	blocks := 0
	for _, ch := range b.spec.Chapters {
		pg := b.page(t, ch.Page())
		for _, pre := range findAll(pg.Doc, is(atom.Pre)) {
			blocks++
			if !hasClass(pre, "chroma") || attr(pre, "data-lang") == "" {
				t.Errorf("%s: <pre class=%q data-lang=%q>, want class chroma and the language", pg.Path, attr(pre, "class"), attr(pre, "data-lang"))
			}
			spans := findAll(pre, func(n *html.Node) bool { return n.DataAtom == atom.Span && attr(n, "class") != "" })
			if len(spans) < 3 {
				t.Errorf("%s: the code block has %d classed tokens", pg.Path, len(spans))
			}
			if styled := find(pre, func(n *html.Node) bool { return hasAttr(n, "style") }); styled != nil {
				t.Errorf("%s: inline style in a code block", pg.Path)
			}
			if len(mentionsIn(pre)) > 0 {
				t.Errorf("%s: a mention inside code", pg.Path)
			}
		}
	}
	if blocks == 0 {
		t.Fatal("the fixture has no code block")
	}
	css, err := os.ReadFile(filepath.Join(b.dir, "assets", "code.css"))
	if err != nil || !strings.Contains(string(css), ".chroma") {
		t.Errorf("assets/code.css is missing or styles no .chroma class (%v)", err)
	}
}

// The site navigation marks the section a page is in: aria-current="page"
// on the link that is the page itself, "true" on its section's link when
// the page is another page of that section (a later chapter, an entry of a
// kind), and nothing elsewhere.
func (b *built) testNavigation(t *testing.T) {
	first := b.spec.Chapters[0].Page()
	section := func(p string) string { // the site path of p's section's link
		switch {
		case strings.HasPrefix(p, "text/"):
			return first
		case p == "overview.html", p == "bibliography.html", p == "general-index.html":
			return p
		case strings.HasPrefix(p, "sources/"):
			return "bibliography.html"
		}
		for _, k := range b.spec.Kinds {
			if strings.HasPrefix(p, k.Path+"/") {
				return k.Path + "/index.html"
			}
		}
		return ""
	}
	marked := map[string]int{}
	for _, p := range b.htmlFiles(t) {
		pg := b.page(t, p)
		nav := find(pg.Doc, tagClass(atom.Nav, "site-nav"))
		if nav == nil {
			t.Errorf("%s: no site navigation", p)
			continue
		}
		want := section(p)
		for _, a := range findAll(nav, is(atom.A)) {
			target := pg.resolve(attr(a, "href"))
			got, wantMark := attr(a, "aria-current"), ""
			switch {
			case target == p:
				wantMark = "page"
			case target == want:
				wantMark = "true"
			}
			if got != wantMark {
				t.Errorf("%s: the navigation's link to %s has aria-current=%q, want %q", p, target, got, wantMark)
			}
			if got != "" {
				marked[got]++
			}
		}
	}
	// The fixture has pages of both sorts: guard against a check that saw none.
	if marked["page"] == 0 || marked["true"] == 0 {
		t.Errorf("aria-current marks seen: %v; want both \"page\" and \"true\"", marked)
	}
}
