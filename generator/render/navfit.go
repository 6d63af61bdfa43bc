package render

import (
	"strconv"
	"strings"
	"unicode"
)

// The header's measures, as style.css sets them (its rules for the site
// header): every length here is in rem, the unit of the media queries,
// so that the breaks hold with the reader's text at any size.
const (
	headerEm   = 0.9  // .site-header's font-size
	titleMinEm = 16.5 // .site-title's min-width, in the header's em
	columnGap  = 1.5  // the gap between the title's column and the links'
	linkGap    = 1.0  // .site-nav ul's gap between links
	headerPad  = 1.25 // the header's padding at each side, at least…
	headerMax  = 64.0 // …and more beyond a content box this wide
	wideFrom   = 40   // at this width and below, the phone's header (links in a row of their own)
	wideTo     = 67   // from this width on the content box is 64rem wide: nothing changes further
)

// sansEm is the advance, in em, of each printable ASCII character from
// " " to "~" in DejaVu Sans, the face that system-ui gives on Debian (and
// the browser tests), as Chromium measures it there; it is wider than the
// faces system-ui gives on most systems (San Francisco, Segoe UI, Roboto),
// so that the header's words are seldom wider than it says. sansBoldEm is
// the same in DejaVu Sans Bold, for the site's title (weight 600).
var sansEm = [95]float32{
	0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
	0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
	1.000, 0.709, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
	0.603, 0.787, 0.695, 0.635, 0.595, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
	0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.344, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
	0.635, 0.635, 0.395, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
}

var sansBoldEm = [95]float32{
	0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
	0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.580,
	1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.850,
	0.733, 0.850, 0.770, 0.680, 0.703, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.500,
	0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.405, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
	0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
}

// sansWidth is how wide s is, in em, in the header's face (bold for the
// site's title): a letter outside ASCII as the letter it is made on ("é"
// as "e"), a letter of a script written in squares (Chinese, Japanese,
// Korean) a whole em, any other as the widest lowercase letter.
func sansWidth(s string, bold bool) float64 {
	table := &sansEm
	if bold {
		table = &sansBoldEm
	}
	var w float64
	for _, r := range s {
		r = baseLetter(r)
		switch {
		case r >= ' ' && r <= '~':
			w += float64(table[r-' '])
		case unicode.IsSpace(r):
			w += float64(table[0])
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			w++
		default:
			w += float64(table['m'-' '])
		}
	}
	return w
}

// navLines is how many lines links of the given widths (rem) take when
// they wrap in a box room rem wide, as a flex box wraps them; 0 where one
// of them is wider than the box.
func navLines(widths []float64, room float64) int {
	lines, x := 0, 0.0
	for _, w := range widths {
		switch {
		case w > room:
			return 0
		case lines == 0:
			lines, x = 1, w
		case x+linkGap+w <= room:
			x += linkGap + w
		default:
			lines, x = lines+1, w
		}
	}
	return lines
}

// navRoom is how wide, in rem, the links' column is at a screen width
// rem wide, beside a title title rem wide whose widest word is word rem:
// the header's content box, less the title's column (as wide as the
// title, at least its min-width and its widest word, at most half the box
// unless the word needs more: fit-content(50%)) and the gap.
func navRoom(width, title, word float64) float64 {
	box := width - 2*max(headerPad, (width-headerMax)/2)
	col := max(titleMinEm*headerEm, word, min(title, box/2))
	return box - col - columnGap
}

// NavClass is the class of the site's header that says where its links
// stand, from the edition's title and the links' labels: "nav-L-N" for
// each number of lines L (2, then 1) the links take beside the title from
// a screen N rem wide on (style.css has a rule for each N from 40 to 67;
// from 67rem the header is as wide as it gets). Below the least such N,
// and on a phone (up to 40rem), the links have a row of their own, which
// scrolls. "nav-2-40 nav-1-50": two lines from 40rem, one from 50rem.
//
// The widths are estimated from the letters, in a face wider than
// system-ui usually is (sansWidth), and each break rounded up to a whole
// rem, so that where the header keeps room for one line, one is enough;
// where it keeps two, the links may fit in one just above the break, by
// less than a rem in this face and a little more in a narrower one, and
// the second line stays empty there. Nothing of the title or the labels
// reaches the class but numbers.
func NavClass(title string, labels []string) string {
	titleW := sansWidth(title, true) * headerEm
	var word float64
	for _, w := range strings.Fields(title) {
		word = max(word, sansWidth(w, true)*headerEm)
	}
	widths := make([]float64, len(labels))
	for i, l := range labels {
		widths[i] = sansWidth(l, false) * headerEm
	}
	// from is the least screen width, in whole rem, from which the links
	// take at most so many lines beside the title; 0 if none does.
	from := func(lines int) int {
		for n := wideFrom; n <= wideTo; n++ {
			if got := navLines(widths, navRoom(float64(n), titleW, word)); got > 0 && got <= lines {
				return n
			}
		}
		return 0
	}
	var classes []string
	one, two := from(1), from(2)
	if two > 0 && (one == 0 || two < one) {
		classes = append(classes, "nav-2-"+strconv.Itoa(two))
	}
	if one > 0 {
		classes = append(classes, "nav-1-"+strconv.Itoa(one))
	}
	return strings.Join(classes, " ")
}

// NavClass is the class of the header's links as Base.Chrome's pages show
// them (see the function NavClass), made once with the Chrome;
// layout.html puts it on the header.
func (c *Chrome) NavClass() string { return c.nav }

// navClass is NavClass for the Chrome's title and links.
func navClass(c *Chrome) string {
	labels := make([]string, len(c.Nav))
	for i, n := range c.Nav {
		labels[i] = n.Label
	}
	return NavClass(c.Edition.Title, labels)
}
