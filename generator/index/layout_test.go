package index

import "testing"

// TestLayoutForwards: a folder of pages without an index page of its own
// (the text's, the sources') has an address that leads to the page that
// lists its pages; a kind's folder has its A–Z page there, and the site's
// root its title page.
func TestLayoutForwards(t *testing.T) {
	l := NewLayout(&Edition{Kinds: []Kind{{Key: "concept", Path: "concepts"}, {Key: "person", Path: "people"}}})
	for _, c := range []struct {
		page, target string
		ok           bool
	}{
		{"text/index.html", HomePage, true},
		{"sources/index.html", BibliographyPage, true},
		{"concepts/index.html", "", false},
		{"people/index.html", "", false},
		{"index.html", "", false},
		{"text/overview.html", "", false},
		{"sources/blair2004threat.html", "", false},
		{"elsewhere/index.html", HomePage, true},
	} {
		target, ok := l.Forwards(c.page)
		if ok != c.ok || (ok && target != c.target) {
			t.Errorf("Forwards(%q) = %q, %v; want %q, %v", c.page, target, ok, c.target, c.ok)
		}
	}
	if got := l.Lists("people"); got != "people/index.html" {
		t.Errorf("Lists(people) = %q, want its A–Z page", got)
	}
	if got, want := l.Lists("text"), HomePage; got != want {
		t.Errorf("Lists(text) = %q, want %q", got, want)
	}
}
