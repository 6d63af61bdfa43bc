package export

import (
	"encoding/json"

	"edition/generator/index"
)

// The registry export: every entry and source with its aliases and every
// place the text names or cites it, so that the edition's annotation layer
// can be reused without scraping its pages. Paths are relative to the site's
// root (BaseURL, when the edition has one, makes them absolute).

type registryJSON struct {
	Format   string        `json:"format"`
	Edition  editionJSON   `json:"edition"`
	Kinds    []kindJSON    `json:"kinds"`
	Chapters []chapterJSON `json:"chapters"`
	Entries  []entryJSON   `json:"entries"`
	Sources  []sourceJSON  `json:"sources"`
}

type editionJSON struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`
	Editors   []string `json:"editors,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Year      int      `json:"year,omitempty"`
	Language  string   `json:"language,omitempty"`
	BaseURL   string   `json:"base_url,omitempty"`
}

type kindJSON struct {
	Key    string   `json:"key"`
	Name   string   `json:"name"`
	Plural string   `json:"plural"`
	Types  []string `json:"types,omitempty"`
}

type chapterJSON struct {
	Slug     string        `json:"slug"`
	Title    string        `json:"title"`
	URL      string        `json:"url"`
	Sections []sectionJSON `json:"sections"`
}

type sectionJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type aliasJSON struct {
	Text string `json:"text"`
	Case string `json:"case"`
}

type entryJSON struct {
	Key         string           `json:"key"`
	Kind        string           `json:"kind"`
	Name        string           `json:"name"`
	IndexName   string           `json:"index_name"`
	Type        string           `json:"type,omitempty"`
	URL         string           `json:"url"`
	Aliases     []aliasJSON      `json:"aliases"`
	Related     []string         `json:"related,omitempty"`
	Parent      string           `json:"parent,omitempty"`
	Wikidata    string           `json:"wikidata,omitempty"`
	Dates       string           `json:"dates,omitempty"`
	Summary     string           `json:"summary,omitempty"`
	Occurrences []occurrenceJSON `json:"occurrences"`
}

type occurrenceJSON struct {
	Chapter   string `json:"chapter"`
	Section   string `json:"section"`
	Paragraph string `json:"paragraph"` // "p12", or a note's id
	Where     string `json:"where"`     // text, quotation, note
	ID        string `json:"id"`        // the mention's own id
	Text      string `json:"text"`      // the words as they stand
	Explicit  bool   `json:"explicit"`  // linked by hand, not found by alias
	URL       string `json:"url"`
}

type sourceJSON struct {
	ID          string           `json:"id"`
	Label       string           `json:"label"`
	Type        string           `json:"type"`
	Title       string           `json:"title"`
	URL         string           `json:"url"`
	Aliases     []aliasJSON      `json:"aliases"`
	Citations   []citationJSON   `json:"citations"`
	Occurrences []occurrenceJSON `json:"occurrences"`
}

type citationJSON struct {
	Chapter   string `json:"chapter"`
	Note      string `json:"note,omitempty"` // the note it stands in
	Paragraph string `json:"paragraph"`      // the paragraph that calls the note, or holds the citation
	ID        string `json:"id"`
	Locator   string `json:"locator,omitempty"`
	URL       string `json:"url"`
}

func caseName(c index.Case) string {
	switch c {
	case index.Exact:
		return "exact"
	case index.Ignore:
		return "ignore"
	}
	return "smart"
}

func aliasesJSON(as []index.Alias) []aliasJSON {
	out := []aliasJSON{}
	for _, a := range as {
		out = append(out, aliasJSON{Text: a.Text, Case: caseName(a.Case)})
	}
	return out
}

// Registry writes the registry and the occurrence index as JSON.
func Registry(x *index.Index) ([]byte, error) {
	ed := x.Edition
	out := registryJSON{
		Format: "edition-registry/1",
		Edition: editionJSON{Title: ed.Title, Authors: ed.Authors, Editors: ed.Editors, Publisher: ed.Publisher,
			Year: ed.Year, Language: ed.Language, BaseURL: ed.BaseURL},
		Kinds: []kindJSON{}, Chapters: []chapterJSON{}, Entries: []entryJSON{}, Sources: []sourceJSON{},
	}
	for _, k := range ed.Kinds {
		out.Kinds = append(out.Kinds, kindJSON{Key: k.Key, Name: k.Name, Plural: k.Plural, Types: k.Types})
	}
	sectionID := map[string][]index.Section{}
	for _, ch := range x.Chapters {
		c := chapterJSON{Slug: ch.Slug, Title: ch.Title, URL: x.Layout.Chapter(ch.Slug), Sections: []sectionJSON{}}
		for _, s := range ch.Sections {
			c.Sections = append(c.Sections, sectionJSON{ID: s.ID, Title: s.Title})
		}
		sectionID[ch.Slug] = ch.Sections
		out.Chapters = append(out.Chapters, c)
	}
	occurrences := func(ref index.Ref) []occurrenceJSON {
		list := []occurrenceJSON{}
		for _, o := range x.Occurrences(ref) {
			sec := ""
			if secs := sectionID[o.Chapter]; o.Section < len(secs) {
				sec = secs[o.Section].ID
			}
			list = append(list, occurrenceJSON{Chapter: o.Chapter, Section: sec, Paragraph: o.Paragraph,
				Where: o.Where.String(), ID: o.ID, Text: o.Snippet.Match, Explicit: o.Explicit,
				URL: x.Layout.Chapter(o.Chapter) + "#" + o.ID})
		}
		return list
	}
	for _, e := range x.Entries {
		out.Entries = append(out.Entries, entryJSON{Key: e.Key, Kind: e.Kind, Name: e.Name, IndexName: e.IndexName,
			Type: e.Type, URL: x.Layout.Ref(e.Ref()), Aliases: aliasesJSON(e.Aliases), Related: e.Related,
			Parent: e.Parent, Wikidata: e.Wikidata, Dates: e.Dates, Summary: e.Summary, Occurrences: occurrences(e.Ref())})
	}
	for _, s := range x.Sources {
		sj := sourceJSON{ID: s.ID, Label: s.Label, Type: s.Type, Title: s.Title(), URL: x.Layout.Ref(s.Ref()),
			Aliases: aliasesJSON(s.Aliases), Citations: []citationJSON{}, Occurrences: occurrences(s.Ref())}
		for _, c := range x.Citations(s.ID) {
			anchor := c.ID
			if c.Note != "" {
				anchor = c.Note
			}
			sj.Citations = append(sj.Citations, citationJSON{Chapter: c.Chapter, Note: c.Note, Paragraph: c.Paragraph,
				ID: c.ID, Locator: c.Locator, URL: x.Layout.Chapter(c.Chapter) + "#" + anchor})
		}
		out.Sources = append(out.Sources, sj)
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
