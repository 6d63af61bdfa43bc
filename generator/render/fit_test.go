package render_test

import (
	"html"
	"html/template"
	"os"
	"regexp"
	"strings"
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

// The heat map's class says how wide the widest word of any of its row
// names is, in the letters FitClass counts, so that the names can be set
// just small enough for it to fit their column: a list of short names gets
// none, a word wider than the rules go the widest class; a hyphen, dash
// or slash ends a word.
func TestNamesClass(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"War", "Iraq"}, ""}, // "Iraq": 4.85
		{[]string{"Iraq War", "Genocide"}, "names-8"},                                           // "Genocide": 7.85
		{[]string{"Legitimacy", "Unilateralism and multilateralism", "Prevention"}, "names-13"}, // "multilateralism", 12.6
		{[]string{"Non-interference", "Use of force"}, "names-11"},                              // "interference", 10.4
		{[]string{"Noninterference", "Responsibility to protect"}, "names-14"},                  // 13.65 beats 12.25
		{[]string{"Pneumonoultramicroscopicsilicovolcanoconiosis"}, "names-22"},
	} {
		if got := render.NamesClass(c.names); got != c.want {
			t.Errorf("NamesClass(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}

// The overview's heat map carries the class of its own row names: this
// edition's widest word there is "Noninterference".
func TestOverviewNamesClass(t *testing.T) {
	_, files := generate(t)
	b := string(files[render.OverviewPage])
	m := regexp.MustCompile(`<table class="heatmap ([^"]*)"`).FindStringSubmatch(b)
	if m == nil {
		t.Fatal("the overview's heat map has no class for its names")
	}
	var names []string
	for _, r := range regexp.MustCompile(`<tr><th scope="row"><a [^>]*>([^<]*)</a>`).FindAllStringSubmatch(b, -1) {
		names = append(names, html.UnescapeString(r[1]))
	}
	if len(names) == 0 {
		t.Fatal("the overview's heat map has no row names")
	}
	if want := render.NamesClass(names); m[1] != want || want != "names-14" {
		t.Errorf("the heat map's class is %q; its %d names want %q (names-14, for Noninterference)", m[1], len(names), want)
	}
}

// Every class NamesClass gives has its rule in style.css, which sets the
// number the class names.
func TestNamesClassesHaveTheirRules(t *testing.T) {
	css, err := os.ReadFile("../../templates/assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, m := range regexp.MustCompile(`\.(names-\d+) \{ --names: (\d+); \}`).FindAllStringSubmatch(string(css), -1) {
		rules[m[1]] = m[2]
	}
	seen := 0
	for n := 1; n <= 40; n++ {
		class := render.NamesClass([]string{strings.Repeat("a", n)}) // n letters of one unit each
		if class == "" {
			continue
		}
		seen++
		if got, want := rules[class], strings.TrimPrefix(class, "names-"); got != want {
			t.Errorf("style.css sets %s to %q, want a rule .%s { --names: %s; }", class, got, class, want)
		}
	}
	if seen == 0 {
		t.Error("NamesClass gave no class for words of 1 to 40 letters")
	}
}
