package source

import (
	"bytes"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/words"

	"go.yaml.in/yaml/v3"
)

// registry reads registry/<kind>/**/*.md. The first folder names the kind;
// deeper folders only organize files. It returns the entries, and the
// folders not read for their kind is not declared.
func (l *loader) registry(ed *index.Edition) ([]*index.Entry, []string) {
	var entries []*index.Entry
	var kindKeys []string
	for _, k := range ed.Kinds {
		kindKeys = append(kindKeys, k.Key)
	}
	reported := map[string]bool{}
	paths := l.walk(RegistryDir) // (Memo.Load has prefetched the entries)
	for _, p := range paths {
		rel := strings.TrimPrefix(p, RegistryDir+"/")
		kindKey, _, nested := strings.Cut(rel, "/")
		if !nested {
			l.diags.Errorf(diag.Pos{File: l.name(p)}, "move it into registry/<kind>/, such as registry/"+firstOr(kindKeys, "concept")+"/",
				"registry entry is not in a kind's folder")
			continue
		}
		kind, ok := ed.Kind(kindKey)
		if !ok && len(ed.Kinds) == 0 {
			// No kind at all: one mistake, said once for every folder.
			if len(reported) == 0 {
				l.noKinds(paths)
			}
			reported[kindKey] = true
			continue
		}
		if !ok {
			if !reported[kindKey] {
				reported[kindKey] = true
				l.diags.Errorf(diag.Pos{File: l.name(path.Join(RegistryDir, kindKey))},
					diag.DidYouMean(kindKey, kindKeys, "declare the kind under “kinds:” in "+EditionFile),
					"registry folder %q is not a kind declared in %s", kindKey, EditionFile)
			}
			continue
		}
		if e, ok := l.entryMemo(p, kind); ok {
			entries = append(entries, e)
		}
	}
	return entries, slices.Sorted(maps.Keys(reported))
}

// noKinds reports registry folders when edition.yaml declares no kind.
func (l *loader) noKinds(paths []string) {
	var folders []string
	for _, p := range paths {
		if k, _, nested := strings.Cut(strings.TrimPrefix(p, RegistryDir+"/"), "/"); nested && !slices.Contains(folders, k) {
			folders = append(folders, k)
		}
	}
	// A misspelt “kinds:” (“kind:”, “knids:”) has had its error: the
	// folders unread are its consequence, said there as one mistake.
	ed := l.name(EditionFile)
	for i, d := range *l.diags {
		if d.File == ed && d.Severity == diag.Error && strings.HasPrefix(d.Message, "unknown field ") && d.Hint == "did you mean “kinds”?" {
			(*l.diags)[i].Message += ", so the edition declares no kinds and the registry's folders are not read: " + strings.Join(folders, ", ")
			return
		}
	}
	decl := make([]string, len(folders))
	for i, f := range folders {
		decl[i] = "“- key: " + f + "”"
	}
	l.diags.Errorf(diag.Pos{File: l.name(RegistryDir)}, "declare each under “kinds:” in "+EditionFile+": "+strings.Join(decl, ", "),
		"%s declares no kinds, so the registry's folders are not read: %s", EditionFile, strings.Join(folders, ", "))
}

func firstOr(ss []string, def string) string {
	if len(ss) > 0 {
		return ss[0]
	}
	return def
}

var (
	wikidataRE    = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	wikidataEndRE = regexp.MustCompile(`(?:^|/)[Qq][1-9][0-9]*$`)
)

// isReadableKey reports whether the slug made of a file name keeps a
// letter of it, rather than being only a hash.
func isReadableKey(slug string) bool {
	return strings.ContainsFunc(slug, func(r rune) bool { return r >= 'a' && r <= 'z' }) && len(slug) > 0 &&
		!(len(slug) == 8 && strings.Trim(slug, "0123456789abcdef") == "")
}

// Entry reads one registry entry of the given kind.
func (l *loader) Entry(p string, kind *index.Kind) (*index.Entry, bool) {
	key := strings.TrimSuffix(path.Base(p), ".md")
	file := l.name(p)
	if !isKey(key) {
		hint := "rename the file to " + index.Slug(key) + ".md"
		if !isReadableKey(index.Slug(key)) {
			// Nothing of the name survives but a hash: say what a key is.
			hint = "rename the file in lowercase Latin letters, digits and hyphens, a transliteration of the name say; the name shown comes from “name:”"
		}
		l.diags.Errorf(diag.Pos{File: file}, hint,
			"entry key %q (the file name) must be lowercase letters, digits and hyphens", key)
		return nil, false
	}
	fm, d, n, ok := l.split(p, file)
	if !ok {
		return nil, false
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
		// No front matter at all: one mistake, not a missing name and a
		// missing type.
		fields := "“name: …”"
		if len(kind.Types) > 0 {
			fields += ", “type: …”"
		}
		fields += ", “aliases: […]”"
		what, hint := "the entry has no front matter", "begin the file with its front matter: a line “---”, "+fields+", a line “---”"
		switch {
		case len(bytes.TrimSpace(fm.Body)) == 0 && fm.YAML == nil:
			what, hint = "the file is empty", "write the entry, or remove the file: a line “---”, "+fields+", a line “---”, then its annotation"
		case fm.YAML != nil:
			what, hint = "the entry's front matter is empty", "write its fields between the lines “---”: "+fields
		}
		l.diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, hint, "%s", what)
		return nil, false
	}
	e := &index.Entry{Key: key, Kind: kind.Key, File: file, Pos: diag.Pos{File: file, Line: 1, Col: 1},
		Body: fm.Body, BodyLine: fm.BodyLine, FieldPos: map[string]diag.Pos{}}
	decodeFields(d, n, "the entry's front matter", entrySet, entryFields{l, d, e})
	if strings.TrimSpace(e.Name) == "" {
		d.missing(n, "name", e.Pos, "add “name: …” to the front matter", "", "the entry has no name")
		e.Name = key
	}
	if e.IndexName == "" {
		e.IndexName = e.Name
	}
	if len(kind.Types) > 0 {
		switch {
		case e.Type == "":
			d.missing(n, "type", e.Pos, "add “type:” with one of: "+strings.Join(kind.Types, ", "), "one of: "+strings.Join(kind.Types, ", "),
				"a "+kind.Name+" entry needs a type")
		case !slices.Contains(kind.Types, e.Type):
			l.diags.Errorf(e.FieldPos["type"], diag.DidYouMean(e.Type, kind.Types, "use one of: "+strings.Join(kind.Types, ", ")),
				"type %q is not a type of %s", e.Type, kind.Plural)
		}
	}
	return e, true
}

// entryFields is what the fields of an entry's front matter fill in.
type entryFields struct {
	l *loader
	d *doc
	e *index.Entry
}

// at records the place of a field's value.
func (c entryFields) at(field string, v *yaml.Node) { c.e.FieldPos[field] = c.d.pos(v) }

var entrySet = newFieldSet(map[string]func(c entryFields, v *yaml.Node){
	"name":       func(c entryFields, v *yaml.Node) { c.e.Name = c.d.str(v, "name") },
	"index_name": func(c entryFields, v *yaml.Node) { c.e.IndexName = c.d.str(v, "index_name") },
	"type":       func(c entryFields, v *yaml.Node) { c.at("type", v); c.e.Type = c.d.str(v, "type") },
	"aliases":    func(c entryFields, v *yaml.Node) { c.e.Aliases = c.l.aliases(c.d, v) },
	"related": func(c entryFields, v *yaml.Node) {
		c.at("related", v)
		c.e.Related = c.d.keys(v, "related")
		switch v.Kind {
		case yaml.SequenceNode:
			for _, item := range v.Content {
				c.at("related "+item.Value, item) // each key's own place, for diagnostics
			}
		case yaml.ScalarNode:
			c.at("related "+v.Value, v)
		}
	},
	"parent": func(c entryFields, v *yaml.Node) { c.at("parent", v); c.e.Parent = c.d.str(v, "parent") },
	"wikidata": func(c entryFields, v *yaml.Node) {
		c.e.Wikidata = c.d.str(v, "wikidata")
		if c.e.Wikidata != "" && !wikidataRE.MatchString(c.e.Wikidata) {
			hint := "write the item's Q-number, such as Q1254"
			// The item's address pasted whole, or its number in lowercase.
			if m := wikidataEndRE.FindString(c.e.Wikidata); m != "" {
				hint = "did you mean “Q" + strings.TrimPrefix(m, "/")[1:] + "”?"
			}
			c.d.errorf(v, hint, "wikidata %q is not a Wikidata item ID", c.e.Wikidata)
		}
	},
	"dates":   func(c entryFields, v *yaml.Node) { c.e.Dates = c.d.str(v, "dates") },
	"summary": func(c entryFields, v *yaml.Node) { c.e.Summary = c.d.str(v, "summary") },
})

// aliases reads an entry's aliases: a list, or a single alias written
// alone (text, or a mapping with its text and case), as "related:" takes a
// single key.
func (l *loader) aliases(d *doc, n *yaml.Node) []index.Alias {
	items := n.Content
	switch n.Kind {
	case yaml.SequenceNode:
	case yaml.ScalarNode:
		if n.Tag == "!!null" || n.Value == "" {
			return nil
		}
		items = []*yaml.Node{n}
	case yaml.MappingNode:
		items = []*yaml.Node{n}
	default:
		d.errorf(n, "write one alias, or a list: [a, b] or one “- alias” per line", "aliases must be text or a list")
		return nil
	}
	out := make([]index.Alias, 0, len(items))
	for _, item := range items {
		a := index.Alias{Pos: d.pos(item)}
		if d.foldedItem(item, "alias", false) {
			continue
		}
		if item.Kind == yaml.MappingNode {
			decodeFields(d, item, "an alias", aliasSet, aliasFields{d, &a})
		} else if a.Text = d.str(item, "alias"); item.Kind != yaml.ScalarNode {
			continue // str said what is wrong: not an empty alias as well
		}
		a.Text = words.Join(a.Text)
		if a.Text == "" {
			d.errorf(item, "remove it or give the text", "empty alias")
			continue
		}
		if !strings.ContainsFunc(a.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			// The text is matched by its words: this has none.
			d.errorf(item, "give the alias the words it stands for in the text, or remove it", "alias %q has no letter or digit, so it matches nothing in the text", a.Text)
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// aliasFields is what the fields of an alias written as a mapping fill in.
type aliasFields struct {
	d *doc
	a *index.Alias
}

var aliasSet = newFieldSet(map[string]func(c aliasFields, v *yaml.Node){
	"text": func(c aliasFields, v *yaml.Node) { c.a.Text = c.d.str(v, "text") },
	"case": func(c aliasFields, v *yaml.Node) {
		switch cs := c.d.str(v, "case"); cs {
		case "smart", "":
			c.a.Case = index.Smart
		case "exact":
			c.a.Case = index.Exact
		case "ignore":
			c.a.Case = index.Ignore
		default:
			c.d.errorf(v, diag.DidYouMean(cs, []string{"smart", "exact", "ignore"}, "use smart, exact or ignore"),
				"case %q is not a case rule", cs)
		}
	},
})
