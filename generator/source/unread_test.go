package source_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// deniedFS is fsys with the files and folders of denied unreadable, as
// those whose permissions keep the user out are.
type deniedFS struct {
	fstest.MapFS
	denied map[string]bool
}

// deny is the error of reaching name, if it is denied.
func (d deniedFS) deny(name string) error {
	if d.denied[name] {
		return &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return nil
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if err := d.deny(name); err != nil {
		return nil, err
	}
	return d.MapFS.Open(name)
}

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := d.deny(name); err != nil {
		return nil, err
	}
	return d.MapFS.ReadDir(name)
}

func (d deniedFS) ReadFile(name string) ([]byte, error) {
	if err := d.deny(name); err != nil {
		return nil, err
	}
	return d.MapFS.ReadFile(name)
}

// TestUnreadFilesLeaveTheRestToCheck: a file that cannot be read, or
// whose front matter does not parse, is an error that says what it leaves
// unchecked, and the other files are read all the same; a chapter whose
// front matter does not parse, or gives no title, is kept, marked
// Unread, for its text to be checked; and a folder where a file should be is said as such.
func TestUnreadFilesLeaveTheRestToCheck(t *testing.T) {
	fsys := deniedFS{MapFS: fstest.MapFS{
		"edition.yaml":            {Data: []byte("title: T\nkinds:\n  - key: concept\n")},
		"text/01-one.md":          {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"text/02-denied.md":       {Data: []byte("---\ntitle: Two\n---\nText.\n")},
		"text/03-bad-yaml.md":     {Data: []byte("---\ntitle: \"Three\n---\nIts text.\n")},
		"text/04-unclosed.md":     {Data: []byte("---\ntitle: Four\nIts text.\n")},
		"text/05-latin1.md":       {Data: []byte("---\ntitle: Five\n---\nCaf\xe9.\n")},
		"text/06-one.md":          {Data: []byte("---\ntitle: [\n---\nA guess of the slug “one”, which 01-one.md has.\n")},
		"text/07-titel.md":        {Data: []byte("---\ntitel: Seven\n---\nIts text.\n")},
		"registry/concept/a.md":   {Data: []byte("---\nname: A\n---\n")},
		"registry/concept/b.md":   {Data: []byte("---\nname: \"B\n---\n")},
		"bibliography.yaml/x.txt": {Data: []byte("a folder where the file should be\n")},
		"pages/about.md":          {Data: []byte("---\ntitle: About\n---\nText.\n")},
	}, denied: map[string]bool{"text/02-denied.md": true}}
	c, diags := source.Load(fsys, "content")
	want := []string{
		`content/text/02-denied.md: error: cannot read the file: permission denied; the chapter's text is not checked until it reads (make the file readable, with chmod a+r say)`,
		`content/text/03-bad-yaml.md:2:8: error: malformed YAML: a quotation mark is never closed (close the quotation with " on this line)`,
		`content/text/04-unclosed.md:1:1: error: front matter opened on line 1 is never closed; the chapter's text is not checked until it reads (add a line “---” after the last front-matter field)`,
		`content/text/05-latin1.md:4:4: error: the file is not valid UTF-8 (byte 0xe9); the chapter's text is not checked until it reads (save the file as UTF-8)`,
		`content/text/06-one.md:2: error: malformed YAML: did not find expected node content; the chapter's text is not checked until it reads (check the indentation and quote values that contain “: ” or start with a special character)`,
		`content/text/07-titel.md:2:1: error: unknown field "titel" in the chapter's front matter, and the chapter has no title (did you mean “title”?)`,
		`content/registry/concept/b.md:2:7: error: malformed YAML: a quotation mark is never closed (close the quotation with " on this line)`,
		`content/bibliography.yaml: error: bibliography.yaml is a folder, where the edition reads a file (rename or move the folder, and put the file in its place)`,
	}
	got := diags.Strings()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing diagnostic\n  %s\ngot:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	if len(got) != len(want) && !t.Failed() {
		t.Errorf("%d diagnostics, want %d:\n  %s", len(got), len(want), strings.Join(got, "\n  "))
	}
	if !c.Read {
		t.Error("Read is false, though edition.yaml was read")
	}
	var chapters []string
	for _, ch := range c.Chapters {
		chapters = append(chapters, ch.File+" "+ch.Slug+map[bool]string{true: " unread"}[ch.Unread])
	}
	// 06's guessed slug is 01's: its text is not checked, rather than
	// said to take another chapter's slug.
	// 07 has no title: it is kept for its text, as 03 is.
	if want := []string{"content/text/01-one.md one", "content/text/03-bad-yaml.md bad-yaml unread", "content/text/07-titel.md titel unread"}; !slices.Equal(chapters, want) {
		t.Errorf("chapters %q, want %q", chapters, want)
	}
	if ch := c.Chapters[1]; ch.Title != "" || string(ch.Body) != "Its text.\n" || ch.BodyLine != 4 {
		t.Errorf("the chapter whose front matter does not parse has title %q, body %q at line %d; want none, its text, line 4", ch.Title, ch.Body, ch.BodyLine)
	}
	if len(c.Entries) != 1 || len(c.Pages) != 1 {
		t.Errorf("%d entries and %d pages read, want 1 and 1", len(c.Entries), len(c.Pages))
	}

	// Memo.Load says the same.
	_, mdiags := source.NewMemo().Load(fsys, "content")
	if !slices.Equal(mdiags.Strings(), got) {
		t.Errorf("Memo.Load says\n  %s\nLoad says\n  %s", strings.Join(mdiags.Strings(), "\n  "), strings.Join(got, "\n  "))
	}
}

// TestUnreadEditionSaysNothingElseIsChecked: without edition.yaml read,
// nothing else is, and its error says so.
func TestUnreadEditionSaysNothingElseIsChecked(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":   {Data: []byte("title: \"T\nkinds: []\n")},
		"text/01-one.md": {Data: []byte("---\ntitle: [\n---\nText.\n")},
	}
	for _, load := range []func(fs.FS, string) (*source.Content, []string){
		func(f fs.FS, d string) (*source.Content, []string) {
			c, ds := source.Load(f, d)
			return c, ds.Strings()
		},
		func(f fs.FS, d string) (*source.Content, []string) {
			c, ds := source.NewMemo().Load(f, d)
			return c, ds.Strings()
		},
	} {
		c, got := load(fsys, "content")
		want := []string{`content/edition.yaml:1:8: error: malformed YAML: a quotation mark is never closed; the rest of the content is not checked without it (close the quotation with " on this line)`}
		if !slices.Equal(got, want) {
			t.Errorf("diagnostics\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		if c.Read || len(c.Chapters) > 0 {
			t.Errorf("Read %v, %d chapters: want false and none", c.Read, len(c.Chapters))
		}
	}
}

// TestUnlistedFolderIsSaidAndTheRestRead: a folder of the registry or the
// text that cannot be listed is an error at the folder, saying that none
// of its files is read; its sibling folders and the files before and after
// it are read all the same.
func TestUnlistedFolderIsSaidAndTheRestRead(t *testing.T) {
	fsys := deniedFS{MapFS: fstest.MapFS{
		"edition.yaml":             {Data: []byte("title: T\nkinds:\n  - key: concept\n  - key: actor\n")},
		"text/01-one.md":           {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"text/part/02-two.md":      {Data: []byte("---\ntitle: Two\n---\nText.\n")},
		"text/03-three.md":         {Data: []byte("---\ntitle: Three\n---\nText.\n")},
		"registry/actor/a.md":      {Data: []byte("---\nname: A\n---\n")},
		"registry/concept/b.md":    {Data: []byte("---\nname: B\n---\n")},
		"registry/concept/deep.md": {Data: []byte("---\nname: Deep\n---\n")},
	}, denied: map[string]bool{"text/part": true, "registry/concept": true}}
	c, diags := source.Load(fsys, "content")
	want := []string{
		`content/text/part: error: cannot list the folder: permission denied; none of its files is read (make the folder readable, with chmod a+rx say)`,
		`content/registry/concept: error: cannot list the folder: permission denied; none of its files is read (make the folder readable, with chmod a+rx say)`,
	}
	got := diags.Strings()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing diagnostic\n  %s\ngot:\n  %s", w, strings.Join(got, "\n  "))
		}
	}
	var chapters, entries []string
	for _, ch := range c.Chapters {
		chapters = append(chapters, ch.Slug)
	}
	for _, e := range c.Entries {
		entries = append(entries, e.Name)
	}
	if !slices.Equal(chapters, []string{"one", "three"}) || !slices.Equal(entries, []string{"A"}) {
		t.Errorf("read chapters %q and entries %q, want [one three] and [A]", chapters, entries)
	}
}
