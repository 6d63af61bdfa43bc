package browser

import (
	"context"
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
