package export

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"edition/generator/index"
)

// TestRegistryItemsAsMarshal checks that the hand-written JSON of the
// registry's items is byte for byte json.Marshal's: strings that need
// escaping (HTML, quotes, controls, U+2028, invalid UTF-8), empty and nil
// lists, fields left out when empty.
func TestRegistryItemsAsMarshal(t *testing.T) {
	tricky := []string{"", "plain", `a "quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\r\x01\x1f",
		"naïve – “curly” 日本", "line\u2028sep\u2029", "bad \xff utf-8", "\x7f del"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return tricky[rng.IntN(len(tricky))] }
	occ := func(n int) []occurrenceJSON {
		if n < 0 {
			return nil
		}
		out := make([]occurrenceJSON, n)
		for i := range out {
			out[i] = occurrenceJSON{Chapter: pick(), Section: pick(), Paragraph: pick(), Where: pick(), ID: pick(),
				Text: pick(), Explicit: rng.IntN(2) == 0, URL: pick()}
		}
		return out
	}
	for i := range 300 {
		n := rng.IntN(4) - 1
		var related []string
		switch rng.IntN(3) {
		case 1:
			related = []string{}
		case 2:
			related = []string{pick(), pick()}
		}
		var aliases []aliasJSON
		if n >= 0 {
			aliases = []aliasJSON{}
			for range n {
				aliases = append(aliases, aliasJSON{Text: pick(), Case: pick()})
			}
		}
		items := []any{
			entryJSON{Key: pick(), Kind: pick(), Name: pick(), IndexName: pick(), Type: pick(), URL: pick(),
				Aliases: aliases, Related: related, Parent: pick(), Wikidata: pick(), Dates: pick(), Summary: pick(),
				Occurrences: occ(n)},
			sourceJSON{ID: pick(), Label: pick(), Type: pick(), Title: pick(), URL: pick(), Aliases: aliases,
				Citations:   []citationJSON{{Chapter: pick(), Note: pick(), Paragraph: pick(), ID: pick(), Locator: pick(), URL: pick()}},
				Occurrences: occ(n)},
		}
		if i%2 == 0 {
			items[1] = sourceJSON{}
		}
		for _, it := range items {
			want, err := json.Marshal(it)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendItem(nil, it); string(got) != string(want) {
				t.Fatalf("item %d:\n got %s\nwant %s", i, got, want)
			}
		}
	}
	// An occurrence whose URL is written as page and anchor.
	for range 100 {
		oc := occ(1)[0]
		oc.URL, oc.anchor = pick()+".html", pick()+"x"
		whole := oc
		whole.URL, whole.anchor = oc.URL+"#"+oc.anchor, ""
		want, err := json.Marshal(whole)
		if err != nil {
			t.Fatal(err)
		}
		if got := oc.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("occurrence with an anchor:\n got %s\nwant %s", got, want)
		}
	}
	// An occurrence whose chapter, section and page are written as its
	// chapter's parts, made once.
	for range 300 {
		oc := occ(1)[0]
		p := &chapterParts{url: pick() + ".html"}
		for range rng.IntN(3) {
			p.sections = append(p.sections, index.Section{ID: pick()})
		}
		i := rng.IntN(len(p.sections) + 2)
		oc.Section = ""
		if i < len(p.sections) {
			oc.Section = p.sections[i].ID
		}
		oc.anchor = ""
		if rng.IntN(3) > 0 {
			oc.anchor = pick() + "x"
		}
		whole := oc
		whole.URL = p.url + "#" + oc.anchor
		oc.head, oc.page = p.parts(oc.Chapter, i, oc.Section)
		want, err := json.Marshal(whole)
		if err != nil {
			t.Fatal(err)
		}
		if got := oc.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("occurrence written with its chapter's parts:\n got %s\nwant %s", got, want)
		}
	}
	if got := string(appendString([]byte("x"), strings.Repeat("a", 3))); got != `x"aaa"` {
		t.Errorf("appendString appends %q", got)
	}
}
