package source

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/fileerr"

	"go.yaml.in/yaml/v3"
)

// The layout of a content folder.
const (
	EditionFile = "edition.yaml"
	TextDir     = "text"
	RegistryDir = "registry"
	PagesDir    = "pages"
)

// BibliographyFiles are the names the bibliography may have, in the order
// they are looked for.
var BibliographyFiles = []string{"bibliography.yaml", "bibliography.yml", "bibliography.json"}

// Content is everything read from a content folder.
type Content struct {
	Edition  index.Edition
	Chapters []*Chapter
	Entries  []*index.Entry
	Sources  []*index.Source
	Pages    []*Page
	// Bibliography is the bibliography's file, named as diagnostics name
	// it; "" when the folder has none.
	Bibliography string
	// Undeclared are the registry's folders that are not read, since
	// edition.yaml declares no kind of their name.
	Undeclared []string
	// Read says that edition.yaml was read, and with it the rest of the
	// folder. When it was not, nothing else was: the registry's folders
	// mean nothing without its kinds.
	Read bool
}

// Chapter is a text file: its front matter decoded, its body still Markdown.
type Chapter struct {
	File     string
	Slug     string
	SlugPos  diag.Pos // where “slug:” gives Slug; zero when it comes from the file's name
	Title    string
	TitlePos diag.Pos // where “title:” gives Title
	Authors  []bib.Name
	Opening  string
	Body     []byte
	BodyLine int
	// Unread says that the front matter did not read, or gave no title,
	// and that the chapter is kept only for its text to be checked in the
	// same build, which fails: its title is empty, its slug made of the
	// file's name where the front matter did not say it.
	Unread bool
}

// Page is a further page such as "About this edition".
type Page struct {
	File     string
	Slug     string
	Title    string
	Body     []byte
	BodyLine int
	// Unread says, as a Chapter's does, that the front matter did not
	// read or gave no title, and that the page is kept only for its text
	// to be checked in the same build, which fails.
	Unread bool
}

// Load reads the content folder fsys. Diagnostics name files relative to
// the folder, prefixed with dir (so that "content/text/01.md:3:1" reads as
// a path from where the command ran).
func Load(fsys fs.FS, dir string) (*Content, diag.List) {
	var diags diag.List
	c := &Content{}
	l := loader{fsys: fsys, dir: dir, diags: &diags}
	l.load(c)
	return c, diags
}

// load reads the folder into c: edition.yaml, and, if it reads, the rest
// (parsed ahead on all cores where a Memo keeps the results).
func (l *loader) load(c *Content) {
	ed, ok := l.edition()
	if !ok {
		l.unchecked(0, EditionFile, "the rest of the content is not checked without it")
		return
	}
	c.Edition, c.Read = ed, true
	if l.memo != nil {
		l.prefetch(l.jobs(&c.Edition))
	}
	c.Chapters = l.chapters()
	c.Entries, c.Undeclared = l.registry(&c.Edition)
	c.Sources, c.Bibliography = l.bibliography()
	c.Pages = l.pages()
}

type loader struct {
	fsys  fs.FS
	dir   string
	diags *diag.List
	memo  *Memo // nil: parse every file

	kindDeps map[*index.Kind]string // see kindDep
	walks    map[string]listed      // see listing
}

// name is the path shown in diagnostics.
func (l *loader) name(p string) string {
	if l.dir == "" {
		return p
	}
	return path.Join(l.dir, p)
}

// read reads a file and checks that it is UTF-8. The bytes may be the file
// system's own (see SharedFS): nothing that reads them changes them.
func (l *loader) read(p string) ([]byte, bool) {
	b, err := readShared(l.fsys, p)
	if err != nil {
		l.readError(p, err)
		return nil, false
	}
	if !utf8.Valid(b) {
		if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
			// As Windows' editors save “Unicode”: one error, not a byte.
			l.diags.Errorf(diag.Pos{File: l.name(p)}, "save it as UTF-8: in the editor's “Save as”, choose the encoding UTF-8",
				"the file is UTF-16, not UTF-8")
			return nil, false
		}
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		pos := diag.NewLines(l.name(p), b, 1).Pos(off)
		l.diags.Errorf(pos, "save the file as UTF-8", "the file is not valid UTF-8 (byte 0x%02x)", b[off])
		return nil, false
	}
	return b, true
}

// unchecked adds to the first error at the file p among the diagnostics
// from the from'th on that what it stops is not checked: a mistake that
// leaves a file unread leaves what depends on it unchecked, and the editor
// should know that more may come once it is fixed.
func (l *loader) unchecked(from int, p, what string) { l.uncheckedFile(from, l.name(p), what) }

// uncheckedFile is unchecked for a file named as diagnostics name it.
func (l *loader) uncheckedFile(from int, file, what string) {
	(*l.diags)[from:].AddToError(file, what)
}

// readError reports a file that cannot be read, saying why in an editor's
// words where it can: edition.yaml missing, a link to a file that is not
// there, a file the user may not read.
func (l *loader) readError(p string, err error) {
	pos := diag.Pos{File: l.name(p)}
	switch {
	case p == EditionFile && errors.Is(err, fs.ErrNotExist):
		l.diags.Errorf(pos, "create it with the edition's “title:” and its “kinds:”, or give the edition's content folder with -content",
			"the content folder has no %s, which says what the edition is", EditionFile)
	default:
		msg, hint := fileerr.Explain(l.fsys, p, err)
		l.diags.Errorf(pos, hint, "%s", msg)
	}
}

// split reads a Markdown file and decodes its front matter with fields.
// file is l.name(p), made once by the caller.
func (l *loader) split(p, file string) (FrontMatter, *doc, *yaml.Node, bool) {
	src, ok := l.read(p)
	if !ok {
		return FrontMatter{}, nil, nil, false
	}
	fm, err := Split(src)
	if err != nil {
		var se *SplitError
		errors.As(err, &se)
		l.diags.Errorf(diag.Pos{File: file, Line: se.Line, Col: 1}, se.Hint, "%s", se.Msg)
		return FrontMatter{}, nil, nil, false
	}
	d := &doc{file: file, line0: fm.YAMLLine - 1, diags: l.diags}
	if fm.YAML == nil {
		return fm, d, &yaml.Node{Kind: yaml.MappingNode}, true
	}
	n, ok := d.parse(fm.YAML)
	return fm, d, n, ok
}

func (l *loader) edition() (index.Edition, bool) { return l.editionMemo() }

// editionFile reads and decodes edition.yaml.
func (l *loader) editionFile() (index.Edition, bool) {
	var ed index.Edition
	src, ok := l.read(EditionFile)
	if !ok {
		return ed, false
	}
	d := &doc{file: l.name(EditionFile), diags: l.diags}
	if len(bytes.TrimSpace(src)) == 0 {
		// Not a missing title and every registry folder unread: one mistake.
		l.diags.Errorf(diag.Pos{File: d.file, Line: 1, Col: 1}, "write the edition's “title: …” and its “kinds:”, one “- key: …” for each folder of registry/",
			"%s is empty", EditionFile)
		return ed, false
	}
	n, ok := d.parse(src)
	if !ok {
		return ed, false
	}
	ed.Pos = diag.Pos{File: d.file}
	spans := func(field string, v *yaml.Node) {
		if sp := d.spans(v); sp != nil {
			if ed.Spans == nil {
				ed.Spans = map[string][]diag.Span{}
			}
			ed.Spans[field] = sp
		}
	}
	d.fields(n, EditionFile, map[string]func(*yaml.Node){
		"title":     func(v *yaml.Node) { ed.Title = d.str(v, "title") },
		"subtitle":  func(v *yaml.Node) { ed.Subtitle = d.str(v, "subtitle") },
		"authors":   func(v *yaml.Node) { ed.Authors = d.persons(v, "authors") },
		"editors":   func(v *yaml.Node) { ed.Editors = d.persons(v, "editors") },
		"publisher": func(v *yaml.Node) { ed.Publisher = d.str(v, "publisher") },
		"year":      func(v *yaml.Node) { ed.Year = d.integer(v, "year") },
		"language":  func(v *yaml.Node) { ed.Language = d.str(v, "language") },
		"citation":  func(v *yaml.Node) { ed.Citation = d.str(v, "citation"); spans("citation", v) },
		"rights":    func(v *yaml.Node) { ed.Rights = d.str(v, "rights"); spans("rights", v) },
		"license":   func(v *yaml.Node) { ed.License = d.str(v, "license"); spans("license", v) },
		"base_url":  func(v *yaml.Node) { ed.BaseURL = d.str(v, "base_url") },
		"kinds":     func(v *yaml.Node) { ed.Kinds = l.kinds(d, v) },
	})
	if strings.TrimSpace(ed.Title) == "" {
		d.missing(n, "title", ed.Pos, "add “title: …”", "", EditionFile+" has no title")
	}
	if ed.Language == "" {
		ed.Language = "en"
	}
	if ed.BaseURL != "" && !strings.HasSuffix(ed.BaseURL, "/") {
		ed.BaseURL += "/"
	}
	if ed.BaseURL != "" && !strings.HasPrefix(ed.BaseURL, "https://") && !strings.HasPrefix(ed.BaseURL, "http://") {
		l.diags.Errorf(ed.Pos, "write the full address, such as https://example.org/edition/", "base_url must be an http(s) URL")
		ed.BaseURL = ""
	}
	return ed, true
}

func (l *loader) kinds(d *doc, n *yaml.Node) []index.Kind {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "write one “- key: …” item per kind", "kinds must be a list")
		return nil
	}
	var kinds []index.Kind
	seen := map[string]bool{}
	paths := map[string]bool{index.SourceKind.Path: true}
	for _, item := range n.Content {
		var k index.Kind
		d.fields(item, "a kind", map[string]func(*yaml.Node){
			"key":    func(v *yaml.Node) { k.Key = d.str(v, "key") },
			"name":   func(v *yaml.Node) { k.Name = d.str(v, "name") },
			"plural": func(v *yaml.Node) { k.Plural = d.str(v, "plural") },
			"path":   func(v *yaml.Node) { k.Path = d.str(v, "path") },
			"types":  func(v *yaml.Node) { k.Types = d.keys(v, "types") },
		})
		switch {
		case k.Key == "":
			d.missing(item, "key", d.pos(item), "add “key: …”, such as “concept”", "", "the kind has no key")
			continue
		case !isKey(k.Key):
			d.errorf(item, "use lowercase letters, digits and hyphens, such as “concept”", "kind key %q is not a valid key", k.Key)
			continue
		case reservedKinds[k.Key] != "":
			d.errorf(item, "choose another key, such as “"+k.Key+"-entry”", "kind key %q is reserved: the edition uses it for %s", k.Key, reservedKinds[k.Key])
			continue
		case seen[k.Key]:
			d.errorf(item, "give each kind its own key", "kind %q is declared twice", k.Key)
			continue
		}
		if k.Name == "" {
			k.Name = strings.ToUpper(k.Key[:1]) + k.Key[1:]
		}
		if k.Plural == "" {
			k.Plural = k.Name + "s"
		}
		if k.Path == "" {
			k.Path = k.Key + "s"
		}
		if !isKey(k.Path) || paths[k.Path] || reservedPaths[k.Path] {
			d.errorf(item, "choose another path of lowercase letters, digits and hyphens", "kind %q has the path %q, which is invalid or already used", k.Key, k.Path)
			continue
		}
		seen[k.Key], paths[k.Path] = true, true
		kinds = append(kinds, k)
	}
	return kinds
}

// reservedKinds are the kind keys the edition gives meanings of its own,
// with what for: a kind of that key would share the search's filter (and
// its results' class) with them.
var reservedKinds = map[string]string{
	index.SourceKind.Key: "the bibliography's sources",
	index.TextResults:    "the search's results in the text",
	index.NoteResults:    "the search's results in the notes",
}

// reservedPaths are URL paths the generator writes itself.
var reservedPaths = map[string]bool{"text": true, "assets": true, "search": true, "data": true, "pages": true}

// walk lists the Markdown files under dir, sorted, skipping hidden files and
// editors' temporary files, and reports an error in listing them.
func (l *loader) walk(dir string) []string {
	files, err := l.listing(dir)
	if err != nil {
		l.diags.Errorf(diag.Pos{File: l.name(dir)}, "", "cannot list the folder: %v", fileerr.Cause(err))
	}
	for _, u := range l.walks[dir].unlisted {
		hint := ""
		if errors.Is(u.err, fs.ErrPermission) {
			hint = "make the folder readable, with chmod a+rx say"
		}
		l.diags.Errorf(diag.Pos{File: l.name(u.path)}, hint, "cannot list the folder: %v; none of its files is read", fileerr.Cause(u.err))
	}
	for _, p := range l.walks[dir].unread {
		stem := strings.TrimSuffix(path.Base(p), path.Ext(p))
		hint := "rename it to " + stem + ".md"
		if isYAMLName(p) {
			hint = "an entry is a Markdown file with its fields as front matter: rename it to " + stem + ".md, and put a line “---” before the fields and another after them"
		}
		l.diags.Warnf(diag.Pos{File: l.name(p)}, hint,
			"the file is not read: only files whose names end in .md are")
	}
	for _, p := range l.walks[dir].links {
		l.diags.Warnf(diag.Pos{File: l.name(p)}, "put the folder itself here, or link each of its files",
			"the folder is not read: it is a symbolic link, which the build does not follow into")
	}
	return files
}

// listed is what listing found in a folder.
type listed struct {
	files  []string
	unread []string // files named as Markdown is elsewhere (".markdown", ".MD", ".txt"), which are not read
	links  []string // symbolic links to folders, which are not walked
	// unlisted are the folders below it that could not be listed: the
	// rest is walked all the same.
	unlisted []unlisted
	err      error
}

// unlisted is a folder that could not be listed, and why.
type unlisted struct {
	path string
	err  error
}

// markdownLike reports whether a file's name, though not ending in .md,
// says it holds Markdown or plain text: an editor's file the build would
// otherwise skip without a word.
func markdownLike(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt", ".text":
		return !strings.HasSuffix(name, ".md")
	}
	return false
}

// isYAMLName reports whether a file's name says it holds YAML: in the
// registry, an entry written as the fields alone.
func isYAMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// listing lists the Markdown files under dir as walk does, once per
// loader: Memo.Load lists the text and the registry to prefetch them,
// then again to load them.
func (l *loader) listing(dir string) ([]string, error) {
	if w, ok := l.walks[dir]; ok {
		return w.files, w.err
	}
	var files, unread, links []string
	var failed []unlisted
	err := fs.WalkDir(l.fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			if p != dir && e != nil && e.IsDir() {
				failed = append(failed, unlisted{p, err})
				return fs.SkipDir
			}
			return err
		}
		name := e.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case e.IsDir():
		case strings.HasSuffix(name, ".md"):
			files = append(files, p)
		case markdownLike(name), dir == RegistryDir && isYAMLName(name):
			unread = append(unread, p)
		case e.Type()&fs.ModeSymlink != 0:
			if info, err := fs.Stat(l.fsys, p); err == nil && info.IsDir() {
				links = append(links, p)
			}
		}
		return nil
	})
	slices.Sort(files)
	slices.Sort(unread)
	if l.walks == nil {
		l.walks = map[string]listed{}
	}
	l.walks[dir] = listed{files, unread, links, failed, err}
	return files, err
}

func (l *loader) chapters() []*Chapter {
	var chapters []*Chapter
	slugs := map[string]*Chapter{}
	titles := map[string]*Chapter{} // by title, in lowercase
	paths := l.walk(TextDir)        // (Memo.Load has prefetched them)
	for _, p := range paths {
		ch, ok := l.chapterMemo(p)
		if !ok {
			continue
		}
		if ch.Unread {
			chapters = append(chapters, ch) // (see below)
			continue
		}
		if other, dup := slugs[ch.Slug]; dup {
			// At the “slug:” that repeats the other's, if one does; a
			// slug made from the file's name is the file's.
			pos, by := diag.Pos{File: ch.File}, other.File
			if ch.SlugPos.Line > 0 {
				pos = ch.SlugPos
			}
			if other.SlugPos.Line > 0 {
				by = other.SlugPos.String()
			}
			hint := "set another “slug:” in one of them"
			if ch.SlugPos.Line == 0 && other.SlugPos.Line == 0 {
				hint = "rename one of the files, or set another “slug:” in one of them"
			}
			l.diags.Errorf(pos, hint, "chapter slug %q is already used by %s", ch.Slug, by)
			continue
		}
		slugs[ch.Slug] = ch
		// Two chapters of one title are most likely one copied and not
		// retitled; the contents could not tell them apart.
		if t := strings.ToLower(strings.TrimSpace(ch.Title)); t != "" {
			if other, dup := titles[t]; dup {
				l.diags.Warnf(ch.TitlePos, "give each chapter its own title: the contents and the pages' titles name chapters by it",
					"chapter title %q is also the title of %s", ch.Title, other.TitlePos)
			} else {
				titles[t] = ch
			}
		}
		chapters = append(chapters, ch)
	}
	// A chapter whose front matter did not read has a slug made of its
	// file's name, a guess: its text is checked only where the guess is
	// no other chapter's.
	chapters = slices.DeleteFunc(chapters, func(ch *Chapter) bool {
		if !ch.Unread {
			return false
		}
		if slugs[ch.Slug] != nil {
			l.uncheckedFile(0, ch.File, "the chapter's text is not checked until it reads")
			return true
		}
		slugs[ch.Slug] = ch
		return false
	})
	if len(chapters) == 0 && !l.diags.HasErrors() {
		l.diags.Errorf(diag.Pos{File: l.name(TextDir)}, "add a Markdown file such as text/01-introduction.md",
			"the edition has no text")
	}
	return chapters
}

// fileSlug is the slug a text's or a page's file name gives it where its
// front matter does not: "01-the-rock.md" → "the-rock".
func fileSlug(p string) string {
	return index.Slug(trimOrderPrefix(strings.TrimSuffix(path.Base(p), ".md")))
}

// Chapter reads one text file.
func (l *loader) Chapter(p string) (*Chapter, bool) {
	from := len(*l.diags)
	fm, d, n, ok := l.split(p, l.name(p))
	if !ok {
		if d != nil && len(bytes.TrimSpace(fm.Body)) > 0 {
			// Front matter that does not parse hides nothing of the
			// text after it: that is checked in the same build.
			return &Chapter{File: d.file, Slug: fileSlug(p),
				Body: fm.Body, BodyLine: fm.BodyLine, Opening: "Opening", Unread: true}, true
		}
		l.unchecked(from, p, "the chapter's text is not checked until it reads")
		return nil, false
	}
	if fm.YAML == nil && len(bytes.TrimSpace(fm.Body)) == 0 {
		// Not a missing title and an empty text: one mistake.
		l.diags.Errorf(diag.Pos{File: d.file, Line: 1, Col: 1}, "write the chapter: a line “---”, “title: …”, a line “---”, then its text; or remove the file",
			"the file is empty")
		return nil, false
	}
	ch := &Chapter{File: d.file, Body: fm.Body, BodyLine: fm.BodyLine, Opening: "Opening"}
	decodeFields(d, n, chapterWhat, chapterSet, chapterFields{d, ch})
	pos := diag.Pos{File: ch.File, Line: 1, Col: 1}
	if strings.TrimSpace(ch.Title) == "" {
		d.missing(n, "title", pos, "add “title: …” to the front matter", "", "the chapter has no title")
	}
	if ch.Slug == "" {
		ch.Slug = fileSlug(p)
	} else if !isKey(ch.Slug) {
		l.diags.Errorf(ch.SlugPos, "use lowercase letters, digits and hyphens", "slug %q is not a valid slug", ch.Slug)
		return nil, false
	}
	if len(bytes.TrimSpace(fm.Body)) == 0 {
		l.diags.Errorf(diag.Pos{File: ch.File, Line: fm.BodyLine, Col: 1}, "write the chapter's text after the front matter, or remove the file",
			"the chapter is empty")
		return nil, false
	}
	deepHeadings(l.diags, ch.File, fm.Body, fm.BodyLine)
	if ch.Title == "" && d.diags.HasErrors() {
		// Without its title (a misspelt “title:”) the chapter cannot be
		// published, but its text is checked in the same build.
		ch.Unread = true
	}
	return ch, true
}

func (l *loader) pages() []*Page {
	var pages []*Page
	slugs := map[string]bool{}
	for _, p := range l.walk(PagesDir) {
		if pg, ok := l.pageMemo(p); ok {
			pages = append(pages, pg)
			if !pg.Unread {
				slugs[pg.Slug] = true
			}
		}
	}
	// A page whose front matter did not read has a slug made of its
	// file's name, a guess: its text is checked only where the guess is
	// no other page's.
	return slices.DeleteFunc(pages, func(pg *Page) bool {
		if !pg.Unread {
			return false
		}
		if slugs[pg.Slug] {
			l.uncheckedFile(0, pg.File, "the page's text is not checked until it reads")
			return true
		}
		slugs[pg.Slug] = true
		return false
	})
}

// page reads one further page.
func (l *loader) page(p string) (*Page, bool) {
	from := len(*l.diags)
	fm, d, n, ok := l.split(p, l.name(p))
	if !ok {
		if guess := fileSlug(p); d != nil && len(bytes.TrimSpace(fm.Body)) > 0 && isKey(guess) && !reservedPages[guess] {
			// As a chapter's: the text after front matter that does not
			// parse is checked in the same build.
			return &Page{File: d.file, Slug: guess, Body: fm.Body, BodyLine: fm.BodyLine, Unread: true}, true
		}
		l.unchecked(from, p, "the page's text is not checked until it reads")
		return nil, false
	}
	pg := &Page{File: d.file, Body: fm.Body, BodyLine: fm.BodyLine}
	d.fields(n, "the page's front matter", map[string]func(*yaml.Node){
		"title": func(v *yaml.Node) { pg.Title = d.str(v, "title") },
		"slug":  func(v *yaml.Node) { pg.Slug = d.str(v, "slug") },
	})
	if strings.TrimSpace(pg.Title) == "" {
		d.missing(n, "title", diag.Pos{File: pg.File, Line: 1, Col: 1}, "add “title: …” to the front matter", "", "the page has no title")
		// Kept, without its title, for its text to be checked.
		pg.Unread = true
	}
	if pg.Slug == "" {
		pg.Slug = fileSlug(p)
	}
	if !isKey(pg.Slug) || reservedPages[pg.Slug] {
		l.diags.Errorf(diag.Pos{File: pg.File, Line: 1, Col: 1}, "choose another slug", "page slug %q is invalid or taken by a generated page", pg.Slug)
		return nil, false
	}
	return pg, true
}

// chapterFields is what the fields of a chapter's front matter fill in.
type chapterFields struct {
	d  *doc
	ch *Chapter
}

var chapterSet = newFieldSet(map[string]func(c chapterFields, v *yaml.Node){
	"title": func(c chapterFields, v *yaml.Node) {
		c.ch.Title, c.ch.TitlePos = c.d.str(v, "title"), c.d.pos(v)
	},
	"slug": func(c chapterFields, v *yaml.Node) {
		c.ch.Slug, c.ch.SlugPos = c.d.str(v, "slug"), c.d.pos(v)
	},
	"authors": func(c chapterFields, v *yaml.Node) { c.ch.Authors = c.d.persons(v, "authors") },
	"opening": func(c chapterFields, v *yaml.Node) { c.ch.Opening = c.d.str(v, "opening") },
})

// reservedPages are the file names of generated pages at the top of the
// site.
var reservedPages = map[string]bool{"index": true, "404": true, "bibliography": true,
	"general-index": true, "overview": true, "search": true, "contents": true}

// isKey reports whether s is lowercase letters and digits in groups joined
// by single hyphens: ^[a-z0-9]+(?:-[a-z0-9]+)*$, without a regular expression
// (TestIsKeyIsKeyRE).
func isKey(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// trimOrderPrefix removes digits and the hyphens, underscores, dots and
// spaces after them from the start of a file name, as replacing
// ^\d+[-_. ]+ with nothing does
// (TestTrimOrderPrefixIsRE).
func trimOrderPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	j := i
	for j < len(s) && (s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == ' ') {
		j++
	}
	if i == 0 || j == i {
		return s
	}
	return s[j:]
}
