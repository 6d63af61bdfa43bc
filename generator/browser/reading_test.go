package browser

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// highlighted reports whether an element has a background of its own.
func (tb *tab) highlighted(sel string) bool {
	tb.t.Helper()
	bg := eval[string](tb, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).backgroundColor`)
	return bg != "" && bg != "rgba(0, 0, 0, 0)" && bg != "transparent"
}

// inView reports whether an element's top is in the viewport.
func (tb *tab) inView(sel string) bool {
	tb.t.Helper()
	r := tb.rect(sel)
	return r.Top >= 0 && r.Top < eval[float64](tb, `innerHeight`)
}

// From a mention to its entry, and from the entry's strip and list back to
// the paragraph, highlighted.
func TestFromMentionToEntryAndBack(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit(textPage)
			want := tb.cardFor(firstConcept)
			id := tb.attr(firstConcept, "id")
			tb.do(clickSel(firstConcept))
			tb.waitFor(`location.pathname.endsWith("/`+want.Page+`") && document.readyState === "complete"`, "the mention to lead to its entry")
			if got := tb.text("h1"); got != want.Name {
				t.Fatalf("landed on %q, want %q", got, want.Name)
			}

			// The strip: one mark per mention, each a link.
			marks := eval[int](tb, `document.querySelectorAll("svg.strip a").length`)
			items := eval[int](tb, `document.querySelectorAll(".occurrences .kwic li").length`)
			count := tb.text(".entry-page .count")
			if marks == 0 || marks != items || !strings.HasPrefix(count, fmt.Sprint(marks)+" ") {
				t.Errorf("the strip has %d marks, the list %d mentions, the header says %q", marks, items, count)
			}
			mark := `svg.strip a[href$="#` + id + `"]`
			if eval[int](tb, `document.querySelectorAll(`+jsString(mark)+`).length`) != 1 {
				t.Fatalf("no mark on the strip for the mention %s", id)
			}
			if tb.attr(mark, "aria-label") == "" {
				t.Errorf("the mark for %s has no accessible name", id)
			}

			back := func(how, sel string) {
				tb.do(clickSel(sel))
				tb.waitFor(`location.hash === "#`+id+`" && document.readyState === "complete"`, how+" to lead back to the mention")
				if !tb.highlighted("#p1") {
					t.Errorf("%s: the paragraph is not highlighted on arrival", how)
				}
				if tb.highlighted("#p2") {
					t.Errorf("%s: the next paragraph is highlighted too", how)
				}
				if !tb.inView("#" + id) {
					t.Errorf("%s: the mention is not in view on arrival", how)
				}
			}
			back("the strip's mark", mark)
			tb.visit(want.Page)
			back("the list's link", `.kwic a[href$="#`+id+`"]`)
		})
	}
}

// A paragraph's permalink highlights it; its Cite button copies a
// citation of the edition with the paragraph's address.
func TestPermalinkAndCiteThisPassage(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage + "#p12")
	if !tb.highlighted("#p12") || !tb.inView("#p12") {
		t.Errorf("arriving at #p12 does not show the paragraph highlighted")
	}
	tb.visit(textPage)
	pnum := "#p12 > .pnum"
	if got := tb.attr(pnum, "href"); got != "#p12" {
		t.Fatalf("the paragraph's permalink is %q", got)
	}
	if op := eval[string](tb, `getComputedStyle(document.querySelector("#p12 > .cite-btn")).opacity`); op != "0" {
		t.Errorf("the Cite button shows (opacity %s) before the paragraph is hovered or focused", op)
	}
	tb.hover("#p12")
	tb.waitFor(`getComputedStyle(document.querySelector("#p12 > .cite-btn")).opacity === "1"`, "the Cite button to show on hover")
	tb.mouseTo(5, 5)

	// Reach it by keyboard: the permalink, then the button.
	tb.focus(pnum)
	tb.press(keyTab)
	if !eval[bool](tb, `document.activeElement.matches("#p12 > .cite-btn")`) {
		t.Fatalf("Tab from the permalink reaches %s, not the Cite button", eval[string](tb, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	if !tb.shown("#p12 > .cite-btn") || eval[string](tb, `getComputedStyle(document.activeElement).opacity`) != "1" {
		t.Error("the focused Cite button is not visible")
	}
	grantClipboard(tb)
	tb.press(keyEnter)
	tb.waitFor(`document.querySelector("#toast").textContent.includes("¶ 12")`, "the citation to be copied")
	got := eval[string](tb, `navigator.clipboard.readText()`)
	t.Logf("citation: %s", got)
	for _, part := range []string{"Daalder", "“Beyond Preemption: An Overview”", "(Brookings Institution Press, 2007)", "¶ 12", "ed. ", env.base + textPage + "#p12"} {
		if !strings.Contains(got, part) {
			t.Errorf("the citation %q lacks %q", got, part)
		}
	}
}

func TestAnnotationsSwitchHidesTheLayerAndRemembers(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit(textPage)
			t.Cleanup(tb.clearStorage)
			const sw = "#tool-annotations"
			annotated := func(want bool) {
				t.Helper()
				state := map[bool]string{true: "annotated", false: "bare"}[want]
				if got := tb.attr(sw, "aria-pressed"); got != fmt.Sprint(want) {
					t.Errorf("%s: the switch says aria-pressed=%s", state, got)
				}
				deco := eval[string](tb, `getComputedStyle(document.querySelector("`+firstConcept+`")).textDecorationLine`)
				if (deco != "none") != want {
					t.Errorf("%s: a mention's underline is %q", state, deco)
				}
				color := eval[bool](tb, `getComputedStyle(document.querySelector("`+firstConcept+`")).color === getComputedStyle(document.querySelector("#p1")).color`)
				if !color {
					t.Errorf("%s: a mention is not the colour of the text", state)
				}
				for sel, what := range map[string]string{"#r-ed-article51": "an editor's note reference", ".text .body .citation": "a citation",
					"#sn-n-star": "the author's first note", "#sn-ed-article51": "the editor's first note"} {
					if tb.shown(sel) != want {
						t.Errorf("%s: %s is shown=%v", state, what, !want)
					}
				}
				if !tb.shown("#r-n1") {
					t.Errorf("%s: the author's note markers must stay", state)
				}
				focusable := eval[bool](tb, `document.querySelector("`+firstConcept+`").tabIndex >= 0`)
				if focusable != want {
					t.Errorf("%s: mentions are focusable=%v", state, focusable)
				}
			}
			annotated(true)
			tb.do(clickSel(sw))
			annotated(false)
			tb.visit(textPage)
			annotated(false)
			// The bare text still has its notes: a marker opens one in place.
			tb.do(clickSel("#r-n1"))
			tb.waitFor(`__test.shown("#sn-n1")`, "the note to open in the bare text")
			tb.do(clickSel(sw))
			annotated(true)
			tb.visit(textPage)
			annotated(true)
		})
	}
}

func TestThemeSwitchCyclesAndRemembers(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit("index.html")
			t.Cleanup(tb.clearStorage)
			bg := func() string { return eval[string](tb, `getComputedStyle(document.body).backgroundColor`) }
			theme := func() string {
				return eval[string](tb, `document.documentElement.getAttribute("data-theme") || "auto"`)
			}
			system := bg()
			var seen []string
			for _, want := range []string{"light", "dark", "auto"} {
				tb.do(clickSel("#tool-theme"))
				if got := theme(); got != want {
					t.Fatalf("after a click the theme is %s, want %s", got, want)
				}
				if !strings.Contains(strings.ToLower(tb.text("#tool-theme")), want) {
					t.Errorf("the switch reads %q in the %s theme", tb.text("#tool-theme"), want)
				}
				tb.visit("concepts/index.html")
				if got := theme(); got != want {
					t.Errorf("after a reload the theme is %s, want %s", got, want)
				}
				seen = append(seen, bg())
			}
			if seen[0] == seen[1] {
				t.Errorf("light and dark have the same background %s", seen[0])
			}
			if seen[2] != system {
				t.Errorf("back on auto, the background is %s, not the system's %s", seen[2], system)
			}
		})
	}
}

// The A–Z pages have a letter bar: each letter with entries leads to them.
func TestLetterBar(t *testing.T) {
	tb := newTab(t, overHTTP, 390, 844, true)
	tb.visit("actors/index.html")
	letters := eval[[]string](tb, `[...document.querySelectorAll(".letter-bar a")].map(a => a.getAttribute("href"))`)
	empty := eval[int](tb, `document.querySelectorAll(".letter-bar span").length`)
	if len(letters)+empty != 26 || len(letters) < 10 {
		t.Fatalf("the letter bar links %d letters and shows %d empty ones", len(letters), empty)
	}
	for _, h := range letters {
		if eval[int](tb, `document.querySelectorAll(`+jsString(h+" + ul li a")+`).length`) == 0 {
			t.Errorf("letter %s leads to no entries", h)
		}
	}
	last := letters[len(letters)-1]
	tb.tap(`.letter-bar a[href="` + last + `"]`)
	tb.waitFor(`location.hash === `+jsString(last), "the letter to lead to its entries")
	if !tb.inView(last) {
		t.Errorf("the entries under %s are not in view", last)
	}
}

// Each locator of the general index says to a screen reader, in words,
// what it is, and still holds what it shows (for a voice control): "32" is
// "paragraph 32", "n 10" "note n 10", "ed. n w" "editor’s note ed. n w".
// Bare, a reader going from link to link heard "32" or "ed. n w", with the
// page's note on the abbreviations far above. The words are hidden from
// sight: the locators look as they did.
func TestGeneralIndexLocatorsAreNamedInWords(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit("general-index.html")
	shown := eval[[]string](tb, `[...document.querySelectorAll("a.loc")].map(a =>
		[...a.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join(""))`)
	forms := map[string]string{
		`^[0-9]+$`:          "paragraph ",
		`^n \S+$`:           "note ",
		`^ed\. n \S+$`:      "editor’s note ",
		`^Unnumbered note$`: "",
	}
	for re, words := range forms {
		i := slices.IndexFunc(shown, regexp.MustCompile(re).MatchString)
		if i < 0 {
			t.Errorf("no locator of the form %s in the general index", re)
			continue
		}
		// An id to find it by (the name does not depend on it).
		eval[bool](tb, fmt.Sprintf(`(document.querySelectorAll("a.loc")[%d].id = "test-loc", true)`, i))
		got := tb.accessibleName("#test-loc")
		if want := words + shown[i]; got != want {
			t.Errorf("the locator %q is named %q, want %q", shown[i], got, want)
		}
		// The hidden words take no room: the link is as wide as what it shows.
		if w := eval[float64](tb, `(() => { const a = document.getElementById("test-loc"), r = document.createRange();
			r.selectNodeContents(a); let w = 0;
			for (const n of a.childNodes) if (n.nodeType === 3) { r.selectNodeContents(n); w += r.getBoundingClientRect().width; }
			return a.getBoundingClientRect().width - w; })()`); w > 1 {
			t.Errorf("the locator %q is %.1f px wider than its text", shown[i], w)
		}
		eval[bool](tb, `(document.getElementById("test-loc").removeAttribute("id"), true)`)
	}
}

// The "Cite and reuse" page shows a Copy button by each citation of the
// edition, as a source's page and the chapter's "How to cite" do, and
// copies the citation.
func TestReusePageCopiesItsCitations(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit("reuse.html")
	n := eval[int](tb, `document.querySelectorAll("button.copy[data-copy]").length`)
	if n == 0 {
		t.Fatal("the page has no Copy buttons")
	}
	tb.waitFor(`[...document.querySelectorAll("button.copy[data-copy]")].every(b => !b.hidden)`, "the Copy buttons to show")
	grantClipboard(tb)
	tb.do(clickSel(`button.copy[data-copy="cite-edition-chicago"]`))
	tb.waitFor(`document.querySelector('button.copy[data-copy="cite-edition-chicago"]').textContent === "Copied"`, "the citation to be copied")
	if got := eval[string](tb, `navigator.clipboard.readText()`); !strings.Contains(got, "Beyond Preemption") {
		t.Errorf("copied %q, not the edition's citation", got)
	}
}
