package highlight

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dlclark/regexp2/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension highlights fenced code blocks. Its zero value is ready to use.
type Extension struct{}

var _ goldmark.Extender = (*Extension)(nil)

// RendererPriority wins fenced code blocks from goldmark's HTML renderer
// (1000).
const RendererPriority = 200

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&Renderer{}, RendererPriority)))
}

// Renderer writes fenced code blocks with chroma's CSS classes.
type Renderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func formatter() *chromahtml.Formatter {
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
}

func (r *Renderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang := ""
	if l := n.Language(src); l != nil {
		lang = string(l)
	}
	_ = Write(w, lang, code.String())
	return ast.WalkSkipChildren, nil
}

// maxLang is the longest language name (or file name: "main.go") looked
// up. Chroma tries a name it does not know against every lexer's file
// name patterns, in time that grows with the name's length: a fence's
// info string of a few kilobytes took seconds.
const maxLang = 64

// lexers known, by the name they were asked for: the patterns are tried
// once per name, not once per block. Names are few in an edition; past
// maxLexers of them (generated content), they are looked up each time.
var (
	lexerMu   sync.Mutex
	lexerMemo = map[string]chroma.Lexer{}
)

const maxLexers = 4096

// lexerFor is chroma's lexer for lang, or nil for none, for "" and for a
// name longer than maxLang.
func lexerFor(lang string) chroma.Lexer {
	if lang == "" || len(lang) > maxLang {
		return nil
	}
	lexerMu.Lock()
	l, ok := lexerMemo[lang]
	lexerMu.Unlock()
	if ok {
		return l
	}
	l = lexers.Get(lang)
	lexerMu.Lock()
	if len(lexerMemo) < maxLexers {
		lexerMemo[lang] = l
	}
	lexerMu.Unlock()
	return l
}

// Write writes code in language lang as a highlighted <pre> block. It is
// also the way to highlight code outside Markdown (citation exports).
func Write(w interface{ WriteString(string) (int, error) }, lang, code string) error {
	_, _ = w.WriteString(`<pre class="chroma"`)
	if lang != "" {
		_, _ = w.WriteString(` data-lang="`)
		_, _ = w.WriteString(string(util.EscapeHTML([]byte(lang))))
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(`><code>`)
	defer w.WriteString("</code></pre>\n")
	lexer := lexerFor(lang)
	if lexer == nil {
		_, err := w.WriteString(string(util.EscapeHTML([]byte(code))))
		return err
	}
	if out, ok := records(make([]byte, 0, 2*len(code)+512), lexer.Config().Name, code); ok {
		_, err := w.WriteString(string(out))
		return err
	}
	h, err := chromaHTML(lexer, code)
	if err != nil {
		_, err := w.WriteString(string(util.EscapeHTML([]byte(code))))
		return err
	}
	_, err = w.WriteString(h)
	return err
}

// chromaHTML is code lexed by lexer and written by chroma's HTML formatter,
// without the <pre> around it.
func chromaHTML(lexer chroma.Lexer, code string) (string, error) {
	withoutTimeouts(lexer)
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := formatter().Format(&b, styles.Fallback, it); err != nil {
		return "", err
	}
	return b.String(), nil
}

// CSS returns the stylesheet for highlighted code: the light style for the
// page's default theme and the dark one under the given selector (such as
// `[data-theme="dark"]`) and under prefers-color-scheme: dark unless the
// page chose light.
func CSS(light, dark, darkSelector, lightSelector string) (string, error) {
	// chroma falls back to its default style for an unknown name: say so
	// instead, or a misspelt name silently changes every code block.
	ls, ok := styles.Registry[strings.ToLower(light)]
	if !ok {
		return "", fmt.Errorf("highlight: no chroma style %q", light)
	}
	ds, ok := styles.Registry[strings.ToLower(dark)]
	if !ok {
		return "", fmt.Errorf("highlight: no chroma style %q", dark)
	}
	f := formatter()
	var l, d strings.Builder
	if err := f.WriteCSS(&l, ls); err != nil {
		return "", err
	}
	if err := f.WriteCSS(&d, ds); err != nil {
		return "", err
	}
	// A token the dark style leaves at its plain text colour has no rule of
	// its own there, so the light style's rule would win: reset every token
	// to the dark text first (more specific than a light rule, less than a
	// dark one).
	darkCSS := resetRule(ds) + d.String()
	var b strings.Builder
	b.WriteString(prefixRules(l.String(), ""))
	b.WriteString(prefixRules(darkCSS, darkSelector+" "))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.WriteString(prefixRules(darkCSS, ":root:not("+lightSelector+") "))
	b.WriteString("}\n")
	return b.String(), nil
}

// prefixRules puts prefix before each rule's selector in chroma's CSS, which
// writes one rule per line as "/* Name */ .chroma .x { … }". It keeps only
// the rules for .chroma: chroma also writes one for ".bg", the body of a
// standalone page, which would style any element of that class on ours (and
// the dark style's, unprefixed, would win in light mode too).
func prefixRules(css, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(css, "\n") {
		if i := strings.Index(line, ".chroma"); i >= 0 {
			b.WriteString(line[:i] + prefix + line[i:] + "\n")
		}
	}
	return b.String()
}

// resetRule sets every token of a style's code to its plain text, in the
// one-rule-per-line form prefixRules expects.
func resetRule(st *chroma.Style) string {
	text := st.Get(chroma.Text).Colour
	if !text.IsSet() {
		text = st.Get(chroma.Background).Colour
	}
	color := "inherit"
	if text.IsSet() {
		color = text.String()
	}
	return "/* reset */ .chroma span { color: " + color + "; font-weight: normal; font-style: normal; text-decoration: none; background-color: transparent }\n"
}

// prepared holds, for each lexer chromaHTML has used, the sync.Once that
// took its timeouts away.
var prepared sync.Map // *chroma.RegexLexer → *sync.Once

// withoutTimeouts compiles a regular-expression lexer and lets its rules
// match for as long as they need. Chroma gives every rule a timeout of
// 250 ms, after which the rule silently fails to match and another rule,
// or an error token, takes the text: on a loaded machine the same code
// block came out highlighted in two ways from one build to the next. The
// rules are reached through reflection, as chroma does not export them;
// should its layout change, the lexer is left as it is (and
// TestLexersHaveNoTimeouts fails). Lexers that one delegates to at lexing
// time keep their timeouts.
func withoutTimeouts(l chroma.Lexer) {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return
	}
	once, _ := prepared.LoadOrStore(rl, new(sync.Once))
	once.(*sync.Once).Do(func() {
		if _, err := rl.Tokenise(nil, ""); err != nil { // compiles the rules
			return
		}
		for _, rules := range compiledRules(rl) {
			for _, r := range rules {
				if r.Regexp != nil {
					r.Regexp.MatchTimeout = regexp2.DefaultMatchTimeout
				}
			}
		}
	})
}

// compiledRules returns a compiled lexer's rules, or nil.
func compiledRules(rl *chroma.RegexLexer) map[string][]*chroma.CompiledRule {
	v := reflect.ValueOf(rl).Elem().FieldByName("rules")
	if !v.IsValid() || v.Type() != reflect.TypeFor[map[string][]*chroma.CompiledRule]() {
		return nil
	}
	return *(*map[string][]*chroma.CompiledRule)(unsafe.Pointer(v.UnsafeAddr()))
}
