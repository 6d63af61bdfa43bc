package render_test

import (
	"html/template"
	"testing"

	"edition/generator/render"
)

// A heading gets a fit class only where its widest word would not fit a
// 320 px screen with the text at 200%: the class says, in tenths of an
// em, a bound of that word's width in the headings' face, so the words of
// ten letters or more that broke there ("Responsibilit|y") get one, short
// words none; a hyphen, dash or slash ends a word, as the browser may
// break after it; the tags of a heading with markup are not words.
func TestFitClass(t *testing.T) {
	for _, c := range []struct {
		heading any
		want    string
	}{
		{"Iraq War", ""},
		{"Preemption", "fit-60"},                         // 5.6 ems: fits, the rule allows more than the title's size
		{"Responsibility to protect", "fit-75"},          // 7.0 ems
		{"Commonwealth of Independent States", "fit-80"}, // 7.7 ems: wide letters
		{"Unilateralism and multilateralism", "fit-80"},  // 7.6 ems
		{"Non-interference", "fit-65"},                   // "interference", 6.2 ems: the browser may break after the hyphen
		{"Noninterference", "fit-85"},
		{"Sophie Lambroschini", "fit-70"}, // 6.8 ems
		{"Décolonisation", "fit-75"},      // as "Decolonisation"
		{template.HTML(`Beyond <em>Preemption</em>:<sup><a href="#n-star">*</a></sup> An Overview`), "fit-70"},
		{template.HTML(`<span class="x-responsibility-to-protect-and-more">A</span> B`), ""},
		{"Pneumonoultramicroscopicsilicovolcanoconiosis", "fit-120"}, // as small as the rules go
		{"", ""},
		{42, ""},
	} {
		if got := render.FitClass(c.heading); got != c.want {
			t.Errorf("FitClass(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
}
