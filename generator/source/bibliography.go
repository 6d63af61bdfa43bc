package source

import (
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"

	"go.yaml.in/yaml/v3"
)

// bibliography reads the CSL-YAML or CSL-JSON bibliography, if there is one.
func (l *loader) bibliography() []*index.Source {
	for _, name := range BibliographyFiles {
		if _, err := fs.Stat(l.fsys, name); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return l.bibliographyMemo(name)
	}
	return nil
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
	handlers := map[string]func(*yaml.Node){
		"id":         func(v *yaml.Node) { r.ID = d.str(v, "id") },
		"type":       func(v *yaml.Node) { r.Type = d.str(v, "type") },
		"custom":     func(v *yaml.Node) { r.Custom = l.custom(d, v, s) },
		"categories": func(v *yaml.Node) { d.strs(v, "categories") },
		"language":   func(v *yaml.Node) { r.Vars["language"] = d.str(v, "language") },
	}
	for _, name := range bib.StandardVars {
		handlers[name] = func(v *yaml.Node) {
			r.Vars[name] = d.str(v, name)
			if name == "annote" {
				s.AnnoteLine = d.line0 + v.Line
				if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
					s.AnnoteLine++ // the text starts on the line after “>-”
				}
			}
		}
	}
	for _, name := range bib.NameVars {
		handlers[name] = func(v *yaml.Node) { r.Names[name] = l.names(d, v, name) }
	}
	for _, name := range bib.DateVars {
		handlers[name] = func(v *yaml.Node) {
			if dt, ok := l.date(d, v, name); ok {
				r.Dates[name] = dt
			}
		}
	}
	d.fields(n, "a bibliography record", handlers)
	if r.ID == "" {
		d.errorf(n, "add “id: …”, the key that citations use", "the record has no id")
		return nil, false
	}
	s.Pos = d.pos(n)
	if r.Title() == "" {
		d.errorf(n, "add “title: …”", "record %q has no title", r.ID)
	}
	if r.Type == "" {
		d.errorf(n, "add “type:”, such as book, article-journal or report", "record %q has no type", r.ID)
	} else if !slices.Contains(bib.Types, r.Type) {
		d.errorf(n, diag.DidYouMean(r.Type, bib.Types, "see the CSL item types"), "record %q has type %q, which is not a CSL type", r.ID, r.Type)
	}
	return s, true
}

func (l *loader) names(d *doc, n *yaml.Node, field string) []bib.Name {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "write a list such as [{family: Bush, given: George W.}]", "%s must be a list of names", field)
		return nil
	}
	var out []bib.Name
	for _, item := range n.Content {
		var nm bib.Name
		if item.Kind == yaml.ScalarNode { // a bare string is a literal name
			nm.Literal = item.Value
			out = append(out, nm)
			continue
		}
		d.fields(item, "a name", map[string]func(*yaml.Node){
			"family":                func(v *yaml.Node) { nm.Family = d.str(v, "family") },
			"given":                 func(v *yaml.Node) { nm.Given = d.str(v, "given") },
			"literal":               func(v *yaml.Node) { nm.Literal = d.str(v, "literal") },
			"suffix":                func(v *yaml.Node) { nm.Suffix = d.str(v, "suffix") },
			"non-dropping-particle": func(v *yaml.Node) { nm.NonDroppingParticle = d.str(v, "non-dropping-particle") },
			"dropping-particle":     func(v *yaml.Node) { nm.DroppingParticle = d.str(v, "dropping-particle") },
			"comma-suffix":          func(v *yaml.Node) {},
			"static-ordering":       func(v *yaml.Node) {},
			"parse-names":           func(v *yaml.Node) {},
		})
		if nm.Family == "" && nm.Literal == "" {
			d.errorf(item, "give “family:” (and “given:”), or “literal:” for an institution", "a name in %s has no family name", field)
			continue
		}
		out = append(out, nm)
	}
	return out
}

// date reads a CSL date: {date-parts: [[2002, 1, 29]]}, {literal: …}, or an
// EDTF string "2002-01-29".
func (l *loader) date(d *doc, n *yaml.Node, field string) (bib.Date, bool) {
	var dt bib.Date
	if n.Kind == yaml.ScalarNode {
		parsed, err := bib.ParseDate(n.Value)
		if err != nil {
			d.errorf(n, "write YYYY, YYYY-MM, YYYY-MM-DD or {date-parts: [[YYYY, M, D]]}", "invalid %s date: %v", field, err)
			return dt, false
		}
		return parsed, true
	}
	ok := true
	d.fields(n, "a date", map[string]func(*yaml.Node){
		"date-parts": func(v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				d.errorf(v, "write [[YYYY, M, D]]", "date-parts must be a list of lists of numbers")
				ok = false
				return
			}
			for _, part := range v.Content {
				var p []int
				for _, num := range flatten(part) {
					i, err := strconv.Atoi(strings.TrimSpace(num.Value))
					if err != nil {
						d.errorf(num, "write numbers: [[2002, 1, 29]]", "date part %q is not a number", num.Value)
						ok = false
						return
					}
					p = append(p, i)
				}
				dt.Parts = append(dt.Parts, p)
			}
		},
		"season":  func(v *yaml.Node) { dt.Season = d.str(v, "season") },
		"literal": func(v *yaml.Node) { dt.Literal = d.str(v, "literal") },
		"raw": func(v *yaml.Node) {
			parsed, err := bib.ParseDate(d.str(v, "raw"))
			if err != nil {
				d.errorf(v, "write YYYY, YYYY-MM or YYYY-MM-DD", "invalid %s date: %v", field, err)
				ok = false
				return
			}
			dt.Parts = parsed.Parts
		},
		"circa": func(v *yaml.Node) {},
	})
	if !ok {
		return dt, false
	}
	if err := dt.Validate(); err != nil {
		d.errorf(n, "write [[YYYY, M, D]] with a real date", "invalid %s date: %v", field, err)
		return dt, false
	}
	return dt, true
}

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
