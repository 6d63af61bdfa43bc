package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"edition/generator/site"
)

// navEdition builds, into a folder of the test's, an edition of one short
// chapter with the given title and kinds (their plural names are links of
// the header, between "Text", "Overview" and "Sources", "Index"), and
// returns it opened from disk.
func navEdition(t *testing.T, title string, plurals ...string) origin {
	t.Helper()
	dir := t.TempDir()
	var ed strings.Builder
	fmt.Fprintf(&ed, "title: %q\nlanguage: en\nkinds:", title)
	if len(plurals) == 0 {
		ed.WriteString(" []")
	}
	ed.WriteString("\n")
	for i, p := range plurals {
		fmt.Fprintf(&ed, "  - key: kind%d\n    name: Kind %d\n    plural: %q\n    path: kind%d\n", i, i, p, i)
	}
	files := map[string]string{
		"content/edition.yaml":     ed.String(),
		"content/text/01-first.md": "---\ntitle: \"The First Chapter\"\n---\nA paragraph of the text, which the header stands above.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: "../../templates", Output: out})
	if err != nil || !res.OK() {
		t.Fatalf("cannot build the edition %q: %v\n%s", title, err, res.Diags)
	}
	return origin{"file", func(p string) string {
		return "file://" + filepath.ToSlash(filepath.Join(out, filepath.FromSlash(p)))
	}}
}

// headerLinksJS reads how the header holds its links: whether they stand
// beside the title (or in a row of their own under it); how many lines
// they take, and how high a line is; the list's box, which may be higher
// than its lines where it keeps room for more; whether the row scrolls and
// which links stand outside its visible box; and where the header, the
// list and its first link stand and how high they are, with every link and
// with the first alone, as when a slow phone draws the header before the
// rest of the links are read (the list may be narrower then: nothing
// stands after it); and the header's box without its search box and
// reading options, as drawn before they are read.
const headerLinksJS = `(() => {
  const h = document.querySelector(".site-header"), n = h.querySelector(".site-nav"), ul = n.querySelector("ul");
  const links = [...ul.querySelectorAll("a")];
  const title = h.querySelector(".site-title").getBoundingClientRect();
  const nb = n.getBoundingClientRect(), left = nb.left + n.clientLeft, right = left + n.clientWidth;
  const tops = new Set(links.map(a => Math.round(a.getBoundingClientRect().top)));
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.height].map(v => Math.round(v * 10) / 10).join(" "); };
  const boxes = () => "header " + box(h) + ", list " + box(ul) + ", first link " + box(ul.querySelector("a"));
  const got = {
    class: h.className, beside: nb.top < title.bottom - 1, lines: tops.size,
    line: links[0].getBoundingClientRect().height, list: ul.getBoundingClientRect().height,
    scrolls: n.scrollWidth > n.clientWidth + 1,
    outside: links.filter(a => { const r = a.getBoundingClientRect(); return r.left < left - 1 || r.right > right + 1 || r.bottom > nb.bottom + 1; }).map(a => a.textContent),
    all: boxes(),
  };
  while (ul.children.length > 1) ul.lastElementChild.remove();
  got.first = boxes();
  got.header = box(h);
  h.querySelectorAll(".site-search, .reader-tools").forEach(e => e.remove());
  got.bare = box(h);
  return got;
})()`

type headerLinks struct {
	Class        string
	Beside       bool
	Lines        int
	Line, List   float64
	Scrolls      bool
	Outside      []string
	All, First   string
	Header, Bare string // the header's box, and without its search box and reading options
}

// The header's links stand where the edition's labels fit, for editions
// other than this one too: few and short (four links beside a short
// title, one line from the phone's width on), many and long (ten links,
// in two lines beside the title or a row of their own), and beside a long
// title, at widths across the range from the phone's to the widest. At
// each, the list keeps exactly the lines its links take: no line kept
// empty where they fit in fewer (the 40–49rem rule kept two for any
// edition), none more taken than kept, so that the header drawn with its
// first link alone has the box it has with all of them, and without its
// search box and reading options, read after the links, the box it has
// with them (with the links in a row of their own, that row was not kept);
// beside the title, every link is whole in view and the row does not
// scroll.
func TestHeaderLinksFollowTheEdition(t *testing.T) {
	long := []string{"Organisations", "Correspondents", "Manuscripts", "Institutions", "Chronologies", "Personnages"}
	for _, ed := range []struct {
		name, title string
		plurals     []string
	}{
		{"few-short", "Notes", nil},
		{"many-long", "Letters", long},
		{"long-title", "The Correspondence of the Keepers of the Eddystone Light, 1756–1810", []string{"People", "Places"}},
		{"long-title-many-long", "The Correspondence of the Keepers of the Eddystone Light, 1756–1810", long},
	} {
		t.Run(ed.name, func(t *testing.T) {
			o := navEdition(t, ed.title, ed.plurals...)
			tb := newTab(t, o, 660, 800, false)
			for _, w := range []int64{650, 700, 750, 784, 800, 850, 900, 1000, 1100, 1400} {
				tb.do(chromedp.EmulateViewport(w, 800))
				tb.visit("index.html")
				tb.settle()
				got := eval[headerLinks](tb, headerLinksJS)
				where := fmt.Sprintf("%s at %d px (%s)", ed.name, w, got.Class)
				t.Logf("%s: %d line(s) %s, the list %.0f px high", where, got.Lines, map[bool]string{true: "beside the title", false: "in a row of their own"}[got.Beside], got.List)
				if got.Beside && (got.Scrolls || len(got.Outside) > 0) {
					t.Errorf("%s: beside the title the row scrolls (%v), with %v out of view", where, got.Scrolls, got.Outside)
				}
				if !got.Beside && got.Lines != 1 {
					t.Errorf("%s: in a row of their own, the links take %d lines", where, got.Lines)
				}
				if kept := got.List / got.Line; !near(kept, float64(got.Lines), 0.05) {
					t.Errorf("%s: the list keeps %.2f lines' height for links that take %d", where, kept, got.Lines)
				}
				if got.All != got.First {
					t.Errorf("%s: with every link: %s; with the first alone: %s", where, got.All, got.First)
				}
				if got.Header != got.Bare {
					t.Errorf("%s: the header's box %s is %s without its search box and reading options", where, got.Header, got.Bare)
				}
			}
		})
	}
}

// navEdgesJS reads the row of the site's links at its edges: each link
// the row shows (not hidden while its box cuts it) that stands partly in
// the row's visible box and partly out of it by more than the edge's shade
// (.5rem) shows a part of a word there; and, where the row is scrolled,
// how far from the row's start edge its first link shown begins.
const navEdgesJS = `(() => {
  const n = document.querySelector(".site-nav"), cur = n.querySelector("a[aria-current]");
  const b = n.getBoundingClientRect(), left = b.left + n.clientLeft, right = left + n.clientWidth;
  const shade = parseFloat(getComputedStyle(document.documentElement).fontSize) / 2;
  const shown = [...n.querySelectorAll("a")].filter(a => getComputedStyle(a.closest("li")).opacity !== "0");
  const cut = shown.filter(a => {
    const r = a.getBoundingClientRect(), seen = Math.min(r.right, right) - Math.max(r.left, left);
    const whole = r.left >= left - 1 && r.right <= right + 1;
    return seen > shade && !whole;
  }).map(a => { const r = a.getBoundingClientRect(); return a.textContent + " " + Math.round(r.left) + "–" + Math.round(r.right); });
  const first = shown.map(a => a.getBoundingClientRect().left).filter(x => x >= left - 1).sort((x, y) => x - y)[0];
  return {row: Math.round(left) + "–" + Math.round(right), current: cur ? cur.textContent : "", cut,
    scrolled: n.scrollLeft > 0.5, start: first === undefined ? -1 : first - left};
})()`

type navEdges struct {
	Row, Current string
	Cut          []string
	Scrolled     bool
	Start        float64
}

// Where the site's links scroll (phones), each page's row of links,
// scrolled to the page's own link, shows no part of a word at either
// edge: every link is whole in the row's visible box, or out of it, or in
// it by no more than the edge's shade. The row scrolled to the end showed
// "…iew" of "Overview" at its start (on the sources and the general
// index, at 390 px), and "Sour" of "Sources" at its end (on the title
// page). Scrolled, the row begins with a whole link at its start, at the
// row's scroll padding, not with an empty stretch where a cut link was.
func TestNavShowsNoPartOfAWordAtItsEdges(t *testing.T) {
	pages := []string{"index.html", textPage, "overview.html", "concepts/index.html", "concepts/preemption.html", "actors/index.html", "events/index.html", "bibliography.html", "general-index.html"}
	for _, c := range []struct {
		w   int64
		big bool
	}{{320, false}, {390, false}, {320, true}, {390, true}} {
		t.Run(fmt.Sprintf("%d-text%d", c.w, map[bool]int{false: 100, true: 200}[c.big]), func(t *testing.T) {
			tb := newTab(t, overHTTP, c.w, 800, true)
			if c.big {
				textAt200(tb)
			}
			for _, p := range pages {
				tb.visit(p)
				tb.settle()
				r := eval[navEdges](tb, navEdgesJS)
				if len(r.Cut) > 0 {
					t.Errorf("%s (its link %q): the row (%s) shows a part of %v", p, r.Current, r.Row, r.Cut)
				}
				if pad := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector(".site-nav")).scrollPaddingLeft)`); r.Scrolled && (r.Start < 0 || r.Start > pad+1) {
					t.Errorf("%s (its link %q): the row (%s), scrolled, shows its first whole link %.0f px from its start edge (want at its scroll padding, %.0f px)", p, r.Current, r.Row, r.Start, pad)
				}
			}
		})
	}
}
