package source

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"

	"go.yaml.in/yaml/v3"
)

// bibliography reads the CSL-YAML or CSL-JSON bibliography, if there is one,
// and returns its records and its file as diagnostics name it.
func (l *loader) bibliography() ([]*index.Source, string) {
	for _, name := range BibliographyFiles {
		if _, err := fs.Stat(l.fsys, name); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return l.bibliographyMemo(name), l.name(name)
	}
	return nil, ""
}

// Bibliography decodes a CSL-YAML or CSL-JSON document (JSON is YAML).
func (l *loader) Bibliography(name string, src []byte) []*index.Source {
	d := &doc{file: l.name(name), diags: l.diags}
	n, ok := d.parse(src)
	if !ok {
		return nil
	}
	list := n
	if n.Kind == yaml.MappingNode {
		list = nil
		d.fields(n, "the bibliography", map[string]func(*yaml.Node){
			"references": func(v *yaml.Node) { list = v },
		})
		if list == nil {
			return nil
		}
	}
	if list.Kind != yaml.SequenceNode {
		d.errorf(list, "write a list of records under “references:”", "the bibliography must be a list of records")
		return nil
	}
	var out []*index.Source
	ids := map[string]diag.Pos{}
	for _, item := range list.Content {
		s, ok := l.record(d, item)
		if !ok {
			continue
		}
		if first, dup := ids[s.ID]; dup {
			l.diags.Errorf(s.Pos, "give each record its own id", "record id %q is already used at %s", s.ID, first)
			continue
		}
		ids[s.ID] = s.Pos
		out = append(out, s)
	}
	return out
}

// cslFields are all the fields a record may have.
var cslFields = func() []string {
	f := []string{"id", "type", "custom", "categories", "language"}
	f = append(f, bib.StandardVars...)
	f = append(f, bib.NameVars...)
	f = append(f, bib.DateVars...)
	slices.Sort(f)
	return slices.Compact(f)
}()

func (l *loader) record(d *doc, n *yaml.Node) (*index.Source, bool) {
	r := &bib.Record{Vars: map[string]string{}, Names: map[string][]bib.Name{}, Dates: map[string]bib.Date{}}
	s := &index.Source{Record: r, Pos: d.pos(n)}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write each record as “- id: …” followed by its fields", "a bibliography record must be a mapping")
		return nil, false
	}
	decodeFields(d, n, "a bibliography record", recordSet, recordFields{l, d, r, s})
	if r.ID == "" {
		d.missing(n, "id", d.pos(n), "add “id: …”, the key that citations use", "", "the record has no id")
		return nil, false
	}
	s.Pos = d.pos(n)
	if strings.TrimSpace(r.Title()) == "" {
		d.missing(n, "title", d.pos(n), "add “title: …”", "", fmt.Sprintf("record %q has no title", r.ID))
	}
	if r.Type == "" {
		d.missing(n, "type", d.pos(n), "add “type:”, such as book, article-journal or report", "such as book, article-journal or report", fmt.Sprintf("record %q has no type", r.ID))
	} else if !slices.Contains(bib.Types, r.Type) {
		at := n
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "type" {
				at = n.Content[i+1] // at the type as written, not the record
			}
		}
		d.errorf(at, diag.DidYouMean(r.Type, bib.Types, "see the CSL item types"), "record %q has type %q, which is not a CSL type", r.ID, r.Type)
	}
	return s, true
}

// recordFields is what the fields of a bibliography record fill in.
type recordFields struct {
	l *loader
	d *doc
	r *bib.Record
	s *index.Source
}

// recordSet has a handler for each of cslFields.
var recordSet = func() *fieldSet[recordFields] {
	handlers := map[string]func(c recordFields, v *yaml.Node){
		"id":         func(c recordFields, v *yaml.Node) { c.r.ID = c.d.str(v, "id") },
		"type":       func(c recordFields, v *yaml.Node) { c.r.Type = c.d.str(v, "type") },
		"custom":     func(c recordFields, v *yaml.Node) { c.r.Custom = c.l.custom(c.d, v, c.s) },
		"categories": func(c recordFields, v *yaml.Node) { c.d.strs(v, "categories") },
		"language":   func(c recordFields, v *yaml.Node) { c.r.Vars["language"] = c.d.str(v, "language") },
	}
	for _, name := range bib.StandardVars {
		handlers[name] = func(c recordFields, v *yaml.Node) {
			c.r.Vars[name] = c.d.str(v, name)
			if name == "annote" {
				c.s.AnnoteLine = c.d.line0 + v.Line
				c.s.AnnoteSpans = c.d.spans(v)
				if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
					c.s.AnnoteLine++ // the text starts on the line after “>-”
				}
			}
		}
	}
	for _, name := range bib.NameVars {
		handlers[name] = func(c recordFields, v *yaml.Node) { c.r.Names[name] = c.l.names(c.d, v, name) }
	}
	for _, name := range bib.DateVars {
		handlers[name] = func(c recordFields, v *yaml.Node) {
			if dt, ok := c.l.date(c.d, v, name); ok {
				c.r.Dates[name] = dt
			}
		}
	}
	return newFieldSet(handlers)
}()

// persons reads the authors or editors of edition.yaml or of a chapter's
// front matter: one name or a list of them, each written as one string,
// "Ivo H. Daalder" or "Daalder, Ivo H." (bib.ParseName), or as the
// bibliography writes a name, {family: Wu, given: Xinbo, static-ordering:
// true}, for a name one string cannot say.
func (d *doc) persons(n *yaml.Node, field string) []bib.Name {
	if n.Kind != yaml.SequenceNode {
		return parseNames(d.strs(n, field))
	}
	var out []bib.Name
	split := false // whether the item before was the first part of a split name
	for i, item := range n.Content {
		if split {
			split = false
			continue
		}
		if i+1 < len(n.Content) && splitInverted(item, n.Content[i+1]) {
			// [Daalder, Ivo H.] is two items in YAML as well.
			next := n.Content[i+1]
			d.errorf(item, fmt.Sprintf("quote it: [\"%s, %s\"], or write one “- name” per line", item.Value, next.Value),
				"%q and %q in %s are one name, inverted, that the comma between them split in two", item.Value, next.Value, field)
			split = true
			continue
		}
		if item.Kind == yaml.ScalarNode && bib.IsSuffix(strings.TrimSpace(item.Value)) {
			// [Martin Luther King, Jr.] is two items in YAML.
			d.errorf(item, "quote a name that has a comma in a list in brackets: [\"Martin Luther King, Jr.\"], or write one “- name” per line",
				"%q in %s is a suffix, not a name: the comma before it ended the name it belongs to", item.Value, field)
			continue
		}
		if item.Kind != yaml.MappingNode {
			// As strs reads a list's item, with its advice.
			out = append(out, parseNames(d.strs(&yaml.Node{Kind: yaml.SequenceNode, Content: n.Content[i : i+1]}, field))...)
			continue
		}
		if nm, ok := d.name(item, field); ok {
			out = append(out, nm)
		}
	}
	return out
}

// splitInverted reports whether two plain items of a list in brackets
// are one inverted name that YAML read as two: a single word, then given
// names ending in an initial ("Daalder", "Ivo H."), which as a name of its
// own would have the initial for its family name.
func splitInverted(prev, item *yaml.Node) bool {
	if prev.Kind != yaml.ScalarNode || item.Kind != yaml.ScalarNode || prev.Style != 0 || item.Style != 0 {
		return false
	}
	if len(strings.Fields(prev.Value)) != 1 || prev.Line != item.Line {
		return false
	}
	w := strings.Fields(item.Value)
	if len(w) < 2 || bib.IsSuffix(prev.Value) {
		return false
	}
	last := w[len(w)-1]
	return strings.HasSuffix(last, ".") && utf8.RuneCountInString(last) <= 3
}

// name reads a name written as CSL writes one, {family: …, given: …} or
// {literal: …}, an item of field; false when it has neither a family name
// nor a literal one, which is reported.
func (d *doc) name(item *yaml.Node, field string) (bib.Name, bool) {
	var nm bib.Name
	decodeFields(d, item, "a name", nameSet, nameFields{d, &nm})
	if nm.Family == "" && nm.Literal == "" {
		d.errorf(item, "give “family:” (and “given:”), or “literal:” for an institution", "a name in %s has no family name", field)
		return nm, false
	}
	return nm, true
}

// parseNames reads each of names with bib.ParseName.
func parseNames(names []string) []bib.Name {
	var out []bib.Name
	for _, s := range names {
		out = append(out, bib.ParseName(s))
	}
	return out
}

func (l *loader) names(d *doc, n *yaml.Node, field string) []bib.Name {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "write a list such as [{family: Bush, given: George W.}]", "%s must be a list of names", field)
		return nil
	}
	var out []bib.Name
	for _, item := range n.Content {
		if item.Kind == yaml.ScalarNode { // a bare string is a literal name
			nm := bib.Name{Literal: item.Value}
			checkPersonLike(d, item, field, nm)
			out = append(out, nm)
			continue
		}
		if nm, ok := d.name(item, field); ok {
			out = append(out, nm)
		}
	}
	return out
}

// nameFields is what the fields of a name fill in.
type nameFields struct {
	d  *doc
	nm *bib.Name
}

var nameSet = newFieldSet(map[string]func(c nameFields, v *yaml.Node){
	"family":                func(c nameFields, v *yaml.Node) { c.nm.Family = c.d.str(v, "family") },
	"given":                 func(c nameFields, v *yaml.Node) { c.nm.Given = c.d.str(v, "given") },
	"literal":               func(c nameFields, v *yaml.Node) { c.nm.Literal = c.d.str(v, "literal") },
	"suffix":                func(c nameFields, v *yaml.Node) { c.nm.Suffix = c.d.str(v, "suffix") },
	"non-dropping-particle": func(c nameFields, v *yaml.Node) { c.nm.NonDroppingParticle = c.d.str(v, "non-dropping-particle") },
	"dropping-particle":     func(c nameFields, v *yaml.Node) { c.nm.DroppingParticle = c.d.str(v, "dropping-particle") },
	"comma-suffix":          func(c nameFields, v *yaml.Node) {},
	"static-ordering":       func(c nameFields, v *yaml.Node) { c.nm.StaticOrdering = c.d.boolean(v, "static-ordering", familyFirst) },
	"parse-names":           func(c nameFields, v *yaml.Node) {},
})

// familyFirst is when a name has “static-ordering: true”, as the error of
// a value other than true or false says it.
const familyFirst = "if the person's own usage puts the family name first, as in “Wu Xinbo”"

// date reads a CSL date: {date-parts: [[2002, 1, 29]]}, {literal: …}, or an
// EDTF string "2002-01-29".
func (l *loader) date(d *doc, n *yaml.Node, field string) (bib.Date, bool) {
	var dt bib.Date
	if n.Kind == yaml.ScalarNode {
		parsed, err := bib.ParseDate(n.Value)
		if err != nil {
			d.errorf(n, dateHint(n.Value, "write YYYY, YYYY-MM, YYYY-MM-DD or {date-parts: [[YYYY, M, D]]}"), "invalid %s date: %s", field, dateError(n.Value, err))
			return dt, false
		}
		return parsed, true
	}
	ok := true
	decodeFields(d, n, "a date", dateSet, dateFields{d, &dt, &ok, field})
	if !ok {
		return dt, false
	}
	if err := dt.Validate(); err != nil {
		d.errorf(n, "write [[YYYY, M, D]] with a real date", "invalid %s date: %v", field, err)
		return dt, false
	}
	return dt, true
}

// dateFields is what the fields of a date fill in; ok is set to false on
// a mistake.
type dateFields struct {
	d     *doc
	dt    *bib.Date
	ok    *bool
	field string
}

var dateSet = newFieldSet(map[string]func(c dateFields, v *yaml.Node){
	"date-parts": func(c dateFields, v *yaml.Node) {
		if v.Kind != yaml.SequenceNode {
			c.d.errorf(v, "write [[YYYY, M, D]]", "date-parts must be a list of lists of numbers")
			*c.ok = false
			return
		}
		for _, part := range v.Content {
			var p []int
			for _, num := range flatten(part) {
				i, err := strconv.Atoi(strings.TrimSpace(num.Value))
				if err != nil {
					c.d.errorf(num, "write numbers: [[2002, 1, 29]]", "date part %q is not a number", num.Value)
					*c.ok = false
					return
				}
				p = append(p, i)
			}
			c.dt.Parts = append(c.dt.Parts, p)
		}
	},
	"season":  func(c dateFields, v *yaml.Node) { c.dt.Season = c.d.str(v, "season") },
	"literal": func(c dateFields, v *yaml.Node) { c.dt.Literal = c.d.str(v, "literal") },
	"raw": func(c dateFields, v *yaml.Node) {
		raw := c.d.str(v, "raw")
		parsed, err := bib.ParseDate(raw)
		if err != nil {
			c.d.errorf(v, dateHint(raw, "write YYYY, YYYY-MM or YYYY-MM-DD"), "invalid %s date: %s", c.field, dateError(raw, err))
			*c.ok = false
			return
		}
		c.dt.Parts = parsed.Parts
	},
	"circa": func(c dateFields, v *yaml.Node) {},
})

func flatten(n *yaml.Node) []*yaml.Node {
	if n.Kind == yaml.SequenceNode {
		return n.Content
	}
	return []*yaml.Node{n}
}

func (l *loader) custom(d *doc, n *yaml.Node, s *index.Source) map[string]any {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write “custom:” followed by indented fields", "custom must be a mapping")
		return nil
	}
	out := map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "aliases":
			s.Aliases = l.aliases(d, v)
			var texts []string
			for _, a := range s.Aliases {
				texts = append(texts, a.Text)
			}
			out[k.Value] = texts
		case "archived-url", "current-url":
			u := d.str(v, k.Value)
			if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				d.errorf(v, "write a full http(s) address", "%s must be an http(s) URL", k.Value)
				continue
			}
			out[k.Value] = u
		default:
			var anyv any
			if err := v.Decode(&anyv); err == nil {
				out[k.Value] = anyv
			}
		}
	}
	return out
}

// dateError is the message of the parse error of date s without the
// advice on what to write, which the hint gives; for a date written in
// another form, which dateHint rewrites, only that it is not a date ("a
// date range has two ends" would puzzle an editor who wrote 2002/01/29).
func dateError(s string, err error) string {
	if _, ok := isoDate(s); ok {
		return fmt.Sprintf("%q is not a date", s)
	}
	msg, _, _ := strings.Cut(err.Error(), "; write ")
	return msg
}

// dateLayouts are dates as a citation or a word processor writes them,
// which an editor copies: the hint offers their ISO form.
var dateLayouts = []struct{ layout, iso string }{
	{"January 2, 2006", "2006-01-02"}, {"2 January 2006", "2006-01-02"}, {"Jan. 2, 2006", "2006-01-02"},
	{"Jan 2, 2006", "2006-01-02"}, {"2 Jan 2006", "2006-01-02"}, {"January 2006", "2006-01"}, {"Jan 2006", "2006-01"},
	{"Jan. 2006", "2006-01"}, {"2006/01/02", "2006-01-02"}, {"2006/01", "2006-01"}, {"2006.01.02", "2006-01-02"},
}

// isoDate is s, a date in one of dateLayouts, in ISO form.
func isoDate(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.Format(l.iso), true
		}
	}
	return "", false
}

// dateHint is what to write for the date s: its ISO form, where s is a
// date in words or with other separators; else fallback, and a literal
// date for words ("forthcoming").
func dateHint(s, fallback string) string {
	if iso, ok := isoDate(s); ok {
		return "write it in figures, year first: “" + iso + "”"
	}
	s = strings.Join(strings.Fields(s), " ")
	if !strings.ContainsAny(s, "0123456789") && s != "" {
		return fallback + "; to show words instead, write {literal: " + s + "}"
	}
	return fallback
}
