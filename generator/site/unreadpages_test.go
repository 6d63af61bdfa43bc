package site_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"edition/generator/site"
)

// TestFurtherPagesUnreadAreStillChecked: a further page whose front matter
// does not parse, or gives no title, is an error, and the mistakes of its
// text are reported in the same build, as a chapter's are; a page whose
// slug, guessed from its file's name, is another's is said not to be
// checked rather than to clash.
func TestFurtherPagesUnreadAreStillChecked(t *testing.T) {
	dir := writeEdition(t, map[string]string{
		"edition.yaml":                "title: Pages\nkinds:\n  - {key: concept, name: Concept, plural: Concepts, path: concepts}\n",
		"bibliography.yaml":           "references: []\n",
		"registry/concept/harbour.md": "---\nname: Harbour\naliases: [harbour]\n---\nA sheltered water.\n",
		"text/01-one.md":              "---\ntitle: One\n---\nThe harbour held.\n",
		"pages/about.md":              "---\ntitle: [About\n---\nSee [the lamp](concept:lamp).\n",
		"pages/colophon.md":           "---\ntitel: Colophon\n---\nSet in [a face](text/none.html).\n",
		"pages/02-about.md":           "---\ntitle: \"About\n---\nSee [the light](concept:light).\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diags {
		got = append(got, strings.TrimPrefix(d.String(), filepath.ToSlash(dir)+"/"))
	}
	// 02-about.md comes first and takes the guess "about"; about.md's
	// text is then not checked (a link to a page of the site's root
	// waits while a page does not read: it may be that page).
	want := []string{
		`content/pages/02-about.md:2:8: error: malformed YAML: a quotation mark is never closed (`,
		`content/pages/02-about.md:4:5: error: unknown entry "concept:light"`,
		`content/pages/about.md:2:8: error: malformed YAML: did not find expected ',' or ']'; the page's text is not checked until it reads (`,
		`content/pages/colophon.md:2:1: error: unknown field "titel" in the page's front matter, and the page has no title`,
		`content/pages/colophon.md:4:8: error: link "text/none.html" leads to text/none.html, which the site does not have`,
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("no diagnostic begins\n  %s\ngot:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	if len(got) != len(want) && !t.Failed() {
		t.Errorf("%d diagnostics, want %d:\n  %s", len(got), len(want), strings.Join(got, "\n  "))
	}
}
