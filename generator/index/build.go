package index

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
)

// Input is what the index is built from.
type Input struct {
	Edition  *Edition
	Entries  []*Entry
	Sources  []*Source
	Chapters []*Chapter // in reading order
	// Occurrences and Citations are in document order, given in runs (a
	// chapter's each) so that no one has to join them first.
	Occurrences [][]Occurrence
	Citations   [][]Citation
	// Failed says that the build already has errors, which may leave
	// mentions and citations out (a link to an unknown key, a dropped
	// note, an alias in dispute): the warnings of entries never mentioned
	// and sources never cited would be their echo, and are not given.
	Failed bool
}

// Index is the edition as data, ready for rendering. It is read-only once
// built.
type Index struct {
	Edition  *Edition
	Layout   Layout
	Chapters []*Chapter
	Entries  []*Entry  // sorted by kind order, then name
	Sources  []*Source // in bibliography order

	entries     map[Ref]*Entry
	sources     map[string]*Source
	chapters    map[string]*Chapter
	occurrences map[Ref][]Occurrence
	citations   map[string][]Citation
	children    map[string][]*Entry
	citedBy     map[string][]string // entry key → keys of entries whose related names it
}

// Build checks the input's cross-references and indexes it. Entries and
// sources must already be unique by key (see CheckKeys).
func Build(in Input) (*Index, diag.List) {
	var diags diag.List
	nRefs := len(in.Entries) + len(in.Sources)
	x := &Index{
		Edition: in.Edition, Layout: NewLayout(in.Edition), Chapters: in.Chapters,
		entries: make(map[Ref]*Entry, len(in.Entries)), sources: make(map[string]*Source, len(in.Sources)),
		chapters: make(map[string]*Chapter, len(in.Chapters)),
		children: map[string][]*Entry{}, citedBy: make(map[string][]string, len(in.Entries)),
	}
	kindOrder := map[string]int{}
	for i, k := range in.Edition.Kinds {
		kindOrder[k.Key] = i
	}
	byKey := make(map[string]*Entry, len(in.Entries))
	for _, e := range in.Entries {
		x.entries[e.Ref()] = e
		byKey[e.Key] = e
	}
	x.Entries = slices.Clone(in.Entries)
	sortNames := make(map[*Entry]string, len(x.Entries)) // SortName of each IndexName, made once
	for _, e := range x.Entries {
		sortNames[e] = SortName(e.IndexName)
	}
	slices.SortStableFunc(x.Entries, func(a, b *Entry) int {
		return cmp.Or(cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]),
			cmp.Compare(sortNames[a], sortNames[b]), cmp.Compare(a.IndexName, b.IndexName), cmp.Compare(a.Key, b.Key))
	})
	for _, s := range in.Sources {
		x.sources[s.ID] = s
	}
	sortKeys := make(map[*Source]string, len(in.Sources)) // bib.SortKey of each, made once
	for _, s := range in.Sources {
		sortKeys[s] = bib.SortKey(s.Record)
	}
	x.Sources = slices.Clone(in.Sources)
	slices.SortStableFunc(x.Sources, func(a, b *Source) int { return cmp.Compare(sortKeys[a], sortKeys[b]) })
	words := 0 // in the whole text
	for _, c := range in.Chapters {
		x.chapters[c.Slug] = c
		words += c.Words
	}
	x.occurrences = groupBy(in.Occurrences, nRefs, func(o *Occurrence) Ref { return o.Target })
	x.citations = groupBy(in.Citations, len(in.Sources), func(c *Citation) string { return c.Source })

	// Every entry's key and names, for the hints of the errors below: made
	// only for the first, and each unknown key's hint once, as a renamed
	// file leaves its old key in many entries.
	var known []diag.Known
	var hints map[string]string
	hint := func(key string) string {
		h, ok := hints[key]
		if !ok {
			if known == nil {
				known, hints = Known(in.Entries), map[string]string{}
			}
			h = diag.DidYouMeanKey(key, known, "check the key against the registry's file names")
			// Written as an explicit link's target, "concept:containment".
			if _, k, ok := strings.Cut(key, ":"); ok && byKey[k] != nil {
				h = "write the key alone, without its kind: “" + k + "”"
			}
			hints[key] = h
		}
		return h
	}
	var cycleSaid map[string]bool // the entries of circles of parents reported
	for _, e := range x.Entries {
		for i, r := range e.Related {
			pos, ok := e.FieldPos["related "+r]
			if !ok {
				pos = e.FieldPos["related"]
			}
			if _, ok := byKey[r]; !ok {
				diags.Errorf(pos, hint(r),
					"entry %q names %q as related, but there is no such entry", e.Key, r)
				continue
			}
			// Either would put a useless link in the entry's "See also":
			// to the page itself, or twice to one page.
			if r == e.Key {
				diags.Errorf(pos, "remove it from “related:”", "entry %q names itself as related", e.Key)
				continue
			}
			if slices.Contains(e.Related[:i], r) {
				diags.Errorf(pos, "remove the repeated key", "entry %q names %q as related twice", e.Key, r)
				continue
			}
			x.citedBy[r] = append(x.citedBy[r], e.Key)
		}
		if e.Parent != "" {
			p, ok := byKey[e.Parent]
			switch {
			case !ok:
				diags.Errorf(e.FieldPos["parent"], hint(e.Parent),
					"entry %q has parent %q, but there is no such entry", e.Key, e.Parent)
			case p == e:
				diags.Errorf(e.FieldPos["parent"], "remove “parent:” or name another entry", "entry %q is its own parent", e.Key)
			case parentCycle(e, byKey) != nil:
				// One circle, one error: at its first entry, not again at
				// each of the others.
				cycle := parentCycle(e, byKey)
				if cycleSaid[e.Key] {
					break
				}
				for _, k := range cycle {
					if cycleSaid == nil {
						cycleSaid = map[string]bool{}
					}
					cycleSaid[k] = true
				}
				diags.Errorf(e.FieldPos["parent"], "a sub-entry's parent must not be one of its own sub-entries: remove or change one “parent:” of the circle",
					"entry %q is its own ancestor: %s", e.Key, strings.Join(cycle, " → "))
			default:
				x.children[e.Parent] = append(x.children[e.Parent], e)
			}
		}
		commonAliases(e, x.occurrences[e.Ref()], words, &diags)
		if len(x.occurrences[e.Ref()]) == 0 && !in.Failed {
			hint := "add an alias that occurs in the text, or link it explicitly: [words](" + e.Ref().String() + ")"
			if len(e.Aliases) == 0 {
				hint = "give it aliases, or link it explicitly: [words](" + e.Ref().String() + ")"
			}
			diags.Warnf(e.Pos, hint, "entry %q is never mentioned in the text", e.Key)
		}
	}
	for _, s := range x.Sources {
		if len(x.citations[s.ID]) == 0 && len(x.occurrences[s.Ref()]) == 0 && !in.Failed {
			diags.Warnf(s.Pos, "cite it with [@"+s.ID+"] where the text refers to it, or remove it", "source %q is never cited", s.ID)
		}
	}
	return x, diags
}

// A common word as an alias ("the", "that", "one") links every time the
// text uses the word, wherever it means something else: an alias in
// lowercase (which matches in any case), of one word, matched at least
// commonMatches times and once in every commonShare words of the text or
// more often, is worth a warning. A term the text is about stays well
// below that share; words such as "the" (one in 15 or so in English) or
// "that" (one in 100) do not.
const (
	commonMatches = 25
	commonShare   = 100
)

// commonAliases warns of the aliases of e that match as a common word
// would (see commonMatches), at the alias.
func commonAliases(e *Entry, occ []Occurrence, words int, diags *diag.List) {
	if len(occ) < commonMatches || len(occ)*commonShare < words {
		return
	}
	counts := map[string]int{}
	for _, o := range occ {
		if !o.Explicit {
			counts[strings.ToLower(o.Snippet.Match)]++
		}
	}
	for _, a := range e.Aliases {
		if a.Text != strings.ToLower(a.Text) && a.Case != Ignore || strings.ContainsAny(a.Text, " -") {
			continue // a name, or words that make a phrase
		}
		n := counts[strings.ToLower(a.Text)]
		if n >= commonMatches && n*commonShare >= words {
			diags.Warnf(a.Pos, "if the word is common, give a longer alias that names only this entry, and link the other mentions explicitly",
				"alias %q of %s matches %d times, once in every %d words of the text", a.Text, e.Ref(), n, words/n)
		}
	}
}

// groupBy returns the items of runs grouped by key, each group in the
// items' order. The groups lie in one array, each capped at its length;
// about n keys are expected. Each item's key is looked up once: an index
// of 1,000 chapters groups 80,000 occurrences by 3,000 entries.
func groupBy[T any, K comparable](runs [][]T, n int, key func(*T) K) map[K][]T {
	total := 0
	for _, r := range runs {
		total += len(r)
	}
	ids := make(map[K]int32, n)
	var keys []K
	var ends []int32 // per key: its count, then where its group ends
	which := make([]int32, 0, total)
	for _, r := range runs {
		for i := range r {
			k := key(&r[i])
			id, ok := ids[k]
			if !ok {
				id = int32(len(keys))
				ids[k] = id
				keys = append(keys, k)
				ends = append(ends, 0)
			}
			which = append(which, id)
			ends[id]++
		}
	}
	at := int32(0)
	for id := range ends {
		at += ends[id]
		ends[id] = at
	}
	// From the last item back, so that each group is filled back to front
	// and ends[id] is left where group id begins.
	all := make([]T, total)
	j := total
	for _, r := range slices.Backward(runs) {
		for i := len(r) - 1; i >= 0; i-- {
			j--
			id := which[j]
			ends[id]--
			all[ends[id]] = r[i]
		}
	}
	groups := make(map[K][]T, len(keys))
	for id, k := range keys {
		end := int32(total)
		if id+1 < len(keys) {
			end = ends[id+1]
		}
		groups[k] = all[ends[id]:end:end]
	}
	return groups
}

// parentCycle returns the chain of parents that leads from e back to e, or
// nil when e's parents end, as they should, at an entry without one.
func parentCycle(e *Entry, byKey map[string]*Entry) []string {
	chain := []string{e.Key}
	for cur := e; len(chain) <= len(byKey)+1; {
		p, ok := byKey[cur.Parent]
		if cur.Parent == "" || !ok {
			return nil
		}
		chain = append(chain, p.Key)
		if p == e {
			return chain
		}
		cur = p
	}
	return nil // a cycle further up, reported at its own entries
}

// CheckKeys reports entries and sources that cannot coexist: one key used
// twice, or two keys whose pages would have the same file name. It returns
// the entries and sources that can be kept.
func CheckKeys(entries []*Entry, sources []*Source) ([]*Entry, []*Source, diag.List) {
	var diags diag.List
	byKey := map[string]*Entry{}
	slugs := map[string]string{} // "kind/slug" → who has it
	var keptE []*Entry
	for _, e := range entries {
		if first, dup := byKey[e.Key]; dup {
			diags.Errorf(e.Pos, "rename one of the files; keys are unique across all kinds",
				"duplicate key %q: also %s", e.Key, first.File)
			continue
		}
		slug := e.Kind + "/" + Slug(e.Key)
		if who, dup := slugs[slug]; dup {
			diags.Errorf(e.Pos, "rename one of them", "entry %q would have the same page as %s", e.Key, who)
			continue
		}
		byKey[e.Key], slugs[slug] = e, e.File
		keptE = append(keptE, e)
	}
	for _, e := range keptE {
		for _, a := range e.Aliases {
			aliasIsKey(e, a, byKey, &diags)
		}
	}
	var keptS []*Source
	for _, s := range sources {
		slug := SourceKind.Key + "/" + Slug(s.ID)
		if who, dup := slugs[slug]; dup {
			diags.Errorf(s.Pos, "change one of the ids", "record %q would have the same page as %s", s.ID, who)
			continue
		}
		slugs[slug] = fmt.Sprintf("record %q (%s)", s.ID, s.Pos)
		keptS = append(keptS, s)
	}
	return keptE, keptS, diags
}

// aliasIsKey warns of an alias of e that is the key of another entry
// (“containment” in deterrence's aliases, where containment.md is an
// entry): the word links to e, not to the entry of its name, which is
// seldom what the editor meant. The alias is compared as a key is
// written: lowercase, words joined by hyphens.
func aliasIsKey(e *Entry, a Alias, byKey map[string]*Entry, diags *diag.List) {
	// Written as a key into a buffer on the stack, and looked up without a
	// copy: this runs for every alias of every build. A key is ASCII; an
	// alias that is not cannot be one.
	var buf [64]byte
	t := a.Text
	if len(t) > len(buf) {
		return
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ':
			c = '-'
		case c >= 0x80:
			return
		}
		buf[i] = c
	}
	other := byKey[string(buf[:len(t)])]
	if other == nil || other == e {
		return
	}
	for _, o := range other.Aliases {
		if strings.EqualFold(o.Text, a.Text) {
			return // two entries claim the alias: an error of its own
		}
	}
	diags.Warnf(a.Pos, fmt.Sprintf("if the alias belongs to %s, move it there; to point from %s to it, list %q under “related:”", other.Ref(), e.Key, other.Key),
		"alias %q of %s is the key of %s, yet links to %s", a.Text, e.Ref(), other.Ref(), e.Key)
}

// CompareNames orders names as an index does: case-insensitively, ignoring
// a leading article and punctuation.
func CompareNames(a, b string) int {
	return cmp.Or(cmp.Compare(SortName(a), SortName(b)), cmp.Compare(a, b))
}

// SortName is the form of a name used to sort it.
func SortName(s string) string {
	s = strings.ToLower(s)
	for _, art := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, art)
	}
	if keepsItself(s) {
		return s
	}
	return dropQuotes(s)
}

// dropQuotes copies s without its quotation marks, each invalid byte as
// U+FFFD.
func dropQuotes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’' || r == '\'' || r == '“' || r == '”' || r == '"' || r == '‘':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keepsItself reports whether SortName's loop would copy s as it is: s
// is valid UTF-8 (the loop writes U+FFFD for a byte that is not) without
// the quotation marks it drops.
func keepsItself(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' || c == '"':
			return false
		case c >= utf8.RuneSelf:
			return utf8.ValidString(s[i:]) && !strings.ContainsAny(s[i:], "’“”‘\"'")
		}
	}
	return true
}

// Entry returns the entry ref names.
func (x *Index) Entry(ref Ref) (*Entry, bool) { e, ok := x.entries[ref]; return e, ok }

// EntryByKey returns the entry with key k, of whatever kind.
func (x *Index) EntryByKey(k string) (*Entry, bool) {
	for _, kind := range x.Edition.Kinds {
		if e, ok := x.entries[Ref{kind.Key, k}]; ok {
			return e, true
		}
	}
	return nil, false
}

// Source returns the source with record id id.
func (x *Index) Source(id string) (*Source, bool) { s, ok := x.sources[id]; return s, ok }

// Chapter returns the chapter with slug s.
func (x *Index) Chapter(s string) (*Chapter, bool) { c, ok := x.chapters[s]; return c, ok }

// Occurrences returns the occurrences of ref in document order.
func (x *Index) Occurrences(ref Ref) []Occurrence { return x.occurrences[ref] }

// Citations returns the citations of the source with id id.
func (x *Index) Citations(id string) []Citation { return x.citations[id] }

// Children returns the sub-entries of the entry with key k.
func (x *Index) Children(k string) []*Entry { return x.children[k] }

// RelatedBy returns the keys of entries that name k as related.
func (x *Index) RelatedBy(k string) []string { return x.citedBy[k] }

// EntriesOf returns the entries of a kind, sorted by name.
func (x *Index) EntriesOf(kind string) []*Entry {
	var out []*Entry
	for _, e := range x.Entries {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// Note returns a chapter's note by id.
func (c *Chapter) Note(id string) (*NoteInfo, bool) {
	for i := range c.Notes {
		if c.Notes[i].ID == id {
			return &c.Notes[i], true
		}
	}
	return nil, false
}

// Paragraph returns a chapter's paragraph by id.
func (c *Chapter) Paragraph(id string) (*Paragraph, bool) {
	for i := range c.Paragraphs {
		if c.Paragraphs[i].ID == id {
			return &c.Paragraphs[i], true
		}
	}
	return nil, false
}
