package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"edition/generator/diag"
	"edition/generator/site"
)

// The tests in this file check the folders' pages: a reader who trims a
// page's address to its folder (text/overview.html to text/, a source's
// page to sources/) finds a page there, one that leads on to the page that
// lists the folder's pages, on any static host and from disk, with no
// script.

// noindex reports whether a page asks search engines not to index it.
func noindex(doc *html.Node) bool {
	return find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && attr(n, "name") == "robots" && strings.Contains(attr(n, "content"), "noindex")
	}) != nil
}

// leadsOn reports whether the HTML file at p (a file path) refreshes to
// another page.
func leadsOn(t *testing.T, p string) bool {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return refresh(doc) != nil
}

// refresh returns a page's <meta http-equiv="refresh">, or nil.
func refresh(doc *html.Node) *html.Node {
	return find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "refresh")
	})
}

// buildFixture builds the fixture edition into t.TempDir(), with
// edition.yaml's base_url set to base unless base is "".
func buildFixture(t *testing.T, base string) string {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS(fixtureContent)); err != nil {
		t.Fatal(err)
	}
	if base != "" {
		yaml, err := os.ReadFile(filepath.Join(content, "edition.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		yaml = append(yaml, "\nbase_url: "+base+"\n"...)
		if err := os.WriteFile(filepath.Join(content, "edition.yaml"), yaml, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	res, err := site.Build(site.Options{Content: content, Templates: repoTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("the fixture does not build:\n%v", res.Diags.Err())
	}
	return out
}

// TestFolderPages: text/ and sources/, which hold pages but none that lists
// them, each get an index.html that leads to the page that does (the title
// page's contents, the bibliography) by a refresh and by a link in a
// sentence, in the site's layout; it asks not to be indexed, names its
// target as canonical when the edition has a base URL, and is in neither
// the sitemap nor the search. The kinds' folders keep their A–Z pages.
func TestFolderPages(t *testing.T) {
	const base = "https://example.org/eddystone/"
	for _, withBase := range []bool{false, true} {
		name := "without base_url"
		if withBase {
			name = "with base_url"
		}
		t.Run(name, func(t *testing.T) {
			b := ""
			if withBase {
				b = base
			}
			out := buildFixture(t, b)
			home := readPage(t, out, "index.html")
			if home.byID("contents-h") == nil {
				t.Fatal("the title page has no contents (#contents-h): the test expects the repository's home.html")
			}
			for _, c := range []struct {
				folder, target, canonical, words string
			}{
				{"text/", "index.html#contents-h", base, "title page"},
				{"sources/", "bibliography.html", base + "bibliography.html", "bibliography"},
			} {
				p := c.folder + "index.html"
				pg := readPage(t, out, p)
				r := refresh(pg.Doc)
				if r == nil {
					t.Errorf("%s: no <meta http-equiv=\"refresh\">", p)
					continue
				}
				delay, url, ok := strings.Cut(attr(r, "content"), ";")
				url = strings.TrimSpace(url)
				if !ok || strings.TrimSpace(delay) != "0" || !strings.HasPrefix(url, "url=") {
					t.Errorf("%s: refresh %q, want \"0; url=…\"", p, attr(r, "content"))
					continue
				}
				href := strings.TrimPrefix(url, "url=")
				if strings.Contains(href, "//") || strings.HasPrefix(href, "/") {
					t.Errorf("%s: refreshes to %q, not a relative URL", p, href)
				}
				if got := pg.resolve(href); got != c.target {
					t.Errorf("%s: refreshes to %q (%s), want %s", p, href, got, c.target)
				}
				if !noindex(pg.Doc) {
					t.Errorf("%s: no <meta name=\"robots\" content=\"noindex\">", p)
				}
				var canon []string
				for _, l := range findAll(pg.Doc, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "canonical" }) {
					canon = append(canon, attr(l, "href"))
				}
				switch {
				case !withBase && len(canon) > 0:
					t.Errorf("%s: canonical %q without a base URL", p, canon)
				case withBase && (len(canon) != 1 || canon[0] != c.canonical):
					t.Errorf("%s: canonical %q, want %s", p, canon, c.canonical)
				}
				// What a reader whose browser stays sees: the site's page,
				// with a sentence whose link leads where the refresh does.
				main := find(pg.Doc, is(atom.Main))
				if main == nil || find(pg.Doc, tagClass(atom.Header, "site-header")) == nil ||
					find(pg.Doc, tagClass(atom.Footer, "site-footer")) == nil ||
					find(pg.Doc, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "stylesheet" }) == nil {
					t.Errorf("%s: not in the site's layout (main, header, footer, style sheet)", p)
					continue
				}
				if find(main, is(atom.H1)) == nil {
					t.Errorf("%s: no heading", p)
				}
				link := find(main, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == href })
				if link == nil {
					t.Errorf("%s: no link to %s in the page's text: %q", p, href, collapse(textOf(main)))
				} else if para := ancestor(link, is(atom.P)); para == nil || !strings.Contains(textOf(link), c.words) {
					t.Errorf("%s: the link %q is not in a sentence that names the %s", p, collapse(textOf(link)), c.words)
				}
			}
			// The kinds' folders have their A–Z pages, which lead nowhere.
			for _, k := range []string{"concepts", "people", "places"} {
				if pg := readPage(t, out, k+"/index.html"); refresh(pg.Doc) != nil || noindex(pg.Doc) {
					t.Errorf("%s/index.html, the A–Z page, refreshes or asks not to be indexed", k)
				}
			}
			// Neither is in the search, nor (with a base URL) in the sitemap,
			// which lists their targets.
			err := filepath.WalkDir(filepath.Join(out, "search"), func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				for _, folder := range []string{"text/index.html", "sources/index.html"} {
					if strings.Contains(string(b), folder) {
						t.Errorf("the search's %s names %s", filepath.Base(p), folder)
					}
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			sm, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
			if !withBase {
				if err == nil {
					t.Error("a sitemap without a base URL")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range []string{base + "text/", base + "sources/", base + "text/index.html", base + "sources/index.html"} {
				if strings.Contains(string(sm), "<loc>"+u+"</loc>") {
					t.Errorf("sitemap.xml lists %s", u)
				}
			}
			for _, u := range []string{base, base + "bibliography.html", base + "text/first-lights.html", base + "concepts/"} {
				if !strings.Contains(string(sm), "<loc>"+u+"</loc>") {
					t.Errorf("sitemap.xml does not list %s", u)
				}
			}
		})
	}
}

// TestLinksToFolders: an author may link to the text's folder or the
// sources', as to any folder of the site: the link checker reads a folder
// as its index.html, which the site now has. So it does in a build with
// errors, which checks links against the pages it would make.
func TestLinksToFolders(t *testing.T) {
	const links = "See [the contents](./), [the sources](../sources/) and [the concepts](../concepts/).\n"
	for _, broken := range []bool{false, true} {
		text := "---\ntitle: A\n---\nText.[^1] " + links + "\n[^1]: As said [@work].\n"
		if broken {
			text = strings.Replace(text, "[@work]", "[@unknownwork]", 1)
		}
		dir := writeEdition(t, map[string]string{
			"edition.yaml":      minimalEdition,
			"bibliography.yaml": "references:\n  - id: work\n    type: book\n    title: Work\n",
			"text/01-a.md":      text,
		})
		res := site.Generate(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates})
		var errs []diag.Diagnostic
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		if !broken {
			if len(errs) > 0 {
				t.Errorf("links to folders: %v", res.Diags.Err())
			}
			continue
		}
		// The one error is the citation's: none of the links is said to
		// lead nowhere.
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "unknownwork") {
			t.Errorf("in a build with an error, want only the citation's error; got:\n%v", res.Diags.Err())
		}
	}
}
