package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const textPage = "text/overview.html"

// sidenote is what the page says about one note beside the text.
type sidenote struct {
	ID, Series      string
	Note, Ref, Body rect
	Float           string
}

const sidenotesJS = `[...document.querySelectorAll(".sidenote")].map(sn => {
  const ref = document.querySelector('a.noteref[aria-controls="' + sn.id + '"]');
  return {ID: sn.id, Series: sn.classList.contains("editor") ? "editor" : "author",
    Note: __test.rect(sn), Ref: __test.rect(ref), Body: __test.rect(".text .body"),
    Float: getComputedStyle(sn).float};
})`

func TestNotesStandBesideTheirLineOnWideScreens(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 1400, 900, false)
			tb.visit(textPage)
			notes := eval[int](tb, `document.querySelectorAll(".text .note-list > li").length`)
			sns := eval[[]sidenote](tb, sidenotesJS)
			if len(sns) == 0 || len(sns) != notes {
				t.Fatalf("%d sidenotes for %d notes", len(sns), notes)
			}
			besideLine := 0
			for _, sn := range sns {
				if sn.Float == "none" || sn.Note.Width == 0 {
					t.Errorf("%s is not in the margin (float %s, width %.0f)", sn.ID, sn.Float, sn.Note.Width)
					continue
				}
				// The author's notes stand in the right margin, the editor's
				// in the left: never over the text.
				if sn.Series == "editor" && sn.Note.Right > sn.Body.Left-16 {
					t.Errorf("editor's note %s (right edge %.0f) reaches into the text (left edge %.0f)", sn.ID, sn.Note.Right, sn.Body.Left)
				}
				if sn.Series == "author" && sn.Note.Left < sn.Body.Right+16 {
					t.Errorf("author's note %s (left edge %.0f) reaches into the text (right edge %.0f)", sn.ID, sn.Note.Left, sn.Body.Right)
				}
				// A note never stands above the line that calls it.
				if sn.Note.Top < sn.Ref.Top-12 {
					t.Errorf("%s starts at %.0f, above its reference at %.0f", sn.ID, sn.Note.Top, sn.Ref.Top)
				}
				if sn.Note.Top-sn.Ref.Top < 30 {
					besideLine++
				}
			}
			// The first note on each side has nothing to push it down.
			for _, series := range []string{"author", "editor"} {
				for _, sn := range sns {
					if sn.Series == series {
						if sn.Note.Top-sn.Ref.Top > 30 {
							t.Errorf("the first %s's note %s stands %.0f px below its reference", series, sn.ID, sn.Note.Top-sn.Ref.Top)
						}
						break
					}
				}
			}
			// Notes on one side never overlap one another.
			for i, a := range sns {
				for _, b := range sns[i+1:] {
					if a.Note.overlaps(b.Note) {
						t.Errorf("%s and %s overlap", a.ID, b.ID)
					}
				}
			}
			t.Logf("%d of %d notes start on the line of their reference", besideLine, len(sns))
			if besideLine < len(sns)/2 {
				t.Errorf("only %d of %d notes start on the line of their reference", besideLine, len(sns))
			}

			// Activating a reference does not leave the reader's place.
			sn := sns[0]
			ref := `a.noteref[aria-controls="` + sn.ID + `"]`
			before := tb.location()
			tb.focus(ref)
			tb.press(keyEnter)
			if tb.location() != before {
				t.Errorf("activating %s went from %s to %s", ref, before, tb.location())
			}
			if tb.attr(ref, "aria-expanded") != "" {
				t.Errorf("%s claims to expand a note that is always shown", ref)
			}
		})
	}
}

func TestNotesOpenInPlaceOnNarrowScreens(t *testing.T) {
	for _, o := range origins {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t, o, 390, 844, true)
			tb.visit(textPage)
			const ref, note = "#r-n1", "#sn-n1"
			const edRef, edNote = "#r-ed-article51", "#sn-ed-article51"
			for _, sel := range []string{note, edNote} {
				if tb.shown(sel) {
					t.Fatalf("%s is shown before its marker is activated", sel)
				}
			}
			start := tb.location()

			// By keyboard: Enter opens, Escape closes and gives focus back.
			tb.focus(ref)
			tb.press(keyEnter)
			tb.waitFor(`__test.shown("`+note+`")`, "the note to open")
			if got := tb.attr(ref, "aria-expanded"); got != "true" {
				t.Errorf("aria-expanded = %q after opening", got)
			}
			n, r, body := tb.rect(note), tb.rect(ref), tb.rect(".text .body")
			if n.Top < r.Top || n.Top > r.Bottom+60 {
				t.Errorf("the open note starts at %.0f, not under its reference (%.0f–%.0f)", n.Top, r.Top, r.Bottom)
			}
			if n.Left < body.Left-1 || n.Right > body.Right+1 {
				t.Errorf("the open note (%.0f–%.0f) leaves the column (%.0f–%.0f)", n.Left, n.Right, body.Left, body.Right)
			}
			if tb.location() != start {
				t.Errorf("opening the note moved the reader to %s", tb.location())
			}
			tb.press(keyEscape)
			tb.waitFor(`!__test.shown("`+note+`")`, "Escape to close the note")
			if id := eval[string](tb, `document.activeElement.id`); "#"+id != ref {
				t.Errorf("after Escape, focus is on %q, not the reference", id)
			}
			if got := tb.attr(ref, "aria-expanded"); got != "false" {
				t.Errorf("aria-expanded = %q after closing", got)
			}

			// By touch: a tap opens, a second tap closes; Escape closes too.
			tb.tap(edRef)
			tb.waitFor(`__test.shown("`+edNote+`")`, "a tap to open the editor's note")
			if !strings.Contains(tb.text(edNote), "Ed.") {
				t.Errorf("the editor's note does not say it is the editor's: %q", tb.text(edNote))
			}
			tb.tap(edRef)
			tb.waitFor(`!__test.shown("`+edNote+`")`, "a second tap to close the note")
			tb.tap(ref)
			tb.waitFor(`__test.shown("`+note+`")`, "a tap to open the note")
			tb.press(keyEscape)
			tb.waitFor(`!__test.shown("`+note+`")`, "Escape to close the tapped note")
			if tb.location() != start {
				t.Errorf("tapping notes moved the reader to %s", tb.location())
			}
		})
	}
}

// Without JavaScript the notes are endnotes, and the back-links work.
func TestNotesWithoutJavaScriptAreEndnotes(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.disableScripts()
	tb.visit(textPage)
	if n := eval[int](tb, `document.querySelectorAll(".sidenote").length`); n != 0 {
		t.Fatalf("%d sidenotes without JavaScript", n)
	}
	if tb.shown(".reader-tools") {
		t.Error("the reading options are shown, but cannot work without JavaScript")
	}
	tb.do(clickSel("#r-n1"))
	tb.waitFor(`location.hash === "#n1"`, "the reference to lead to its endnote")
	if r := tb.rect("#n1"); r.Top < 0 || r.Top > 900 {
		t.Errorf("the endnote is not in view (top %.0f)", r.Top)
	}
	tb.do(clickSel("#n1 .backlink"))
	tb.waitFor(`location.hash === "#r-n1"`, "the back-link to lead to the reference")
	if r := tb.rect("#r-n1"); r.Top < 0 || r.Top > 900 {
		t.Errorf("the reference is not in view after the back-link (top %.0f)", r.Top)
	}
}

// A heading that calls a note is named by its own words, as a reader
// hears it in a list of headings: not followed by the reference's label
// and the label of the note standing beside it.
func TestHeadingsThatCallNotesAreNamedByTheirWords(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage)
	heads := eval[[]string](tb, `[...document.querySelectorAll("article.text :is(h1, h2, h3, h4, h5, h6)")]
		.filter(h => h.querySelector(".noteref")).map(h => "#" + h.id)`)
	if len(heads) == 0 {
		t.Fatal("no heading of the text calls a note: the edition's title does")
	}
	for _, sel := range heads {
		want := eval[string](tb, `(() => { const c = document.querySelector(`+jsString(sel)+`).cloneNode(true);
			c.querySelectorAll(".noteref, .sidenote").forEach(e => e.remove());
			return c.textContent.replace(/\s+/g, " ").trim(); })()`)
		if got := tb.accessibleName(sel); got != want || want == "" {
			t.Errorf("heading %s is named %q, want %q", sel, got, want)
		}
	}
}

// Escape in the search box is the search box's: it closes the suggestions
// (and, pressed again, empties the field), and leaves an open note open and
// the focus where the reader is typing. It once also closed the last note
// opened and sent the focus back to that note's reference, away from the
// field.
func TestEscapeInTheSearchBoxLeavesAnOpenNoteAlone(t *testing.T) {
	tb := newTab(t, overHTTP, 390, 844, false)
	tb.visit(textPage)
	const ref, note = "#r-n1", "#sn-n1"
	tb.focus(ref)
	tb.press(keyEnter)
	tb.waitFor(`__test.shown("`+note+`")`, "the note to open")

	tb.focus("#site-search-q")
	tb.key("kosovo")
	tb.waitFor(`!document.getElementById("site-search-list").hidden`, "the suggestions")
	for i, what := range []string{"closing the suggestions", "emptying the field"} {
		tb.press(keyEscape)
		if i == 0 && !eval[bool](tb, `document.getElementById("site-search-list").hidden`) {
			t.Errorf("Escape did not close the suggestions")
		}
		if !tb.shown(note) {
			t.Errorf("Escape %s closed the open note too", what)
		}
		if id := eval[string](tb, `document.activeElement.id`); id != "site-search-q" {
			t.Errorf("after Escape %s, the focus is on %q, not the search box", what, id)
		}
	}
	if v := eval[string](tb, `document.getElementById("site-search-q").value`); v != "" {
		t.Errorf("a second Escape left %q in the search box", v)
	}
	// Outside the field, Escape still closes the note.
	tb.focus(ref)
	tb.press(keyEscape)
	tb.waitFor(`!__test.shown("`+note+`")`, "Escape on the reference to close the note")
}

// tabStopJS names the part of the chapter's page the focus is in.
const tabStopJS = `(e => !e || e === document.body ? "none"
  : e.closest(".skip") ? "skip link"
  : e.closest(".site-header") ? "header"
  : e.closest(".sidenote") ? "note " + e.closest(".sidenote").id
  : e.closest(".chapter-header") ? "title"
  : e.closest(".toc") ? "contents"
  : e.closest(".body") ? "text"
  : "elsewhere: " + e.outerHTML.slice(0, 80))(document.activeElement)`

// On a wide screen the keyboard goes through the chapter's page in
// reading order: the skip link, the header, the title (and its note's
// marker), the contents, the title's note in the margin, then the text.
// The note once stood inside the title in the page, so its links came
// before the contents, though it is drawn in the margin beside them.
func TestTabOrderReachesTheContentsBeforeTheTitlesNote(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	tb.visit(textPage)
	const titleNote = "sn-n-star"
	tb.waitFor(`document.getElementById("`+titleNote+`")`, "the title's note in the margin")
	if n := eval[int](tb, `document.querySelectorAll("#`+titleNote+` a").length`); n == 0 {
		t.Fatal("the title's note has no links: the test needs them")
	}
	var parts []string
	for i := 0; i < 200; i++ {
		tb.press(keyTab)
		p := eval[string](tb, tabStopJS)
		if len(parts) == 0 || parts[len(parts)-1] != p {
			parts = append(parts, p)
		}
		if p == "text" {
			break
		}
	}
	want := []string{"skip link", "header", "title", "contents", "note " + titleNote, "text"}
	if strings.Join(parts, " → ") != strings.Join(want, " → ") {
		t.Errorf("Tab goes through\n\t%s\nwant\n\t%s", strings.Join(parts, " → "), strings.Join(want, " → "))
	}
	// The note still stands in the margin beside its marker.
	n, r := tb.rect("#"+titleNote), tb.rect("#r-n-star")
	if eval[string](tb, `getComputedStyle(document.getElementById("`+titleNote+`")).float`) == "none" || n.Top < r.Top-12 || n.Top > r.Top+30 {
		t.Errorf("the title's note (top %.0f) is not in the margin beside its marker (top %.0f)", n.Top, r.Top)
	}
	if body := tb.rect("article.text .body"); n.Left < body.Right+16 {
		t.Errorf("the title's note (left edge %.0f) reaches into the text (right edge %.0f)", n.Left, body.Right)
	}

	// In the bare text it opens in place, under the title; with the
	// annotations back, it is in the margin after the contents again.
	tb.do(clickSel("#tool-annotations"))
	tb.waitFor(`document.querySelector("#r-n-star").nextElementSibling === document.getElementById("`+titleNote+`")`, "the note to go under the title in the bare text")
	tb.do(clickSel("#tool-annotations"))
	tb.waitFor(`document.querySelector("article.text > .toc").nextElementSibling === document.getElementById("`+titleNote+`")`, "the note to go back after the contents")

	// On a narrow screen it opens in place, under the title again.
	tb.do(chromedp.EmulateViewport(390, 844))
	tb.waitFor(`document.querySelector("#r-n-star").nextElementSibling === document.getElementById("`+titleNote+`")`, "the note to go back under the title")
	tb.focus("#r-n-star")
	tb.press(keyEnter)
	tb.waitFor(`__test.shown("#`+titleNote+`")`, "the title's note to open")
	n, r = tb.rect("#"+titleNote), tb.rect("#r-n-star")
	if n.Top < r.Top || n.Top > r.Bottom+60 {
		t.Errorf("the open note starts at %.0f, not under its marker (%.0f–%.0f)", n.Top, r.Top, r.Bottom)
	}
}
