package browser

import (
	"strings"
	"testing"
	"time"
)

// card is a preview card's data as the edition's previews.js holds it.
type card struct {
	Name, Kind, Text, Count, Page string
}

func (tb *tab) cardFor(sel string) card {
	tb.t.Helper()
	c := eval[[]any](tb, `window.editionPreviews[document.querySelector(`+jsString(sel)+`).dataset.ref]`)
	if len(c) != 5 {
		tb.t.Fatalf("no preview data for %s: %v", sel, c)
	}
	s := func(v any) string { str, _ := v.(string); return str }
	return card{s(c[0]), s(c[1]), s(c[2]), s(c[3]), s(c[4])}
}

// checkCard fails unless the preview card shows c.
func (tb *tab) checkCard(c card) {
	tb.t.Helper()
	if got := tb.text("#preview .pv-name"); got != c.Name {
		tb.t.Errorf("the card names %q, want %q", got, c.Name)
	}
	if got := tb.text("#preview .pv-kind"); got != c.Kind {
		tb.t.Errorf("the card's kind is %q, want %q", got, c.Kind)
	}
	if got := tb.text("#preview .pv-text"); got != c.Text || got == "" {
		tb.t.Errorf("the card's text is %q, want %q", got, c.Text)
	}
	if got := tb.text("#preview .pv-count"); got != c.Count || !strings.Contains(got, "mention") && !strings.HasPrefix(got, "Cited ") {
		tb.t.Errorf("the card's count is %q, want %q", got, c.Count)
	}
	if got := tb.attr("#preview .pv-link", "href"); !strings.HasSuffix(eval[string](tb, `document.querySelector("#preview .pv-link").href`), c.Page) {
		tb.t.Errorf("the card links to %q, want its page %s", got, c.Page)
	}
}

const firstConcept = "#p1 a.mention.kind-concept"

// hoverTimesJS records, in the page, when the pointer comes onto the
// link sel and leaves it, when it last moved, and when the preview card
// shows: the tests judge the card's delays by the page's clock, which a
// loaded machine does not skew as it skews the test's.
const hoverTimesJS = `(sel => {
  const h = window.__hover = {};
  const link = document.querySelector(sel), now = () => performance.now();
  link.addEventListener("pointerover", () => { h.over = now(); h.shown = h.left = undefined; }, true);
  link.addEventListener("pointerout", e => { if (!link.contains(e.relatedTarget)) h.left = now(); }, true);
  document.addEventListener("pointermove", () => { h.moved = now(); }, true);
  new MutationObserver(() => {
    const c = document.getElementById("preview");
    if (c && !c.hidden && h.shown === undefined) h.shown = now();
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"]});
  return true;
})`

// hoverTimes is what hoverTimesJS recorded, in milliseconds of the page's
// clock; a time not (yet) recorded is negative.
type hoverTimes struct{ Over, Shown, Left, Moved float64 }

func (tb *tab) hoverTimes() hoverTimes {
	tb.t.Helper()
	return eval[hoverTimes](tb, `(h => ({Over: h.over ?? -1, Shown: h.shown ?? -1, Left: h.left ?? -1, Moved: h.moved ?? -1}))(window.__hover)`)
}

// The card waits a moment before it shows (350 ms in edition.js), so that
// passing the mouse over the text does not flash cards; it stays while
// the pointer crosses to it (within 300 ms), goes on Escape and when the
// pointer leaves; and it moves nothing.
func TestPreviewOnHoverIsHoverableDismissableAndShiftsNothing(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit(textPage)
			want := tb.cardFor(firstConcept)
			eval[bool](tb, hoverTimesJS+"("+jsString(firstConcept)+")")
			tb.settle()
			shift := tb.layoutShift()

			link := tb.hover(firstConcept)
			tb.waitFor(`__test.shown("#preview")`, "the card to appear on hover")
			if h := tb.hoverTimes(); h.Over < 0 || h.Shown-h.Over < 300 {
				t.Errorf("the card appeared %.0f ms after the pointer came onto the link; it should wait a moment, so that passing the mouse over text does not flash cards", h.Shown-h.Over)
			}
			tb.checkCard(want)
			c := tb.rect("#preview")
			if c.overlaps(link) {
				t.Errorf("the card %+v covers its link %+v", c, link)
			}
			tb.settle()
			if got := tb.layoutShift(); got != shift {
				t.Errorf("showing the card shifted the layout by %.4f: %s", got-shift, tb.layoutShifts())
			}

			// Hoverable: the pointer can move onto the card, across the gap
			// between them, and it stays. A crossing the loaded machine made
			// slower than the card's delay proves nothing: cross again.
			crossed := false
			for try := 0; try < 5 && !crossed; try++ {
				if try > 0 {
					tb.mouseTo(5, 5)
					tb.waitFor(`!__test.shown("#preview")`, "the card to go before crossing again")
					link = tb.hover(firstConcept)
					tb.waitFor(`__test.shown("#preview")`, "the card to appear again on hover")
					c = tb.rect("#preview")
				}
				tb.mouseTo(c.centerX(), link.Bottom+2)
				tb.mouseTo(c.centerX(), c.centerY())
				h := tb.hoverTimes() // Moved: when the pointer came to the card
				if h.Left < 0 {
					t.Fatalf("the pointer did not leave the link (%+v)", h)
				}
				crossed = h.Moved-h.Left < 200
				if !crossed {
					t.Logf("the pointer took %.0f ms to cross to the card; again", h.Moved-h.Left)
					continue
				}
				time.Sleep(700 * time.Millisecond)
				if !tb.shown("#preview") {
					t.Fatalf("the card vanished when the pointer moved onto it (in %.0f ms)", h.Moved-h.Left)
				}
			}
			if !crossed {
				t.Fatal("the pointer never crossed to the card within 200 ms")
			}
			// Dismissable: Escape hides it without moving the pointer.
			tb.press(keyEscape)
			tb.waitFor(`!__test.shown("#preview")`, "Escape to dismiss the card")

			// It goes when the pointer leaves.
			tb.hover(firstConcept)
			tb.waitFor(`__test.shown("#preview")`, "the card to appear again")
			tb.mouseTo(5, 5)
			tb.waitFor(`!__test.shown("#preview")`, "the card to go when the pointer leaves")
		})
	}
}

func TestPreviewOnFocus(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage)
	const actor = "#p2 a.mention.kind-actor"
	want := tb.cardFor(actor)
	tb.focus(actor)
	tb.waitFor(`__test.shown("#preview")`, "the card to appear on focus")
	tb.checkCard(want)
	if got := tb.attr(actor, "aria-describedby"); got != "preview-text" {
		t.Errorf("the focused link is not described by its card (aria-describedby %q)", got)
	}
	tb.press(keyEscape)
	tb.waitFor(`!__test.shown("#preview")`, "Escape to dismiss the card")
	if !eval[bool](tb, `document.activeElement === document.querySelector(`+jsString(actor)+`)`) {
		t.Errorf("Escape moved the focus away from the link")
	}
	// Moving on hides it and shows the next link's.
	tb.focus(firstConcept)
	tb.waitFor(`__test.shown("#preview")`, "the card to appear on the next link")
	tb.checkCard(tb.cardFor(firstConcept))
	eval[bool](tb, `(document.activeElement.blur(), true)`)
	tb.waitFor(`!__test.shown("#preview")`, "the card to go when focus leaves")

	// A citation in a note beside the text previews its source.
	const cite = "#sn-n1 a.cite"
	want = tb.cardFor(cite)
	tb.focus(cite)
	tb.waitFor(`__test.shown("#preview") && document.querySelector("#preview .pv-name").textContent === `+jsString(want.Name), "the source's card")
	tb.checkCard(want)
	if !strings.HasPrefix(want.Kind, "Source") {
		t.Errorf("the citation's card is of kind %q", want.Kind)
	}
}

func TestPreviewOnTouchShowsFirstAndFollowsSecond(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 390, 844, true)
			tb.visit(textPage)
			want := tb.cardFor(firstConcept)
			start := tb.location()
			tb.tap(firstConcept)
			tb.waitFor(`__test.shown("#preview")`, "a tap to show the card")
			tb.checkCard(want)
			if tb.location() != start {
				t.Fatalf("the first tap left the page for %s", tb.location())
			}
			c := tb.rect("#preview")
			if c.Left < 0 || c.Right > 390 {
				t.Errorf("the card (%.0f–%.0f) does not fit the screen", c.Left, c.Right)
			}
			tb.tap(firstConcept)
			tb.waitFor(`location.pathname.endsWith("/`+want.Page+`")`, "the second tap to follow the link")
			tb.waitFor(`document.readyState === "complete"`, "the entry page to load")
			if got := tb.text("h1"); got != want.Name {
				t.Errorf("landed on %q, want the page on %q", got, want.Name)
			}
		})
	}
}
