package source_test

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// editionFS copies the edition in content/ into memory.
func editionFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("../../content/" + p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sameLoad checks that the memo gives what a fresh Load gives.
func sameLoad(t *testing.T, m *source.Memo, fsys fs.FS) {
	t.Helper()
	want, wantDiags := source.Load(fsys, "content")
	got, gotDiags := m.Load(fsys, "content")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Memo.Load differs from Load")
	}
	if !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Fatalf("Memo.Load diagnostics %v, Load %v", gotDiags, wantDiags)
	}
}

func TestMemoReparsesOnlyChangedFiles(t *testing.T) {
	fsys := editionFS(t)
	m := source.NewMemo()
	sameLoad(t, m, fsys)
	if m.Parsed() < 100 {
		t.Fatalf("first load parsed %d files; want every file", m.Parsed())
	}
	sameLoad(t, m, fsys)
	if m.Parsed() != 0 {
		t.Errorf("a second load of the same files parsed %d", m.Parsed())
	}

	// One chapter changes: only it is parsed again.
	ch := fsys["text/01-overview.md"]
	ch.Data = []byte(strings.Replace(string(ch.Data), "The issues of force", "The questions of force", 1))
	sameLoad(t, m, fsys)
	if m.Parsed() != 1 {
		t.Errorf("after one chapter changed, %d files were parsed; want 1", m.Parsed())
	}

	// An error in an entry is reported again at every load, until fixed.
	e := fsys["registry/actor/kofi-annan.md"]
	good := e.Data
	e.Data = []byte(strings.Replace(string(good), "type: person", "type: persn", 1))
	for range 2 {
		_, diags := m.Load(fsys, "content")
		if !strings.Contains(diags.Err().Error(), `kofi-annan.md:4:7: error: type "persn" is not a type of Actors`) {
			t.Fatalf("the bad type is not reported: %v", diags)
		}
	}
	e.Data = good
	sameLoad(t, m, fsys)

	// A kind's types change in edition.yaml: its entries are read again,
	// since their type is checked against the kind.
	ed := fsys["edition.yaml"]
	ed.Data = []byte(strings.Replace(string(ed.Data), "types: [person, state, organization, group]", "types: [person, state, organization, group, body]", 1))
	sameLoad(t, m, fsys)
	actors, _ := fs.Glob(fsys, "registry/actor/*.md")
	if m.Parsed() != len(actors)+1 {
		t.Errorf("after the actor kind changed, %d files were parsed; want the %d actors and edition.yaml", m.Parsed(), len(actors))
	}

	// A file removed is gone from the content.
	delete(fsys, "registry/actor/kofi-annan.md")
	sameLoad(t, m, fsys)
}

// TestMemoHandsOutCopies: filling in a loaded entry does not change what
// the next load returns.
func TestMemoHandsOutCopies(t *testing.T) {
	fsys := editionFS(t)
	m := source.NewMemo()
	c, _ := m.Load(fsys, "content")
	for _, e := range c.Entries {
		e.Summary = "changed by the caller"
	}
	for _, s := range c.Sources {
		s.Label = "changed by the caller"
	}
	sameLoad(t, m, fsys)
}
