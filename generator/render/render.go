package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/internal/fileerr"
	"edition/generator/internal/words"
)

// File is a file of the built site.
type File struct {
	Path string // slash-separated, relative to the site root
	Data []byte
}

// Templates holds the parsed templates and the static assets.
type Templates struct {
	pages  map[string]*template.Template // by page template name
	base   *template.Template            // the layout and partials, for Chrome's blocks
	assets []File
	// assetsUnread says that an asset, or a folder of them, did not read:
	// Assets is not all the site would have.
	assetsUnread bool
	// named maps an asset's name under assets/ ("style.css") to the
	// fingerprinted name the pages link to ("style.1a2b3c4d5e.css"); see
	// Fingerprinted.
	named map[string]string
	dir   string            // for diagnostics
	src   map[string][]byte // each template's text, for diagnostics

	// Highlight, if set, turns code in a language into highlighted HTML
	// (the citation exports on source pages).
	Highlight func(lang, code string) template.HTML

	linesMu sync.Mutex
	lines   map[[2]string]string // firstLines, remembered

	// skeleton is, for each page template, the most bytes it has written
	// around the HTML its views hold (sized): RenderTo's estimate of a
	// page's length is the two added.
	skeleton map[string]*atomic.Int64

	ids *PageIDs
}

// LayoutFile is the template every page is rendered in.
const LayoutFile = "layout.html"

// AssetsDir holds static files copied to the site as they are.
const AssetsDir = "assets"

// Load parses the templates in fsys (the templates folder; dir is its name
// for diagnostics) and reads the static assets. Templates that do not
// parse make no page, but the assets are read, and IDs is made from the
// text of every template, all the same: a build checks its content
// against them with or without pages.
func Load(fsys fs.FS, dir string) (*Templates, diag.List) {
	t := &Templates{pages: map[string]*template.Template{}, named: map[string]string{}, dir: dir, src: map[string][]byte{}, skeleton: map[string]*atomic.Int64{}}
	diags := t.parse(fsys, dir)
	_ = fs.WalkDir(fsys, AssetsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				diags.Errorf(diag.Pos{File: path.Join(dir, p)}, "", "cannot read: %v", err)
				t.assetsUnread = true
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			msg, hint := fileerr.Explain(fsys, p, err)
			diags.Errorf(diag.Pos{File: path.Join(dir, p)}, hint, "%s", msg)
			t.assetsUnread = true
			return nil
		}
		t.assets = append(t.assets, File{Path: p, Data: b})
		return nil
	})
	for _, f := range t.assets {
		if name := strings.TrimPrefix(f.Path, AssetsDir+"/"); Fingerprinted(name) {
			t.addNamed(name, f.Data)
		}
	}
	t.ids = t.pageIDs()
	return t, diags
}

// parse parses the layout and partials, then each page template on a
// copy of them. Where the layout or a partial does not parse, the page
// templates are parsed alone, for their own mistakes, and make no page
// (their ids count for IDs all the same).
func (t *Templates) parse(fsys fs.FS, dir string) diag.List {
	var diags diag.List
	names, err := fs.Glob(fsys, "*.html")
	if err != nil || len(names) == 0 {
		diags.Errorf(diag.Pos{File: dir}, "the templates folder must hold layout.html and a template per page", "no templates found")
		return diags
	}
	base := template.New(LayoutFile).Funcs(funcs)
	var pages []string
	layoutFailed := false // a layout that does not parse is not missing
	for _, n := range names {
		if n != LayoutFile && !strings.HasPrefix(n, "_") {
			pages = append(pages, n)
			continue
		}
		if err := t.parseFile(base, fsys, n); err != nil {
			diags.Append(t.diag(err))
			layoutFailed = layoutFailed || n == LayoutFile
		}
	}
	if !layoutFailed && (base.Lookup(LayoutFile) == nil || base.Lookup(LayoutFile).Tree == nil) {
		diags.Errorf(diag.Pos{File: path.Join(dir, LayoutFile)}, "add the layout template", "missing layout template")
	}
	if diags.HasErrors() {
		// No page can be made; each page template is parsed on its own,
		// all the same, so that its mistakes are said in this build too.
		for _, n := range pages {
			if err := t.parseFile(template.New(LayoutFile).Funcs(funcs), fsys, n); err != nil {
				diags.Append(t.diag(err))
			}
		}
		return diags
	}
	t.base = base
	for _, n := range pages {
		pt, err := base.Clone()
		if err == nil {
			err = t.parseFile(pt, fsys, n)
		}
		if err != nil {
			diags.Append(t.diag(err))
			continue
		}
		t.pages[n] = pt
		t.skeleton[n] = new(atomic.Int64)
	}
	return diags
}

// IDs is the set of ids the templates and their scripts use.
func (ts *Templates) IDs() *PageIDs { return ts.ids }

func (ts *Templates) parseFile(t *template.Template, fsys fs.FS, name string) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	ts.src[name] = b
	tt := t
	if t.Name() != name {
		tt = t.New(name)
	}
	_, err = tt.Parse(string(b))
	return err
}

// Assets returns the static files, with paths under assets/: each as it
// is named in the templates folder and, for the fingerprinted ones, also
// under its fingerprinted name.
func (t *Templates) Assets() []File { return t.assets }

// AssetsUnread reports whether an asset, or a folder of them, did not
// read (Load said so): then Assets is not every asset the site would have.
func (t *Templates) AssetsUnread() bool { return t.assetsUnread }

// Fingerprinted reports whether the asset name (under assets/) is one the
// pages link to by a fingerprinted name: the templates' style sheets and
// scripts at the top of assets/. Their names change with their bytes, so
// that a host or CDN may cache them for good, and pages of a new build
// never meet an old copy. Fonts and images keep their names (the style
// sheet names the fonts; content may link to images). previews.js is not
// among the templates' assets: it is made from the content, and a name that
// changed with every entry's summary would change every page.
func Fingerprinted(name string) bool {
	return !strings.Contains(name, "/") && (path.Ext(name) == ".css" || path.Ext(name) == ".js")
}

// FingerprintedName is name with the first ten hex digits of the SHA-256
// of data before its extension: "style.css" becomes "style.1a2b3c4d5e.css".
func FingerprintedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// AddAsset adds a static file made by the caller (the code style sheet)
// under assets/, fingerprinted as Fingerprinted says. Call it before the
// templates render any page.
func (t *Templates) AddAsset(name string, data []byte) {
	t.assets = append(t.assets, File{Path: AssetsDir + "/" + name, Data: data})
	if Fingerprinted(name) {
		t.addNamed(name, data)
	}
}

func (t *Templates) addNamed(name string, data []byte) {
	fp := FingerprintedName(name, data)
	t.named[name] = fp
	t.assets = append(t.assets, File{Path: AssetsDir + "/" + fp, Data: data})
}

var templateErrRE = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (?:executing "[^"]*" at <[^>]*>: )?(.*)`)

// diag turns a template error into a diagnostic at the template's file,
// line and, for an error in executing it, column.
func (t *Templates) diag(err error) diag.List {
	var diags diag.List
	msg := err.Error()
	// An error of a template executed by a function the template called
	// (Base.Chrome) is inside the caller's: the innermost says where.
	if i := strings.LastIndex(msg, "template: "); i > 0 && templateErrRE.MatchString(msg[i:]) {
		msg = msg[i:]
	}
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col := 0
		if m[3] != "" {
			// text/template counts the column in bytes from 0.
			b, _ := strconv.Atoi(m[3])
			col = b + 1
			if text := diag.Line(t.src[m[1]], line); b <= len(text) {
				col = utf8.RuneCount(text[:b]) + 1
			}
		}
		diags.Errorf(diag.Pos{File: path.Join(t.dir, m[1]), Line: line, Col: col},
			"fix the template", "template error: %s", m[4])
		return diags
	}
	diags.Errorf(diag.Pos{File: t.dir}, "fix the template", "template error: %s", msg)
	return diags
}

// page executes the page template name with v and returns a copy of the
// bytes, at their own size (Render: the bytes are the caller's to keep).
func (t *Templates) page(name string, v any) ([]byte, error) {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	if err := t.execute(b, name, v); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

// RenderTo renders one page onto the end of b, as Render does, but without
// Render's copy: for a caller that hands the bytes on in b (to be written)
// and uses b again once they are done with. On an error, b holds the part
// made.
//
// A fresh buffer, or one that held a shorter page, is grown once to about
// the page's length (sizeHint), not doubled again and again as the
// template writes.
func (t *Templates) RenderTo(b *bytes.Buffer, p *Page) error {
	v := p.View()
	held, sk := t.sizeHint(p.Template, v)
	if sk == nil {
		return t.execute(b, p.Template, v)
	}
	extra := int(sk.Load())
	if extra == 0 {
		extra = skeletonGuess // the template's first page
	}
	b.Grow(held + extra)
	start := b.Len()
	err := t.execute(b, p.Template, v)
	if d := int64(b.Len() - start - held); err == nil && d > sk.Load() {
		sk.Store(d) // a race may keep the smaller of two: it is an estimate
	}
	return err
}

// skeletonGuess is how many bytes RenderTo expects a page template to
// write around its view's HTML before it has rendered a page: a little
// more than the layout's chrome and a page's own markup take, so that the
// first page of a template (the only one, for the general index) is not
// grown twice.
const skeletonGuess = 8 << 10

// sized is a view that knows how many bytes of HTML it holds, which its
// page writes as they are: the long parts of entry, source and chapter
// pages.
type sized interface{ htmlSize() int }

// sizeHint returns how many bytes of HTML view v holds, and the
// skeleton of its page template (nil when v is not sized or there is no
// such template).
func (t *Templates) sizeHint(name string, v any) (int, *atomic.Int64) {
	s, ok := v.(sized)
	if !ok {
		return 0, nil
	}
	sk := t.skeleton[name]
	if sk == nil {
		return 0, nil
	}
	return s.htmlSize(), sk
}

// execute executes the page template name with v onto the end of b.
func (t *Templates) execute(b *bytes.Buffer, name string, v any) error {
	pt, ok := t.pages[name]
	if !ok {
		return fmt.Errorf("template: %s:0: missing page template (add %s to the templates folder)", name, name)
	}
	return pt.ExecuteTemplate(b, LayoutFile, v)
}

// buffers are the buffers Render renders pages into, used again from page
// to page: a page is copied out of its buffer at its own size, and the
// buffer grows no more once it holds the longest page.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Has reports whether a page template exists.
func (t *Templates) Has(name string) bool { _, ok := t.pages[name]; return ok }

// PageNames lists the page templates.
func (t *Templates) PageNames() []string {
	var n []string
	for k := range t.pages {
		n = append(n, k)
	}
	slices.Sort(n)
	return n
}

// join joins a list of words or of names (each in reading order, as
// edition.yaml's authors and editors are shown) with sep between them.
func join(list any, sep string) (string, error) {
	switch l := list.(type) {
	case []string:
		return strings.Join(l, sep), nil
	case []bib.Name:
		return strings.Join(bib.Naturals(l), sep), nil
	}
	return "", fmt.Errorf("join takes a list of words or of names, not %T", list)
}

var funcs = template.FuncMap{
	"inc":    func(i int) int { return i + 1 },
	"plural": words.Count,
	"join":   join,
	"lower":  strings.ToLower,
	// fit is the class of a heading with a word too wide for a narrow
	// screen at its usual size (fit.go).
	"fit": FitClass,
	// citeBlocks writes a list of citation blocks, sectionItems a
	// chapter's table of contents (citeblock.go).
	"citeBlocks":   citeBlocks,
	"sectionItems": sectionItems,
}
