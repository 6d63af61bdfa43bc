package browser

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// measureJS counts the characters on each full line of the text's
// paragraphs (not the last line of a paragraph, not notes or numbers) and
// returns their average.
const measureJS = `(() => {
  const skip = ".sidenote, .pnum, .cite-btn, .noteref";
  let chars = 0, lines = 0;
  for (const p of document.querySelectorAll(".text .body > p")) {
    const lh = parseFloat(getComputedStyle(p).lineHeight), top = p.getBoundingClientRect().top;
    const perLine = new Map();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT,
      {acceptNode: n => n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const range = document.createRange();
    for (let n; (n = walker.nextNode());) {
      for (let i = 0; i < n.length; i++) {
        range.setStart(n, i); range.setEnd(n, i + 1);
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;
        const line = Math.floor(((r.top + r.bottom) / 2 - top) / lh);
        perLine.set(line, (perLine.get(line) || 0) + 1);
      }
    }
    const counts = [...perLine.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
    counts.pop(); // a paragraph's last line is short
    for (const c of counts) { chars += c; lines++; }
  }
  return lines ? chars / lines : 0;
})()`

// The measure stays between 60 and 75 characters a line wherever the
// screen is wide enough for it.
func TestMeasure(t *testing.T) {
	for _, w := range []int64{1024, 1400, 1920} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTab(t, overHTTP, w, 900, false)
			tb.visit(textPage)
			avg := eval[float64](tb, measureJS)
			t.Logf("%.1f characters a line at %d px", avg, w)
			if avg < 60 || avg > 75 {
				t.Errorf("%.1f characters a line at %d px; want 60–75", avg, w)
			}
		})
	}
}

// From 320 to 1920 pixels no page is wider than the screen, and nothing
// moves once the page has loaded. What a box that scrolls sideways holds
// (a table, the bar of letters where space is short) may be wider.
func TestNoOverflowNoShift(t *testing.T) {
	for _, w := range []int64{320, 390, 768, 1100, 1920} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, w < 800)
			for _, p := range pagesOfEachKind {
				tb.visit(p.path)
				// Judged at rest: with the fonts in and nothing fading,
				// and any late shift counted.
				tb.settle()
				over := eval[[]string](tb, `[...document.querySelectorAll("body *")].filter(e => {
					if (e.closest(".scroll, .letter-bar, .sidenote, svg")) return false;
					const r = e.getBoundingClientRect();
					return r.width > 0 && r.right > innerWidth + 1;
				}).slice(0, 5).map(e => e.tagName.toLowerCase() + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`)
				sw := eval[float64](tb, `document.documentElement.scrollWidth`)
				if sw > float64(w) || len(over) > 0 {
					t.Errorf("%s at %d px: the page is %.0f px wide; too wide: %s", p.name, w, sw, strings.Join(over, ", "))
				}
				if s := tb.layoutShift(); s > 0.001 {
					t.Errorf("%s at %d px: the layout shifted by %.4f after loading: %s", p.name, w, s, tb.layoutShifts())
				}
			}
		})
	}
}

// With the browser's text twice its usual size (a reader's setting of 32
// px for 16), no page is wider than the screen either: the header's search
// box, its button and the reading options once ran off the right edge of a
// phone, out of reach; the general index's "Unnumbered note", kept on one
// line, did at 320 px. Nor does a title break a word without a hyphen: at
// 320 px every page whose title has a word of eleven letters or more is
// read too ("Responsibility", "Noninterference"), as are the pages of each
// kind at every width.
func TestNoOverflowWithTextAt200Percent(t *testing.T) {
	for _, w := range []int64{320, 390, 768, 1400} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 900, w < 800)
			textAt200(tb)
			pages := pagesOfEachKind
			if w == 320 {
				for _, p := range pagesWithLongTitleWords(t, 11) {
					pages = append(pages, struct{ name, path string }{p, p})
				}
			}
			for _, p := range pages {
				tb.visit(p.path)
				if fs := eval[string](tb, `getComputedStyle(document.documentElement).fontSize`); fs != "32px" {
					t.Fatalf("the text is %s, not at 200%%", fs)
				}
				over := eval[[]string](tb, fmt.Sprintf(`[...document.querySelectorAll("body *")].filter(e => {
					if (e.closest(".scroll, .letter-bar, .sidenote, svg")) return false;
					const r = e.getBoundingClientRect();
					return r.width > 0 && r.right > %d + 1;
				}).slice(0, 5).map(e => e.tagName.toLowerCase() + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`, w))
				sw := eval[float64](tb, `document.documentElement.scrollWidth`)
				if sw > float64(w) || len(over) > 0 {
					t.Errorf("%s at %d px, text at 200%%: the page is %.0f px wide; too wide: %s", p.name, w, sw, strings.Join(over, ", "))
				}
				if split := eval[[]string](tb, splitWordsJS); len(split) > 0 {
					t.Errorf("%s at %d px, text at 200%%: a heading breaks inside words with no hyphen: %s", p.name, w, strings.Join(split, ", "))
				}
			}
		})
	}
}

// pagesWithLongTitleWords lists the built site's pages whose title (h1)
// has a word of at least n letters, read from the HTML: the pages where a
// word may not fit a narrow screen. It fails the test if there are none,
// which would leave the check empty.
func pagesWithLongTitleWords(t *testing.T, n int) []string {
	t.Helper()
	h1 := regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	long := regexp.MustCompile(fmt.Sprintf(`\pL{%d,}`, n))
	var out []string
	err := filepath.WalkDir(env.site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := h1.FindSubmatch(b); m != nil && long.Match(tag.ReplaceAll(m[1], nil)) {
			rel, _ := filepath.Rel(env.site, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no page's title has a word of %d letters or more: the check of long words reads nothing", n)
	}
	return out
}

// splitWordsJS lists the words of the page's headings (its title, h1, and
// the h2 and h3 of its parts and sections) that run over two lines, as "Preemptio|n:", unless the browser hyphenated them: the
// heading's hyphens are auto and the browser hyphenates the page's
// language (Debian's Chromium, without its hyphenation dictionaries, does
// not). A word may still break after a hyphen, a dash or a slash.
const splitWordsJS = `(() => {
  const h = document.querySelector("main h1");
  if (!h) return [];
  const heads = [...document.querySelectorAll("main h1, main h2, main h3")];
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;visibility:hidden;width:4em;hyphens:auto;overflow-wrap:normal";
  probe.textContent = "internationalization";
  h.appendChild(probe);
  const hyphenates = getComputedStyle(h).hyphens === "auto" && probe.scrollWidth <= probe.clientWidth;
  probe.remove();
  if (hyphenates) return [];
  const out = [], range = document.createRange();
  for (const head of heads) {
    const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT,
      {acceptNode: n => n.parentElement.closest(".noteref, .sidenote") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    for (let n; (n = walker.nextNode());) {
      for (const m of n.data.matchAll(/\S+/g)) {
        let top = null, at = -1;
        for (let i = 0; i < m[0].length; i++) {
          range.setStart(n, m.index + i); range.setEnd(n, m.index + i + 1);
          const r = range.getClientRects()[0];
          if (!r) continue;
          if (top !== null && r.top > top + r.height / 2 && !/[-‐–—\/]/.test(m[0][i - 1])) { at = i; break; }
          top = r.top;
        }
        if (at > 0) out.push(m[0].slice(0, at) + "|" + m[0].slice(at));
      }
    }
  }
  return out;
})()`

// In print, the notes are endnotes and the site's chrome is gone.
func TestPrintHasEndnotesAndNoChrome(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage)
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	for _, sel := range []string{".site-header", ".site-footer", ".reader-tools", "#sn-n1", ".toc", ".pager"} {
		if tb.shown(sel) {
			t.Errorf("%s is printed", sel)
		}
	}
	for _, sel := range []string{"#n1", "#ed-article51", "#r-n1", "#r-ed-article51", "#n1 .citation"} {
		if !tb.shown(sel) {
			t.Errorf("%s is not printed", sel)
		}
	}
	// Nor the controls of the indexes and the search page, which do
	// nothing on paper: the bar of letters, the search form.
	for _, c := range []struct{ page, sel, keep string }{
		{"general-index.html", ".letter-bar", "#letter-a"},
		{"concepts/index.html", ".letter-bar", "#letter-p"},
		{"search.html", "#search-page-form", ".search-az"},
	} {
		tb.visit(c.page)
		if tb.shown(c.sel) {
			t.Errorf("%s: %s is printed", c.page, c.sel)
		}
		if !tb.shown(c.keep) {
			t.Errorf("%s: %s is not printed", c.page, c.keep)
		}
	}
}

// In print a highlighted word in an entry's list of occurrences loses its
// background, so it must not keep the padding either: that would print as
// a space before the comma in "whether preventive, preemptive , or".
func TestPrintHighlightsAddNoSpace(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit("concepts/preemption.html")
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	extra := eval[[]string](tb, `[...document.querySelectorAll("main mark")].flatMap(m => {
  const r = document.createRange(); r.selectNodeContents(m);
  const gap = m.getBoundingClientRect().width - r.getBoundingClientRect().width;
  return gap > 0.5 ? [m.textContent + " (" + gap.toFixed(1) + " px)"] : [];
})`)
	if n := eval[int](tb, `document.querySelectorAll("main mark").length`); n == 0 {
		t.Fatal("the page has no highlighted words")
	}
	if len(extra) > 0 {
		t.Errorf("highlighted words print wider than their text: %s", strings.Join(extra, ", "))
	}
}

// In print no page shows a Copy button: not the chapter's or a source's
// "How to cite", nor the Cite and reuse page's.
func TestPrintHasNoCopyButtons(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	for _, p := range []string{textPage, "sources/whitehouse2002nss.html", "reuse.html"} {
		tb.visit(p)
		tb.waitFor(`[...document.querySelectorAll("button.copy")].some(b => !b.hidden)`, "the Copy buttons to show on "+p)
		tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		if n := eval[int](tb, `[...document.querySelectorAll("button.copy")].filter(b => b.getClientRects().length > 0).length`); n > 0 {
			t.Errorf("%s prints %d Copy buttons", p, n)
		}
		tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
			return err
		}))
	}
}

// screenshots is where the screenshots go: $EDITION_SCREENSHOTS, or a new
// temporary folder.
func screenshots(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EDITION_SCREENSHOTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "edition-screenshots-"); err != nil {
			t.Fatal(err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Screenshots of each kind of page at 390 and 1400 px, light and dark,
// for a person to look at.
func TestScreenshots(t *testing.T) {
	needBrowser(t)
	dir := screenshots(t)
	t.Logf("screenshots in %s", dir)
	shots := append([]struct{ name, path string }{}, pagesOfEachKind...)
	shots = append(shots, struct{ name, path string }{"text-notes", textPage + "#p14"},
		struct{ name, path string }{"text-preview", textPage}, struct{ name, path string }{"text-bare", textPage + "#p14"})
	for _, w := range []int64{390, 1400} {
		for _, scheme := range []string{"light", "dark"} {
			tb := newTab(t, overHTTP, w, map[bool]int64{true: 844, false: 900}[w < 800], w < 800)
			tb.setScheme(scheme)
			for _, s := range shots {
				tb.visit(s.path)
				switch {
				case s.name == "text-notes" && w < 800:
					tb.tap("#r-n10")
					tb.waitFor(`__test.shown("#sn-n10")`, "the note to open")
				case s.name == "text-preview" && w < 800:
					tb.tap("#p3 a.mention.kind-concept")
					tb.waitFor(`__test.shown("#preview")`, "the card")
				case s.name == "text-preview":
					tb.hover("#p3 a.mention.kind-concept")
					tb.waitFor(`__test.shown("#preview")`, "the card")
				case s.name == "text-bare":
					tb.do(clickSel("#tool-annotations"))
					eval[bool](tb, `(document.querySelector("#p14").scrollIntoView(), true)`)
				}
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot of %s: %v", s.path, err)
				}
				name := fmt.Sprintf("%s-%d-%s.png", s.name, w, scheme)
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
				if s.name == "text-bare" {
					tb.do(clickSel("#tool-annotations"))
				}
			}
		}
	}
}

// The header is the same on every page: a page's own styles (a class of
// its body, say) must not reach it. The links of the site's navigation
// stand where they stand on the title page, and never on one another:
// counted along their row, which scrolls sideways where it does not fit
// and then starts at the link to the page's own section (as far as it
// can), which is on the screen.
func TestHeaderIsTheSameOnEveryPage(t *testing.T) {
	const navJS = `[...document.querySelectorAll(".site-nav a")].map(a => {
  const r = a.getBoundingClientRect(), scrolled = document.querySelector(".site-nav").scrollLeft;
  return a.textContent + " " + Math.round(r.left + scrolled) + "," + Math.round(r.top) + " " + Math.round(r.width) + "x" + Math.round(r.height);
})`
	// The link to the page's section, if it is not wholly in view.
	const currentHiddenJS = `(() => {
  const a = document.querySelector(".site-nav a[aria-current]");
  if (!a) return "";
  const r = a.getBoundingClientRect(), n = document.querySelector(".site-nav").getBoundingClientRect();
  return r.left >= n.left - 1 && r.right <= n.right + 1 ? "" : a.textContent + " " + Math.round(r.left) + "–" + Math.round(r.right) + " in " + Math.round(n.left) + "–" + Math.round(n.right);
})()`
	for _, w := range []int64{390, 1400} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, w < 800)
			tb.visit(pagesOfEachKind[0].path)
			want := eval[[]string](tb, navJS)
			if len(want) == 0 {
				t.Fatal("the title page has no navigation links")
			}
			for _, p := range pagesOfEachKind[1:] {
				tb.visit(p.path)
				if got := eval[[]string](tb, navJS); strings.Join(got, "; ") != strings.Join(want, "; ") {
					t.Errorf("%s at %d px: the navigation's links stand at\n  %s\nnot, as on the title page, at\n  %s",
						p.name, w, strings.Join(got, "; "), strings.Join(want, "; "))
				}
				if hidden := eval[string](tb, currentHiddenJS); hidden != "" {
					t.Errorf("%s at %d px: the link to the page's section is not wholly in view: %s", p.name, w, hidden)
				}
			}
		})
	}
}

// The heat map's column labels (the sections' titles, wrapped) never run
// into one another: "Responsibility" and "Who Decides?" did, when the map
// was drawn in SVG.
func TestHeatMapLabelsStandApart(t *testing.T) {
	for _, w := range []int64{390, 1400} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTab(t, overHTTP, w, 800, w < 800)
			tb.visit("overview.html")
			touching := eval[[]string](tb, `(() => {
  const lines = [...document.querySelectorAll("table.heatmap thead th a")].map(e => {
    const r = e.getBoundingClientRect();
    return {s: e.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
  });
  const out = [];
  for (let i = 0; i < lines.length; i++) for (let j = i + 1; j < lines.length; j++) {
    const a = lines[i], b = lines[j];
    const gap = Math.max(a.l, b.l) - Math.min(a.r, b.r);
    if (a.t < b.b && b.t < a.b && gap < 2) out.push(a.s + " / " + b.s + " (" + gap.toFixed(1) + " px apart)");
  }
  return out;
})()`)
			if n := eval[int](tb, `document.querySelectorAll("table.heatmap thead th a").length`); n == 0 {
				t.Fatal("the overview has no heat map labels")
			}
			if len(touching) > 0 {
				t.Errorf("at %d px, column labels run into one another: %s", w, strings.Join(touching, ", "))
			}
		})
	}
}

// A citation in the text ("→ Daalder 2007") is a link like the others:
// the rule that opens the chapter's "How to cite" section (class "cite",
// as citations' links are) must not draw a line over each of them.
func TestCitationsHaveNoRuleAbove(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	seen := 0
	for _, p := range pagesOfEachKind {
		tb.visit(p.path)
		seen += eval[int](tb, `document.querySelectorAll("a.cite").length`)
		ruled := eval[[]string](tb, `[...document.querySelectorAll("a.cite")].filter(a =>
  getComputedStyle(a).borderTopStyle !== "none" && parseFloat(getComputedStyle(a).borderTopWidth) > 0).map(a => a.textContent)`)
		if len(ruled) > 0 {
			t.Errorf("%s: %d citations have a rule above them, such as %q", p.name, len(ruled), ruled[0])
		}
	}
	if seen == 0 {
		t.Fatal("no citation links on any page")
	}
}

// Each kind's mentions keep their own underline, which the stylesheet
// gives by the class "kind-" and the key: actors dotted, events dashed,
// concepts solid. The mentions are found by their data-ref, not by the
// class under test.
func TestMentionsOfEachKindKeepTheirUnderline(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage)
	got := eval[map[string]string](tb, `Object.fromEntries(["concept", "actor", "event"].map(k => {
  const a = document.querySelector("article.text a.mention[data-ref^='" + k + ":']");
  return [k, a ? getComputedStyle(a).textDecorationStyle : "no mention"];
}))`)
	for k, want := range map[string]string{"concept": "solid", "actor": "dotted", "event": "dashed"} {
		if got[k] != want {
			t.Errorf("mentions of %s entries are underlined %s, not %s", k, got[k], want)
		}
	}
}

// splitLabelsJS lists the note references and the locators ("¶ 12",
// "n 4", "ed. n b", a reference "ed. ac") that are broken across two lines.
const splitLabelsJS = `[...document.querySelectorAll("main a")].filter(a =>
  /^(¶ |n |ed\. n )?\S{1,6}$/.test(a.textContent.trim()) && a.getClientRects().length > 1
).map(a => a.textContent.trim())`

// A note reference or a locator is one word to the reader: "ed." at the
// end of a line and "ac" at the start of the next, or "¶" and "35", read
// as two things.
func TestNoteReferencesAndLocatorsStayOnOneLine(t *testing.T) {
	for _, w := range []int64{360, 390, 430, 600, 1000, 1400} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, w < 800)
			for _, p := range []string{textPage, "general-index.html", "overview.html"} {
				tb.visit(p)
				if split := eval[[]string](tb, splitLabelsJS); len(split) > 0 {
					t.Errorf("%s at %d px: broken across two lines: %s", p, w, strings.Join(split, " | "))
				}
			}
		})
	}
}
