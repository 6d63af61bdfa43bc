package browser

import (
	"fmt"
	"testing"
)

// The footer's separators stay at the end of the line with the link
// before them: on a phone, where the links wrap, no line of the footer
// begins with "·".
func TestFooterLinesDoNotBeginWithASeparator(t *testing.T) {
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTab(t, overHTTP, w, 800, true)
			tb.visit("404.html")
			bad := eval[[]string](tb, `(() => {
  const p = document.querySelector(".site-footer p:last-child"), out = [];
  const lines = new Map(); // top of each line → the first thing on it
  const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode()); ) {
    for (let i = 0; i < n.data.length; i++) {
      if (/\s/.test(n.data[i])) continue;
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + 1);
      const top = Math.round(r.getBoundingClientRect().top);
      if (!lines.has(top)) lines.set(top, n.data[i]);
    }
  }
  for (const [top, first] of lines) if (first === "·") out.push("a line at " + top + " px begins with ·");
  return lines.size < 2 ? ["the footer's links fit on one line: the test needs a narrower page"] : out;
})()`)
			for _, b := range bad {
				t.Error(b)
			}
		})
	}
}
