package notes_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/internal/golden"
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

	fresh := golden.CheckRelease(t, docs, func(src string) (string, func() string, func()) {
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
		return again(), again, o.Release
	})
	if !strings.Contains(fresh[0], "refs [r-n40 r-n40-2 r-n40-3]") {
		t.Errorf("the many notes are not referenced as meant:\n%s", fresh[0])
	}
}
