package browser

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pnum is a paragraph number as the reader meets it.
type pnum struct {
	ID, Href, Label, Text, Mark string
	InMargin                    bool // wholly left of its paragraph's text
}

// pnumsJS describes every paragraph number of the text, and the ¶ (or
// nothing) that stands before it.
const pnumsJS = `[...document.querySelectorAll(".body p > .pnum")].map(a => {
  const p = a.parentElement, r = a.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(p);
  const first = [...range.getClientRects()].find(x => x.width > 0) || p.getBoundingClientRect();
  return {ID: p.id, Href: a.getAttribute("href"), Label: a.getAttribute("aria-label") || "", Text: a.textContent,
    Mark: getComputedStyle(a, "::before").content, InMargin: r.right <= Math.min(first.left, p.getBoundingClientRect().left) + 1};
})`

var pnumLabelRE = regexp.MustCompile(`^Paragraph (\d+)\b`)

// A paragraph number that follows the text (on narrow screens, and in
// print) carries a ¶, which no note's number does, so that "¶ 12" at a
// paragraph's end is not read as a note; in the margin of a wide screen
// the place says what it is. Everywhere the number is a link to its
// paragraph, named as a paragraph's number.
func TestParagraphNumbersAreUnmistakable(t *testing.T) {
	for _, c := range []struct {
		name   string
		width  int64
		print  bool
		margin bool // the numbers stand in the margin
	}{
		{"390", 390, false, false},
		{"768", 768, false, false},
		{"1400", 1400, false, true},
		{"print-1400", 1400, true, false},
		{"print-390", 390, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, overHTTP, c.width, 800, c.width < 800)
			tb.visit(textPage)
			if c.print {
				tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}))
			}
			pns := eval[[]pnum](tb, pnumsJS)
			if len(pns) < 20 {
				t.Fatalf("only %d paragraph numbers", len(pns))
			}
			var unmarked, misplaced, badLinks []string
			for _, p := range pns {
				if p.Href != "#"+p.ID {
					badLinks = append(badLinks, fmt.Sprintf("%s links to %q", p.ID, p.Href))
				}
				if m := pnumLabelRE.FindStringSubmatch(p.Label); m == nil || m[1] != p.Text || "p"+p.Text != p.ID {
					badLinks = append(badLinks, fmt.Sprintf("%s (%q) is named %q", p.ID, p.Text, p.Label))
				}
				if p.InMargin != c.margin {
					misplaced = append(misplaced, p.ID)
				}
				if !p.InMargin && !strings.Contains(p.Mark, "¶") {
					unmarked = append(unmarked, fmt.Sprintf("%s (%s)", p.ID, p.Mark))
				}
			}
			if len(badLinks) > 0 {
				t.Errorf("paragraph numbers that are not links to their paragraph named as such: %s", strings.Join(badLinks, "; "))
			}
			if len(misplaced) > 0 {
				t.Errorf("%d paragraph numbers are %s the margin, such as %s", len(misplaced),
					map[bool]string{true: "not in", false: "in"}[c.margin], misplaced[0])
			}
			if len(unmarked) > 0 {
				t.Errorf("%d paragraph numbers follow the text without a ¶, such as %s", len(unmarked), unmarked[0])
			}
			if marked := eval[[]string](tb, `[...document.querySelectorAll(".noteref")].filter(a =>
  getComputedStyle(a, "::before").content.includes("¶") || a.textContent.includes("¶")).map(a => a.id)`); len(marked) > 0 {
				t.Errorf("note references carry a ¶ too: %s", strings.Join(marked, ", "))
			}
		})
	}
}
