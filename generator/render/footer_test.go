package render_test

import (
	"html"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"edition/generator/render"
	"edition/generator/site"
)

var (
	footerRE     = regexp.MustCompile(`(?s)<footer class="site-footer">.*?</footer>`)
	footerLinkRE = regexp.MustCompile(`<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>`)
	apparatusRE  = regexp.MustCompile(`(?s)<section class="apparatus".*?</section>`)
)

// The further pages (About this edition, …) are linked from the footer of
// every page, in the edition's order (that of the title page), by relative
// links that hold under any subpath and from file://; a further page marks
// its own link as the current page, as the navigation does.
func TestFooterLinksEveryFurtherPage(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	// A second page, before "about.md" by its file's name, with a title
	// to escape.
	colophon := "---\ntitle: Colophon & <type>\n---\nSet in Source Serif.\n"
	if err := os.WriteFile(filepath.Join(dir, "pages", "00-colophon.md"), []byte(colophon), 0o644); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture with a colophon does not build:\n%s", res.Diags)
	}
	want := []struct{ path, title string }{{"colophon.html", "Colophon & <type>"}, {"about.html", "About this edition"}}
	pages := map[string]string{}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".html") {
			pages[f.Path] = string(f.Data)
		}
	}
	// The title page's order.
	var listed []string
	for _, m := range footerLinkRE.FindAllStringSubmatch(apparatusRE.FindString(pages["index.html"]), -1) {
		listed = append(listed, html.UnescapeString(m[3]))
	}
	if len(listed) < 2 || !slices.Equal(listed[len(listed)-2:], []string{want[0].title, want[1].title}) {
		t.Fatalf("the title page lists %q, not the further pages last in the order %q, %q", listed, want[0].title, want[1].title)
	}

	for _, p := range slices.Sorted(maps.Keys(pages)) {
		footer := footerRE.FindString(pages[p])
		if footer == "" {
			t.Errorf("%s has no footer", p)
			continue
		}
		links := footerLinkRE.FindAllStringSubmatch(footer, -1)
		if len(links) < len(want) {
			t.Errorf("%s: the footer has %d links", p, len(links))
			continue
		}
		for i, m := range links[len(links)-len(want):] {
			href, current, label := m[1], m[2] != "", html.UnescapeString(m[3])
			w := want[i]
			if label != w.title {
				t.Errorf("%s: the footer's link %d to a further page says %q, want %q", p, i+1, label, w.title)
			}
			if strings.HasPrefix(href, "/") || strings.Contains(href, ":") {
				t.Errorf("%s: the footer links %s by %q, not a relative link", p, w.path, href)
			} else if got := path.Join(path.Dir(p), href); got != w.path {
				t.Errorf("%s: the footer's link %q leads to %s, not %s", p, href, got, w.path)
			}
			if current != (p == w.path) {
				t.Errorf("%s: the footer's link to %s has aria-current=page: %v", p, w.path, current)
			}
		}
	}

	// The 404 page, served at any depth, links by absolute URLs when the
	// edition has a base URL: the further pages too.
	yml := filepath.Join(dir, "edition.yaml")
	b, err := os.ReadFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yml, append(b, "base_url: https://example.org/ed/\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res = site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture with a base URL does not build:\n%s", res.Diags)
	}
	i404 := slices.IndexFunc(res.Files, func(f render.File) bool { return f.Path == "404.html" })
	if i404 < 0 {
		t.Fatal("no 404.html")
	}
	links := footerLinkRE.FindAllStringSubmatch(footerRE.FindString(string(res.Files[i404].Data)), -1)
	if len(links) < len(want) {
		t.Fatalf("404.html: the footer has %d links", len(links))
	}
	for i, m := range links[len(links)-len(want):] {
		if u := "https://example.org/ed/" + want[i].path; m[1] != u {
			t.Errorf("404.html: the footer links %s by %q, not %q", want[i].path, m[1], u)
		}
	}
}
