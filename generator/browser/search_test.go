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
	marks := eval[string](tb, `Array.from(document.querySelectorAll(".search-result.kind-text mark")).map(m => m.textContent).join("|")`)
	if firstTitle != "Kofi Annan" || firstHref != "actors/kofi-annan.html" {
		t.Errorf("first result %q → %q", firstTitle, firstHref)
	}
	if n < 10 || !strings.Contains(marks, "Annan") {
		t.Errorf("%d results, marked %q", n, marks)
	}
	eval[bool](tb, `(document.querySelectorAll("#search-filters input").forEach(b => { if (b.value !== "notes") b.click(); }), true)`)
	tb.waitFor(`[...document.querySelectorAll(".search-result")].every(r => r.classList.contains("kind-notes")) && document.querySelector(".search-result")`, "only notes after filtering")
}

// Every suggestion and every result is laid out alike whatever its kind:
// a kind's class (now "kind-notes", once "notes") must not pick up the
// styles of the page's parts of the same name (the chapter's notes
// section's margin and rule), which opened a blank band above each note in
// the list.
func TestSearchResultsOfEveryKindAlike(t *testing.T) {
	const gapsJS = `(sel => {
  const items = [...document.querySelectorAll(sel)];
  const out = [];
  items.forEach((li, i) => {
    const cs = getComputedStyle(li);
    if (cs.borderTopWidth !== "0px") out.push(li.className + ": a rule above it");
    if (i > 0) {
      const gap = li.getBoundingClientRect().top - items[i - 1].getBoundingClientRect().bottom;
      const want = parseFloat(getComputedStyle(items[i - 1]).marginBottom);
      if (Math.abs(gap - want) > 1) out.push(li.className + ": " + gap.toFixed(0) + " px below the one before, not " + want);
    }
  });
  return items.length ? out : ["no " + sel];
})`
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit("concepts/preemption.html")
	tb.focus("#site-search-q")
	tb.key("secur")
	tb.waitFor(`document.querySelector("#site-search-list .search-option.kind-notes")`, "a note among the suggestions")
	if bad := eval[[]string](tb, gapsJS+`("#site-search-list .search-option")`); len(bad) > 0 {
		t.Errorf("suggestions: %s", strings.Join(bad, "; "))
	}
	tb.visit("search.html?q=secur")
	tb.waitFor(`document.querySelector(".search-result.kind-notes")`, "a note among the results")
	if bad := eval[[]string](tb, gapsJS+`(".search-result")`); len(bad) > 0 {
		t.Errorf("results: %s", strings.Join(bad, "; "))
	}
}

// The suggestions end with a link to every result on the search page,
// which counts them in the right number: "All 4 results", "1 result",
// never "All 1 results".
func TestSearchBoxCountsResultsInTheirNumber(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit("concepts/preemption.html")
	for q, want := range map[string]string{"kfor": "1 result for “kfor”", "caroline": "All 3 results for “caroline”"} {
		tb.focus("#site-search-q")
		eval[bool](tb, `(document.getElementById("site-search-q").value = "", true)`)
		tb.key(q)
		tb.waitFor(`(document.getElementById("site-search-opt-all") || {}).textContent === `+jsString(want), "“"+want+"”")
	}
}
