package source_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// TestMissingFieldSaidOnce: a required field misspelt (“nmae: Foo”) is one
// mistake, said once, at the misspelt field: its error says the field is
// missing too. A required field given a value of the wrong kind has its
// error and no second one; one left empty is named at its own line.
func TestMissingFieldSaidOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":        {Data: []byte("titel: T\nkinds:\n  - kye: concept\n    types: [doctrine, norm]\n  - key: actor\n")},
		"text/01-one.md":      {Data: []byte("---\ntilte: One\n---\nText.\n")},
		"text/02-two.md":      {Data: []byte("---\ntitle: [One, Two]\n---\nText.\n")},
		"registry/actor/a.md": {Data: []byte("---\nnmae: A\naliases: [A]\n---\nBody.\n")},
		"registry/actor/b.md": {Data: []byte("---\nname:\naliases: [B]\n---\nBody.\n")},
		"registry/actor/c.md": {Data: []byte("---\nname: {first: C}\n---\nBody.\n")},
		"registry/actor/d.md": {Data: []byte("---\nnmae: D\nname: D\n---\nBody.\n")},
		"registry/actor/e.md": {Data: []byte("---\n- E\n---\nBody.\n")},
		"registry/actor/f.md": {Data: []byte("---\nname: \"  \"\n---\nBody.\n")},
		"text/03-three.md":    {Data: []byte("---\njust a title\n---\nText.\n")},
		"bibliography.yaml":   {Data: []byte("references:\n  - id: r1\n    tipe: book\n    titel: T\n  - di: r2\n    type: book\n    title: T\n")},
	}
	_, diags := source.Load(fsys, "content")
	want := []string{
		`content/edition.yaml:1:1: error: unknown field "titel" in edition.yaml, and edition.yaml has no title (did you mean “title”?)`,
		`content/edition.yaml:3:5: error: unknown field "kye" in a kind, and the kind has no key (did you mean “key”?)`,
		`content/text/01-one.md:2:1: error: unknown field "tilte" in the chapter's front matter, and the chapter has no title (did you mean “title”?)`,
		`content/text/02-two.md:2:8: error: title must be text, not a list (give a single value)`,
		`content/registry/actor/a.md:2:1: error: unknown field "nmae" in the entry's front matter, and the entry has no name (did you mean “name”?)`,
		`content/registry/actor/b.md:2:1: error: the entry has no name (give “name:” a value)`,
		`content/registry/actor/c.md:2:7: error: name must be text, not a mapping (give a single value)`,
		`content/registry/actor/f.md:2:1: error: the entry has no name (give “name:” a value)`, // spaces are none
		// The name is there: the misspelt field is only unknown.
		`content/registry/actor/d.md:2:1: error: unknown field "nmae" in the entry's front matter (did you mean “name”?)`,
		// Not fields at all: that, and not each field missing.
		`content/registry/actor/e.md:2:1: error: the entry's front matter must be a mapping of fields, not a list (write “field: value” lines)`,
		`content/text/03-three.md:2:1: error: the chapter's front matter must be a mapping of fields, not the value "just a title" (write “field: value” lines)`,
		`content/bibliography.yaml:3:5: error: unknown field "tipe" in a bibliography record, and record "r1" has no type (did you mean “type”?)`,
		`content/bibliography.yaml:4:5: error: unknown field "titel" in a bibliography record, and record "r1" has no title (did you mean “title”?)`,
		`content/bibliography.yaml:5:5: error: unknown field "di" in a bibliography record, and the record has no id (did you mean “id”?)`,
	}
	got := diags.Strings()
	for _, w := range want {
		n := 0
		for _, g := range got {
			if g == w {
				n++
			}
		}
		if n != 1 {
			t.Errorf("want once, found %d times: %s", n, w)
		}
	}
	// Each file's mistakes are the ones above, and no more.
	for _, g := range got {
		if strings.Contains(g, "has no") || strings.Contains(g, "needs a") {
			if !strings.Contains(g, "unknown field") && !strings.Contains(g, "give “name:” a value") {
				t.Errorf("a second error for a mistake said already: %s", g)
			}
		}
	}
	if t.Failed() {
		t.Logf("all diagnostics:\n%s", strings.Join(got, "\n"))
	}
}

// TestEmptyFileSaidOnce: an empty file, or an entry without front matter,
// is one mistake, said once at the file's start, not as each field it
// lacks.
func TestEmptyFileSaidOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":             {Data: []byte("title: T\nkinds:\n  - key: concept\n    types: [doctrine, norm]\n")},
		"text/01-one.md":           {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"text/02-empty.md":         {Data: []byte("\n  \n")},
		"registry/concept/a.md":    {Data: []byte("")},
		"registry/concept/b.md":    {Data: []byte("The annotation, but no front matter.\n")},
		"registry/concept/c.md":    {Data: []byte("---\n---\nThe annotation.\n")},
		"registry/concept/fine.md": {Data: []byte("---\nname: Fine\ntype: norm\n---\n")},
	}
	_, diags := source.Load(fsys, "content")
	want := []string{
		`content/text/02-empty.md:1:1: error: the file is empty (write the chapter: a line “---”, “title: …”, a line “---”, then its text; or remove the file)`,
		`content/registry/concept/a.md:1:1: error: the file is empty (write the entry, or remove the file: a line “---”, “name: …”, “type: …”, “aliases: […]”, a line “---”, then its annotation)`,
		`content/registry/concept/b.md:1:1: error: the entry has no front matter (begin the file with its front matter: a line “---”, “name: …”, “type: …”, “aliases: […]”, a line “---”)`,
		`content/registry/concept/c.md:1:1: error: the entry's front matter is empty (write its fields between the lines “---”: “name: …”, “type: …”, “aliases: […]”)`,
	}
	if got := diags.Strings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNoKindsSaidOnce: an edition.yaml that declares no kind leaves every
// registry folder unread: one error that names them all, not one a
// folder; an empty edition.yaml is one error, not a missing title and
// that.
func TestNoKindsSaidOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":          {Data: []byte("title: T\n")},
		"text/01-one.md":        {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"registry/concept/a.md": {Data: []byte("---\nname: A\n---\n")},
		"registry/concept/b.md": {Data: []byte("---\nname: B\n---\n")},
		"registry/person/c.md":  {Data: []byte("---\nname: C\n---\n")},
		"registry/place/x/d.md": {Data: []byte("---\nname: D\n---\n")},
	}
	_, diags := source.Load(fsys, "content")
	want := `content/registry: error: edition.yaml declares no kinds, so the registry's folders are not read: concept, person, place (declare each under “kinds:” in edition.yaml: “- key: concept”, “- key: person”, “- key: place”)`
	if got := strings.Join(diags.Strings(), "\n"); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}

	fsys["edition.yaml"] = &fstest.MapFile{Data: []byte("\n")}
	_, diags = source.Load(fsys, "content")
	want = `content/edition.yaml:1:1: error: edition.yaml is empty; the rest of the content is not checked without it (write the edition's “title: …” and its “kinds:”, one “- key: …” for each folder of registry/)`
	if got := strings.Join(diags.Strings(), "\n"); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}
