package source

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"edition/generator/internal/corpus"

	"go.yaml.in/yaml/v3"
)

// yamlMapping is what parse made of src before fastParse: yaml's mapping,
// or nil when yaml fails or src is not a mapping.
func yamlMapping(src []byte) (*yaml.Node, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		return nil, err
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return nil, nil
	}
	return n.Content[0], nil
}

// sameAsYAML fails t when fastParse accepts src and its nodes are not
// yaml's.
func sameAsYAML(t *testing.T, src []byte) bool {
	t.Helper()
	got := fastParse(src)
	if got == nil {
		return false
	}
	want, err := yamlMapping(src)
	if err != nil {
		t.Fatalf("fastParse accepted %q, which yaml rejects: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fastParse(%q):\n%s\nyaml:\n%s", src, dump(got), dump(want))
	}
	return true
}

func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%d style %d %s %q at %d:%d comments %q %q %q anchor %q\n", strings.Repeat("  ", depth),
			n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.HeadComment, n.LineComment, n.FootComment, n.Anchor)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// frontMatters returns the front matter of every Markdown file of the
// edition in content/ and of a small synthetic corpus.
func frontMatters(t testing.TB) [][]byte {
	var out [][]byte
	add := func(src []byte) {
		if fm, err := Split(src); err == nil && fm.YAML != nil {
			out = append(out, fm.YAML)
		}
	}
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile("../../content/" + p)
		add(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range corpus.Generate(corpus.Config{Chapters: 5, Entries: 60}) {
		if strings.HasSuffix(p, ".md") {
			add(b)
		}
	}
	return out
}

// TestFastParseIsYAML: on every front matter of the edition and a synthetic
// corpus, and on cases at the edges of what it accepts, fastParse gives
// yaml's nodes or declines; and it declines none of those front matters
// but a few.
func TestFastParseIsYAML(t *testing.T) {
	fms := frontMatters(t)
	accepted := 0
	for _, src := range fms {
		if sameAsYAML(t, src) {
			accepted++
		}
	}
	if accepted < len(fms)*9/10 {
		t.Errorf("fastParse took %d of %d front matters; want nearly all", accepted, len(fms))
	}
	taken := 0
	for _, c := range fastCases {
		if sameAsYAML(t, []byte(c)) {
			taken++
		}
	}
	t.Logf("fastParse took %d of %d front matters, %d of %d edge cases", accepted, len(fms), taken, len(fastCases))
}

// fastCases are front matters at the edges of what fastParse accepts.
var fastCases = []string{
	"title: x\n", "title: x", "title: \"a: b # c\"\n", "title: 'it''s'\n", "title: 'a \"b\"'\n",
	"title:   spaced\n", "title: a:b\n", "title: a :b\n", "title: a: b\n", "title: a:\n", "title: a #b\n",
	"title: a#b\n", "title: true\n", "title: TRUE\n", "title: tRUE\n", "title: Null\n", "title: no\n", "title: yes\n",
	"title: y\n", "title: ~\n", "title: 12\n", "title: 2024-01-01\n", "title: .inf\n", "title: -x\n", "title: Ōtomo\n",
	"true: x\n", "null: x\n", "a_b-c: x\n", "a b: x\n", "a: [x, y]\n", "a: [ x , \"y\" ,'z' ]\n", "a: []\n", "a: [ ]\n",
	"a: [x,]\n", "a: [x, , y]\n", "a: [x] y\n", "a: [x, [y]]\n", "a: [x?]\n", "a: [x?y, z]\n", "a: x?\n", "a: [x: y]\n", "a: [x y, z]\n", "a: [Ōt, ō]\n",
	"a: [\"é\", x]\n", "a: {b: c}\n", "a:\n  - x\n  - \"y\"\n", "a:\n- x\n- y\nb: z\n", "a:\n  - x\n   - y\n",
	"a:\n  - x\n - y\n", "a:\n  - x\nb:\n  - y\n", "a:\n  -x\n", "a:\n  - x: y\n", "a:\n  - - x\n", "a:\n  -   x\n",
	"a:\nb: c\n", "a:\n", "a: x\n  y\n", "a: \"x\"\n  y\n", "a: >-\n  one\n  two\nb: c\n", "a: >\n  one\n  two\n",
	"a: |\n  one\n  two\n", "a: |-\n  one\n  # two: three\n", "a: >-\n  one\n    two\n", "a: >-\n    one\n  two\n",
	"a: >-\n\n  one\n", "a: >+\n  one\n", "a: >2\n  one\n", "a: >-\nb: c\n", "a: >- # c\n  one\n", "a: >-\n  one\n",
	"a: x \n", "a: x\n\nb: y\n", "a: x\n\n", "a: x\n \n", "a: x\r\nb: y\r\n", "a: x\tb\n", "a: \"x\\ty\"\n", "a: x\u2028y\n", "a: x\u0085y\n",
	"a: x\n---\n", "a: x\n...\n", "---\na: x\n", "a: x\nb: x\n", "a: &x y\n", "a: *x\n", "a: !!str x\n", "a: @x\n",
	"a: %x\n", "a: `x\n", "a: x, y\n", "a: x] y\n", "a: \"x\" y\n", "a: 'x' 'y'\n", "a: \"\"\n", "a: ''\n",
	"k" + strings.Repeat("e", 200) + "y: x\n", "a: " + strings.Repeat("long ", 300) + "\n",
}

// FuzzFastParse: whatever fastParse accepts, yaml reads the same.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c))
	}
	for _, src := range frontMatters(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsYAML(t, src)
	})
}

// TestFieldSets: a record knows every CSL field, as the handlers made for
// each record did.
func TestFieldSets(t *testing.T) {
	if !reflect.DeepEqual(recordSet.known, cslFields) {
		t.Errorf("a record's fields %v, want %v", recordSet.known, cslFields)
	}
}
