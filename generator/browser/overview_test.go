package browser

import (
	"fmt"
	"strings"
	"testing"
)

// heatLabelsJS checks every row label of the overview's heat map (the
// names of the entries) with its scrolling box scrolled to where says
// ("start" or "end"): each must lie inside the screen and inside the
// box, not be cut within its own line box, and be what the reader sees at
// its middle, not a cell scrolled over it. It returns the faults, and the
// number of labels seen first.
const heatLabelsJS = `((where, width) => {
  const box = document.querySelector("table.heatmap").closest(".scroll");
  box.scrollLeft = where === "end" ? box.scrollWidth : 0;
  const labels = [...document.querySelectorAll("table.heatmap tbody th[scope=row] a")];
  const out = [String(labels.length)];
  for (const a of labels) {
    window.scrollTo(0, a.getBoundingClientRect().top + window.scrollY - innerHeight / 2);
    const r = a.getBoundingClientRect(), b = box.getBoundingClientRect();
    const name = a.textContent + " (" + Math.round(r.left) + "–" + Math.round(r.right) + " px)";
    if (r.width === 0 || r.left < -0.5 || r.right > width + 0.5) {
      out.push(name + ": outside the screen");
    } else if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
      out.push(name + ": outside its scrolling box (" + Math.round(b.left) + "–" + Math.round(b.right) + " px)");
    } else if (a.scrollWidth > a.clientWidth + 1) {
      out.push(name + ": cut, " + a.scrollWidth + " px of text in " + a.clientWidth);
    } else {
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !a.contains(hit)) {
        out.push(name + ": covered by " + (hit ? hit.tagName.toLowerCase() + "." + hit.className : "nothing"));
      }
    }
  }
  return out;
})`

// On a phone with the text at twice its size, the overview's heat map is
// far wider than the screen and scrolls sideways; its row labels once
// scrolled with it, so that the names were cut at the left edge until the
// figure was scrolled. Now the names stay in view, whole, at the start and
// with the columns scrolled to their end, and the scrolling box can be
// reached and scrolled by keyboard and is named.
func TestHeatMapLabelsStayInView(t *testing.T) {
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 700, true)
			textAt200(tb)
			tb.visit("overview.html")
			if fs := eval[string](tb, `getComputedStyle(document.documentElement).fontSize`); fs != "32px" {
				t.Fatalf("the text is %s, not at 200%%", fs)
			}
			box := eval[map[string]any](tb, `(() => {
  const b = document.querySelector("table.heatmap").closest(".scroll");
  const named = (b.getAttribute("aria-labelledby") || "").split(" ").map(id => document.getElementById(id)).filter(e => e);
  return {scrolls: b.scrollWidth > b.clientWidth + 1, tabindex: b.getAttribute("tabindex"),
    name: named.map(e => e.textContent.trim()).join(" ")};
})()`)
			if box["scrolls"] != true {
				t.Fatalf("at %d px with the text at 200%%, the heat map fits the screen: nothing to test", w)
			}
			if box["tabindex"] != "0" || box["name"] == "" {
				t.Errorf("the heat map's scrolling box has tabindex %v and name %q: the keyboard cannot reach it, or it is not named", box["tabindex"], box["name"])
			}
			for _, where := range []string{"start", "end"} {
				got := eval[[]string](tb, fmt.Sprintf(`%s(%q, %d)`, heatLabelsJS, where, w))
				if len(got) == 0 || got[0] == "0" {
					t.Fatal("the overview's heat map has no row labels")
				}
				if faults := got[1:]; len(faults) > 0 {
					t.Errorf("at %d px, text at 200%%, scrolled to the %s: %d of %s labels not whole in view: %s",
						w, where, len(faults), got[0], strings.Join(faults[:min(5, len(faults))], "; "))
				}
			}
		})
	}
}

// heatColumnsJS returns where each column of the heat map's first row
// begins and ends, to the tenth of a pixel, with every row there and then
// with only the first (rows removed from the end, as a page still being
// read would lack them).
const heatColumnsJS = `(() => {
  const table = document.querySelector("table.heatmap");
  const edges = () => [...table.tBodies[0].rows[0].cells].map(c => {
    const r = c.getBoundingClientRect();
    return Math.round(r.left * 10) / 10 + "–" + Math.round(r.right * 10) / 10;
  }).join(" ");
  const whole = edges();
  const rows = [...table.tBodies[0].rows];
  rows.slice(1).forEach(r => r.remove());
  const first = edges();
  rows.slice(1).forEach(r => table.tBodies[0].appendChild(r));
  return [whole, first];
})()`

// A browser draws a page it has read only in part, and a table whose
// columns are as wide as its widest cell grows as its later rows arrive:
// the overview's heat map, whose names are its row headers, shifted the
// page under load (TestNoOverflowNoShift at 1920 px, 0.019). Its columns
// are as wide with its first row alone as with all its rows.
func TestHeatMapColumnsDoNotWaitForTheRows(t *testing.T) {
	for _, w := range []int64{390, 1400} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, w, 900, true)
			tb.visit("overview.html")
			got := eval[[]string](tb, heatColumnsJS)
			if got[0] != got[1] {
				t.Errorf("at %d px the heat map's columns move as its rows arrive:\nall rows:  %s\nfirst row: %s", w, got[0], got[1])
			}
		})
	}
}

// contrastJS defines the helpers of the tests of contrast: rgba reads any
// colour the browser computed (color-mix, color()) back from a canvas
// painted with it, over lays a colour on another, ratio is WCAG's contrast
// of two opaque colours, hex writes one, and behind is the page's colour
// behind an element: each background from the root down to its parent.
const contrastJS = `
  const cv = document.createElement("canvas");
  cv.width = cv.height = 1;
  const cx = cv.getContext("2d", {willReadFrequently: true});
  const rgba = c => {
    cx.clearRect(0, 0, 1, 1);
    cx.fillStyle = c;
    cx.fillRect(0, 0, 1, 1);
    const d = cx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => p - q); return (y + 0.05) / (x + 0.05); };
  const hex = c => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
  const behind = el => {
    let page = [255, 255, 255, 1];
    const chain = [];
    for (let e = el.parentElement; e; e = e.parentElement) chain.unshift(e);
    for (const e of chain) page = over(rgba(getComputedStyle(e).backgroundColor), page);
    return page;
  };
`

// heatContrastJS measures, for each shade of the heat map (h0, none, to
// h6, the most), from the styles the browser computed: how far the cell's
// box stands out from the page around it (its fill, or its border if it
// has one on every side, against the page's colour that shows between the
// cells; WCAG 1.4.11 asks 3:1), and how far its number stands out from
// its fill (1.4.3 asks 4.5:1 of small text). A shade that no cell of this
// edition has is measured on a cell of the first row given its class for
// the while.
const heatContrastJS = `(() => {
` + contrastJS + `  const table = document.querySelector("table.heatmap");
  const page = behind(table);
  const spacing = getComputedStyle(table).borderSpacing;

  const row = table.tBodies[0].rows[0];
  const out = [];
  for (let n = 0; n <= 6; n++) {
    let cell = table.querySelector("tbody td.h" + n), made = false;
    if (!cell) {
      cell = row.querySelector("td").cloneNode(true);
      cell.className = "h" + n;
      cell.textContent = "8";
      row.appendChild(cell);
      made = true;
    }
    const s = getComputedStyle(cell);
    const fill = over(rgba(s.backgroundColor), page);
    let edge = ratio(fill, page), by = "fill " + hex(fill);
    const sides = ["Top", "Right", "Bottom", "Left"].map(side => {
      if (s["border" + side + "Style"] === "none" || parseFloat(s["border" + side + "Width"]) < 1) return 0;
      return ratio(over(rgba(s["border" + side + "Color"]), fill), page);
    });
    if (Math.min(...sides) > edge) {
      edge = Math.min(...sides);
      by = "border " + hex(over(rgba(s.borderTopColor), fill));
    }
    const text = ratio(over(rgba(s.color), fill), fill);
    out.push({Class: "h" + n, Edge: edge, By: by, Text: text, Fill: hex(fill), Color: hex(over(rgba(s.color), fill)), Page: hex(page), Spacing: spacing});
    if (made) cell.remove();
  }
  return out;
})()`

// heatShade is what heatContrastJS measures of one shade.
type heatShade struct {
	Class, By, Fill, Color, Page, Spacing string
	Edge, Text                            float64
}

// Every cell of the heat map stands out from the page, so that a reader
// sees how far the grid runs and which cells are empty, and every number
// from its cell's shade, in both themes, whether the theme is the
// system's or the reader's choice. The empty cells, in the panel's colour,
// were once 1.1:1 against the page in either theme, the lightest shades
// 1.2:1 to 2.3:1, and the numbers on the fourth shade in the dark theme
// 4.43:1.
func TestHeatMapCellsStandOut(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	for _, c := range []struct{ scheme, chosen string }{{"light", ""}, {"dark", ""}, {"light", "dark"}, {"dark", "light"}} {
		tb.setScheme(c.scheme)
		tb.visit("overview.html")
		what := c.scheme + " system"
		if c.chosen != "" {
			eval[bool](tb, fmt.Sprintf(`(document.documentElement.dataset.theme = %q, true)`, c.chosen))
			what += ", " + c.chosen + " chosen"
		}
		shades := eval[[]heatShade](tb, heatContrastJS)
		if len(shades) != 7 {
			t.Fatalf("%s: measured %d shades of the heat map, want 7 (h0 to h6)", what, len(shades))
		}
		// What stands between two cells is the page, as measured: the
		// cells are apart, not side by side.
		if gap := strings.Fields(shades[0].Spacing); len(gap) == 0 || gap[0] == "0px" || gap[len(gap)-1] == "0px" {
			t.Fatalf("%s: the heat map's cells have a spacing of %q: they touch, and each must stand out from its neighbours, not only from the page", what, shades[0].Spacing)
		}
		for _, s := range shades {
			t.Logf("%s: %s on the page %s: box %.2f:1 by its %s; number %s %.2f:1 (spacing %s)", what, s.Class, s.Page, s.Edge, s.By, s.Color, s.Text, s.Spacing)
			if s.Edge < 3 {
				t.Errorf("%s: a cell of shade %s stands out from the page (%s) by %.2f:1 (by its %s), want at least 3:1", what, s.Class, s.Page, s.Edge, s.By)
			}
			if s.Class != "h0" && s.Text < 4.5 {
				t.Errorf("%s: the number in a cell of shade %s (%s on %s) has a contrast of %.2f:1, want at least 4.5:1", what, s.Class, s.Color, s.Fill, s.Text)
			}
		}
	}
}

// stripContrastJS measures how far each kind of band of the strip of
// where an entry occurs (a section, and every other section) stands out
// from the page: by its fill, or by its edge (its stroke) if it has one.
const stripContrastJS = `(() => {
` + contrastJS + `  const strip = document.querySelector("svg.strip");
  const page = behind(strip);
  return [".band:not(.alt)", ".band.alt"].map(sel => {
    const band = strip.querySelector(sel), s = getComputedStyle(band);
    const fill = over(rgba(s.fill), page);
    let edge = ratio(fill, page), by = "fill " + hex(fill);
    if (s.stroke !== "none" && parseFloat(s.strokeWidth) >= 1 && ratio(over(rgba(s.stroke), page), page) > edge) {
      edge = ratio(over(rgba(s.stroke), page), page);
      by = "edge " + hex(over(rgba(s.stroke), page));
    }
    return {Class: sel, Edge: edge, By: by, Page: hex(page)};
  });
})()`

// The strip of an entry's or a source's page shows where the text begins
// and ends, against which each mark says where it is: its bands stand out
// from the page by 3:1 in both themes. Their fills, the panel's colour and
// the band's, once did by 1.1:1 to 1.3:1.
func TestStripStandsOut(t *testing.T) {
	tb := newTab(t, overHTTP, 1400, 900, false)
	for _, scheme := range []string{"light", "dark"} {
		tb.setScheme(scheme)
		for _, p := range []string{"concepts/preemption.html", "sources/whitehouse2002nss.html"} {
			tb.visit(p)
			for _, s := range eval[[]heatShade](tb, stripContrastJS) {
				t.Logf("%s, %s: %s on the page %s: %.2f:1 by its %s", scheme, p, s.Class, s.Page, s.Edge, s.By)
				if s.Edge < 3 {
					t.Errorf("%s theme, %s: the strip's %s stands out from the page (%s) by %.2f:1 (by its %s), want at least 3:1", scheme, p, s.Class, s.Page, s.Edge, s.By)
				}
			}
		}
	}
}

// heatNamesJS looks at each row name of the heat map, word by word (a
// word runs between spaces, and ends after a hyphen, a dash or a slash,
// where a line may break). It returns each word set on two lines or more
// though it fits the names' column, and each word up to maxEm times the
// names' size wide (as wide as the longest words of any name) that does
// not fit the column; then, marked "wide: ", each wider word that does
// not, which may break. Its first item is how many names it read.
const heatNamesJS = `((maxEm) => {
  const names = [...document.querySelectorAll("table.heatmap tbody th[scope=row] a")];
  const out = [String(names.length)], wide = [];
  for (const a of names) {
    const column = a.getBoundingClientRect().width, size = parseFloat(getComputedStyle(a).fontSize);
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      const re = /[^\s\-‐–—\/]+[\-‐–—\/]*/g;
      for (let m; (m = re.exec(node.data));) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const parts = [...r.getClientRects()].filter(b => b.width > 0);
        const lines = new Set(parts.map(b => Math.round(b.top))).size;
        const width = parts.reduce((w, b) => w + b.width, 0);
        const what = "“" + m[0] + "” of “" + a.textContent + "” (" + Math.round(width) + " px, " +
          (width / size).toFixed(1) + " em of " + size.toFixed(1) + " px, in a column of " + Math.round(column) + " px)";
        if (width <= column + 0.5) {
          if (lines > 1) out.push(what + " on " + lines + " lines");
        } else if (width / size <= maxEm) {
          out.push(what + (lines > 1 ? " on " + lines + " lines" : " wider than the column"));
        } else {
          wide.push("wide: " + what);
        }
      }
    }
  }
  return out.concat(wide);
})`

// nameEm is how wide, in times its size, a word of a name the heat map
// must always fit is: longer than the longest words of names in English
// ("Counterproliferation" is 10.1 em in DejaVu Sans, "multilateralism" 7.5),
// and narrower than the widest the generator makes room for (22 letters,
// render.NamesClass, at about 0.63 em each).
const nameEm = 12

// The names of the heat map's rows break only between words: on a phone,
// with the text at twice its size, its column once split “Responsibility”,
// “multilateralism” and “authorization” anywhere, with no hyphen (Debian's
// Chromium has no dictionary to hyphenate with), because the column was
// narrower than they. The names are now set small enough for their widest
// word to fit the column (render.NamesClass); only a word wider than any
// the generator makes room for may break.
func TestHeatMapNamesBreakBetweenWords(t *testing.T) {
	for _, c := range []struct {
		width int64
		large bool
	}{{320, true}, {390, true}, {390, false}} {
		t.Run(fmt.Sprintf("%d,200%%=%v", c.width, c.large), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, c.width, 700, true)
			if c.large {
				textAt200(tb)
			}
			tb.visit("overview.html")
			tb.settle()
			got := eval[[]string](tb, fmt.Sprintf("%s(%d)", heatNamesJS, nameEm))
			if len(got) == 0 || got[0] == "0" {
				t.Fatal("the overview's heat map has no row names")
			}
			var broken []string
			for _, s := range got[1:] {
				if w, ok := strings.CutPrefix(s, "wide: "); ok {
					t.Logf("a word wider than any the column must fit, which may break: %s", w)
					continue
				}
				broken = append(broken, s)
			}
			if len(broken) > 0 {
				t.Errorf("at %d px (text at 200%%: %v), %d words of the %s row names break inside:\n\t%s",
					c.width, c.large, len(broken), got[0], strings.Join(broken, "\n\t"))
			}
		})
	}
}

// pairChartTextJS returns each piece of text of the overview's chart of
// pairs (its caption aside) whose letters are drawn smaller than 3/4 of
// the page's root size (12 px of the usual 16), with the number of pieces
// first.
const pairChartTextJS = `(() => {
  const fig = document.querySelector("section[aria-labelledby=pairs-h] figure");
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.data.trim() && !n.parentElement.closest("figcaption") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
  const out = [0], small = [];
  for (let n; (n = walker.nextNode());) {
    out[0]++;
    const r = document.createRange();
    r.selectNodeContents(n);
    const h = Math.max(0, ...[...r.getClientRects()].map(b => b.height));
    if (h < 0.75 * rem) small.push("“" + n.data.trim() + "” " + h.toFixed(1) + " px high");
  }
  return [String(out[0])].concat(small);
})()`

// The chart of the pairs of concepts that occur together is read at the
// reader's size of text: it was an SVG drawing 600 units wide with its
// words in it, which a phone shrank with the drawing to 7 px letters at
// 390 px, and which did not grow with the reader's text. Its words are
// now the page's, at least 3/4 of the root size high.
func TestPairChartIsReadable(t *testing.T) {
	for _, c := range []struct {
		width int64
		large bool
	}{{320, true}, {390, false}, {1400, false}} {
		t.Run(fmt.Sprintf("%d,200%%=%v", c.width, c.large), func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, c.width, 800, c.width < 1000)
			if c.large {
				textAt200(tb)
			}
			tb.visit("overview.html")
			tb.settle()
			got := eval[[]string](tb, pairChartTextJS)
			if got[0] == "0" {
				t.Fatal("the chart of pairs has no words")
			}
			if small := got[1:]; len(small) > 0 {
				t.Errorf("at %d px (text at 200%%: %v), %d of the %s words of the chart of pairs are too small to read:\n\t%s",
					c.width, c.large, len(small), got[0], strings.Join(small[:min(6, len(small))], "\n\t"))
			}
		})
	}
}
