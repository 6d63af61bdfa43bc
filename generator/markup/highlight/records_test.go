package highlight

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"

	"edition/generator/bib"
	"edition/generator/export"
)

// exportRecords are records of every CSL type the exports map, with every
// field they write, names of every shape, and values that HTML, BibTeX and
// RIS treat specially.
func exportRecords() []*bib.Record {
	types := []string{"book", "classic", "collection", "chapter", "entry", "entry-dictionary", "entry-encyclopedia",
		"paper-conference", "article", "article-journal", "article-magazine", "article-newspaper", "review",
		"review-book", "report", "thesis", "pamphlet", "manuscript", "webpage", "post-weblog", "speech",
		"interview", "dataset", "software", "map", "motion_picture", "broadcast", "legislation", "bill", "no-such-type"}
	values := []map[string]string{
		{"title": "The Plain Title"},
		{"title": "Costs & Benefits: 50% of {Everything} in C_1 #2 ~ ^ \\ $", "container-title": "<i>Journal</i> of \"Things\" 'quoted'",
			"collection-title": "Series", "volume": "3", "issue": "2", "number": "7", "page": "30–39", "publisher": "Smith & Sons",
			"publisher-place": "New York", "genre": "Memo", "event-title": "The Conference", "DOI": "10.1000/xyz<1>",
			"ISBN": "978-0", "ISSN": "1234-5678", "URL": "https://example.org/a b?x={1}&y=2", "note": "Annotated online edition, par. PARAGRAPHNUMBER"},
		{"title": "Ünïcödé — “quotes” and ‘single’ 中文 \u2028 line separator", "page": "12-14", "DOI": "10.1/{unbalanced"},
		{"title": "tabs\tand\nnew lines\r\nand \x00 controls\x07", "note": "a}b"},
		{"title": "Balanced {nested {braces}} and \\{escaped\\}", "DOI": "10.1/{x}"},
		{"title": "DOI with a new line", "DOI": "10.1/a\nb"},
		{"title": "URL with a new line", "URL": "https://example.org/a\nb"},
	}
	names := []map[string][]bib.Name{
		{"author": {{Family: "Smith", Given: "Jane"}}},
		{"author": {{Family: "Beethoven", Given: "Ludwig", NonDroppingParticle: "van"}, {Family: "King", Given: "Martin Luther", Suffix: "Jr."},
			{Literal: "Panel on Threats, Challenges and Change"}, {Family: "Lord and Lady", Given: "A"}},
			"editor": {{Family: "Poussin", Given: "Charles", DroppingParticle: "de la"}}, "translator": {{Literal: "<b>Bureau</b>"}}},
		{},
	}
	dates := []bib.Date{{}, {Parts: [][]int{{2001}}}, {Parts: [][]int{{2001, 9}}}, {Parts: [][]int{{2001, 9, 11}}}, {Literal: "forthcoming {soon}"}}
	ids := []string{"smith2001", "key with spaces, commas {braces} # % = ~", "Qián Qíchēn", "", "nul\x00byte"}
	// Every type with one set of values in turn; every set of values with
	// the types whose exports differ most (book, chapter, article).
	var out []*bib.Record
	i := 0
	add := func(typ string, v map[string]string) {
		out = append(out, &bib.Record{ID: ids[i%len(ids)], Type: typ, Vars: v, Names: names[i%len(names)],
			Dates: map[string]bib.Date{"issued": dates[i%len(dates)]}})
		i++
	}
	for j, typ := range types {
		add(typ, values[j%len(values)])
	}
	for _, typ := range types[:10] {
		for _, v := range values {
			add(typ, v)
		}
	}
	// Longer than chroma joins into one token.
	long := strings.Repeat("A long title. ", 700)
	out = append(out, &bib.Record{ID: "long", Type: "book", Vars: map[string]string{"title": long, "note": long}})
	return out
}

// same reports a difference between records and chroma for code in the
// language of lexer; fast tells whether records took it.
func same(t *testing.T, lexerName, code string) (fast bool) {
	t.Helper()
	got, ok := records(nil, lexerName, code)
	if !ok {
		return false
	}
	want, err := chromaHTML(lexers.Get(lexerName), code)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s %q:\n got %s\nwant %s", lexerName, code, got, want)
	}
	return true
}

// TestRecordsAreChromas checks that what records writes for the BibTeX and
// RIS of records is what chroma writes, byte for byte, and that it takes
// every ordinary record.
func TestRecordsAreChromas(t *testing.T) {
	fast, all := 0, 0
	for _, r := range exportRecords() {
		for _, c := range []struct{ lexer, code string }{
			{"BibTeX", string(export.BibTeX([]*bib.Record{r}))},
			{"RIS", string(export.RIS([]*bib.Record{r}))},
		} {
			all++
			if same(t, c.lexer, c.code) {
				fast++
			} else if r.Vars["title"] == "The Plain Title" && r.ID != "" {
				t.Errorf("%s of an ordinary record went to chroma:\n%s", c.lexer, c.code)
			}
		}
	}
	if fast < all/2 {
		t.Errorf("records took %d of %d exports", fast, all)
	}
	t.Logf("records took %d of %d exports", fast, all)
}

// TestRecordsDamaged checks records against chroma on exports with a byte
// taken out or put in at every place: it must either write what chroma
// writes or leave the record to chroma.
func TestRecordsDamaged(t *testing.T) {
	r := &bib.Record{ID: "smith2001", Type: "chapter",
		Vars:  map[string]string{"title": "A {Title}", "container-title": "Book", "page": "1–2"},
		Names: map[string][]bib.Name{"author": {{Family: "Smith", Given: "Jane"}}},
		Dates: map[string]bib.Date{"issued": {Parts: [][]int{{2001, 9}}}}}
	for _, c := range []struct{ lexer, code string }{
		{"BibTeX", string(export.BibTeX([]*bib.Record{r}))},
		{"RIS", string(export.RIS([]*bib.Record{r}))},
	} {
		fast := 0
		for i := 0; i <= len(c.code); i++ {
			if i < len(c.code) && same(t, c.lexer, c.code[:i]+c.code[i+1:]) {
				fast++
			}
			for _, ins := range []string{"{", "}", ",", "\n", " ", "="} {
				if same(t, c.lexer, c.code[:i]+ins+c.code[i:]) {
					fast++
				}
			}
		}
		if fast == 0 {
			t.Errorf("%s: records took no damaged record; the test checks nothing", c.lexer)
		}
	}
}

// FuzzRecords compares records with chroma on any text.
func FuzzRecords(f *testing.F) {
	for _, r := range exportRecords()[:20] {
		f.Add("BibTeX", string(export.BibTeX([]*bib.Record{r})))
		f.Add("RIS", string(export.RIS([]*bib.Record{r})))
	}
	f.Fuzz(func(t *testing.T, lexer, code string) {
		if lexer != "BibTeX" && lexer != "RIS" {
			return
		}
		same(t, lexer, code)
	})
}
