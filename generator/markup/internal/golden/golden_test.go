package golden

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cases.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseFile(t *testing.T) {
	path := writeFile(t, `1: first
//- - - - - - - - -//
*a*

b
//- - - - - - - - -//
<p><em>a</em></p>
<p>b</p>
//= = = = = = = = = = = = = = = = = = = = = = = =//


2
//- - - - - - - - -//
//- - - - - - - - -//
//= = = = = = = = = = = = = = = = = = = = = = = =//
`)
	got, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{
		{No: 1, Description: "first", Markdown: "*a*\n\nb", Expected: "<p><em>a</em></p>\n<p>b</p>", Line: 1},
		{No: 2, Line: 12},
	}
	if !slices.Equal(got, want) {
		t.Errorf("ParseFile = %+v\nwant %+v", got, want)
	}
}

func TestParseFileErrors(t *testing.T) {
	const sep, end = "//- - - - - - - - -//\n", "//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
	for _, tt := range []struct {
		text, want string
	}{
		{"one\n" + sep + sep + end, ":1: a case starts with its number"},
		{"1\nx\n", ":2: want"},
		{"1\n" + sep + "md\n", "case 1: the Markdown does not end"},
		{"1\n" + sep + "md\n" + sep + "html\n", "case 1: the expected output does not end"},
		{"1\n" + sep + sep + end + "1: again\n" + sep + sep + end, ":5: case 1 is numbered like the case at line 1"},
	} {
		_, err := ParseFile(writeFile(t, tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseFile(%q): err = %v, want one containing %q", tt.text, err, tt.want)
		}
	}
	if _, err := ParseFile(filepath.Join(t.TempDir(), "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ParseFile(missing): err = %v", err)
	}
}

func TestReports(t *testing.T) {
	r := NewReports([]byte("ab\nçd [x]\n"))
	r.Add(7, hinted{"unknown", "check it"})
	r.Add(0, errors.New("plain"))
	if got, want := r.String(), "! 2:4: unknown (check it)\n! 1:1: plain\n"; got != want {
		t.Errorf("Reports = %q, want %q", got, want)
	}
	if got := NewReports(nil).String(); got != "" {
		t.Errorf("no reports = %q, want empty", got)
	}
}

type hinted struct{ msg, hint string }

func (h hinted) Error() string { return h.msg }
func (h hinted) Hint() string  { return h.hint }
