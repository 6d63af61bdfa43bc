package render_test

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"edition/generator/index"
	"edition/generator/render"
	"edition/generator/site"
)

var (
	classAttrRE = regexp.MustCompile(`\sclass="([^"]*)"`)
	cssClassRE  = regexp.MustCompile(`\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)`)
)

// classCounts counts the class names of the HTML pages of files, page by
// page.
func classCounts(files []render.File) map[string]map[string]int {
	pages := map[string]map[string]int{}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		n := map[string]int{}
		for _, m := range classAttrRE.FindAllSubmatch(f.Data, -1) {
			for _, c := range strings.Fields(string(m[1])) {
				n[c]++
			}
		}
		pages[f.Path] = n
	}
	return pages
}

// stylesheetClasses is the class names the stylesheets' selectors use.
func stylesheetClasses(t *testing.T) map[string]bool {
	t.Helper()
	classes := map[string]bool{}
	for _, name := range []string{"style.css", "find.css"} {
		b, err := os.ReadFile(filepath.Join("../../templates/assets", name))
		if err != nil {
			t.Fatal(err)
		}
		// Outside declarations only: ".95rem" is not a class.
		css := regexp.MustCompile(`\{[^{}]*\}`).ReplaceAllString(string(b), "{}")
		for _, m := range cssClassRE.FindAllStringSubmatch(css, -1) {
			classes[m[1]] = true
		}
	}
	return classes
}

// A kind's key comes from the content, so it must not become a class the
// stylesheet styles: an edition whose kinds are called "cite", "count" and
// "toc" (classes of citations, counts of mentions and the chapter's
// contents) builds the same classes of the stylesheet's own as one whose
// kinds are called otherwise, page by page, and marks what is of a kind
// with "kind-" and the key instead.
func TestKindKeysDoNotBecomeStylesheetClasses(t *testing.T) {
	renamed := map[string]string{"concept": "cite", "person": "count", "place": "toc"}
	styled := stylesheetClasses(t)
	for _, k := range slices.Sorted(maps.Values(renamed)) {
		if !styled[k] {
			t.Fatalf("the stylesheets no longer have the class %q: pick another key for the test", k)
		}
	}
	plain := site.Generate(site.Options{Content: "../testdata/fixture/content", Templates: "../../templates"})
	if !plain.OK() {
		t.Fatalf("the fixture does not build:\n%s", plain.Diags)
	}

	// The fixture with its kinds' keys renamed: same names, same paths.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/fixture/content")); err != nil {
		t.Fatal(err)
	}
	refRE := regexp.MustCompile(`([^-a-z])(concept|person|place):([a-z0-9])`) // not publisher-place: …
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if filepath.Base(p) == "edition.yaml" {
			for old, k := range renamed {
				b = []byte(strings.Replace(string(b), "- key: "+old+"\n", "- key: "+k+"\n", 1))
			}
		} else {
			b = refRE.ReplaceAllFunc(b, func(m []byte) []byte {
				return []byte(string(m[:1]) + renamed[string(m[1:len(m)-2])] + string(m[len(m)-2:]))
			})
		}
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for old, k := range renamed {
		if err := os.Rename(filepath.Join(dir, "registry", old), filepath.Join(dir, "registry", k)); err != nil {
			t.Fatal(err)
		}
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatalf("the fixture with renamed kinds does not build:\n%s", res.Diags)
	}
	for _, k := range renamed {
		if _, ok := res.Index.Edition.Kind(k); !ok {
			t.Fatalf("the fixture with renamed kinds has no kind %q", k)
		}
	}

	before, after := classCounts(plain.Files), classCounts(res.Files)
	if len(before) != len(after) {
		t.Fatalf("renaming the kinds changed the pages: %d, then %d", len(before), len(after))
	}
	for _, p := range slices.Sorted(maps.Keys(before)) {
		for _, k := range slices.Sorted(maps.Values(renamed)) {
			if before[p][k] != after[p][k] {
				t.Errorf("%s: the class %q appears %d times, %d with the kinds of the fixture", p, k, after[p][k], before[p][k])
			}
		}
	}

	// What is of a kind is marked as such, everywhere it was.
	pages := map[string]string{}
	for _, f := range res.Files {
		pages[f.Path] = string(f.Data)
	}
	for _, want := range []struct{ page, html string }{
		{"text/stone.html", `<a class="mention kind-toc" href="../places/eddystone-lighthouse.html"`},
		{"text/first-lights.html", `<a class="mention kind-count" href="../people/smeaton.html"`},
		{"people/smeaton.html", `<body class="entry kind-count">`},
		{"people/smeaton.html", `<article class="entry-page kind-count"`},
		{"places/index.html", `<body class="kind kind-toc">`},
		{"places/index.html", `<a class="kind-toc" href="eddystone-lighthouse.html"`},
		{"search.html", `<a class="kind-cite" href="concepts/masonry.html">`},
		{"general-index.html", `<a class="heading kind-count" href="people/smeaton.html"`},
	} {
		if !strings.Contains(pages[want.page], want.html) {
			t.Errorf("%s lacks %s", want.page, want.html)
		}
	}
}

// The class names that begin with "kind-" are the kinds' own: in the
// edition's pages, each names a kind, and so does each rule of the
// stylesheets for one, so that no class of the layout's can be taken by a
// kind and every rule for a kind reaches its mentions.
func TestKindClassesAreTheirOwn(t *testing.T) {
	x, files := generate(t)
	kinds := map[string]bool{index.SourceKind.Key: true}
	for _, k := range x.Edition.Kinds {
		kinds[k.Key] = true
	}
	for c := range stylesheetClasses(t) {
		if k, ok := strings.CutPrefix(c, render.KindClassPrefix); ok && !kinds[k] {
			t.Errorf("the stylesheets style .%s, which is not a kind of the edition: keep the prefix %q for kinds", c, render.KindClassPrefix)
		}
	}
	seen := map[string]bool{}
	for p, n := range classCounts(fileList(files)) {
		for c := range n {
			if k, ok := strings.CutPrefix(c, render.KindClassPrefix); ok {
				seen[k] = true
				if !kinds[k] {
					t.Errorf("%s: the class %q names no kind", p, c)
				}
			}
		}
	}
	for k := range kinds {
		if !seen[k] {
			t.Errorf("no page marks anything with the class %q", render.KindClassPrefix+k)
		}
	}
	// The rules for mentions of actors and events reach them.
	text := string(files[x.Layout.Chapter(x.Chapters[0].Slug)])
	for _, k := range []string{"actor", "event", "source"} {
		if !strings.Contains(text, `<a class="mention kind-`+k+`"`) {
			t.Errorf("the text has no mention with the class kind-%s", k)
		}
	}
}

func fileList(files map[string][]byte) []render.File {
	var fs []render.File
	for p, b := range files {
		fs = append(fs, render.File{Path: p, Data: b})
	}
	return fs
}
