package cite_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"edition/generator/markup/cite"
	"edition/generator/markup/internal/golden"
)

// bibliography is a fake of the edition's bibliography: sources live at
// ../sources/key.html, and an unknown key is reported with the keys that
// share its first letters.
type bibliography map[string]string // key → label

// Known implements cite.Knower.
func (b bibliography) Known(key string) bool { _, ok := b[key]; return ok }

// Author implements cite.Authorer: the part of a label that names the
// work's authors, for the works of testAuthors.
func (b bibliography) Author(key string) string { return testAuthors[key] }

// Near implements cite.Speller: the known keys that share the first three
// letters of key and are as long as it, give or take two letters.
func (b bibliography) Near(key string) []string {
	var near []string
	for k := range b {
		if len(key) >= 3 && strings.HasPrefix(k, key[:3]) && len(k)-len(key) <= 2 && len(key)-len(k) <= 2 {
			near = append(near, k)
		}
	}
	slices.Sort(near)
	return near
}

func (b bibliography) Resolve(key string) (href, label string, err error) {
	if label, ok := b[key]; ok {
		return "../sources/" + key + ".html", label, nil
	}
	var near []string
	for k := range b {
		if len(key) >= 3 && strings.HasPrefix(k, key[:3]) {
			near = append(near, k)
		}
	}
	slices.Sort(near)
	return "", "", &unknownSource{key, near}
}

type unknownSource struct {
	key  string
	near []string
}

func (e *unknownSource) Error() string { return "citation of unknown source @" + e.key }
func (e *unknownSource) Hint() string {
	if len(e.near) == 0 {
		return "check the key"
	}
	return "nearest: " + strings.Join(e.near, ", ")
}

var testBibliography = bibliography{
	"bush2002":   "Bush 2002",
	"nss2002":    "White House 2002",
	"daalder03":  "Daalder and Lindsay 2003",
	"Qián 1996":  "Qián 1996",
	"at&t":       "AT&T <1984>",
	"un-charter": "UN Charter",
}

// testAuthors is the authors' part of the labels of testBibliography,
// where a label has one ("UN Charter" has none, "Qián 1996" and "AT&T
// <1984>" are left to cite's own reading).
var testAuthors = map[string]string{
	"bush2002":  "Bush",
	"nss2002":   "White House",
	"daalder03": "Daalder and Lindsay",
}

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Footnote, &cite.Extension{}))
}

func TestIntegration(t *testing.T) {
	md := newMarkdown()
	golden.Run(t, "testdata/cite.txt", func(t *testing.T, src []byte) string {
		reports := golden.NewReports(src)
		pc := parser.NewContext()
		cite.With(pc, &cite.Options{Resolver: testBibliography, Report: reports.Add})
		var out bytes.Buffer
		if err := md.Convert(src, &out, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		return out.String() + reports.String()
	})
}

func TestWithoutOptionsCitationsAreNotLinked(t *testing.T) {
	var out bytes.Buffer
	if err := newMarkdown().Convert([]byte("As [see @bush2002, p. 3] says.\n"), &out); err != nil {
		t.Fatal(err)
	}
	want := `<p>As <span class="citation">see <span class="unresolved">@bush2002</span>, p. 3</span> says.</p>` + "\n"
	if out.String() != want {
		t.Errorf("got  %s\nwant %s", out.String(), want)
	}
}
