package render_test

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"edition/generator/render"
)

// editionTemplates is the edition's templates folder, assets included,
// in memory, with the text of the template name changed by edit.
func editionTemplates(t *testing.T, name string, edit func(string) string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../templates"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("../../templates/" + p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	before := string(fsys[name].Data)
	if after := edit(before); after != before {
		fsys[name].Data = []byte(after)
	} else {
		t.Fatalf("the edit of %s changes nothing", name)
	}
	return fsys
}

// TestLoadReadsWhatTemplatesThatDoNotParseLeave: templates that do not
// parse make no page, but their assets are read and their ids known, as
// a build checks its content against them.
func TestLoadReadsWhatTemplatesThatDoNotParseLeave(t *testing.T) {
	for _, name := range []string{"layout.html", "_reuse.html", "chapter.html"} {
		t.Run(name, func(t *testing.T) {
			fsys := editionTemplates(t, name, func(s string) string { return "{{if}}" + s })
			tmpl, ds := render.Load(fsys, "templates")
			if !ds.HasErrors() {
				t.Fatal("templates that do not parse load")
			}
			assets := map[string]bool{}
			for _, f := range tmpl.Assets() {
				assets[f.Path] = true
			}
			for _, a := range []string{"assets/icon.svg", "assets/style.css", "assets/edition.js"} {
				if !assets[a] {
					t.Errorf("%s is not among the assets: %v", a, assets)
				}
			}
			for _, id := range []string{"main", "chapter-title", "notes-h", "site-search-q", "toast", "sn-n1"} {
				if !tmpl.IDs().Has(id) {
					t.Errorf("%q is not among the templates' ids", id)
				}
			}
		})
	}
}

// TestLoadSaysALayoutThatDoesNotParseOnce: a layout.html that does not
// parse is one error, at its line, not also a layout said to be missing;
// a folder without layout.html still says so.
func TestLoadSaysALayoutThatDoesNotParseOnce(t *testing.T) {
	fsys := editionTemplates(t, "layout.html", func(s string) string { return "\n{{if}}" + s })
	_, ds := render.Load(fsys, "templates")
	if len(ds) != 1 || ds[0].String() != "templates/layout.html:2: error: template error: missing value for if (fix the template)" {
		t.Errorf("a layout that does not parse: want one error at templates/layout.html:2, got\n%v", ds)
	}
	delete(fsys, "layout.html")
	_, ds = render.Load(fsys, "templates")
	if len(ds) != 1 || ds[0].String() != "templates/layout.html: error: missing layout template (add the layout template)" {
		t.Errorf("no layout: want one error, the layout missing, got\n%v", ds)
	}
}

// TestLoadSaysEveryTemplateThatDoesNotParse: with the layout broken, a
// page template that does not parse is said too, in the same build, not
// only once the layout is fixed.
func TestLoadSaysEveryTemplateThatDoesNotParse(t *testing.T) {
	fsys := editionTemplates(t, "layout.html", func(s string) string { return "\n{{if}}" + s })
	fsys["entry.html"].Data = append([]byte("\n\n{{end}}"), fsys["entry.html"].Data...)
	_, ds := render.Load(fsys, "templates")
	ds.Sort()
	want := []string{
		"templates/entry.html:3: error: template error: unexpected {{end}} (fix the template)",
		"templates/layout.html:2: error: template error: missing value for if (fix the template)",
	}
	if len(ds) != len(want) {
		t.Fatalf("want %d errors, got\n%v", len(want), ds)
	}
	for i, w := range want {
		if ds[i].String() != w {
			t.Errorf("error %d: want\n  %s\ngot\n  %s", i+1, w, ds[i])
		}
	}
}
