package source_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/index"
	"edition/generator/source"
)

// singlesFS holds entries that write "aliases:" and "related:" with a
// single value, and with lists, in front matter for the fast YAML path and
// (a folded scalar, an anchor) for yaml itself.
var singlesFS = fstest.MapFS{
	"edition.yaml":          {Data: []byte("title: T\nkinds:\n  - key: concept\n")},
	"text/01-one.md":        {Data: []byte("---\ntitle: One\n---\nAlpha, Beta, GAMMA, Delta, Epsilon.\n")},
	"registry/concept/a.md": {Data: []byte("---\nname: A\naliases: Alpha\nrelated: b\n---\nA.\n")},
	"registry/concept/b.md": {Data: []byte("---\nname: B\naliases: [Beta]\nrelated: [a]\n---\nB.\n")},
	"registry/concept/c.md": {Data: []byte("---\nname: C\naliases: {text: GAMMA, case: exact}\nrelated:\n---\nC.\n")},
	"registry/concept/d.md": {Data: []byte("---\nname: D\naliases:\n  - Delta\n  - text: delta force\n    case: ignore\nrelated: [a, b]\n---\nD.\n")},
	"registry/concept/e.md": {Data: []byte("---\nname: E\naliases: >-\n  Epsilon\nrelated: &r d\n---\nE.\n")},
}

// An entry's aliases, like its related entries, are a list or a single
// value written alone: "aliases: Alpha" is the list [Alpha], as
// "related: b" is [b], each with its own place for diagnostics.
func TestAliasesAndRelatedTakeASingleValue(t *testing.T) {
	c, diags := source.Load(singlesFS, "content")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	got := map[string]string{}
	for _, e := range c.Entries {
		var b strings.Builder
		for _, a := range e.Aliases {
			fmt.Fprintf(&b, "%q case %d at %d:%d; ", a.Text, a.Case, a.Pos.Line, a.Pos.Col)
		}
		b.WriteString("related")
		for _, r := range e.Related {
			p := e.FieldPos["related "+r]
			fmt.Fprintf(&b, " %s at %d:%d", r, p.Line, p.Col)
		}
		got[e.Key] = b.String()
	}
	want := map[string]string{
		"a": fmt.Sprintf(`"Alpha" case %d at 3:10; related b at 4:10`, index.Smart),
		"b": fmt.Sprintf(`"Beta" case %d at 3:11; related a at 4:11`, index.Smart),
		"c": fmt.Sprintf(`"GAMMA" case %d at 3:10; related`, index.Exact),
		"d": fmt.Sprintf(`"Delta" case %d at 4:5; "delta force" case %d at 5:5; related a at 7:11 b at 7:14`, index.Smart, index.Ignore),
		"e": fmt.Sprintf(`"Epsilon" case %d at 3:10; related d at 5:10`, index.Smart),
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("entry %s: %s\nwant:    %s", k, got[k], w)
		}
	}
	if _, memoDiags := source.NewMemo().Load(singlesFS, "content"); len(memoDiags) > 0 {
		t.Errorf("Memo.Load: %s", memoDiags)
	}
}

// What neither takes is the same mistake, said the same way: a list where
// a value or a list is wanted, or a mapping where a key is.
func TestAliasesAndRelatedMistakes(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":          singlesFS["edition.yaml"],
		"text/01-one.md":        singlesFS["text/01-one.md"],
		"registry/concept/a.md": {Data: []byte("---\nname: A\naliases: [[Alpha]]\nrelated: {b: c}\n---\nA.\n")},
	}
	_, diags := source.Load(fsys, "content")
	got := diags.Strings()
	want := []string{
		"content/registry/concept/a.md:3:11: error: alias must be text, not a list (give a single value)",
		"content/registry/concept/a.md:4:10: error: related must be text or a list, not a mapping (write one value, or a list: [a, b] or one “- item” per line)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
