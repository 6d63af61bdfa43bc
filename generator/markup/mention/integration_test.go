package mention_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"edition/generator/markup/internal/golden"
	"edition/generator/markup/mention"
)

// entry is one entry of the test registry.
type entry struct {
	kind, key string
	aliases   []mention.Pattern // Target is filled in by newRegistry
}

// registry is a small fake of the edition's registry: it resolves targets
// and explicit links, and builds the matcher for its aliases.
type registry struct {
	entries []entry
}

func newRegistry(entries ...entry) *registry { return &registry{entries: entries} }

func (r *registry) patterns() []mention.Pattern {
	var ps []mention.Pattern
	for id, e := range r.entries {
		for _, p := range e.aliases {
			p.Target = id
			ps = append(ps, p)
		}
	}
	return ps
}

// Target implements mention.Resolver: entries live at kind/key.html.
func (r *registry) Target(id int) mention.Target {
	e := r.entries[id]
	return mention.Target{Kind: e.kind, Key: e.key, Href: "../" + e.kind + "/" + e.key + ".html"}
}

// Lookup implements mention.Resolver for the schemes "concept" and "actor".
func (r *registry) Lookup(scheme, key string) (int, error) {
	if scheme != "concept" && scheme != "actor" {
		return 0, mention.ErrNotMine
	}
	var near []string
	for id, e := range r.entries {
		if e.kind != scheme {
			continue
		}
		if e.key == key {
			return id, nil
		}
		// Near enough for a test: the same first three letters.
		if len(key) >= 3 && strings.HasPrefix(e.key, key[:3]) {
			near = append(near, e.key)
		}
	}
	slices.Sort(near)
	return 0, &unknownKey{scheme + ":" + key, near}
}

type unknownKey struct {
	ref  string
	near []string
}

func (e *unknownKey) Error() string { return fmt.Sprintf("unknown entry %q", e.ref) }
func (e *unknownKey) Hint() string {
	if len(e.near) == 0 {
		return "check the key"
	}
	return "nearest: " + strings.Join(e.near, ", ")
}

var _ mention.HintError = (*unknownKey)(nil)

func alias(text string, c mention.Case) mention.Pattern { return mention.Pattern{Text: text, Case: c} }

// testRegistry holds the entries the case files mention.
var testRegistry = newRegistry(
	entry{"actor", "unsc", []mention.Pattern{alias("UN Security Council", mention.Smart)}},
	entry{"concept", "security-council", []mention.Pattern{alias("Security Council", mention.Smart)}},
	entry{"concept", "council", []mention.Pattern{alias("council", mention.Smart)}},
	entry{"concept", "preemption", []mention.Pattern{alias("preemption", mention.Smart), alias("preemptive", mention.Smart), alias("pre-emption", mention.Smart)}},
	entry{"concept", "prevention", []mention.Pattern{alias("prevention", mention.Smart)}},
	entry{"actor", "bush", []mention.Pattern{alias("Bush", mention.Smart), alias("George W. Bush", mention.Smart)}},
	entry{"actor", "us", []mention.Pattern{alias("United States", mention.Smart), alias("U.S.", mention.Exact), alias("US", mention.Exact)}},
	entry{"actor", "al-qaeda", []mention.Pattern{alias("al-Qaeda", mention.Ignore)}},
	entry{"actor", "nato", []mention.Pattern{alias("NATO", mention.Exact)}},
	entry{"actor", "qian", []mention.Pattern{alias("Qián Qíchēn", mention.Smart)}},
	entry{"actor", "high-level-panel", []mention.Pattern{alias("High-Level Panel", mention.Smart)}},
	entry{"actor", "rice", []mention.Pattern{alias("Rice", mention.Smart)}},
	entry{"concept", "wmd", []mention.Pattern{alias("weapons of mass destruction", mention.Smart)}},
	entry{"concept", `<a&b "c">`, []mention.Pattern{alias("markup", mention.Smart)}},
)

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Footnote, &mention.Extension{}))
}

func TestIntegration(t *testing.T) {
	md := newMarkdown()
	m, err := mention.NewMatcher(testRegistry.patterns())
	if err != nil {
		t.Fatal(err)
	}
	golden.Run(t, "testdata/mention.txt", func(t *testing.T, src []byte) string {
		reports := golden.NewReports(src)
		pc := parser.NewContext()
		mention.With(pc, &mention.Options{Matcher: m, Resolver: testRegistry, Report: reports.Add})
		var out bytes.Buffer
		if err := md.Convert(src, &out, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		return out.String() + reports.String()
	})
}

func convert(t *testing.T, md goldmark.Markdown, src string, o *mention.Options) string {
	t.Helper()
	pc := parser.NewContext()
	if o != nil {
		mention.With(pc, o)
	}
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestWithoutOptionsNothingChanges(t *testing.T) {
	src := "The UN Security Council and [the panel](actor:high-level-panel).\n"
	plain := convert(t, goldmark.New(), src, nil)
	for _, o := range []*mention.Options{nil, {Matcher: nil, Resolver: nil}} {
		if got := convert(t, newMarkdown(), src, o); got != plain {
			t.Errorf("with options %+v:\n got %s\nwant %s", o, got, plain)
		}
	}
}

func TestWithoutMatcherOnlyExplicitLinks(t *testing.T) {
	src := "The UN Security Council and [the panel](actor:high-level-panel), [x](concept:nothing).\n"
	// Report is nil: problems are ignored, and the unknown key renders plain.
	got := convert(t, newMarkdown(), src, &mention.Options{Resolver: testRegistry})
	want := `<p>The UN Security Council and <a class="mention kind-actor" href="../actor/high-level-panel.html" data-ref="actor:high-level-panel">the panel</a>, x.</p>` + "\n"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// wrapping declines every scheme with a wrapped ErrNotMine.
type wrapping struct{ *registry }

func (w wrapping) Lookup(scheme, key string) (int, error) {
	return 0, fmt.Errorf("scheme %q: %w", scheme, mention.ErrNotMine)
}

func TestWrappedErrNotMineLeavesTheLinkAlone(t *testing.T) {
	var reports []string
	o := &mention.Options{Resolver: wrapping{testRegistry}, Report: func(_ int, err error) { reports = append(reports, err.Error()) }}
	got := convert(t, newMarkdown(), "[the panel](actor:high-level-panel)\n", o)
	if want := `<p><a href="actor:high-level-panel">the panel</a></p>` + "\n"; got != want || len(reports) > 0 {
		t.Errorf("got %s and reports %q, want %s and none", got, reports, want)
	}
}
