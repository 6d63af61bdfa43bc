package render_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"edition/generator/index"
	"edition/generator/render"
	"edition/generator/site"
)

// The real edition, generated once (nothing is written).
var edition struct {
	once  sync.Once
	res   *site.Result
	files map[string][]byte
}

func generate(t *testing.T) (*index.Index, map[string][]byte) {
	t.Helper()
	edition.once.Do(func() {
		edition.res = site.Generate(site.Options{Content: "../../content", Templates: "../../templates"})
		edition.files = map[string][]byte{}
		for _, f := range edition.res.Files {
			edition.files[f.Path] = f.Data
		}
	})
	if !edition.res.OK() {
		t.Fatalf("the edition does not build:\n%s", edition.res.Diags)
	}
	return edition.res.Index, edition.files
}

// The budget: the stylesheets and scripts the pages load, compressed.
//
// The code (every stylesheet and script but previews.js) is the same for
// any edition and stays under 32 KB gzipped. previews.js is not code but
// this edition's data, a card for each entry and source, and grows with
// the registry: a fixed budget shared with the code would measure how many
// entries an edition has, and leave the code less room the more it has. So
// it is counted apart, by card: at most 160 bytes gzipped a card on
// average (this edition's cards take about 105), which a card that carried
// more than its first lines (a whole annotation, say) would break.
func TestAssetBudget(t *testing.T) {
	x, files := generate(t)
	const codeBudget, perCard = 32 * 1024, 160
	code, previews := 0, 0
	for p, b := range files {
		// What pages load: the assets. The search index's shards are data
		// fetched a few at a time by a query, not part of any page.
		if !strings.HasPrefix(p, "assets/") || !strings.HasSuffix(p, ".css") && !strings.HasSuffix(p, ".js") {
			continue
		}
		// Pages load the fingerprinted copy; the copy under the plain
		// name is there for links from the content.
		if name := strings.TrimPrefix(p, "assets/"); files["assets/"+render.FingerprintedName(name, b)] != nil {
			continue
		}
		n := gzipLen(b)
		t.Logf("%-24s %6d bytes, %6d gzipped", p, len(b), n)
		if p == "assets/"+render.PreviewsAsset {
			previews = n
		} else {
			code += n
		}
	}
	t.Logf("CSS and JS but previews.js: %d bytes gzipped", code)
	if code >= codeBudget {
		t.Errorf("the CSS and JS take %d bytes gzipped; the budget is %d KB", code, codeBudget/1024)
	}
	cards := len(x.Entries) + len(x.Sources)
	if previews == 0 || cards == 0 {
		t.Fatalf("no previews.js (%d bytes gzipped) or no cards (%d)", previews, cards)
	}
	t.Logf("previews.js: %d cards, %.1f bytes gzipped a card", cards, float64(previews)/float64(cards))
	if previews > perCard*cards {
		t.Errorf("previews.js takes %d bytes gzipped for %d cards, %.1f a card; the budget is %d a card",
			previews, cards, float64(previews)/float64(cards), perCard)
	}
}

// gzipLen is the length of b compressed as a server would at its best.
func gzipLen(b []byte) int {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return z.Len()
}

var (
	styleAttrRE    = regexp.MustCompile(`(?i)<[^>]+\sstyle\s*=`)
	inlineScriptRE = regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>`)
	styleElemRE    = regexp.MustCompile(`(?i)<style[\s>]`)
	handlerAttrRE  = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	externalRE     = regexp.MustCompile(`(?i)\s(?:src|href)="(?:https?:)?//`)
)

// Every page works under Content-Security-Policy: default-src 'self': no
// inline script, style or event handler, and nothing loaded from elsewhere
// (links to elsewhere are fine; loading is not).
func TestPagesNeedNothingInline(t *testing.T) {
	_, files := generate(t)
	pages := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		s := string(b)
		if m := styleAttrRE.FindString(s); m != "" {
			t.Errorf("%s: a style attribute: %s", p, m)
		}
		if styleElemRE.MatchString(s) {
			t.Errorf("%s: a <style> element", p)
		}
		if m := handlerAttrRE.FindString(s); m != "" {
			t.Errorf("%s: an inline event handler: %s", p, m)
		}
		for _, tag := range inlineScriptRE.FindAllString(s, -1) {
			// JSON-LD is data, not script: a CSP does not block it.
			if !strings.Contains(tag, " src=") && !strings.Contains(tag, `type="application/ld+json"`) {
				t.Errorf("%s: an inline script: %s", p, tag)
			}
		}
		for _, line := range strings.Split(s, "\n") {
			if externalRE.MatchString(line) && (strings.Contains(line, "<script") || strings.Contains(line, "<link") || strings.Contains(line, "<img")) {
				t.Errorf("%s: loads something from elsewhere: %s", p, strings.TrimSpace(line))
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
}

var (
	stripMarkRE = regexp.MustCompile(`<a href="([^"]+)" aria-label="[^"]+"><rect class="hit"`)
)

// Each entry's strip has one mark per occurrence, each linking to it.
func TestEntryStripsMarkEveryOccurrence(t *testing.T) {
	x, files := generate(t)
	checked := 0
	for _, e := range x.Entries {
		page := x.Layout.Ref(e.Ref())
		occ := x.Occurrences(e.Ref())
		b := string(files[page])
		marks := stripMarkRE.FindAllStringSubmatch(b, -1)
		if len(occ) == 0 {
			if strings.Contains(b, `class="strip"`) {
				t.Errorf("%s: a strip, but no occurrences", page)
			}
			continue
		}
		if len(marks) != len(occ) {
			t.Errorf("%s: %d marks for %d occurrences", page, len(marks), len(occ))
			continue
		}
		for i, o := range occ {
			want := index.Rel(page, x.Layout.Chapter(o.Chapter)+"#"+o.ID)
			if got := html.UnescapeString(marks[i][1]); got != want {
				t.Errorf("%s: mark %d links to %s, want %s", page, i, got, want)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no entry has a strip")
	}
}

var (
	heatRowRE  = regexp.MustCompile(`<tr><th scope="row"><a href="([^"]+)"[^>]*>[^<]*</a></th>((?:<td class="[^"]*">(?:\d+|<span class="vh">0</span>)</td>)+)</tr>`)
	heatCellRE = regexp.MustCompile(`<td class="(h\d|total)">(?:<span class="vh">)?(\d+)`) // the shade (or total) and the number
	pairRowRE  = regexp.MustCompile(`<tr><th scope="row"><a href="([^"]+)"[^>]*>[^<]*</a> &amp; <a href="([^"]+)"[^>]*>[^<]*</a></th><td>(\d+)</td>`)
)

// The overview's heat map, a table, gives for each concept its mentions
// in each section and in all, each cell shaded by its number (none for
// none, the darkest for the most, never lighter for more); the pairs are
// counted over shared paragraphs and notes. Both are recounted here from
// the index.
func TestOverviewNumbersAgreeWithTheIndex(t *testing.T) {
	x, files := generate(t)
	b := string(files[render.OverviewPage])
	if b == "" {
		t.Fatal("no overview page")
	}
	kind := x.Edition.Kinds[0].Key
	byPage := map[string]*index.Entry{}
	for _, e := range x.EntriesOf(kind) {
		byPage[index.Rel(render.OverviewPage, x.Layout.Ref(e.Ref()))] = e
	}
	type sec struct {
		ch string
		i  int
	}
	var secs []sec
	for _, ch := range x.Chapters {
		for i := range ch.Sections {
			secs = append(secs, sec{ch.Slug, i})
		}
	}
	rows := heatRowRE.FindAllStringSubmatch(b, -1)
	occurring := 0
	for _, e := range x.EntriesOf(kind) {
		if len(x.Occurrences(e.Ref())) > 0 {
			occurring++
		}
	}
	if len(rows) != occurring {
		t.Fatalf("the table has %d rows; %d %s entries occur", len(rows), occurring, kind)
	}
	last := 1 << 30
	shade := map[int]string{} // the shade of each number in the cells
	maxN := 0
	for _, r := range rows {
		e := byPage[html.UnescapeString(r[1])]
		if e == nil {
			t.Fatalf("a row for %s, which is no %s", r[1], kind)
		}
		var got []int
		for _, c := range heatCellRE.FindAllStringSubmatch(r[2], -1) {
			n, _ := strconv.Atoi(c[2])
			got = append(got, n)
			if c[1] == "total" {
				continue
			}
			if s, ok := shade[n]; ok && s != c[1] {
				t.Errorf("%d is shaded both %s and %s", n, s, c[1])
			}
			shade[n] = c[1]
			maxN = max(maxN, n)
		}
		want := make([]int, len(secs)+1)
		for _, o := range x.Occurrences(e.Ref()) {
			for i, s := range secs {
				if s.ch == o.Chapter && s.i == o.Section {
					want[i]++
				}
			}
			want[len(secs)]++
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the table says %v, the index %v", e.Key, got, want)
		}
		if want[len(secs)] > last {
			t.Errorf("%s is out of order: %d mentions after a row with %d", e.Key, want[len(secs)], last)
		}
		last = want[len(secs)]
	}
	if shade[0] != "h0" || shade[maxN] != "h6" || maxN < 2 {
		t.Errorf("no mention is shaded %q, the most (%d) %q: want h0 and h6", shade[0], maxN, shade[maxN])
	}
	for n := range shade {
		for m := range shade {
			if n < m && shade[n] > shade[m] {
				t.Errorf("%d is shaded %s, darker than %d (%s)", n, shade[n], m, shade[m])
			}
		}
	}

	units := map[string]map[*index.Entry]bool{}
	for _, e := range x.EntriesOf(kind) {
		for _, o := range x.Occurrences(e.Ref()) {
			u := o.Chapter + "#" + o.Paragraph
			if units[u] == nil {
				units[u] = map[*index.Entry]bool{}
			}
			units[u][e] = true
		}
	}
	pairs := pairRowRE.FindAllStringSubmatch(b, -1)
	if len(pairs) == 0 {
		t.Fatal("no pairs of concepts on the overview")
	}
	prev := 1 << 30
	for _, p := range pairs {
		a, c := byPage[html.UnescapeString(p[1])], byPage[html.UnescapeString(p[2])]
		if a == nil || c == nil || a == c {
			t.Fatalf("a pair of %s and %s", p[1], p[2])
		}
		n, _ := strconv.Atoi(p[3])
		want := 0
		for _, in := range units {
			if in[a] && in[c] {
				want++
			}
		}
		if n != want || n > prev {
			t.Errorf("%s & %s: the overview says %d paragraphs and notes, the index %d (previous row %d)", a.Key, c.Key, n, want, prev)
		}
		prev = n
	}
	if !strings.Contains(b, `<table class="heatmap`) || !strings.Contains(b, `<svg class="pairs"`) {
		t.Error("the overview lacks its figures")
	}
}

// Every link that carries a data-ref has a preview card, whose count
// agrees with the index.
func TestPreviewCardsCoverEveryLink(t *testing.T) {
	x, files := generate(t)
	js := string(files["assets/"+render.PreviewsAsset])
	start, end := strings.Index(js, "{"), strings.LastIndex(js, "}")
	if start < 0 || end < start {
		t.Fatalf("no cards in %s", render.PreviewsAsset)
	}
	var cards map[string][5]any
	if err := json.Unmarshal([]byte(js[start:end+1]), &cards); err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Entries {
		c, ok := cards[e.Ref().String()]
		if !ok {
			t.Errorf("no card for %s", e.Ref())
			continue
		}
		want := fmt.Sprintf("%d mention", len(x.Occurrences(e.Ref())))
		if c[0] != e.Name || !strings.HasPrefix(c[3].(string), want) || c[4] != x.Layout.Ref(e.Ref()) || c[2] == "" {
			t.Errorf("card for %s: %v", e.Ref(), c)
		}
	}
	refRE := regexp.MustCompile(`data-ref="([^"]+)"`)
	for p, b := range files {
		for _, m := range refRE.FindAllSubmatch(b, -1) {
			if _, ok := cards[html.UnescapeString(string(m[1]))]; !ok {
				t.Errorf("%s: no card for data-ref %s", p, m[1])
			}
		}
	}
}

// The page's <title> is plain text, even when the displayed title carries
// a note reference.
func TestChapterTitleIsPlainText(t *testing.T) {
	x, files := generate(t)
	for _, ch := range x.Chapters {
		b := string(files[x.Layout.Chapter(ch.Slug)])
		i, j := strings.Index(b, "<title>"), strings.Index(b, "</title>")
		title := b[i+len("<title>") : j]
		if strings.Contains(title, "&lt;") || !strings.HasPrefix(html.UnescapeString(title), ch.Title) {
			t.Errorf("%s: <title>%s</title>", ch.Slug, title)
		}
	}
}

// A chapter's "Chapters" navigation is there only when there is a chapter
// before or after it: an empty navigation landmark is announced, and
// offers nothing.
func TestChapterPagerOnlyWithNeighbours(t *testing.T) {
	pagerRE := regexp.MustCompile(`(?s)<nav class="pager"[^>]*>(.*?)</nav>`)
	x, files := generate(t)
	for _, ch := range x.Chapters {
		if m := pagerRE.FindSubmatch(files[x.Layout.Chapter(ch.Slug)]); len(x.Chapters) == 1 && m != nil {
			t.Errorf("%s, the only chapter, has a pager: %s", ch.Slug, m[0])
		}
	}
	res := site.Generate(site.Options{Content: "../testdata/fixture/content", Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%s", res.Diags)
	}
	for _, f := range res.Files {
		if _, leadsOn := res.Index.Layout.Forwards(f.Path); !strings.HasPrefix(f.Path, "text/") || leadsOn {
			continue // not a chapter's page (text/index.html leads to the contents)
		}
		m := pagerRE.FindSubmatch(f.Data)
		if m == nil || !strings.Contains(string(m[1]), `rel="prev"`) && !strings.Contains(string(m[1]), `rel="next"`) {
			t.Errorf("%s, one of two chapters, has no link to the other: %q", f.Path, m)
		}
	}
}

// A strip draws a mention in a block quotation in a colour of its own:
// its legend names that colour wherever the strip has such a mark, and
// only there.
func TestStripLegendNamesEveryColourItUses(t *testing.T) {
	_, files := generate(t)
	with, without := 0, 0
	for p, b := range files {
		page := string(b)
		if !strings.HasSuffix(p, ".html") || !strings.Contains(page, `<svg class="strip"`) {
			continue
		}
		marks, named := strings.Contains(page, `class="mk m-quotation"`), strings.Contains(page, `class="key k-quotation"`)
		if marks != named {
			t.Errorf("%s: marks in quotations %v, the legend names them %v", p, marks, named)
		}
		if marks {
			with++
		} else {
			without++
		}
	}
	if with == 0 || without == 0 {
		t.Errorf("%d strips with marks in quotations and %d without: the edition should have both", with, without)
	}
}

// The search page and the reuse page name what the registry holds in the
// edition's own kinds: the fixture has people and places, no actors or
// events.
func TestPagesNameTheEditionsOwnKinds(t *testing.T) {
	res := site.Generate(site.Options{Content: "../testdata/fixture/content", Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%s", res.Diags)
	}
	pages := map[string]string{}
	for _, f := range res.Files {
		pages[f.Path] = string(f.Data)
	}
	for _, p := range []string{"search.html", "reuse.html"} {
		if !strings.Contains(pages[p], "every concept, person, place and source") && !strings.Contains(pages[p], "Every concept, person, place and source") {
			t.Errorf("%s does not name the fixture's kinds", p)
		}
		if strings.Contains(pages[p], "actor, event") {
			t.Errorf("%s names kinds the fixture does not have (actor, event)", p)
		}
	}
}

// The title page says what the Overview draws: the first kind of entry,
// whichever it is, not "concepts".
func TestTitlePageNamesTheOverviewsKind(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "edition.yaml")
	b, err := os.ReadFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	concept := "  - key: concept\n    name: Concept\n    plural: Concepts\n    path: concepts\n"
	if !bytes.Contains(b, []byte(concept)) {
		t.Fatalf("the fixture's edition.yaml no longer declares concepts as expected:\n%s", b)
	}
	b = append(bytes.Replace(b, []byte(concept), nil, 1), concept...) // people come first
	if err := os.WriteFile(yml, b, 0o644); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture with people first does not build:\n%s", res.Diags)
	}
	for _, f := range res.Files {
		if f.Path == "index.html" && !bytes.Contains(f.Data, []byte("where the people occur")) {
			t.Errorf("the title page does not say the Overview draws the people: %s", regexp.MustCompile(`<span class="gloss">[^<]*`).Find(f.Data))
		}
	}
}

// Every internal link and anchor of the site resolves: the strips', the
// overview's and the contents' included.
func TestEveryLinkResolves(t *testing.T) {
	_, _ = generate(t)
	for _, d := range site.CheckLinks(edition.res.Files) {
		t.Error(d)
	}
}

var letterBarRE = regexp.MustCompile(`(?s)<nav class="letter-bar"[^>]*>(.*?)</nav>`)
var letterRE = regexp.MustCompile(`>([^<\s][^<]*)</(?:a|span)>`)

// Every A–Z bar files names that begin with a digit in one place, before
// A, as the general index does.
func TestLetterBarsPutDigitsFirst(t *testing.T) {
	_, files := generate(t)
	seen := 0
	for p, b := range files {
		m := letterBarRE.FindSubmatch(b)
		if m == nil {
			continue
		}
		var letters []string
		for _, l := range letterRE.FindAllSubmatch(m[1], -1) {
			letters = append(letters, string(l[1]))
		}
		if i := slices.Index(letters, "0–9"); i > 0 {
			t.Errorf("%s: the letters are %v: 0–9 after %s", p, letters, letters[i-1])
		} else if i == 0 {
			seen++
		}
	}
	if seen < 2 {
		t.Errorf("only %d pages of the edition have names filed under 0–9: the test no longer sees the kind pages and the general index", seen)
	}
}

var (
	contextRE   = regexp.MustCompile(`<span class="context">(.*?)</span></li>`)
	tagRE       = regexp.MustCompile(`<[^>]+>`)
	gluedStopRE = regexp.MustCompile(`[.?!][”’")\]»]*…`)
)

// In the lists of occurrences on entry and source pages, an ellipsis
// never sticks to a sentence's end ("change.…"): a snippet cut where a
// sentence ends ends "change. …", and one cut where a sentence starts
// begins "… The".
func TestSnippetEllipsesStandApartFromSentences(t *testing.T) {
	_, files := generate(t)
	contexts, endsApart, startsApart := 0, 0, 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range contextRE.FindAllSubmatch(b, -1) {
			s := html.UnescapeString(tagRE.ReplaceAllString(string(m[1]), ""))
			contexts++
			if g := gluedStopRE.FindString(s); g != "" {
				t.Errorf("%s: %q: the ellipsis sticks to the sentence's end", p, s)
			}
			if strings.HasSuffix(s, ". …") {
				endsApart++
			}
			if strings.HasPrefix(s, "… ") {
				startsApart++
			}
		}
	}
	t.Logf("%d contexts, %d ending “. …”, %d starting “… ”", contexts, endsApart, startsApart)
	if contexts == 0 || endsApart == 0 || startsApart == 0 {
		t.Errorf("the edition's contexts (%d) hold no snippet cut at a sentence's end (%d) or start (%d): the test sees nothing",
			contexts, endsApart, startsApart)
	}
}

// What a page says of where the paragraph numbers stand is true at every
// width: in the margin on wide screens only, at the paragraph's end on
// narrow ones and in print. No sentence says "margin" without saying
// where they stand on a narrow screen.
func TestNoPageSaysParagraphNumbersAreAlwaysInTheMargin(t *testing.T) {
	_, files := generate(t)
	said := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		text := html.UnescapeString(tagRE.ReplaceAllString(string(b), " "))
		for _, s := range strings.Split(text, ". ") {
			if !strings.Contains(s, "margin") {
				continue
			}
			said++
			if !strings.Contains(s, "narrow") {
				t.Errorf("%s: %q: not so on a narrow screen", p, strings.Join(strings.Fields(s), " "))
			}
		}
	}
	if said == 0 {
		t.Fatal("no page says where the paragraph numbers stand")
	}
}
