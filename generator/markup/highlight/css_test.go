package highlight_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"

	"edition/generator/markup/highlight"
)

// rule is one rule of the stylesheet.
type rule struct {
	selector, body string
	inMedia        bool
}

var ruleRE = regexp.MustCompile(`^(?:/\* [A-Za-z]+ \*/ )?([^{]+?) \{(.*)\}$`)

func parseCSS(t *testing.T, css string) []rule {
	t.Helper()
	var rules []rule
	inMedia := false
	for _, line := range strings.Split(strings.TrimSpace(css), "\n") {
		switch {
		case line == "@media (prefers-color-scheme: dark) {":
			inMedia = true
		case line == "}":
			inMedia = false
		default:
			m := ruleRE.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("not a rule: %q", line)
			}
			rules = append(rules, rule{m[1], m[2], inMedia})
		}
	}
	return rules
}

func find(rules []rule, selector string, inMedia bool) (rule, bool) {
	for _, r := range rules {
		if r.selector == selector && r.inMedia == inMedia {
			return r, true
		}
	}
	return rule{}, false
}

func TestCSSHasBothThemes(t *testing.T) {
	const dark, light = `[data-theme="dark"]`, `[data-theme="light"]`
	css, err := highlight.CSS("github", "github-dark", dark, light)
	if err != nil {
		t.Fatal(err)
	}
	rules := parseCSS(t, css)
	var plain, darkRules, media int
	for _, r := range rules {
		switch {
		case r.inMedia && strings.HasPrefix(r.selector, ":root:not("+light+") .chroma"):
			media++
		case !r.inMedia && strings.HasPrefix(r.selector, dark+" .chroma"):
			darkRules++
		case !r.inMedia && strings.HasPrefix(r.selector, ".chroma"):
			plain++
		default:
			t.Errorf("rule %q does not apply to .chroma alone, or in the dark theme", r.selector)
		}
	}
	if plain < 20 || darkRules < 20 || darkRules != media {
		t.Errorf("%d light rules, %d dark rules, %d for prefers-color-scheme: want many, the last two equal", plain, darkRules, media)
	}

	// The colours are the styles' own: the block's background, and the
	// tokens the YAML case of testdata/highlight.txt uses.
	for _, theme := range []struct {
		style   string
		prefix  string
		inMedia bool
	}{
		{"github", "", false},
		{"github-dark", dark + " ", false},
		{"github-dark", ":root:not(" + light + ") ", true},
	} {
		s := styles.Get(theme.style)
		for _, c := range []struct {
			selector string
			want     string
		}{
			{".chroma", "background-color: " + s.Get(chroma.Background).Background.String()},
			{".chroma .nt", "color: " + s.Get(chroma.NameTag).Colour.String()},
			{".chroma .s2", "color: " + s.Get(chroma.LiteralStringDouble).Colour.String()},
			{".chroma .c", "color: " + s.Get(chroma.Comment).Colour.String()},
		} {
			r, ok := find(rules, theme.prefix+c.selector, theme.inMedia)
			if !ok {
				t.Errorf("%s: no rule %q", theme.style, theme.prefix+c.selector)
				continue
			}
			if !strings.Contains(r.body, c.want) {
				t.Errorf("%s: rule %q is {%s}, want %q", theme.style, r.selector, r.body, c.want)
			}
		}
	}
	if lightBg, darkBg := styles.Get("github").Get(chroma.Background).Background, styles.Get("github-dark").Get(chroma.Background).Background; lightBg == darkBg {
		t.Fatalf("the two styles share a background %s: the test cannot tell them apart", lightBg)
	}
}

func TestCSSUnknownStyle(t *testing.T) {
	for _, names := range [][2]string{{"githb", "github-dark"}, {"github", "github-drak"}} {
		if _, err := highlight.CSS(names[0], names[1], "[data-theme=dark]", "[data-theme=light]"); err == nil ||
			!strings.Contains(err.Error(), "drak") && !strings.Contains(err.Error(), "githb") {
			t.Errorf("CSS(%q, %q): err = %v, want one naming the unknown style", names[0], names[1], err)
		}
	}
}

func TestWrite(t *testing.T) {
	var b strings.Builder
	if err := highlight.Write(&b, "json", `{"a": "<b>"}`); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{`<pre class="chroma" data-lang="json"><code>`, `<span class="nt">&#34;a&#34;</span>`, `&lt;b&gt;`, "</code></pre>\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("Write(json) = %s\nlacks %s", got, want)
		}
	}
	if strings.Contains(got, "<b>") || strings.Contains(got, "style=") {
		t.Errorf("Write(json) = %s: unescaped code or inline style", got)
	}
}

// A language is found by its name, its alias, or a file name; a fence's
// info string too long to be any of them ("~~~ CCCC…" of kilobytes, which
// chroma tried against every file name pattern for seconds) is plain text,
// as an unknown language is.
func TestWriteLanguages(t *testing.T) {
	for _, c := range []struct {
		lang  string
		lexed bool
	}{
		{"go", true}, {"Go", true}, {"golang", true}, {"main.go", true}, {"py", true},
		{"nosuchlanguage", false}, {strings.Repeat("C", 4000) + "0", false}, {strings.Repeat("go", 33), false},
	} {
		for range 2 { // the second time from the memo
			var b strings.Builder
			if err := highlight.Write(&b, c.lang, "func f() {}\n"); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if lexed := strings.Contains(got, `<span class=`); lexed != c.lexed {
				t.Errorf("Write(%.20q…): highlighted %v, want %v:\n%.200s", c.lang, lexed, c.lexed, got)
			}
			if !strings.Contains(got, `data-lang="`+c.lang+`"`) {
				t.Errorf("Write(%.20q…) lost its language:\n%.200s", c.lang, got)
			}
		}
	}
}
