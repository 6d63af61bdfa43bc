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

// A section heading's id is its title's slug, unless the chapter page
// already uses that id: the layout's ("main", the skip link's target; the
// search box's "site-search-q"; the notice's "toast"), one of the series
// the conversion numbers ("p1", a paragraph), or one a script gives
// ("sn-n1", a note set beside the text). Then it takes the next free
// "-2", or, in a series the page takes whole ("sn-…"), "section-" before
// it; and the page keeps every id once, so that no link to a section
// leads elsewhere.
func TestSectionIDsAvoidThePagesOwnIDs(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "text", "02-stone.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	headings := []struct{ title, id string }{
		{"Main", "main-2"}, {"P1", "p1-2"}, {"Toast", "toast-2"}, {"Site search q", "site-search-q-2"},
		{"Sn n1", "section-sn-n1"}, {"Site search opt 0", "section-site-search-opt-0"}, {"Keepers", "keepers"},
	}
	var more strings.Builder
	for _, h := range headings {
		more.WriteString("\n## " + h.title + "\n\nA paragraph of the section.\n")
	}
	if err := os.WriteFile(file, append(src, more.String()...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%s", res.Diags)
	}
	var page string
	for _, f := range res.Files {
		if f.Path == "text/stone.html" {
			page = string(f.Data)
		}
	}
	if page == "" {
		t.Fatal("no text/stone.html")
	}
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
	seen := map[string]int{}
	for _, m := range anyIDRE.FindAllStringSubmatch(page, -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q is on %d elements of the chapter page", id, n)
		}
	}
}
