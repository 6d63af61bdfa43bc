package browser

import (
	"fmt"
	"strings"
	"testing"
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
