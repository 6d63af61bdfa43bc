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
	if got := tb.text("#preview .pv-count"); got != c.Count || !strings.Contains(got, "mention") && !strings.HasPrefix(got, "Cited in") {
		tb.t.Errorf("the card's count is %q, want %q", got, c.Count)
	}
	if got := tb.attr("#preview .pv-link", "href"); !strings.HasSuffix(eval[string](tb, `document.querySelector("#preview .pv-link").href`), c.Page) {
		tb.t.Errorf("the card links to %q, want its page %s", got, c.Page)
	}
}

const firstConcept = "#p1 a.mention.kind-concept"

func TestPreviewOnHoverIsHoverableDismissableAndShiftsNothing(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit(textPage)
			want := tb.cardFor(firstConcept)
			shift := tb.layoutShift()

			link := tb.hover(firstConcept)
			time.Sleep(100 * time.Millisecond)
			if tb.shown("#preview") {
				t.Error("the card appeared at once; it should wait a moment, so that passing the mouse over text does not flash cards")
			}
			tb.waitFor(`__test.shown("#preview")`, "the card to appear on hover")
			tb.checkCard(want)
			c := tb.rect("#preview")
			if c.overlaps(link) {
				t.Errorf("the card %+v covers its link %+v", c, link)
			}
			if got := tb.layoutShift(); got != shift {
				t.Errorf("showing the card shifted the layout by %.4f", got-shift)
			}

			// Hoverable: the pointer can move onto the card, and it stays.
			tb.mouseTo(c.centerX(), link.Bottom+2)
			tb.mouseTo(c.centerX(), c.centerY())
			time.Sleep(700 * time.Millisecond)
			if !tb.shown("#preview") {
				t.Fatal("the card vanished when the pointer moved onto it")
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
