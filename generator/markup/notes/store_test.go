package notes_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/notes"
)

// TestReleasedNotesAreReused converts documents one after another, each
// released when rendered, so that each takes the notes and references of
// those before (more of them, or fewer), and checks that each renders,
// with its list of notes, as it does with notes of its own; and that a
// document never released keeps them.
func TestReleasedNotesAreReused(t *testing.T) {
	md := newMarkdown()
	var many strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&many, "Paragraph %d.[^%d] Again.[^%d]\n\n", i, i, i)
	}
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&many, "[^%d]: Note %d, see [^%d].\n", i, i, 41-i)
	}
	few := "One[^ed-a] and two.[^*]\n\n[^*]: Star.\n[^ed-a]: Editor's.\n[^unused]: Never.\n"
	docs := []string{many.String(), few, many.String(), "No notes.\n", few}

	render := func(src string, release bool) (string, func() string) {
		o := &notes.Options{}
		pc := parser.NewContext()
		notes.With(pc, o)
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		list := notes.List(pc)
		again := func() string {
			var b bytes.Buffer
			if err := md.Renderer().Render(&b, []byte(src), doc); err != nil {
				t.Fatal(err)
			}
			for _, n := range list {
				var refs []string
				for _, r := range n.Refs {
					refs = append(refs, r.ID)
				}
				fmt.Fprintf(&b, "== note %s: label %q, %s, marker %q, refs %v\n", n.ID, n.Label, n.Series, n.Marker, refs)
				if err := md.Renderer().Render(&b, []byte(src), n.Node); err != nil {
					t.Fatal(err)
				}
			}
			return b.String()
		}
		out := again()
		if release {
			o.Release()
			o.Release() // a second time does nothing
		}
		return out, again
	}
	fresh := make([]string, len(docs))
	for i, src := range docs {
		fresh[i], _ = render(src, false)
	}
	_, kept := render(docs[0], false)
	for i, src := range docs {
		if got, _ := render(src, true); got != fresh[i] {
			t.Errorf("document %d with released notes:\n%s\nwant\n%s", i, got, fresh[i])
		}
	}
	if got := kept(); got != fresh[0] {
		t.Errorf("a document not released changed:\n%s\nwant\n%s", got, fresh[0])
	}
	if !strings.Contains(fresh[0], "refs [r-n40 r-n40-2 r-n40-3]") {
		t.Errorf("the many notes are not referenced as meant:\n%s", fresh[0])
	}
}
