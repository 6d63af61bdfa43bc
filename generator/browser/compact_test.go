package browser

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// textAt200 sets the tab's text to twice its usual size, as a reader's
// setting of 32 px for 16 does.
func textAt200(tb *tab) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: 32, Fixed: 26}})
		return err
	}))
}

// firstLines is where main's first words stand: the bottom of the page's
// title (h1) and of the first line of the first paragraph after it (the
// chapter's byline, an entry's count of mentions), and the header's height.
type firstLines struct {
	Title, Paragraph, Header float64
	What                     string // the paragraph's first words
}

const firstLinesJS = `(() => {
  const h1 = document.querySelector("main h1");
  if (!h1) return null;
  const p = [...document.querySelectorAll("main p")].find(p => (h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) && p.getClientRects().length);
  const r = document.createRange();
  if (p) r.selectNodeContents(p);
  const line = p ? r.getClientRects()[0] : null;
  return {title: h1.getBoundingClientRect().bottom, paragraph: line ? line.bottom : 1e6, what: p ? p.textContent.trim().slice(0, 30) : "",
    header: document.querySelector(".site-header").getBoundingClientRect().height};
})()`

// On the smallest phone (320 × 568) with the reader's text at twice its
// size, the first screen shows the page's title and the first line after
// it, on a chapter and on an entry: the header took 436 px of the 568,
// with the site's title on three lines and the reading options on two
// rows, and the chapter's title began below the screen.
func TestFirstLinesOnTheSmallestScreen(t *testing.T) {
	tb := newTab(t, overHTTP, 320, 568, true)
	textAt200(tb)
	for _, p := range []string{textPage, "concepts/preemption.html"} {
		tb.visit(p)
		tb.settle()
		if fs := eval[string](tb, `getComputedStyle(document.documentElement).fontSize`); fs != "32px" {
			t.Fatalf("the text is %s, not at 200%%", fs)
		}
		got := eval[*firstLines](tb, firstLinesJS)
		if got == nil {
			t.Fatalf("%s has no h1 in main", p)
		}
		t.Logf("%s: the header is %.0f px high, the title ends at %.0f px, the line after it (%q) at %.0f px", p, got.Header, got.Title, got.What, got.Paragraph)
		if got.Title > 568 || got.Paragraph > 568 {
			t.Errorf("%s at 320 × 568, text at 200%%: the page's title ends at %.0f px and the first line of %q at %.0f px; want both on the first screen (568 px), under a header %.0f px high",
				p, got.Title, got.What, got.Paragraph, got.Header)
		}
	}
}

// focused describes the element that has the focus.
const focusedJS = `(() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") : ""; })()`

// Where the reading options hide behind one button (the same phone, the
// same text), the keyboard reaches them: Tab comes to the button, named
// for what it holds and saying it is collapsed; Enter opens it and shows
// both options whole on the screen; Tab goes on to them and Enter works
// them; Escape closes them and gives the focus back to the button.
func TestReadingOptionsByKeyboardWhereSpaceIsShort(t *testing.T) {
	tb := newTab(t, overHTTP, 320, 568, true)
	textAt200(tb)
	tb.visit(textPage)
	tb.settle()
	tb.clearStorage()
	const toggle = ".tools-toggle"
	if tb.shown("#tool-annotations") {
		t.Fatal("the reading options are shown before the reader asks for them")
	}
	var path []string
	for i := 0; i < 30 && !eval[bool](tb, `document.activeElement && document.activeElement.matches(".tools-toggle")`); i++ {
		tb.key(keyTab)
		path = append(path, eval[string](tb, focusedJS))
	}
	if !eval[bool](tb, `document.activeElement && document.activeElement.matches(".tools-toggle")`) {
		t.Fatalf("30 presses of Tab never reach the reading options' button; they go %s", strings.Join(path, ", "))
	}
	if !tb.shown(toggle) {
		t.Fatal("the reading options' button is not shown")
	}
	if name := tb.accessibleName(toggle); name != "Reading options" {
		t.Errorf("the button is named %q, not %q", name, "Reading options")
	}
	if e := tb.attr(toggle, "aria-expanded"); e != "false" {
		t.Errorf("the closed button has aria-expanded=%q", e)
	}
	tb.key(keyEnter)
	if e := tb.attr(toggle, "aria-expanded"); e != "true" {
		t.Fatalf("Enter on the button left aria-expanded=%q", e)
	}
	for _, sel := range []string{"#tool-annotations", "#tool-theme"} {
		if !tb.shown(sel) {
			t.Fatalf("opened, the button shows no %s", sel)
		}
		if r := tb.rect(sel); r.Left < 0 || r.Right > 320 || r.Top < 0 || r.Bottom > 568 {
			t.Errorf("%s stands at %+v, not whole on the screen", sel, r)
		}
	}
	tb.key(keyTab)
	if f := eval[string](tb, focusedJS); !strings.HasPrefix(f, "button#tool-annotations") {
		t.Fatalf("Tab from the opened button went to %s, not to the annotations switch", f)
	}
	tb.key(keyEnter)
	if p := tb.attr("#tool-annotations", "aria-pressed"); p != "false" || !eval[bool](tb, `document.documentElement.classList.contains("bare")`) {
		t.Errorf("Enter on the annotations switch left it pressed=%q, the text not bare", p)
	}
	tb.key(keyTab)
	if f := eval[string](tb, focusedJS); !strings.HasPrefix(f, "button#tool-theme") {
		t.Fatalf("Tab from the annotations switch went to %s, not to the theme switch", f)
	}
	tb.key(keyEscape)
	if e := tb.attr(toggle, "aria-expanded"); e != "false" || tb.shown("#tool-theme") {
		t.Errorf("Escape left the options open (aria-expanded=%q)", e)
	}
	if f := eval[string](tb, focusedJS); !strings.Contains(f, "tools-toggle") {
		t.Errorf("Escape left the focus on %s, not on the button", f)
	}
	tb.clearStorage()
}

// navRowJS reads the row of the site's links: the link to the page's own
// section and the one before it, each whole inside the row's visible box
// or not; whether both could be (the two, and the gap between them, are
// no wider than the box); and whether the row is scrolled with no link
// before its visible box, which shows the edge's shade before nothing.
const navRowJS = `(() => {
  const n = document.querySelector(".site-nav"), cur = n.querySelector("a[aria-current]");
  if (!cur) return null;
  const b = n.getBoundingClientRect(), left = b.left + n.clientLeft, right = left + n.clientWidth;
  const inside = a => { const r = a.getBoundingClientRect(); return r.left >= left - 1 && r.right <= right + 1; };
  const desc = a => { const r = a.getBoundingClientRect(); return a.textContent + " " + Math.round(r.left) + "–" + Math.round(r.right); };
  const li = cur.closest("li").previousElementSibling, prev = li && li.querySelector("a");
  const before = [...n.querySelectorAll("a")].some(a => a.getBoundingClientRect().left < left - 1);
  return {
    row: Math.round(left) + "–" + Math.round(right), current: desc(cur), currentInside: inside(cur),
    previous: prev ? desc(prev) : "", previousInside: !prev || inside(prev),
    bothFit: !prev || cur.getBoundingClientRect().right - prev.getBoundingClientRect().left <= n.clientWidth,
    scrolledBeforeNothing: n.scrollLeft > 0.5 && !before,
  };
})()`

type navRow struct {
	Row, Current, Previous                 string
	CurrentInside, PreviousInside, BothFit bool
	ScrolledBeforeNothing                  bool
}

// Where the site's links scroll sideways (phones, with the usual text
// and with twice it), each page's row of links shows the link to the
// page's own section whole, and the link before it whole where both fit:
// the row started at the page's own link, the links before it out of view
// behind the edge's shade, and a part of a word at the edge. Nor is the
// row scrolled by a sliver, with the shade standing before nothing (the
// title page's row was scrolled by 4 px).
func TestNavShowsTheCurrentLinkAndTheOneBefore(t *testing.T) {
	pages := []string{textPage, "overview.html", "concepts/index.html", "concepts/preemption.html", "actors/index.html", "events/index.html", "bibliography.html", "general-index.html"}
	for _, c := range []struct {
		w   int64
		big bool
	}{{320, false}, {390, false}, {320, true}, {390, true}} {
		t.Run(fmt.Sprintf("%d-text%d", c.w, map[bool]int{false: 100, true: 200}[c.big]), func(t *testing.T) {
			tb := newTab(t, overHTTP, c.w, 800, c.w < 800)
			if c.big {
				textAt200(tb)
			}
			for _, p := range pages {
				tb.visit(p)
				tb.settle()
				r := eval[*navRow](tb, navRowJS)
				if r == nil {
					t.Fatalf("%s: no link in the row is the page's own", p)
				}
				switch {
				case !r.CurrentInside:
					t.Errorf("%s: the page's own link (%s) is not whole in the row's visible box (%s)", p, r.Current, r.Row)
				case r.BothFit && !r.PreviousInside:
					t.Errorf("%s: the link before the page's own (%s, then %s) is not whole in the row's visible box (%s), though both fit", p, r.Previous, r.Current, r.Row)
				}
				if r.ScrolledBeforeNothing {
					t.Errorf("%s: the row (%s) is scrolled with no link before it", p, r.Row)
				}
			}
		})
	}
}

// From 40rem, the links stand beside the site's title, where they
// scrolled sideways up to about 50rem; up to 49rem they wrap onto a
// second line instead, every link whole in view, the row not scrolling.
func TestLinksWrapBesideTheTitle(t *testing.T) {
	for _, w := range []int64{660, 760} {
		tb := newTab(t, overHTTP, w, 800, false)
		tb.visit("concepts/preemption.html")
		tb.settle()
		hidden := eval[[]string](tb, `(() => {
  const n = document.querySelector(".site-nav"), b = n.getBoundingClientRect(), left = b.left + n.clientLeft, right = left + n.clientWidth;
  return [...n.querySelectorAll("a")].filter(a => { const r = a.getBoundingClientRect(); return r.left < left - 1 || r.right > right + 1; }).map(a => a.textContent);
})()`)
		if sw, cw := eval[float64](tb, `document.querySelector(".site-nav").scrollWidth`), eval[float64](tb, `document.querySelector(".site-nav").clientWidth`); sw > cw+1 || len(hidden) > 0 {
			t.Errorf("at %d px the row of links scrolls (%.0f px of links in %.0f), with %v out of view", w, sw, cw, hidden)
		}
	}
}

// Where the links wrap (40–49rem), the list of links has the same box
// with its first link alone as with all of them, as when a slow phone
// draws the header before the rest of the links are read: a full `make
// test` once saw it grow from one line to two after the first frame, at
// 700 px (TestHeaderWholeAtFirstPaint). The first link stays put too.
func TestLinksKeepTheirBoxBeforeTheRestAreRead(t *testing.T) {
	for _, w := range []int64{660, 700, 760} {
		tb := newTab(t, overHTTP, w, 800, false)
		tb.visit("index.html")
		tb.settle()
		const boxes = `(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.height].map(Math.round).join(" "); };
  const ul = document.querySelector(".site-nav ul");
  return "list " + box(ul) + ", first link " + box(ul.querySelector("a")) + ", header " + box(document.querySelector(".site-header"));
})()`
		all := eval[string](tb, boxes)
		first := eval[string](tb, `(() => {
  const ul = document.querySelector(".site-nav ul");
  while (ul.children.length > 1) ul.lastElementChild.remove();
  return true;
})()`+` && `+boxes)
		if all != first {
			t.Errorf("at %d px, with every link: %s; with the first alone: %s", w, all, first)
		}
	}
}
