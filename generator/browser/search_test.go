package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// On a chapter, "/" focuses the search box, typing an alias offers the entry
// first in a listbox, and the arrow keys and Enter go to it; over HTTP and
// from disk.
func TestSearchBoxByKeyboard(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit("text/overview.html")
			// A "/" typed where no field has the focus. (Sent as keydown
			// only: through the DevTools protocol the character would reach
			// the field anyway, where a real keyboard's is cancelled.)
			focused := eval[string](tb, `document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true, cancelable: true})), document.activeElement.id`)
			if focused != "site-search-q" {
				t.Fatalf("/ focused %q, not the search box", focused)
			}
			tb.key("R2P")
			tb.waitFor(`document.getElementById("site-search-opt-0")`, "the first suggestion")
			expanded := eval[string](tb, `document.getElementById("site-search-q").getAttribute("aria-expanded")`)
			first := eval[string](tb, `document.getElementById("site-search-opt-0").textContent`)
			if expanded != "true" || !strings.Contains(first, "Responsibility to protect") {
				t.Fatalf("typing R2P: aria-expanded %q, first option %q", expanded, first)
			}
			tb.key(kb.ArrowDown)
			active := eval[string](tb, `document.getElementById("site-search-q").getAttribute("aria-activedescendant")`)
			selected := eval[string](tb, `document.getElementById("site-search-opt-0").getAttribute("aria-selected")`)
			if active != "site-search-opt-0" || selected != "true" {
				t.Errorf("ArrowDown: aria-activedescendant %q, aria-selected %q", active, selected)
			}
			tb.key(keyEnter)
			tb.waitFor(`location.pathname.endsWith("concepts/responsibility-to-protect.html") && document.readyState === "complete"`, "Enter to open the concept")
		})
	}
}

// search.html?q=Annan lists the actor first and then the passages, each with
// the words marked; the filters narrow the list to a kind.
func TestSearchPage(t *testing.T) {
	tb := newTab(t, fromDisk, 1400, 900, false)
	tb.visit("search.html?q=Annan")
	tb.waitFor(`document.querySelector(".search-result")`, "results")
	n := eval[int](tb, `document.querySelectorAll(".search-result").length`)
	firstTitle := eval[string](tb, `document.querySelector(".search-result .result-head a").textContent`)
	firstHref := eval[string](tb, `document.querySelector(".search-result .result-head a").getAttribute("href")`)
	marks := eval[string](tb, `Array.from(document.querySelectorAll(".search-result.text mark")).map(m => m.textContent).join("|")`)
	if firstTitle != "Kofi Annan" || firstHref != "actors/kofi-annan.html" {
		t.Errorf("first result %q → %q", firstTitle, firstHref)
	}
	if n < 10 || !strings.Contains(marks, "Annan") {
		t.Errorf("%d results, marked %q", n, marks)
	}
	eval[bool](tb, `(document.querySelectorAll("#search-filters input").forEach(b => { if (b.value !== "notes") b.click(); }), true)`)
	tb.waitFor(`[...document.querySelectorAll(".search-result")].every(r => r.classList.contains("notes")) && document.querySelector(".search-result")`, "only notes after filtering")
}
