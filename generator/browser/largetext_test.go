package browser

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// stripLabelsJS reads the labels of the strip of where an entry occurs:
// the root's size and the smallest size of a label shown, how many are
// shown, and the faults: a label shown over the bands or above the strip,
// a part of one over another's, a label cut off (at its band's edge
// without an ellipsis, or at the top or bottom of its row). What a label
// shows is its text as far as its box lets it be seen.
const stripLabelsJS = `(() => {
  const strip = document.querySelector("svg.strip");
  if (!strip) return null;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const s = strip.getBoundingClientRect();
  const bandTop = Math.min(...[...strip.querySelectorAll(".band")].map(b => b.getBoundingClientRect().top));
  const out = {Rem: rem, Size: 1e6, Shown: 0, Faults: []}, seen = [];
  for (const label of strip.querySelectorAll(".sec-label")) {
    for (const el of label.children) {
      if (!el.getClientRects().length || !el.textContent.trim()) continue;
      const box = el.getBoundingClientRect(), st = getComputedStyle(el);
      const r = document.createRange();
      r.selectNodeContents(el);
      for (const t of [r.getBoundingClientRect()].filter(b => b.width > 0)) {
        const v = {left: Math.max(t.left, box.left, s.left), right: Math.min(t.right, box.right, s.right),
          top: Math.max(t.top, box.top), bottom: Math.min(t.bottom, box.bottom)};
        if (v.right - v.left < 0.5 || v.bottom - v.top < 0.5) continue; // out of its box's view
        const name = "“" + el.textContent + "” (" + [t.left, t.right, t.top, t.bottom].map(Math.round).join(", ") + ")";
        out.Shown++;
        out.Size = Math.min(out.Size, parseFloat(st.fontSize));
        if (v.bottom > bandTop + 0.5) out.Faults.push(name + " runs over the bands, whose top is at " + Math.round(bandTop));
        if (v.top < s.top - 0.5) out.Faults.push(name + " stands above the strip, at " + Math.round(s.top));
        if ((t.right > v.right + 0.5 || t.left < v.left - 0.5) && st.textOverflow !== "ellipsis")
          out.Faults.push(name + " is cut at its band's edge (" + Math.round(v.left) + "–" + Math.round(v.right) + ") with no ellipsis");
        if (t.top < v.top - 0.5 || t.bottom > v.bottom + 0.5)
          out.Faults.push(name + " is cut at the top or bottom of its row (" + Math.round(v.top) + "–" + Math.round(v.bottom) + ")");
        for (const o of seen) if (o.left < v.right - 0.5 && v.left < o.right - 0.5 && o.top < v.bottom - 0.5 && v.top < o.bottom - 0.5)
          out.Faults.push(name + " runs into “" + o.name + "”");
        seen.push({...v, name: el.textContent});
      }
    }
  }
  return out;
})()`

type stripLabels struct {
	Rem, Size float64
	Shown     int
	Faults    []string
}

// The labels of an entry's or a source's strip (each section's name, or
// its number on a narrow screen) are at the reader's size of text: they
// were 11 px whatever the reader chose, a quarter of a page's words set at
// 200%. They stay in the row above the bands, each within its band's
// edges, none over another, at the usual size and at twice it, on a phone
// and on a wide screen: a number that does not fit its band whole is not
// shown, and a name too long for its band ends in an ellipsis.
func TestStripLabelsFollowTheReadersText(t *testing.T) {
	for _, w := range []int64{320, 390, 1400} {
		for _, big := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d-text%d", w, map[bool]int{false: 100, true: 200}[big]), func(t *testing.T) {
				t.Parallel()
				tb := newTab(t, overHTTP, w, 800, w < 800)
				if big {
					textAt200(tb)
				}
				for _, p := range []string{"concepts/preemption.html", "sources/whitehouse2002nss.html"} {
					tb.visit(p)
					tb.settle()
					got := eval[*stripLabels](tb, stripLabelsJS)
					if got == nil {
						t.Fatalf("%s has no strip", p)
					}
					if got.Shown == 0 {
						t.Fatalf("%s at %d px: the strip shows no label", p, w)
					}
					if want := 0.6875 * got.Rem; got.Size < want-0.01 {
						t.Errorf("%s at %d px, the root's text at %.0f px: the strip's labels are %.1f px, want %.1f (11 px at 16) or more",
							p, w, got.Rem, got.Size, want)
					}
					if len(got.Faults) > 0 {
						t.Errorf("%s at %d px, the root's text at %.0f px: %d of %d labels shown are amiss:\n\t%s",
							p, w, got.Rem, len(got.Faults), got.Shown, strings.Join(got.Faults[:min(6, len(got.Faults))], "\n\t"))
					}
				}
			})
		}
	}
}

// letterBarJS reads the general index's bar of letters: how many rows its
// letters take, the smallest letter's box, whether the row scrolls and
// has shades at its edges, and how wide the page is.
const letterBarJS = `(() => {
  const bar = document.querySelector(".letter-bar"), cells = [...bar.querySelectorAll("li > *")];
  const boxes = cells.map(c => c.getBoundingClientRect());
  return {Rows: new Set(boxes.map(b => Math.round(b.top))).size, Letters: cells.length,
    MinWidth: Math.min(...boxes.map(b => b.width)), MinHeight: Math.min(...boxes.map(b => b.height)),
    Height: bar.getBoundingClientRect().height, Scrolls: bar.scrollWidth > bar.clientWidth + 1,
    Shaded: /gradient/.test(getComputedStyle(bar).backgroundImage),
    PageWidth: document.documentElement.scrollWidth};
})()`

type letterBar struct {
	Rows, Letters                          int
	MinWidth, MinHeight, Height, PageWidth float64
	Scrolls, Shaded                        bool
}

// wholeInBarJS says whether the element that has the focus, or the one a
// selector gives, lies whole in the visible box of the bar of letters.
const wholeInBarJS = `((sel) => {
  const a = sel ? document.querySelector(sel) : document.activeElement, bar = document.querySelector(".letter-bar");
  if (!a || !bar.contains(a)) return false;
  const r = a.getBoundingClientRect(), b = bar.getBoundingClientRect(), left = b.left + bar.clientLeft;
  return r.left >= left - 0.5 && r.right <= left + bar.clientWidth + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5;
})`

// On a phone with the reader's text at twice its size, the general
// index's bar of letters took nine rows (at 320 px), and the index began
// a screen and a half below its title. The letters now run in one row
// that scrolls sideways, with a shade at the edge where more lie, and the
// page itself does not: the keyboard reaches every letter, each whole in
// view when it has the focus, a finger reaches the last once the row is
// scrolled to it, and each letter is a target of 24 × 24 px at least
// (WCAG 2.5.8).
func TestLetterBarIsOneRowWhereSpaceIsShort(t *testing.T) {
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 800, true)
			textAt200(tb)
			tb.visit("general-index.html")
			tb.settle()
			got := eval[letterBar](tb, letterBarJS)
			if got.Letters < 10 {
				t.Fatalf("the bar has %d letters", got.Letters)
			}
			if got.Rows != 1 {
				t.Errorf("at %d px, text at 200%%: the %d letters take %d rows, %.0f px, above the index; want one row", w, got.Letters, got.Rows, got.Height)
			}
			if got.Scrolls && !got.Shaded {
				t.Errorf("at %d px, text at 200%%: the row of letters scrolls with no shade at its edges to say more lie there", w)
			}
			if got.PageWidth > float64(w) {
				t.Errorf("at %d px, text at 200%%: the page is %.0f px wide", w, got.PageWidth)
			}
			if got.MinWidth < 24 || got.MinHeight < 24 {
				t.Errorf("at %d px, text at 200%%: a letter is %.0f × %.0f px, want 24 × 24 at least", w, got.MinWidth, got.MinHeight)
			}
			// By keyboard: from the first letter, Tab comes to each in turn,
			// whole in view.
			links := eval[[]string](tb, `[...document.querySelectorAll(".letter-bar a")].map(a => a.getAttribute("href"))`)
			tb.focus(".letter-bar a")
			for i, h := range links {
				if i > 0 {
					tb.key(keyTab)
				}
				if f := eval[string](tb, `document.activeElement.getAttribute("href") || ""`); f != h {
					t.Fatalf("Tab from letter %d of the bar went to %q, not %q", i, f, h)
				}
				if !tb.poll(wholeInBarJS+`("")`, 2*time.Second) {
					t.Errorf("at %d px, text at 200%%: the letter %s, focused, is not whole in view", w, h)
				}
			}
			// By touch: the row scrolled to its end (as a finger swipes it),
			// the last letter is whole in view, and a tap on it leads to its
			// entries.
			last := links[len(links)-1]
			eval[bool](tb, `(() => { const b = document.querySelector(".letter-bar"); b.scrollIntoView({block: "center"}); b.scrollLeft = b.scrollWidth; return true; })()`)
			sel := `.letter-bar a[href="` + last + `"]`
			if !eval[bool](tb, wholeInBarJS+`(`+jsString(sel)+`)`) {
				t.Fatalf("at %d px, text at 200%%: the row scrolled to its end does not show its last letter %s whole", w, last)
			}
			r := tb.rect(sel)
			tb.tapAt(r.centerX(), r.centerY())
			tb.waitFor(`location.hash === `+jsString(last), "the last letter to lead to its entries")
			if !tb.inView(last) {
				t.Errorf("the entries under %s are not in view", last)
			}
		})
	}
}

// heatRoomJS measures the heat map's box scrolled to its start: its
// width, how much of it the names leave the cells, and how many columns
// of cells show whole beside the names.
const heatRoomJS = `(() => {
  const table = document.querySelector("table.heatmap"), box = table.closest(".scroll");
  box.scrollLeft = 0;
  const b = box.getBoundingClientRect(), row = table.tBodies[0].rows[0];
  const names = row.cells[0].getBoundingClientRect();
  const whole = [...row.cells].slice(1).filter(c => {
    const r = c.getBoundingClientRect();
    return r.left >= names.right - 0.5 && r.right <= Math.min(b.right, innerWidth) + 0.5;
  }).length;
  return {Box: b.width, Data: Math.min(b.right, innerWidth) - names.right, Whole: whole,
    Caption: [...table.closest("figure").children].filter(e => !e.contains(table)).map(e => e.innerText).join(" "),
    Columns: table.tHead.rows[0].cells.length - 2};
})()`

type heatRoom struct {
	Box, Data      float64
	Whole, Columns int
	Caption        string
}

// On a phone with the reader's text at twice its size, the overview's heat
// map left its cells 52 px beside the names, at 320 px, half a column:
// each column was as wide as the longest word of its heading. There the
// columns are headed by their numbers, which a key names, and the
// cells have two fifths of the screen at least, two whole columns or more.
// The table is still one to a screen reader: its headings are column and
// row headers, each column's named by its section as on a wide screen.
func TestHeatMapCellsHaveRoomBesideTheNames(t *testing.T) {
	wide := newTab(t, overHTTP, 1400, 900, false)
	wide.visit("overview.html")
	n := eval[int](wide, `document.querySelector("table.heatmap").tHead.rows[0].cells.length - 2`)
	if n < 2 {
		t.Fatalf("the heat map has %d columns", n)
	}
	column := func(i int) string {
		return fmt.Sprintf("table.heatmap thead th:nth-child(%d)", i+2)
	}
	var names []string
	for i := range n {
		_, name := wide.axNode(column(i))
		names = append(names, name)
	}
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTab(t, overHTTP, w, 800, true)
			textAt200(tb)
			tb.visit("overview.html")
			tb.settle()
			got := eval[heatRoom](tb, heatRoomJS)
			t.Logf("at %d px, text at 200%%: %.0f px of the box's %.0f for the cells, %d whole columns", w, got.Data, got.Box, got.Whole)
			if got.Data < 0.4*float64(w) || got.Whole < 2 {
				t.Errorf("at %d px, text at 200%%: the names leave the cells %.0f px, %d whole columns; want two fifths of the screen (%.0f px) and two columns at least",
					w, got.Data, got.Whole, 0.4*float64(w))
			}
			for i, name := range names {
				role, got := tb.axNode(column(i))
				if role != "columnheader" || !strings.Contains(got, name) {
					t.Errorf("at %d px, text at 200%%: column %d is a %q named %q, want a columnheader named for %q", w, i+1, role, got, name)
				}
			}
			for sel, want := range map[string]string{
				"table.heatmap":                            "table",
				"table.heatmap tbody tr:first-child th":    "rowheader",
				"table.heatmap tbody tr:first-child td":    "cell",
				"table.heatmap tbody tr:first-child td~td": "cell",
			} {
				if role, _ := tb.axNode(sel); role != want {
					t.Errorf("at %d px, text at 200%%: %s is a %q, not a %q", w, sel, role, want)
				}
			}
			if tb.shown("table.heatmap .col-no") {
				for _, name := range names {
					if !strings.Contains(got.Caption, name) {
						t.Errorf("at %d px, text at 200%%: the columns are headed by numbers, and the figure does not say which is %q: %q", w, name, got.Caption)
					}
				}
			}
		})
	}
}
