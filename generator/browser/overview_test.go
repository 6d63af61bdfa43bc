package browser

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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
			tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: 32, Fixed: 26}})
				return err
			}))
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
