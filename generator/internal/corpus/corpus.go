package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Config says how big a corpus to make. Zero fields take the defaults.
type Config struct {
	Chapters int    // chapters of text; default 10
	Words    int    // words of running text per chapter, about; default 2,000
	Notes    int    // notes per chapter, the author's and the editor's; default 24
	Mentions int    // mentions of entries per chapter, in the text and the notes, about; default 80
	Entries  int    // registry entries (concepts, actors, events); default 60
	Sources  int    // bibliography records; default 20
	Seed     uint64 // default 1; the same seed makes the same corpus
}

func (c Config) withDefaults() Config {
	if c.Chapters <= 0 {
		c.Chapters = 10
	}
	if c.Words <= 0 {
		c.Words = 2000
	}
	if c.Notes <= 0 {
		c.Notes = 24
	}
	if c.Mentions <= 0 {
		c.Mentions = 80
	}
	if c.Entries <= 0 {
		c.Entries = 60
	}
	if c.Sources <= 0 {
		c.Sources = 20
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	return c
}

// ChapterPath is the path of chapter i (from 0) in a generated corpus.
func ChapterPath(i int) string { return fmt.Sprintf("text/%04d-chapter-%04d.md", i+1, i+1) }

// ChapterSlug is the slug of chapter i (from 0), and so the name of its
// page under text/.
func ChapterSlug(i int) string { return fmt.Sprintf("chapter-%04d", i+1) }

// Write generates the corpus into dir, which it creates if needed. It
// writes only the corpus's files; whatever else dir holds stays.
func Write(dir string, cfg Config) error {
	for p, b := range Generate(cfg) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Generate returns the files of the corpus, by slash-separated path
// relative to the content folder.
func Generate(cfg Config) map[string][]byte {
	cfg = cfg.withDefaults()
	g := &gen{cfg: cfg, files: map[string][]byte{}, used: map[string]bool{}}
	for _, w := range filler {
		g.used[w] = true
	}
	g.entries = g.makeEntries()
	g.sources = g.makeSources()
	g.files["edition.yaml"] = []byte(editionYAML(cfg))
	for _, e := range g.entries {
		g.files[fmt.Sprintf("registry/%s/%s.md", e.kind, e.key)] = []byte(g.entryFile(e))
	}
	g.files["bibliography.yaml"] = []byte(g.bibliography())
	g.files["pages/about.md"] = []byte(g.about())
	for i := range cfg.Chapters {
		g.files[ChapterPath(i)] = []byte(g.chapter(i))
	}
	return g.files
}

type entry struct {
	kind, key, name, indexName, typ, dates string
	aliases                                []string
	related                                []string
	parent                                 string
}

// mention is how the text names the entry in running prose.
func (e *entry) mention(r *rand.Rand) string { return e.aliases[r.IntN(len(e.aliases))] }

type source struct {
	id, family, given, title, typ, container, publisher string
	year                                                int
	alias                                               string
	annote                                              bool
}

type gen struct {
	cfg     Config
	files   map[string][]byte
	used    map[string]bool // every invented word and filler word, lowercased
	next    int             // counter for invented words
	entries []*entry
	byKey   map[string]*entry
	sources []*source
}

// syllables make invented names; no filler word is made of them.
var syllables = []string{"ka", "lo", "ven", "dri", "mar", "tos", "bel", "quin", "zor", "pha",
	"rul", "sen", "tav", "ob", "ix", "nel", "gar", "fu", "wex", "ym"}

// word returns a new invented word, capitalized, never used before.
func (g *gen) word() string {
	for {
		n := g.next
		g.next++
		var b strings.Builder
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
		b.WriteString(syllables[(n+7)%len(syllables)])
		n /= len(syllables)
		b.WriteString(syllables[(n+13)%len(syllables)])
		for n /= len(syllables); n > 0; n /= len(syllables) {
			b.WriteString(syllables[n%len(syllables)])
		}
		w := b.String()
		if !g.used[w] {
			g.used[w] = true
			return strings.ToUpper(w[:1]) + w[1:]
		}
	}
}

func keyOf(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// makeEntries invents the registry. Each entry has one to three aliases,
// most of several words, some sharing their first words with many others
// ("doctrine of …", "Republic of …", "the … government"), as a large
// registry's do.
func (g *gen) makeEntries() []*entry {
	r := rand.New(rand.NewPCG(g.cfg.Seed, 1))
	var out []*entry
	for i := range g.cfg.Entries {
		e := &entry{}
		var aliases []string
		switch i % 5 {
		case 0, 1: // concepts
			e.kind = "concept"
			w := g.word()
			types := []struct{ typ, noun string }{{"doctrine", "doctrine"}, {"principle", "principle"}, {"norm", "norm"}}
			t := types[i%len(types)]
			e.typ = t.typ
			e.name = w + " " + t.noun
			lw := strings.ToLower(w)
			aliases = []string{strings.ToLower(e.name), t.noun + " of " + lw, lw + "ism"}
		case 2, 3: // actors
			e.kind = "actor"
			switch i % 3 {
			case 0:
				e.typ = "person"
				given, family := g.word(), g.word()
				e.name = given + " " + family
				e.indexName = family + ", " + given
				title := []string{"President", "Minister", "General", "Professor"}[(i/3)%4]
				aliases = []string{e.name, title + " " + family, family}
				born := 1900 + (i*7)%60
				e.dates = fmt.Sprintf("%d–%d", born, born+50+i%30)
			case 1:
				e.typ = "state"
				e.name = g.word()
				aliases = []string{e.name, "Republic of " + e.name, "the " + e.name + " government"}
			default:
				e.typ = "organization"
				w := g.word()
				e.name = w + " League"
				aliases = []string{e.name, "League of " + w, "the " + w + " alliance"}
			}
		default: // events
			e.kind = "event"
			types := []struct{ typ, noun string }{{"crisis", "crisis"}, {"war", "war"}, {"meeting", "summit"}}
			t := types[i%len(types)]
			e.typ = t.typ
			w := g.word()
			e.name = w + " " + t.noun
			aliases = []string{e.name, t.noun + " in " + w, "the " + w + " affair"}
		}
		e.aliases = aliases[:1+(i/5)%3]
		e.key = keyOf(e.name)
		if e.indexName == "" {
			e.indexName = e.name
		}
		out = append(out, e)
	}
	for i, e := range out {
		for range 2 {
			o := out[r.IntN(len(out))]
			if o != e && !slices.Contains(e.related, o.key) {
				e.related = append(e.related, o.key)
			}
		}
		// Every tenth entry is a sub-entry of an earlier top-level entry of
		// its kind.
		if i%10 == 9 {
			for j := i - 1; j >= 0; j-- {
				if out[j].kind == e.kind && out[j].parent == "" {
					e.parent = out[j].key
					break
				}
			}
		}
	}
	g.byKey = make(map[string]*entry, len(out))
	for _, e := range out {
		g.byKey[e.key] = e
	}
	return out
}

// Entry is an entry of a generated registry, as Registry lists it.
type Entry struct {
	Kind, Key, Name string
	Aliases         []string
}

// Registry returns the entries of the corpus that cfg makes, with their
// aliases, without making the rest.
func Registry(cfg Config) []Entry {
	cfg = cfg.withDefaults()
	g := &gen{cfg: cfg, files: map[string][]byte{}, used: map[string]bool{}}
	for _, w := range filler {
		g.used[w] = true
	}
	var out []Entry
	for _, e := range g.makeEntries() {
		out = append(out, Entry{Kind: e.kind, Key: e.key, Name: e.name, Aliases: slices.Clone(e.aliases)})
	}
	return out
}

func (g *gen) makeSources() []*source {
	var out []*source
	types := []string{"book", "article-journal", "report", "chapter"}
	for i := range g.cfg.Sources {
		s := &source{id: fmt.Sprintf("src%04d", i+1), family: g.word(), given: g.word(),
			typ: types[i%len(types)], year: 1950 + (i*3)%70, annote: i%2 == 0}
		subject := g.word()
		s.title = "The " + subject + " " + []string{"Papers", "Question", "Settlement", "Report"}[i%4]
		if i%3 == 0 {
			s.alias = s.title[len("The "):]
		}
		switch s.typ {
		case "article-journal":
			s.container = g.word() + " Quarterly"
		case "chapter":
			s.container = "Essays on " + g.word()
			s.publisher = g.word() + " Press"
		default:
			s.publisher = g.word() + " Press"
		}
		out = append(out, s)
	}
	return out
}

func editionYAML(cfg Config) string {
	return fmt.Sprintf(`title: "A Synthetic Edition in %d Chapters"
authors: ["Corpus Generator"]
editors: ["the benchmark"]
publisher: Synthetic Press
year: 2024
language: en
citation: >-
  A synthetic edition, generated with seed %d for benchmarks.
rights: >-
  Generated text; no rights reserved.
license: >-
  CC0.
kinds:
  - key: concept
    name: Concept
    plural: Concepts
    path: concepts
    types: [doctrine, principle, norm]
  - key: actor
    name: Actor
    plural: Actors
    path: actors
    types: [person, state, organization]
  - key: event
    name: Event
    plural: Events
    path: events
    types: [crisis, war, meeting]
`, cfg.Chapters, cfg.Seed)
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func (g *gen) entryFile(e *entry) string {
	r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(2000+len(e.key))))
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "name: %s\n", quote(e.name))
	if e.indexName != e.name {
		fmt.Fprintf(&b, "index_name: %s\n", quote(e.indexName))
	}
	fmt.Fprintf(&b, "type: %s\n", e.typ)
	b.WriteString("aliases:\n")
	for _, a := range e.aliases {
		fmt.Fprintf(&b, "  - %s\n", quote(a))
	}
	if len(e.related) > 0 {
		fmt.Fprintf(&b, "related: [%s]\n", strings.Join(e.related, ", "))
	}
	if e.parent != "" {
		fmt.Fprintf(&b, "parent: %s\n", e.parent)
	}
	if e.dates != "" {
		fmt.Fprintf(&b, "dates: %s\n", quote(e.dates))
	}
	b.WriteString("---\n")
	fmt.Fprintf(&b, "%s is an invented %s. %s\n", e.name, e.typ, sentence(r, 14))
	if len(e.related) > 0 {
		rel := g.byKey[e.related[0]]
		fmt.Fprintf(&b, "\nIt is often read together with [%s](%s:%s). %s\n", rel.name, rel.kind, rel.key, sentence(r, 10))
	}
	if len(g.sources) > 0 {
		s := g.sources[len(e.key)%len(g.sources)]
		fmt.Fprintf(&b, "\nThe standard account is %s’s [@%s, p. %d].\n", s.family, s.id, 1+r.IntN(300))
	}
	return b.String()
}

func (g *gen) bibliography() string {
	var b strings.Builder
	b.WriteString("references:\n")
	for i, s := range g.sources {
		fmt.Fprintf(&b, "  - id: %s\n    type: %s\n    title: %s\n", s.id, s.typ, quote(s.title))
		fmt.Fprintf(&b, "    author:\n      - {family: %s, given: %s}\n", s.family, s.given)
		fmt.Fprintf(&b, "    issued: {date-parts: [[%d]]}\n", s.year)
		if s.container != "" {
			fmt.Fprintf(&b, "    container-title: %s\n", quote(s.container))
		}
		if s.publisher != "" {
			fmt.Fprintf(&b, "    publisher: %s\n    publisher-place: Springfield\n", quote(s.publisher))
		}
		if s.typ == "article-journal" || s.typ == "chapter" {
			fmt.Fprintf(&b, "    page: \"%d–%d\"\n", 10+i, 30+i)
		}
		if s.alias != "" {
			fmt.Fprintf(&b, "    custom:\n      aliases:\n        - %s\n", quote(s.alias))
		}
		if s.annote {
			r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(3000+i)))
			fmt.Fprintf(&b, "    annote: >-\n      %s %s\n", sentence(r, 16), sentence(r, 12))
		}
	}
	return b.String()
}

func (g *gen) about() string {
	r := rand.New(rand.NewPCG(g.cfg.Seed, 4))
	var b strings.Builder
	b.WriteString("---\ntitle: About this edition\n---\n## The text\n\n")
	fmt.Fprintf(&b, "%s %s\n", sentence(r, 18), sentence(r, 12))
	if len(g.entries) > 0 && len(g.sources) > 0 {
		e, s := g.entries[0], g.sources[0]
		fmt.Fprintf(&b, "\n## Method\n\nSee [%s](%s:%s) and the source [@%s].\n", e.name, e.kind, e.key, s.id)
	}
	return b.String()
}

// paragraphWords is about how many words a paragraph of running text has.
const paragraphWords = 90

// sectionParagraphs is how many paragraphs a section has, about.
const sectionParagraphs = 5

// chapter writes chapter i: a title heading, an opening, sections, block
// quotations, the author's notes (each citing a source) and the editor's
// notes. It has about cfg.Words words of running text, cfg.Notes notes and
// cfg.Mentions mentions: one in each author's note, the rest spread over
// the paragraphs. Entries and sources are handed out in turn across the
// corpus, so that each is mentioned and cited.
func (g *gen) chapter(i int) string {
	cfg := g.cfg
	r := rand.New(rand.NewPCG(cfg.Seed, uint64(10000+i)))
	P := max(1, (cfg.Words+paragraphWords/2)/paragraphWords)
	var body, notes strings.Builder
	title := titleCase(pick(r, filler)) + " and " + titleCase(pick(r, filler))
	fmt.Fprintf(&body, "---\ntitle: %s\nauthors: [\"Corpus Generator\"]\n---\n", quote(title))
	notesLeft := cfg.Notes
	if i == 0 {
		fmt.Fprintf(&body, "# %s[^*]\n\n", title)
		fmt.Fprintf(&notes, "[^*]: %s\n\n", sentence(r, 12))
		notesLeft--
	} else {
		fmt.Fprintf(&body, "# %s\n\n", title)
	}
	// Which paragraph each note and each mention of the text goes to.
	noteAt := spread(max(0, notesLeft), P)
	edEvery := 6 // every sixth note is the editor's
	authorNotes := 0
	for k := range max(0, notesLeft) {
		if k%edEvery != edEvery-1 {
			authorNotes++
		}
	}
	inText := max(0, cfg.Mentions-authorNotes)
	if len(g.sources) == 0 {
		inText = cfg.Mentions
	}
	mentionAt := spread(inText, P)
	note, ednote, k := 0, 0, 0
	turn := i * cfg.Mentions // whose turn it is to be mentioned
	next := func() *entry {
		e := g.entries[turn%len(g.entries)]
		turn++
		return e
	}
	words := 0
	for p := range P {
		if p > 0 && p%sectionParagraphs == 0 {
			fmt.Fprintf(&body, "## %s of the %s\n\n", titleCase(pick(r, filler)), pick(r, filler))
		}
		// The paragraph's share of the chapter's words.
		want := cfg.Words*(p+1)/P - words
		var sentences [][]string
		for n := 0; n < want; {
			ws := sentenceWords(r, min(max(want-n, 4), 10+r.IntN(10)))
			n += len(ws)
			sentences = append(sentences, ws)
		}
		words += want
		if len(g.entries) > 0 {
			for range mentionAt[p] {
				e := next()
				j := r.IntN(len(sentences))
				at := 1 + r.IntN(len(sentences[j])-1)
				m := e.mention(r)
				if turn%7 == 0 {
					m = fmt.Sprintf("[this %s](%s:%s)", pick(r, filler), e.kind, e.key)
				}
				sentences[j] = slices.Insert(sentences[j], at, m)
			}
		}
		var para strings.Builder
		// The paragraph's notes are called at the ends of its sentences, from
		// the second on.
		calls := map[int][]string{}
		for c := range noteAt[p] {
			at := min(len(sentences)-1, 1+c)
			if k%edEvery == edEvery-1 || len(g.sources) == 0 {
				ednote++
				calls[at] = append(calls[at], fmt.Sprintf("[^ed-%d]", ednote))
				fmt.Fprintf(&notes, "[^ed-%d]: %s\n\n", ednote, sentence(r, 15))
			} else {
				note++
				src := g.sources[(i*authorNotes+note-1)%len(g.sources)] // in turn: each is cited
				calls[at] = append(calls[at], fmt.Sprintf("[^%d]", note))
				mention := ""
				if len(g.entries) > 0 {
					mention = next().mention(r)
				}
				fmt.Fprintf(&notes, "[^%d]: %s, *%s* (%d), on %s. %s [@%s, p. %d]\n\n", note, src.family, src.title,
					src.year, mention, sentence(r, 8), src.id, 1+r.IntN(400))
			}
			k++
		}
		for j, ws := range sentences {
			para.WriteString(strings.Join(ws, " "))
			para.WriteString(".")
			for _, c := range calls[j] {
				para.WriteString(c)
			}
			if j < len(sentences)-1 {
				para.WriteString(" ")
			}
		}
		if p%5 == 3 {
			body.WriteString("> ")
		}
		body.WriteString(para.String())
		body.WriteString("\n\n")
	}
	body.WriteString(notes.String())
	return strings.TrimRight(body.String(), "\n") + "\n"
}

// spread shares n things out over k places as evenly as it can: how many
// go to each place.
func spread(n, k int) []int {
	out := make([]int, k)
	for j := range n {
		out[j*k/n]++
	}
	return out
}

func pick(r *rand.Rand, ws []string) string { return ws[r.IntN(len(ws))] }

func titleCase(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

func sentenceWords(r *rand.Rand, n int) []string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = pick(r, filler)
	}
	ws[0] = titleCase(ws[0])
	return ws
}

func sentence(r *rand.Rand, n int) string { return strings.Join(sentenceWords(r, n), " ") + "." }

// filler is the vocabulary of the invented prose.
var filler = strings.Fields(`
	the of and to in that it is was for on as with by at from this which be or
	had not are but have an they were been their has would there one all more
	other its when who will can no than them these could some may only into about
	over such our after most also made many between state power force policy
	question order claim law right council treaty border war peace reason matter
	government people nation nations security threat response doctrine principle
	argument debate decision authority consent conflict interest interests
	military political moral legal public common history account view case
	world region regions alliance agreement crisis conference report chapter
	argued held claimed proposed noted seemed remained became followed
	early late long short wide narrow strong weak new old first last several
	however therefore thus still yet perhaps indeed
`)
