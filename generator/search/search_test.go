package search_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/search"
	"edition/generator/site"
)

// The tests in this file run the real search client, the built site's
// assets/search.js, in Node on the index built from the edition in
// content/, through testdata/run.js.

var (
	buildOnce sync.Once
	built     *site.Result
	builtDir  string
	buildErr  error
)

// edition builds the edition once for all the tests of this file.
func edition(t *testing.T) (*site.Result, string) {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "edition-search-test-")
		if err != nil {
			buildErr = err
			return
		}
		builtDir = filepath.Join(dir, "public")
		built, buildErr = site.Build(site.Options{Content: "../../content", Templates: "../../templates", Output: builtDir})
		if buildErr == nil && !built.OK() {
			buildErr = built.Diags.Err()
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return built, builtDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(filepath.Dir(builtDir))
	}
	os.Exit(code)
}

type result struct {
	Kind, Title, URL string
	Entity           bool
	Marked           []string
	Snippet          string
}

type answer struct {
	Query       string
	Total       int
	Corrections []struct {
		From string
		To   []string
	}
	Loaded []struct {
		Name  string
		Bytes int
	}
	Results []result
}

func node(t *testing.T) string {
	t.Helper()
	n, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the search client cannot be run (apt-get install nodejs)")
	}
	return n
}

// run runs testdata/run.js in mode with input (JSON) and decodes its output
// into out.
func run(t *testing.T, mode string, options string, input, out any) {
	t.Helper()
	_, dir := edition(t)
	runIn(t, dir, mode, options, input, out)
}

// runIn is run on the site built in dir.
func runIn(t *testing.T, dir, mode string, options string, input, out any) {
	t.Helper()
	in, _ := json.Marshal(input)
	args := []string{"testdata/run.js", dir, mode}
	if options != "" {
		args = append(args, options)
	}
	cmd := exec.Command(node(t), args...)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, b)
	}
}

func query(t *testing.T, options string, qs ...string) []answer {
	t.Helper()
	var out []answer
	run(t, "search", options, qs, &out)
	return out
}

func TestAliasFindsTheEntryFirst(t *testing.T) {
	res, _ := edition(t)
	r2p := res.Index.Layout.Ref(index.Ref{Kind: "concept", Key: "responsibility-to-protect"})
	for _, a := range query(t, "", "R2P", "responsibility to protect", "Responsibility to Protect", "the responsibility to protect") {
		if len(a.Results) == 0 {
			t.Errorf("%q finds nothing", a.Query)
			continue
		}
		if first := a.Results[0]; first.URL != r2p || !first.Entity {
			t.Errorf("%q: first result is %s %q (entity %v), want the concept %s", a.Query, first.Kind, first.Title, first.Entity, r2p)
		}
		passages := 0
		for _, r := range a.Results {
			if r.Kind == "text" || r.Kind == "notes" {
				passages++
			}
		}
		if passages == 0 {
			t.Errorf("%q: no passage among the results, only entries", a.Query)
		}
	}
}

// TestEntityFindsEveryPassageNamingIt: "Annan" offers the actor, then
// every paragraph and note that names him, including those that call him
// "the secretary general" without his name.
func TestEntityFindsEveryPassageNamingIt(t *testing.T) {
	res, _ := edition(t)
	ref := index.Ref{Kind: "actor", Key: "kofi-annan"}
	a := query(t, "", "Annan")[0]
	if len(a.Results) == 0 || a.Results[0].URL != res.Index.Layout.Ref(ref) || !a.Results[0].Entity {
		t.Fatalf("the first result for Annan is not the actor: %+v", a.Results[:min(1, len(a.Results))])
	}
	got := map[string]result{}
	for _, r := range a.Results {
		got[r.URL] = r
	}
	want := map[string]bool{}
	withoutName := 0
	for _, o := range res.Index.Occurrences(ref) {
		u := res.Index.Layout.Chapter(o.Chapter) + "#" + o.Paragraph
		want[u] = true
		r, ok := got[u]
		if !ok {
			t.Errorf("%s names Annan (%q) but is not among the results", u, o.Snippet.Match)
			continue
		}
		if !strings.Contains(strings.ToLower(r.Snippet), "annan") {
			withoutName++
		}
		if len(r.Marked) == 0 {
			t.Errorf("%s: nothing is highlighted in %q", u, r.Snippet)
		}
	}
	if len(want) < 8 {
		t.Fatalf("only %d passages name Annan; the edition names him in more", len(want))
	}
	if withoutName == 0 {
		t.Errorf("every passage found says “Annan”; those that say only “secretary general” are missing")
	}
}

func TestOneTypoIsForgiven(t *testing.T) {
	for _, c := range []struct{ typo, word string }{{"prevnetive", "preventive"}, {"sovereignity", "sovereignty"}, {"Anan", "annan"}} {
		a := query(t, "", c.typo)[0]
		if a.Total == 0 {
			t.Errorf("%q finds nothing; want %q", c.typo, c.word)
			continue
		}
		found := false
		for _, r := range a.Results {
			for _, m := range r.Marked {
				if search.Normalize(m) == c.word || strings.Contains(strings.ToLower(m), c.word) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%q: no result highlights %q", c.typo, c.word)
		}
		if len(a.Corrections) == 0 || !slices.Contains(a.Corrections[0].To, c.word) {
			t.Errorf("%q: corrections %+v do not name %q", c.typo, a.Corrections, c.word)
		}
	}
}

// TestAbbreviationsAreFound: a reader who types "U.S." finds the United
// States and the passages that say "U.S.". Its letters were each a word of
// one letter, which neither the index nor the query keeps, so the query
// was empty and found nothing at all.
func TestAbbreviationsAreFound(t *testing.T) {
	res, _ := edition(t)
	us := res.Index.Layout.Ref(index.Ref{Kind: "actor", Key: "united-states"})
	for _, a := range query(t, `{"prefix": false}`, "U.S.", "u.s.") {
		if len(a.Results) == 0 {
			t.Errorf("%q finds nothing", a.Query)
			continue
		}
		if first := a.Results[0]; first.URL != us || !first.Entity {
			t.Errorf("%q: first result is %s %q, want the actor %s", a.Query, first.Kind, first.Title, us)
		}
		marked := false
		for _, r := range a.Results {
			if (r.Kind == "text" || r.Kind == "notes") && slices.Contains(r.Marked, "U.S.") {
				marked = true
			}
		}
		if !marked {
			t.Errorf("%q: no passage with “U.S.” marked among %d results", a.Query, len(a.Results))
		}
	}
}

// TestHyphenatedQueryFindsTheWordsJoined: "pre-emptive", as many readers
// spell it, finds what the text writes "preemptive" (and "non-proliferation"
// what it might write "nonproliferation"), saying so, where the words apart
// ("pre", "emptive") find nothing. Before, it found nothing at all.
func TestHyphenatedQueryFindsTheWordsJoined(t *testing.T) {
	res, _ := edition(t)
	pre := res.Index.Layout.Ref(index.Ref{Kind: "concept", Key: "preemption"})
	for _, opts := range []string{`{"prefix": false}`, `{"prefix": true}`} {
		for _, a := range query(t, opts, "pre-emptive", "pre‑emptive strike") {
			if a.Total == 0 {
				t.Errorf("%s %q finds nothing", opts, a.Query)
				continue
			}
			if a.Query == "pre-emptive" && (a.Results[0].URL != pre || !a.Results[0].Entity) {
				t.Errorf("%s %q: first result is %s %q, want the concept %s", opts, a.Query, a.Results[0].Kind, a.Results[0].Title, pre)
			}
			said := false
			for _, c := range a.Corrections {
				if strings.Contains(strings.Join(c.To, " "), "preemptive") {
					said = true
				}
			}
			if !said {
				t.Errorf("%s %q: the corrections %+v do not say that “preemptive” is shown", opts, a.Query, a.Corrections)
			}
		}
	}
	// A hyphenated query that finds something as it is stays as it is.
	a := query(t, `{"prefix": false}`, "self-defense")[0]
	if a.Total == 0 || len(a.Corrections) != 0 {
		t.Errorf("self-defense: %d results, corrections %+v", a.Total, a.Corrections)
	}
}

func TestAbsentWordFindsNothing(t *testing.T) {
	res, _ := edition(t)
	for _, w := range []string{"xylophone", "zeppelinqq", "marmalade", "constructor"} {
		for _, ch := range res.Index.Chapters {
			for _, p := range ch.Paragraphs {
				if strings.Contains(strings.ToLower(p.Text), w) {
					t.Fatalf("%q is in the text after all", w)
				}
			}
		}
		if a := query(t, "", w)[0]; a.Total != 0 {
			t.Errorf("%q finds %d results, e.g. %+v", w, a.Total, a.Results[0])
		}
	}
}

func TestPrefixAsYouType(t *testing.T) {
	res, _ := edition(t)
	annan := res.Index.Layout.Ref(index.Ref{Kind: "actor", Key: "kofi-annan"})
	a := query(t, `{"prefix": true, "limit": 5}`, "Kofi Ann")[0]
	if len(a.Results) == 0 || a.Results[0].URL != annan {
		t.Errorf("typing “Kofi Ann” does not offer Kofi Annan first: %+v", a.Results)
	}
	b := query(t, `{"prefix": false, "limit": 5}`, "Kofi Ann")[0]
	if b.Total != 0 && len(b.Results) > 0 && b.Results[0].URL == annan && b.Results[0].Entity {
		t.Errorf("without prefix matching, “Ann” should not name Kofi Annan")
	}
}

func TestFilterByKind(t *testing.T) {
	all := query(t, "", "Annan")[0]
	notes := query(t, `{"kinds": ["notes"]}`, "Annan")[0]
	if notes.Total == 0 || notes.Total >= all.Total {
		t.Fatalf("notes only: %d of %d results", notes.Total, all.Total)
	}
	for _, r := range notes.Results {
		if r.Kind != "notes" {
			t.Errorf("a %s among the notes: %q", r.Kind, r.Title)
		}
	}
}

// TestQueryLoadsLittle: a query loads the manifest, the shards its words
// need and the documents it shows, not the index.
func TestQueryLoadsLittle(t *testing.T) {
	res, _ := edition(t)
	ix := res.Search
	for _, a := range query(t, `{"limit": 10, "prefix": true}`, "Annan", "responsibility to protect", "prevnetive") {
		bytes := 0
		for _, l := range a.Loaded {
			bytes += l.Bytes
		}
		if bytes > ix.Bytes/5 {
			t.Errorf("%q loaded %d of the index's %d bytes (%d files)", a.Query, bytes, ix.Bytes, len(a.Loaded))
		}
		t.Logf("%q: %d results, %d bytes in %d files", a.Query, a.Total, bytes, len(a.Loaded))
	}
	for _, f := range ix.Files {
		if strings.HasPrefix(f.Path, search.Folder+"/t/") && len(f.Data) > 2*search.ShardBytes {
			t.Errorf("shard %s has %d bytes", f.Path, len(f.Data))
		}
	}
}

// TestTokensAgree: search.js must cut and normalize words exactly as the
// generator does, on the whole text and on words that are easy to get wrong.
func TestTokensAgree(t *testing.T) {
	res, _ := edition(t)
	texts := []string{"Annan’s", "states’ rights", "don't", "self-defense", "Qián Qíchēn", "ﬁnance",
		"9/11", "A/RES/60/1", "’tis", "crises", "NATO’s", "the UN’s Security Council", "Ivo H. Daalder",
		"the constructor of Constructors", "toString valueOf", "U.S.", "the U.S.-led war", "U.S.'s", "'U.S.", "U.S.A",
		"a.b.c.d", "e.g. Washington, D.C.", "U.Sa", "x.U.S.", "É.-U.", "1.2.3."}
	for _, ch := range res.Index.Chapters {
		for _, p := range ch.Paragraphs {
			texts = append(texts, p.Text)
		}
		for _, n := range ch.Notes {
			texts = append(texts, n.Text)
		}
	}
	for _, e := range res.Index.Entries {
		texts = append(texts, e.Name)
		for _, a := range e.Aliases {
			texts = append(texts, a.Text)
		}
	}
	var js [][]string
	run(t, "tokens", "", texts, &js)
	if len(js) != len(texts) {
		t.Fatalf("%d answers for %d texts", len(js), len(texts))
	}
	for i, s := range texts {
		goTerms := search.Terms(s)
		if goTerms == nil {
			goTerms = []string{}
		}
		if !slices.Equal(goTerms, js[i]) {
			t.Errorf("%q:\n Go: %q\n JS: %q", s, goTerms, js[i])
		}
	}
}

// TestLargeIndexSharesDocumentFiles: an edition of more documents than
// MaxDocFiles puts neighbouring documents in one file, and the client
// still finds each document in its file: every passage found shows the
// words that made it found, and every result's title is the title of
// the passage or entry it links to.
func TestLargeIndexSharesDocumentFiles(t *testing.T) {
	node(t) // skips the test without Node
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := corpus.Write(content, corpus.Config{Chapters: 50, Entries: 100, Sources: 20}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	res, err := site.Build(site.Options{Content: content, Templates: "../../templates", Output: out})
	if err != nil || !res.OK() {
		t.Fatalf("%v %v", err, res.Diags.Err())
	}
	ix := res.Search
	per := search.DocsPerFile(ix.Docs)
	docFiles := 0
	for _, f := range ix.Files {
		if strings.HasPrefix(f.Path, search.Folder+"/d/") {
			docFiles++
		}
	}
	if ix.Docs <= search.MaxDocFiles || per < 2 || docFiles != (ix.Docs+per-1)/per || docFiles > search.MaxDocFiles {
		t.Fatalf("%d documents, %d a file, in %d files", ix.Docs, per, docFiles)
	}
	// What each result should be called, from the index.
	x := res.Index
	title := map[string]string{}
	for _, ch := range x.Chapters {
		for _, p := range ch.Paragraphs {
			title[x.Layout.Chapter(ch.Slug)+"#"+p.ID] = "¶ " + strconv.Itoa(p.Number)
		}
		for _, nt := range ch.Notes {
			if nt.Series == index.AuthorNote {
				title[x.Layout.Chapter(ch.Slug)+"#"+nt.ID] = "Note " + nt.Marker
			}
		}
	}
	summary := map[string]string{} // the corpus's entries have the first sentence of their text for one
	for _, e := range x.Entries {
		title[x.Layout.Ref(e.Ref())] = e.Name
		summary[x.Layout.Ref(e.Ref())] = e.Summary
	}
	var queries []string
	for _, e := range x.Entries[:5] {
		queries = append(queries, e.Name)
	}
	queries = append(queries, "doctrine", "league")
	var answers []answer
	runIn(t, out, "search", `{"limit": 1000}`, queries, &answers)
	checked := 0
	for _, a := range answers {
		if len(a.Results) < 2 {
			t.Errorf("%q finds %d results", a.Query, len(a.Results))
		}
		for _, r := range a.Results {
			if (r.Kind == "text" || r.Kind == "notes") && len(r.Marked) == 0 {
				t.Errorf("%q: %s %q shows none of the words that found it: %q", a.Query, r.URL, r.Title, r.Snippet)
			}
			if s := summary[r.URL]; s != "" && strings.Count(r.Snippet, s) > 1 {
				t.Errorf("%q: %s says its summary twice: %q", a.Query, r.URL, r.Snippet)
			}
			want, ok := title[r.URL]
			if !ok {
				continue // an editor's note, a source
			}
			if r.Title != want {
				t.Errorf("%q: the result linking to %s is called %q, want %q", a.Query, r.URL, r.Title, want)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d results checked", checked)
	}
}

// TestIndexHoldsTheEdition reads the whole index of the edition as the
// client does (its own decoding of documents and postings) and checks it
// against the edition: every paragraph, note, entry and source is a
// document with its title, link and text; an entry lists the passages that
// name it; and the postings of every term are exactly the documents whose
// text or names hold it, with how often it is in the text (up to 4) and
// whether it is in a name.
func TestIndexHoldsTheEdition(t *testing.T) {
	res, _ := edition(t)
	x := res.Index
	var dump struct {
		Terms map[string][]int
		Docs  []struct {
			T, C, U, X string
			A          []string
			O          []int
			H          [][]string
		}
	}
	run(t, "dump", "", nil, &dump)

	type want struct {
		title, text string
		names       []string // nil for passages
		aliases     []string
		ref         index.Ref
	}
	wants := map[string]want{}
	for _, ch := range x.Chapters {
		for _, p := range ch.Paragraphs {
			wants[x.Layout.Chapter(ch.Slug)+"#"+p.ID] = want{title: "¶ " + strconv.Itoa(p.Number), text: p.Text}
		}
		for _, n := range ch.Notes {
			title := "Note " + n.Marker
			switch n.Series {
			case index.EditorNote:
				title = "Editor’s note " + n.Marker
			case index.UnnumberedNote:
				title = "Unnumbered note"
			}
			wants[x.Layout.Chapter(ch.Slug)+"#"+n.ID] = want{title: title, text: n.Text}
		}
	}
	for _, e := range x.Entries {
		w := want{title: e.Name, names: []string{e.Name, e.IndexName}, ref: e.Ref()}
		for _, a := range e.Aliases {
			w.aliases = append(w.aliases, a.Text)
		}
		w.names = append(w.names, w.aliases...)
		wants[x.Layout.Ref(e.Ref())] = w
	}
	for _, s := range x.Sources {
		w := want{title: s.Title(), names: []string{s.Title(), s.Label}, ref: s.Ref()}
		for _, a := range s.Aliases {
			w.aliases = append(w.aliases, a.Text)
		}
		w.names = append(w.names, w.aliases...)
		wants[x.Layout.Ref(s.Ref())] = w
	}
	if len(dump.Docs) != len(wants) {
		t.Fatalf("%d documents, want %d", len(dump.Docs), len(wants))
	}

	docOf := map[string]int{}
	type posting struct{ doc, weight int }
	postings := map[string][]posting{} // what the documents' texts say
	for d, got := range dump.Docs {
		w, ok := wants[got.U]
		if !ok {
			t.Fatalf("document %d links to %q, which is nothing in the edition", d, got.U)
		}
		if _, dup := docOf[got.U]; dup {
			t.Fatalf("two documents link to %q", got.U)
		}
		docOf[got.U] = d
		if got.T != w.title {
			t.Errorf("%s: title %q, want %q", got.U, got.T, w.title)
		}
		if w.names == nil && got.X != w.text {
			t.Errorf("%s: text %q, want %q", got.U, got.X, w.text)
		}
		if w.names != nil && !slices.Equal(got.A, w.aliases) && !(len(got.A) == 0 && len(w.aliases) == 0) {
			t.Errorf("%s: aliases %q, want %q", got.U, got.A, w.aliases)
		}
		if got.C == "" && w.names != nil {
			t.Errorf("%s: no context", got.U)
		}
		counts := map[string]int{}
		order := []string{}
		for _, term := range search.Terms(got.X) {
			if counts[term] == 0 {
				order = append(order, term)
			}
			counts[term]++
		}
		named := map[string]bool{}
		for _, n := range w.names {
			for _, term := range search.Terms(n) {
				if counts[term] == 0 && !named[term] {
					order = append(order, term)
				}
				named[term] = true
			}
		}
		for _, term := range order {
			weight := min(counts[term], 4)
			if named[term] {
				weight += 8
			}
			postings[term] = append(postings[term], posting{d, weight})
		}
	}
	if len(dump.Terms) != len(postings) {
		t.Errorf("%d terms, want %d", len(dump.Terms), len(postings))
	}
	for term, ps := range postings {
		var flat []int
		for _, p := range ps {
			flat = append(flat, p.doc, p.weight)
		}
		if got := dump.Terms[term]; !slices.Equal(got, flat) {
			t.Errorf("postings of %q:\n got %v\nwant %v", term, got[:min(len(got), 20)], flat[:min(len(flat), 20)])
		}
	}

	// The passages that name an entry or a source, with the words that
	// name it there.
	checked := 0
	for _, w := range wants {
		if w.names == nil {
			continue
		}
		got := dump.Docs[docOf[x.Layout.Ref(w.ref)]]
		if len(got.O) != len(got.H) {
			t.Fatalf("%s: %d passages, %d lists of words", got.U, len(got.O), len(got.H))
		}
		words := map[int][]string{}
		for i, d := range got.O {
			if i > 0 && d <= got.O[i-1] {
				t.Errorf("%s: passages out of order: %v", got.U, got.O)
			}
			words[d] = got.H[i]
		}
		for _, o := range x.Occurrences(w.ref) {
			d, ok := docOf[x.Layout.Chapter(o.Chapter)+"#"+o.Paragraph]
			if !ok {
				continue
			}
			if ws, ok := words[d]; !ok || !slices.Contains(ws, o.Snippet.Match) {
				t.Errorf("%s: passage %d (%s) names it as %q, but the index says %q", got.U, d, o.Paragraph, o.Snippet.Match, ws)
			}
			checked++
		}
		if w.ref.Kind == index.SourceKind.Key {
			for _, c := range x.Citations(w.ref.Key) {
				id := c.Paragraph
				if c.Note != "" {
					id = c.Note
				}
				if d, ok := docOf[x.Layout.Chapter(c.Chapter)+"#"+id]; ok {
					if _, ok := words[d]; !ok {
						t.Errorf("%s: passage %d (%s) cites it but is not among its passages", got.U, d, id)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d occurrences checked", checked)
	}
}

// TestSnippetEllipsesStandApartFromSentences: the search page's snippets
// cut as the entries' lists of occurrences do: an ellipsis never sticks to
// a sentence's end ("change.…"), but stands apart from it ("change. …",
// "… The").
func TestSnippetEllipsesStandApartFromSentences(t *testing.T) {
	edition(t)
	glued := regexp.MustCompile(`[.?!][”’")\]»]*…`)
	snippets, endsApart, startsApart := 0, 0, 0
	for _, a := range query(t, "", "force", "security", "states", "war", "international", "United Nations", "legitimacy", "the") {
		for _, r := range a.Results {
			if r.Snippet == "" {
				continue
			}
			snippets++
			if glued.MatchString(r.Snippet) {
				t.Errorf("%q, %s: %q: the ellipsis sticks to the sentence's end", a.Query, r.URL, r.Snippet)
			}
			if strings.HasSuffix(r.Snippet, ". …") || strings.HasSuffix(r.Snippet, "? …") {
				endsApart++
			}
			if strings.HasPrefix(r.Snippet, "… ") {
				startsApart++
			}
		}
	}
	t.Logf("%d snippets, %d ending at a sentence's end, %d starting at a sentence's start", snippets, endsApart, startsApart)
	if endsApart == 0 || startsApart == 0 {
		t.Errorf("no snippet is cut at a sentence's end (%d) or start (%d) among %d: the test sees nothing", endsApart, startsApart, snippets)
	}
}
