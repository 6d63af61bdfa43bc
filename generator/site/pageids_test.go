package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edition/generator/site"
)

var (
	anyIDRE     = regexp.MustCompile(`\sid="([^"]*)"`)
	sectionIDRE = regexp.MustCompile(`<h2 id="([^"]*)"`)
)

// pageOfFixtureWith builds the fixture with more appended to one of its
// content files and returns the page path of the site.
func pageOfFixtureWith(t *testing.T, file, more, path string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, append(src, more...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%s", res.Diags)
	}
	for _, f := range res.Files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s", path)
	return ""
}

// idsOnce counts the ids of page and reports those on more than one
// element.
func idsOnce(t *testing.T, page, what string) map[string]int {
	t.Helper()
	ids := map[string]int{}
	for _, m := range anyIDRE.FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is on %d elements of %s", id, n, what)
		}
	}
	return ids
}

// A section heading's id is its title's slug, unless the chapter page
// already uses that id: the layout's ("main", the skip link's target; the
// search box's "site-search-q"; the notice's "toast"), one of the series
// the conversion numbers ("p1", a paragraph), or one a script gives
// ("sn-n1", a note set beside the text). Then it takes the next free
// "-2", or, in a series the page takes whole ("sn-…"), "section-" before
// it; and the page keeps every id once, so that no link to a section
// leads elsewhere.
func TestSectionIDsAvoidThePagesOwnIDs(t *testing.T) {
	headings := []struct{ title, id string }{
		{"Main", "main-2"}, {"P1", "p1-2"}, {"Toast", "toast-2"}, {"Site search q", "site-search-q-2"},
		{"Sn n1", "section-sn-n1"}, {"Site search opt 0", "section-site-search-opt-0"}, {"Keepers", "keepers"},
	}
	var more strings.Builder
	for _, h := range headings {
		more.WriteString("\n## " + h.title + "\n\nA paragraph of the section.\n")
	}
	page := pageOfFixtureWith(t, "text/02-stone.md", more.String(), "text/stone.html")
	sections := map[string]bool{}
	for _, m := range sectionIDRE.FindAllStringSubmatch(page, -1) {
		sections[m[1]] = true
	}
	for _, h := range headings {
		if !sections[h.id] {
			t.Errorf("## %s: no section with the id %q (sections: %v)", h.title, h.id, sections)
		}
		if !strings.Contains(page, `href="#`+h.id+`"`) {
			t.Errorf("## %s: the contents do not link #%s", h.title, h.id)
		}
	}
	idsOnce(t, page, "the chapter page")
}

// A source whose id is one the page has of its own ("main", the skip
// link's target; "toast", the notice's box) gets "source-" before it on
// the bibliography page, so that the page keeps each id once; other
// sources keep theirs.
func TestBibliographyIDsAvoidThePagesOwn(t *testing.T) {
	var more strings.Builder
	for _, id := range []string{"main", "toast"} {
		more.WriteString("\n  - id: " + id + "\n    type: book\n    title: A Book Called " + id +
			"\n    author:\n      - {family: Writer, given: A.}\n    issued: {date-parts: [[1900]]}\n")
	}
	page := pageOfFixtureWith(t, "bibliography.yaml", more.String(), "bibliography.html")
	ids := idsOnce(t, page, "the bibliography page")
	for _, id := range []string{"source-main", "source-toast", "smeaton1791"} {
		if ids[id] != 1 {
			t.Errorf("no item with the id %q", id)
		}
	}
}
