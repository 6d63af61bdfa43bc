package browser

import (
	"fmt"
	"strings"
	"testing"
)

// brokenWordsJS returns each word of the elements sel selects that the
// browser set on two lines or more, when the word is at most maxEm times
// its size wide (a wider word may break), with the number of words read
// first. A word runs between spaces and ends after a hyphen, a dash, a
// slash or an ellipsis, where a line may break; web addresses, which
// break anywhere, are not read.
const brokenWordsJS = `((sel, maxEm) => {
  const out = [0], broken = [];
  for (const el of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {acceptNode: n =>
      n.data.trim() && n.parentElement.getClientRects().length ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
    for (let node; (node = walker.nextNode());) {
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      const urls = [...node.data.matchAll(/(https?:\/\/|www\.)\S+/g)].map(m => [m.index, m.index + m[0].length]);
      const re = /[^\s\-‐–—\/…]+[\-‐–—\/…]*/g;
      for (let m; (m = re.exec(node.data));) {
        if (urls.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
        out[0]++;
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const parts = [...r.getClientRects()].filter(b => b.width > 0);
        const width = parts.reduce((w, b) => w + b.width, 0);
        if (new Set(parts.map(b => Math.round(b.bottom))).size > 1 && width / size <= maxEm) {
          const where = (node.parentElement.closest("li, p") || el).textContent.trim().slice(0, 40);
          broken.push("“" + m[0] + "” (" + (width / size).toFixed(1) + " em of " + size.toFixed(1) + " px) in “" + where + "…”");
        }
      }
    }
  }
  return [String(out[0])].concat(broken);
})`

// The bibliography, a source's record, the general index and the lists of
// names A to Z break their lines between words on a phone with the text
// at twice its size: the hanging indents of 1.5rem (and a sub-entry's as
// much again) once left "Washington," "Responsibility" and
// "Noninterference" less room than their width at 320 px, and broke them
// without a hyphen, as the main column did the longest names in the lists
// A to Z. A word up to 7.5 times its size wide fits; only a wider one may
// break.
func TestReferencePagesBreakBetweenWords(t *testing.T) {
	pages := []struct{ path, sel string }{
		{"bibliography.html", "ul.bibliography"},
		{"sources/whitehouse2002nss.html", ".bib-entry"},
		{"general-index.html", ".index-list"},
		{"search.html", ".az-list"},
		{"concepts/index.html", ".az-list"},
	}
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, true)
			textAt200(tb)
			for _, p := range pages {
				tb.visit(p.path)
				tb.settle()
				got := eval[[]string](tb, fmt.Sprintf("%s(%s, 7.5)", brokenWordsJS, jsString(p.sel)))
				if got[0] == "0" {
					t.Fatalf("%s: no words in %s", p.path, p.sel)
				}
				if broken := got[1:]; len(broken) > 0 {
					t.Errorf("%s at %d px, text at 200%%: %d of the %s words of %s break inside:\n\t%s",
						p.path, w, len(broken), got[0], p.sel, strings.Join(broken[:min(8, len(broken))], "\n\t"))
				}
			}
		})
	}
}

// On a phone with the reader's text at twice its size, the search page's
// box keeps room for a word or two (it shrank to two letters, 80 px, with
// its button beside it): the button goes under it where both do not fit,
// and the choices of what to show, each on the line where it fits, come
// under "Show", not one of them beside it at the far side.
func TestSearchPageFormKeepsRoomForWords(t *testing.T) {
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, true)
			textAt200(tb)
			tb.visit("search.html?q=preemption")
			tb.waitFor(`!document.getElementById("search-filters").hidden`, "the choices of what to show")
			tb.settle()
			got := eval[map[string]float64](tb, `(() => {
  const box = document.getElementById("search-page-q"), s = getComputedStyle(box);
  const legend = document.querySelector(".search-filters legend").getBoundingClientRect();
  const first = document.querySelector(".search-filters label").getBoundingClientRect();
  return {box: box.getBoundingClientRect().width, em: parseFloat(s.fontSize), legendBottom: legend.bottom, firstTop: first.top};
})()`)
			if got["box"] < 6*got["em"] {
				t.Errorf("at %d px, text at 200%%, the search box is %.0f px wide, %.1f em: want room for a word or two, 6 em at least", w, got["box"], got["box"]/got["em"])
			}
			if got["firstTop"] < got["legendBottom"]-1 {
				t.Errorf("at %d px, text at 200%%, the first choice of what to show stands beside “Show” (its top at %.0f px, Show's bottom at %.0f), not under it", w, got["firstTop"], got["legendBottom"])
			}
		})
	}
}
