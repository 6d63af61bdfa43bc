package cite_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/cite"
)

func TestParseItems(t *testing.T) {
	tests := []struct {
		give   string
		want   []cite.Item
		wantOK bool
	}{
		{"@bush2002", []cite.Item{{Key: "bush2002"}}, true},
		{"@bush2002, p. 15", []cite.Item{{Key: "bush2002", Locator: "p. 15"}}, true},
		{"@bush2002,p. 15", []cite.Item{{Key: "bush2002", Locator: "p. 15"}}, true},
		{"see @nss2002, chap. 2", []cite.Item{{Key: "nss2002", Prefix: "see", Locator: "chap. 2"}}, true},
		{"@a; @b, pp. 63–64", []cite.Item{{Key: "a"}, {Key: "b", Locator: "pp. 63–64"}}, true},
		{"see @a, 4; also @b", []cite.Item{{Key: "a", Prefix: "see", Locator: "4"}, {Key: "b", Prefix: "also"}}, true},
		{"-@bush2002", []cite.Item{{Key: "bush2002", SuppressAuthor: true}}, true},
		{"see -@bush2002, 3", []cite.Item{{Key: "bush2002", Prefix: "see", Locator: "3", SuppressAuthor: true}}, true},
		{"@bush2002 and elsewhere", []cite.Item{{Key: "bush2002", Suffix: "and elsewhere"}}, true},
		{"  @a  ;  @b  ", []cite.Item{{Key: "a"}, {Key: "b"}}, true},

		// Keys: letters, digits and "_", with internal punctuation.
		{"@doe:2002.a", []cite.Item{{Key: "doe:2002.a"}}, true},
		{"@un-charter", []cite.Item{{Key: "un-charter"}}, true},
		{"@_x1", []cite.Item{{Key: "_x1"}}, true},
		{"@doe.", []cite.Item{{Key: "doe", Suffix: "."}}, true},
		{"@Qián1996", []cite.Item{{Key: "Qián1996"}}, true},
		{"@{Bush 2002; draft}, p. 3", []cite.Item{{Key: "Bush 2002; draft", Locator: "p. 3"}}, true},
		{"@{x}", []cite.Item{{Key: "x"}}, true},

		// Not citations.
		{"", nil, false},
		{"sic", nil, false},
		{"@", nil, false},
		{"@ alone", nil, false},
		{"@{}", nil, false},
		{"@{unclosed", nil, false},
		{"@.x", nil, false},
		{"write to a@b.org", nil, false},
		{"@a; no key here", nil, false},

		// Backslash escapes are text.
		{`see \*this\* @a, p. 3\], \\`, []cite.Item{{Key: "a", Prefix: "see *this*", Locator: `p. 3], \`}}, true},
		{`@a \[sic\]`, []cite.Item{{Key: "a", Suffix: "[sic]"}}, true},
		{"@a;", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := cite.ParseItems([]byte(tt.give))
			got = withoutOffsets(got)
			if ok != tt.wantOK || !slices.Equal(got, tt.want) {
				t.Errorf("ParseItems(%q) = %+v, %v; want %+v, %v", tt.give, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParser(t *testing.T) {
	tests := []struct {
		desc string
		give string
		want []cite.Item // nil: not a citation, the parser takes nothing

		remainder string // what the parser leaves of give
	}{
		{
			desc:      "one key",
			give:      "[@bush2002] said",
			want:      []cite.Item{{Key: "bush2002"}},
			remainder: " said",
		},
		{
			desc:      "locator",
			give:      "[@bush2002, p. 15].",
			want:      []cite.Item{{Key: "bush2002", Locator: "p. 15"}},
			remainder: ".",
		},
		{
			desc:      "two items",
			give:      "[@a; @b, pp. 63–64]",
			want:      []cite.Item{{Key: "a"}, {Key: "b", Locator: "pp. 63–64"}},
			remainder: "",
		},
		{
			desc:      "nested brackets",
			give:      "[see [the report] @a][x]",
			want:      nil,
			remainder: "[see [the report] @a][x]",
		},
		{
			desc:      "nested brackets in a citation",
			give:      "[@a, [n. 3]] x",
			want:      []cite.Item{{Key: "a", Locator: "[n. 3]"}},
			remainder: " x",
		},
		{
			desc:      "an escaped bracket does not close",
			give:      `[@a, p. 3\]] x`,
			want:      []cite.Item{{Key: "a", Locator: "p. 3]"}},
			remainder: " x",
		},
		{
			desc:      "only the first bracket",
			give:      "[@a] and [@b]",
			want:      []cite.Item{{Key: "a"}},
			remainder: " and [@b]",
		},
		{
			desc:      "a link is not a citation",
			give:      "[@x](https://example.org/)",
			remainder: "[@x](https://example.org/)",
		},
		{
			desc:      "a reference link is not a citation",
			give:      "[@x][ref]",
			remainder: "[@x][ref]",
		},
		{
			desc:      "a bracket without a key",
			give:      "[sic] x",
			remainder: "[sic] x",
		},
		{
			desc:      "unclosed",
			give:      "[@a, p. 3",
			remainder: "[@a, p. 3",
		},
		{
			desc:      "a citation runs over line breaks, as Pandoc reads it",
			give:      "[see @a,\n  p.\n3;  \n @b] after",
			want:      []cite.Item{{Key: "a", Prefix: "see", Locator: "p. 3"}, {Key: "b"}},
			remainder: " after",
		},
		{
			desc:      "a citation ends within a few lines",
			give:      "[@a;\n\n\n\n\n\n@b]",
			remainder: "[@a;\n\n\n\n\n\n@b]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			n, rest := parseOne(t, tt.give, parser.NewContext(), tt.want != nil)
			if n != nil {
				if !slices.Equal(withoutOffsets(n.Items), tt.want) {
					t.Errorf("Parse(%q) items %+v, want %+v", tt.give, n.Items, tt.want)
				}
				if n.Pos() != 0 {
					t.Errorf("Parse(%q) at offset %d, want 0", tt.give, n.Pos())
				}
			}
			if rest != tt.remainder {
				t.Errorf("Parse(%q) left %q, want %q", tt.give, rest, tt.remainder)
			}
		})
	}
}

// fakeResolver knows works by key; hrefs are sources/key.html.
type fakeResolver map[string]string // key → label

func (f fakeResolver) Resolve(key string) (href, label string, err error) {
	label, ok := f[key]
	if !ok {
		return "", "", fmt.Errorf("unknown source @%s", key)
	}
	return "../sources/" + key + ".html", label, nil
}

func TestParserResolves(t *testing.T) {
	type report struct {
		off int
		msg string
	}
	var reports []report
	pc := parser.NewContext()
	cite.With(pc, &cite.Options{
		Resolver: fakeResolver{"a": "Doe 2002"},
		Report:   func(off int, err error) { reports = append(reports, report{off, err.Error()}) },
	})
	src := []byte("Seen [@a; @zz, p. 2].")
	r := text.NewReader(src)
	r.Advance(5)
	var p cite.Parser
	n, ok := p.Parse(nil, r, pc).(*cite.Node)
	if !ok {
		t.Fatal("Parse found no citation")
	}
	want := []cite.Item{{Key: "a", Href: "../sources/a.html", Label: "Doe 2002"}, {Key: "zz", Locator: "p. 2", Offset: 4}}
	if !slices.Equal(n.Items, want) {
		t.Errorf("items %+v, want %+v", n.Items, want)
	}
	if n.Pos() != 5 {
		t.Errorf("citation at offset %d, want 5", n.Pos())
	}
	// An unknown key is reported where it is written: "@zz" is at byte 10.
	if wantReports := []report{{10, "unknown source @zz"}}; !slices.Equal(reports, wantReports) {
		t.Errorf("reports %v, want %v", reports, wantReports)
	}
}

// withoutOffsets clears the items' key offsets, which TestParserOffsets
// checks on its own, so that the tables stay readable.
func withoutOffsets(items []cite.Item) []cite.Item {
	out := slices.Clone(items)
	for i := range out {
		out[i].Offset = 0
	}
	return out
}

func TestItemOffsets(t *testing.T) {
	items, ok := cite.ParseItems([]byte("see -@bush2002, 3;  @b"))
	if !ok || len(items) != 2 || items[0].Offset != 5 || items[1].Offset != 20 {
		t.Fatalf("offsets of the keys' @ signs: got %+v, want 5 and 20", items)
	}
}

func TestParserInText(t *testing.T) {
	bib := bibliography{"nss2002": "White House 2002", "bush2002": "Bush 2002"}
	tests := []struct {
		desc string
		give string
		want *cite.Item // nil: not a citation, the parser takes nothing

		remainder string
	}{
		{"a known key", "@nss2002 says", &cite.Item{Key: "nss2002"}, " says"},
		{"punctuation after the key", "@nss2002.", &cite.Item{Key: "nss2002"}, "."},
		{"a locator", "@nss2002 [p. 33] says", &cite.Item{Key: "nss2002", Locator: "p. 33"}, " says"},
		{"a locator after a comma", "@nss2002 [, p. 33]", &cite.Item{Key: "nss2002", Locator: "p. 33"}, ""},
		{"a comma alone", "@nss2002 [,]", &cite.Item{Key: "nss2002"}, " [,]"},
		{"a locator without the space", "@nss2002[p. 33]", &cite.Item{Key: "nss2002", Locator: "p. 33"}, ""},
		{"a locator's escapes", `@nss2002 [n. 4\]]`, &cite.Item{Key: "nss2002", Locator: "n. 4]"}, ""},
		{"a bracketed citation after it", "@nss2002 [@bush2002]", &cite.Item{Key: "nss2002"}, " [@bush2002]"},
		{"a bracket meant as a citation after it", "@nss2002 [@ bush2002]", &cite.Item{Key: "nss2002"}, " [@ bush2002]"},
		{"a link after it", "@nss2002 [p. 33](x.html)", &cite.Item{Key: "nss2002"}, " [p. 33](x.html)"},
		{"a note's reference after it", "@nss2002 [^1]", &cite.Item{Key: "nss2002"}, " [^1]"},
		{"an empty bracket after it", "@nss2002 [ ]", &cite.Item{Key: "nss2002"}, " [ ]"},
		{"a bracket not closed on the line", "@nss2002 [p.\n33]", &cite.Item{Key: "nss2002"}, " [p.\n33]"},
		{"an unknown key", "@someone says", nil, "@someone says"},
		{"no key", "@ says", nil, "@ says"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			pc := parser.NewContext()
			cite.With(pc, &cite.Options{Resolver: bib})
			n, rest := parseOne(t, tt.give, pc, tt.want != nil)
			if n != nil {
				want := *tt.want
				want.Href, want.Label, want.Author = "../sources/"+want.Key+".html", bib[want.Key], testAuthors[want.Key]
				if !n.InText || !slices.Equal(n.Items, []cite.Item{want}) {
					t.Errorf("Parse(%q) = InText %v, items %+v; want InText, %+v", tt.give, n.InText, n.Items, want)
				}
			}
			if rest != tt.remainder {
				t.Errorf("Parse(%q) left %q, want %q", tt.give, rest, tt.remainder)
			}
		})
	}
}

// TestInTextNeedsAKnower: "@key" is a citation only where the Resolver can
// say cheaply that it knows the key, and never without options.
func TestInTextNeedsAKnower(t *testing.T) {
	for _, o := range []*cite.Options{nil, {Resolver: fakeResolver{"nss2002": "White House 2002"}}} {
		pc := parser.NewContext()
		if o != nil {
			cite.With(pc, o)
		}
		var p cite.Parser
		if n := p.Parse(nil, text.NewReader([]byte("@nss2002 says")), pc); n != nil {
			t.Errorf("with options %+v, Parse made %T, want nil", o, n)
		}
	}
}

func TestInTextLabel(t *testing.T) {
	tests := []struct {
		it   cite.Item
		want string
	}{
		{cite.Item{Label: "White House 2002", Author: "White House"}, "White House (2002)"},
		{cite.Item{Label: "White House 2002", Author: "White House", Locator: "p. 33"}, "White House (2002, p. 33)"},
		{cite.Item{Label: "Bush 2002a", Author: "Bush"}, "Bush (2002a)"},
		{cite.Item{Label: "Doe in press", Author: "Doe"}, "Doe (in press)"},
		{cite.Item{Label: "Doe Spring 2001", Author: "Doe", Locator: "4"}, "Doe (Spring 2001, 4)"},
		// Without the authors' part, the label's last word is its date
		// if it reads as one.
		{cite.Item{Label: "Daalder and Lindsay 2003"}, "Daalder and Lindsay (2003)"},
		{cite.Item{Label: "Anon n.d.b"}, "Anon (n.d.b)"},
		{cite.Item{Label: "UN Charter"}, "UN Charter"},
		{cite.Item{Label: "UN Charter", Locator: "art. 51"}, "UN Charter (art. 51)"},
		// An Author that does not begin the label is not used.
		{cite.Item{Label: "Bush 2002", Author: "Bus"}, "Bush (2002)"},
	}
	for _, tt := range tests {
		if got := tt.it.InTextLabel(); got != tt.want {
			t.Errorf("%+v.InTextLabel() = %q, want %q", tt.it, got, tt.want)
		}
	}
}

// parseOne runs the Parser once at the start of give, with pc, and returns
// the citation it made (nil for none) and what it left of give. It fails
// the test when the Parser makes a citation and wantNode is false, or none
// and wantNode is true, or something other than a citation.
func parseOne(t *testing.T, give string, pc parser.Context, wantNode bool) (*cite.Node, string) {
	t.Helper()
	r := text.NewReader([]byte(give))
	var p cite.Parser
	got := p.Parse(nil, r, pc)
	n, ok := got.(*cite.Node)
	switch {
	case got != nil && !ok:
		t.Fatalf("Parse(%q) = %T, want *cite.Node or nil", give, got)
	case got == nil && wantNode:
		t.Fatalf("Parse(%q) = nil, want a citation", give)
	case got != nil && !wantNode:
		t.Fatalf("Parse(%q) = citation of %+v, want nil", give, n.Items)
	}
	_, pos := r.Position()
	return n, give[pos.Start:]
}
