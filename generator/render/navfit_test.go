package render_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edition/generator/render"
)

// The header's class says from which screen width the links stand
// beside the title in two lines, and from which in one: this edition's
// seven links wrap from the phone's width on and take one line from 50rem
// (at 784 px they wrap, at 800 px they do not); four short ones take one
// line at once; ten long ones two lines from 48rem and never one; beside a
// title too long for half the header, two lines only from 64rem. A label
// wider than any column beside the title keeps the links in a row of
// their own, and the class says nothing but numbers of what it reads.
func TestNavClass(t *testing.T) {
	seven := []string{"Text", "Overview", "Concepts", "Actors", "Events", "Sources", "Index"}
	ten := []string{"Text", "Overview", "Organisations", "Correspondents", "Manuscripts", "Institutions", "Chronologies", "Personnages", "Sources", "Index"}
	long := "The Correspondence of the Keepers of the Eddystone Light, 1756–1810"
	for _, c := range []struct {
		title  string
		labels []string
		want   string
	}{
		{"Beyond Preemption: An Overview", seven, "nav-2-40 nav-1-50"},
		{"Notes", []string{"Text", "Overview", "Sources", "Index"}, "nav-1-40"},
		{"Letters", ten, "nav-2-48"},
		{long, ten, "nav-2-64"},
		{long, []string{"Text", "Overview", "People", "Places", "Sources", "Index"}, "nav-2-40 nav-1-52"},
		{"Notes", []string{"Text", strings.Repeat("Correspondence ", 6) + `"><script>`}, ""},
	} {
		if got := render.NavClass(c.title, c.labels); got != c.want {
			t.Errorf("NavClass(%q, %q) = %q, want %q", c.title, c.labels, got, c.want)
		}
	}
}

// Every class NavClass can give the header has its rule in style.css:
// nav-2-N and nav-1-N for each N from 40 to 67, in a media query from N rem
// on, the wider screens' rules after the narrower ones'.
func TestNavClassesHaveTheirRules(t *testing.T) {
	css, err := os.ReadFile("../../templates/assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`@media \(width >= (\d+)rem\) \{ \.nav-2-(\d+) \{ --nav-lines: 2; \} \.nav-1-(\d+) \{ --nav-lines: 1; \} \}`)
	var got []string
	for _, m := range rule.FindAllStringSubmatch(string(css), -1) {
		if m[1] != m[2] || m[1] != m[3] {
			t.Errorf("the rule %q names two widths", m[0])
		}
		got = append(got, m[1])
	}
	var want []string
	for n := 40; n <= 67; n++ {
		want = append(want, strconv.Itoa(n))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("style.css has the header's breaks for %v, want %v in that order", got, want)
	}
}

// BenchmarkNavClass measures the class as each page's layout asks for it
// (Chrome.NavClass), for this edition's title and seven links.
func BenchmarkNavClass(b *testing.B) {
	labels := []string{"Text", "Overview", "Concepts", "Actors", "Events", "Sources", "Index"}
	for b.Loop() {
		render.NavClass("Beyond Preemption: An Overview", labels)
	}
}
