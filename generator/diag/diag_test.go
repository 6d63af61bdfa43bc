package diag

import (
	"slices"
	"testing"
)

// TestAddToError: the clause goes to the first error at the file, not to
// a warning there nor to an error elsewhere, and a file without an error
// is reported as such.
func TestAddToError(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "a.md", Line: 1}, "", "a warning")
	l.Errorf(Pos{File: "b.md", Line: 2}, "", "b's error")
	l.Errorf(Pos{File: "a.md", Line: 3}, "", "a's first error")
	l.Errorf(Pos{File: "a.md", Line: 4}, "", "a's second error")
	if !l.AddToError("a.md", "the rest waits") {
		t.Error("AddToError found no error at a.md")
	}
	if l.AddToError("c.md", "nothing") {
		t.Error("AddToError found an error at c.md, which has none")
	}
	got := []string{l[0].Message, l[1].Message, l[2].Message, l[3].Message}
	want := []string{"a warning", "b's error", "a's first error; the rest waits", "a's second error"}
	if !slices.Equal(got, want) {
		t.Errorf("messages %q, want %q", got, want)
	}
}
