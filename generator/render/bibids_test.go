package render_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"edition/generator/site"
)

// A source whose id is one the page has of its own ("main", the skip
// link's target; "toast", the notice's box) gets "source-" before it on
// the bibliography page, so that the page keeps each id once; other
// sources keep theirs.
func TestBibliographyIDsAvoidThePagesOwn(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	bib := filepath.Join(dir, "bibliography.yaml")
	src, err := os.ReadFile(bib)
	if err != nil {
		t.Fatal(err)
	}
	more := ""
	for _, id := range []string{"main", "toast"} {
		more += "\n  - id: " + id + "\n    type: book\n    title: A Book Called " + id + "\n    author:\n      - {family: Writer, given: A.}\n    issued: {date-parts: [[1900]]}\n"
	}
	if err := os.WriteFile(bib, append(src, more...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%s", res.Diags)
	}
	var page string
	for _, f := range res.Files {
		if f.Path == "bibliography.html" {
			page = string(f.Data)
		}
	}
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(`\sid="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is on %d elements of the bibliography page", id, n)
		}
	}
	for _, id := range []string{"source-main", "source-toast", "smeaton1791"} {
		if ids[id] != 1 {
			t.Errorf("no item with the id %q", id)
		}
	}
}
