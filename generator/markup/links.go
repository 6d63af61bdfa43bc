package markup

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup/mention"

	"golang.org/x/text/unicode/norm"
)

// Links is everything a document can link to: the registry's entries and
// the bibliography's sources, their aliases compiled into one matcher, and
// the URL of each. It is built once per build and is read-only after.
type Links struct {
	matcher *mention.Matcher
	refs    []index.Ref       // matcher target id → ref
	ids     map[index.Ref]int // and back
	names   map[index.Ref]string
	kinds   map[string]bool // link schemes that name kinds, "source" included
	keys    map[string][]string
	labels  map[string]string // source id → label
	authors map[string]string // source id → the label's authors (bib.LabelAuthors)
	layout  index.Layout
	entries []*index.Entry // for the hints of unknown keys

	// The hint of each unknown "kind:key", made when the first link to it
	// fails: a renamed entry leaves its old key in many links.
	hintMu sync.Mutex
	hints  map[string]string

	// The href of every ref from a chapter's page, made when the first
	// chapter is converted: each chapter links to some of them, from the
	// same folder.
	chapterDir   string
	chapterOnce  sync.Once
	chapterHrefs []string // nil when some ref's path holds a "#"
	// The start tag of a mention of each ref from a chapter's page.
	chapterTags []mention.Tag
}

// NewLinks compiles the aliases of entries and sources. An alias claimed by
// two entries is an error, reported at the second claim.
func NewLinks(ed *index.Edition, entries []*index.Entry, sources []*index.Source, layout index.Layout) (*Links, diag.List) {
	var diags diag.List
	l := &Links{ids: map[index.Ref]int{}, names: map[index.Ref]string{}, kinds: map[string]bool{index.SourceKind.Key: true},
		keys: map[string][]string{}, labels: map[string]string{}, authors: map[string]string{}, layout: layout, entries: entries,
		chapterDir: path.Dir(layout.Chapter("chapter"))}
	for _, k := range ed.Kinds {
		l.kinds[k.Key] = true
	}
	var patterns []mention.Pattern
	type claim struct {
		ref  index.Ref
		pos  diag.Pos
		text string
	}
	claimed := map[string]claim{}
	add := func(ref index.Ref, name string, aliases []index.Alias) {
		id := len(l.refs)
		l.refs = append(l.refs, ref)
		l.ids[ref] = id
		l.names[ref] = name
		l.keys[ref.Kind] = append(l.keys[ref.Kind], ref.Key)
		for _, a := range aliases {
			folded := norm.NFC.String(strings.ToLower(a.Text))
			if c, dup := claimed[folded]; dup {
				switch {
				case c.ref == ref && c.text != a.Text:
					// Written otherwise, as “U.N.” and “u.n.”: the editor may
					// think each matches its own case, but the second is
					// dropped.
					diags.Warnf(a.Pos, "keep the one you mean: an alias in lowercase matches the text in any case, one with capitals as it is written",
						"alias %q repeats %q (line %d) of %s but for case, and only the first is used", a.Text, c.text, c.pos.Line, ref)
				case c.ref == ref:
					diags.Warnf(a.Pos, "remove the repeated alias", "alias %q is listed twice for %s", a.Text, ref)
				default:
					// Said at the second claim, unless the alias spells the
					// second's key ("weak states" of weak-states): then the
					// first claim is the one to move.
					at, by, byPos, other := a.Pos, c.ref, c.pos, ref
					if k := strings.ReplaceAll(folded, " ", "-"); k == ref.Key && k != c.ref.Key {
						at, by, byPos, other = c.pos, ref, a.Pos, c.ref
					}
					diags.Errorf(at, fmt.Sprintf("keep the alias in one entry and link the other explicitly, [%s](%s)", a.Text, other),
						"alias %q is also claimed by %s (%s)", a.Text, by, byPos)
				}
				continue
			}
			claimed[folded] = claim{ref, a.Pos, a.Text}
			patterns = append(patterns, mention.Pattern{Text: a.Text, Case: mention.Case(a.Case), Target: id})
			// An accented letter may be one character or a letter and a
			// combining accent (as text copied from a PDF often has it):
			// the alias matches the text written either way.
			if !isASCII(a.Text) {
				for _, form := range [...]norm.Form{norm.NFC, norm.NFD} {
					if v := form.String(a.Text); v != a.Text && (form == norm.NFC || v != norm.NFC.String(a.Text)) {
						patterns = append(patterns, mention.Pattern{Text: v, Case: mention.Case(a.Case), Target: id})
					}
				}
			}
		}
	}
	for _, e := range entries {
		add(e.Ref(), e.Name, e.Aliases)
	}
	for _, s := range sources {
		add(s.Ref(), s.Label, s.Aliases)
		l.labels[s.ID] = s.Label
		if s.Record != nil {
			l.authors[s.ID] = bib.LabelAuthors(s.Record)
		}
	}
	m, err := mention.NewMatcher(patterns)
	if err != nil {
		diags.Errorf(diag.Pos{}, "", "cannot build the alias matcher: %v", err)
	}
	l.matcher = m
	return l, diags
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Has reports whether ref exists.
func (l *Links) Has(ref index.Ref) bool {
	_, ok := l.ids[ref]
	return ok
}

// lookupError is an unknown key with the nearest known ones.
type lookupError struct{ msg, hint string }

func (e *lookupError) Error() string { return e.msg }
func (e *lookupError) Hint() string  { return e.hint }

// lookup resolves scheme:key for explicit links and citations.
func (l *Links) lookup(scheme, key string) (int, error) {
	if !l.kinds[scheme] {
		return 0, l.misspeltKind(scheme, key)
	}
	id, ok := l.ids[index.Ref{Kind: scheme, Key: key}]
	if !ok {
		what, where := "entry", "check the key against the file names in registry/"+scheme+"/"
		if scheme == index.SourceKind.Key {
			// Sources are records of the bibliography, not files.
			what, where = "bibliography record", "check the key against the ids of the bibliography's records"
		}
		// The key may exist under another kind.
		for _, other := range slices.Sorted(maps.Keys(l.kinds)) {
			if other != scheme && l.Has(index.Ref{Kind: other, Key: key}) {
				return 0, &lookupError{fmt.Sprintf("no %s %q, but there is %s:%s", scheme, key, other, key),
					fmt.Sprintf("write %s:%s", other, key)}
			}
		}
		if scheme == index.SourceKind.Key {
			return 0, &lookupError{fmt.Sprintf("unknown %s %q", what, scheme+":"+key), diag.DidYouMean(key, l.keys[scheme], where)}
		}
		return 0, &lookupError{fmt.Sprintf("unknown %s %q", what, scheme+":"+key), l.entryHint(scheme, key, where)}
	}
	return id, nil
}

// entryHint suggests the entries of kind whose key, name or alias is near
// key (diag.DidYouMeanKey), once for each unknown key.
func (l *Links) entryHint(kind, key, fallback string) string {
	l.hintMu.Lock()
	defer l.hintMu.Unlock()
	if h, ok := l.hints[kind+":"+key]; ok {
		return h
	}
	var ofKind []*index.Entry
	for _, e := range l.entries {
		if e.Kind == kind {
			ofKind = append(ofKind, e)
		}
	}
	h := diag.DidYouMeanKey(key, index.Known(ofKind), fallback)
	if l.hints == nil {
		l.hints = map[string]string{}
	}
	l.hints[kind+":"+key] = h
	return h
}

// misspeltKind returns an error for a link whose scheme is a kind
// misspelt ("evnt:iraq-war", "Actor:annan", "nnoe:"), which would
// otherwise stay a link that goes nowhere, and mention.ErrNotMine for any
// other scheme (https:, mailto:), left a link.
func (l *Links) misspeltKind(scheme, key string) error {
	if webSchemes[strings.ToLower(scheme)] {
		return mention.ErrNotMine
	}
	kinds := append(slices.Sorted(maps.Keys(l.kinds)), "none")
	near := diag.Nearest(scheme, kinds, 1)
	if len(near) == 0 {
		// A kind unlike any, but the key is an entry's: the editor meant
		// it, under a kind the edition does not have.
		for _, k := range kinds {
			if l.Has(index.Ref{Kind: k, Key: key}) {
				return &lookupError{fmt.Sprintf("unknown kind %q in the link %q: the edition's kinds are %s", scheme, scheme+":"+key, strings.Join(kinds[:len(kinds)-1], ", ")),
					fmt.Sprintf("did you mean “%s:%s”?", k, key)}
			}
		}
		return mention.ErrNotMine
	}
	return &lookupError{fmt.Sprintf("unknown kind %q in the link %q", scheme, scheme+":"+key),
		fmt.Sprintf("did you mean “%s:%s”?", near[0], key)}
}

// webSchemes are URL schemes that are never a misspelt kind, however
// close to one.
var webSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "ftp": true,
	"urn": true, "doi": true, "news": true, "data": true, "javascript": true, "file": true}

// hrefsFrom returns the href of every ref, by id, from page, if page is a
// chapter's, and the start tag of a mention of it; else nil. An href
// depends only on the folder of the page it is on, unless the target has
// a fragment.
func (l *Links) hrefsFrom(page string) ([]string, []mention.Tag) {
	if path.Dir(page) != l.chapterDir {
		return nil, nil
	}
	l.chapterOnce.Do(func() {
		hrefs := make([]string, len(l.refs))
		for id, ref := range l.refs {
			target := l.layout.Ref(ref)
			if strings.Contains(target, "#") {
				return
			}
			hrefs[id] = index.Rel(page, target)
		}
		tags := make([]mention.Tag, len(l.refs))
		for id, ref := range l.refs {
			tags[id] = mention.MakeTag(mention.Target{Kind: ref.Kind, Key: ref.Key, Href: hrefs[id]})
		}
		l.chapterHrefs, l.chapterTags = hrefs, tags
	})
	return l.chapterHrefs, l.chapterTags
}

// resolver resolves links for one page; hrefs are relative to it.
type resolver struct {
	*Links
	page  string   // the page's path in the site: "text/overview.html"
	hrefs []string // the href of each ref from page, or nil
	tags  []mention.Tag
}

func newResolver(l *Links, page string) resolver {
	r := resolver{Links: l, page: page}
	r.hrefs, r.tags = l.hrefsFrom(page)
	return r
}

// href is the URL of ref id's page, relative to r's page.
func (r resolver) href(id int) string {
	if r.hrefs != nil {
		return r.hrefs[id]
	}
	return index.Rel(r.page, r.layout.Ref(r.refs[id]))
}

// Target implements mention.Resolver.
func (r resolver) Target(id int) mention.Target {
	ref := r.refs[id]
	if r.tags != nil {
		return mention.Target{Kind: ref.Kind, Key: ref.Key, Href: r.hrefs[id], Tag: &r.tags[id]}
	}
	return mention.Target{Kind: ref.Kind, Key: ref.Key, Href: r.href(id)}
}

// Lookup implements mention.Resolver.
func (r resolver) Lookup(scheme, key string) (int, error) { return r.lookup(scheme, key) }

// Known implements cite.Knower.
func (r resolver) Known(key string) bool {
	_, ok := r.ids[index.Ref{Kind: index.SourceKind.Key, Key: key}]
	return ok
}

// Author implements cite.Authorer.
func (r resolver) Author(key string) string { return r.authors[key] }

// Near implements cite.Speller: the sources' keys that "@key" in the text
// may be a misspelling of, by the "did you mean" measure, leaving out keys
// that only begin or end alike and differ in length by more than two
// letters ("@bush" is not "bush2002union" misspelt).
func (r resolver) Near(key string) []string {
	near := diag.Nearest(key, r.keys[index.SourceKind.Key], 3)
	return slices.DeleteFunc(near, func(k string) bool {
		d := utf8.RuneCountInString(k) - utf8.RuneCountInString(key)
		return d > 2 || d < -2
	})
}

// Resolve implements cite.Resolver.
func (r resolver) Resolve(key string) (href, label string, err error) {
	id, err := r.lookup(index.SourceKind.Key, key)
	if err != nil {
		if le, ok := err.(*lookupError); ok {
			return "", "", &lookupError{fmt.Sprintf("citation of unknown source @%s", key), le.hint}
		}
		return "", "", err
	}
	return r.href(id), r.labels[key], nil
}
