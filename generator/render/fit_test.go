package render_test

import (
	"html/template"
	"testing"

	"edition/generator/render"
)

// A heading gets a fit class only where its widest word may not fit a
// 320 px screen with the text at 200%: the class says how many letters
// wide that word is, counting capitals, "m" and "w" as more and "i", "l",
// "t", "f", "r" and punctuation as less, so the words of ten letters or
// more that broke there ("Responsibilit|y") get one, short words none; a
// hyphen, dash or slash ends a word, as the browser may break after it;
// the tags of a heading with markup are not words.
func TestFitClass(t *testing.T) {
	for _, c := range []struct {
		heading any
		want    string
	}{
		{"Iraq War", ""},
		{"Preemption", "fit-10"},                         // 9.75 letters: P 1.25, m 1.5, r .8, t and i .6
		{"Responsibility to protect", "fit-13"},          // 12.25
		{"Commonwealth of Independent States", "fit-13"}, // 12.95: two m, a w
		{"Unilateralism and multilateralism", "fit-13"},  // "multilateralism", 12.6
		{"Non-interference", "fit-11"},                   // "interference", 10.4: the browser may break after the hyphen
		{"Noninterference", "fit-14"},                    // 13.65
		{"Sophie Lambroschini", "fit-12"},                // "Lambroschini", 11.75
		{"Décolonisation", "fit-13"},                     // as "Decolonisation", 12.65
		{template.HTML(`Beyond <em>Preemption</em>:<sup><a href="#n-star">*</a></sup> An Overview`), "fit-11"}, // "Preemption:*", 10.95
		{template.HTML(`<span class="x-responsibility-to-protect-and-more">A</span> B`), ""},
		{"Pneumonoultramicroscopicsilicovolcanoconiosis", "fit-22"}, // as small as the rules go
		{"", ""},
		{42, ""},
	} {
		if got := render.FitClass(c.heading); got != c.want {
			t.Errorf("FitClass(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
}
