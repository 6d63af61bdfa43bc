package export

import (
	"strconv"

	"edition/generator/internal/jsonstr"
)

// The registry's entries and sources are written by hand: encoding/json's
// reflection was most of the registry's cost (80,000 occurrences at 1,000
// chapters). The bytes are those json.Marshal writes for the same structs
// (TestRegistryItemsAsMarshal checks it); a type's method writes its fields
// in the order and with the omitempty rules of its struct tags.

// appendString appends s as json.Marshal writes a string.
func appendString(b []byte, s string) []byte { return jsonstr.Append(b, s) }

// jsonObject appends an object's members, with commas between them.
type jsonObject struct {
	b     []byte
	first bool
}

func newObject(b []byte) *jsonObject { return &jsonObject{b: append(b, '{'), first: true} }

func (o *jsonObject) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendString(o.b, v)
}

// strOmit is str for a field tagged omitempty.
func (o *jsonObject) strOmit(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

func (o *jsonObject) boolean(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

// strings appends a list of strings; nil is null, as json.Marshal has it.
func (o *jsonObject) strings(k string, vs []string) {
	o.key(k)
	if vs == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, '[')
	for i, v := range vs {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = appendString(o.b, v)
	}
	o.b = append(o.b, ']')
}

// list appends a list of n items, each written by item; nil (n < 0) is
// null.
func (o *jsonObject) list(k string, n int, item func(b []byte, i int) []byte) {
	o.key(k)
	if n < 0 {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, '[')
	for i := range n {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = item(o.b, i)
	}
	o.b = append(o.b, ']')
}

func (o *jsonObject) end() []byte { return append(o.b, '}') }

func length[T any](s []T) int {
	if s == nil {
		return -1
	}
	return len(s)
}

func (a aliasJSON) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("text", a.Text)
	o.str("case", a.Case)
	return o.end()
}

func (oc occurrenceJSON) appendJSON(b []byte) []byte {
	var o *jsonObject
	if oc.head != "" {
		// The chapter and the section as written before.
		o = &jsonObject{b: appendString(append(b, oc.head...), oc.Paragraph)}
	} else {
		o = newObject(b)
		o.str("chapter", oc.Chapter)
		o.str("section", oc.Section)
		o.str("paragraph", oc.Paragraph)
	}
	o.str("where", oc.Where)
	o.str("id", oc.ID)
	o.str("text", oc.Text)
	o.boolean("explicit", oc.Explicit)
	if oc.head != "" {
		// The page as written before, then "#" and the anchor: the
		// anchor's opening quote becomes the "#".
		o.key("url")
		at := len(o.b) + len(oc.page)
		o.b = appendString(append(o.b, oc.page...), oc.anchor)
		o.b[at] = '#'
		return o.end()
	}
	if oc.anchor == "" {
		o.str("url", oc.URL)
		return o.end()
	}
	// URL#anchor, escaped as one string: the page's URL ends in ASCII
	// (".html"), so the escaping of the two halves is that of the whole.
	o.key("url")
	b = appendString(o.b, oc.URL)
	b[len(b)-1] = '#'
	at := len(b)
	b = appendString(b, oc.anchor)
	o.b = append(b[:at], b[at+1:]...)
	return o.end()
}

func (c citationJSON) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("chapter", c.Chapter)
	o.strOmit("note", c.Note)
	o.str("paragraph", c.Paragraph)
	o.str("id", c.ID)
	o.strOmit("locator", c.Locator)
	o.str("url", c.URL)
	return o.end()
}

func (e entryJSON) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("key", e.Key)
	o.str("kind", e.Kind)
	o.str("name", e.Name)
	o.str("index_name", e.IndexName)
	o.strOmit("type", e.Type)
	o.str("url", e.URL)
	o.list("aliases", length(e.Aliases), func(b []byte, i int) []byte { return e.Aliases[i].appendJSON(b) })
	if len(e.Related) > 0 {
		o.strings("related", e.Related)
	}
	o.strOmit("parent", e.Parent)
	o.strOmit("wikidata", e.Wikidata)
	o.strOmit("dates", e.Dates)
	o.strOmit("summary", e.Summary)
	o.list("occurrences", length(e.Occurrences), func(b []byte, i int) []byte { return e.Occurrences[i].appendJSON(b) })
	return o.end()
}

func (s sourceJSON) appendJSON(b []byte) []byte {
	o := newObject(b)
	o.str("id", s.ID)
	o.str("label", s.Label)
	o.str("type", s.Type)
	o.str("title", s.Title)
	o.str("url", s.URL)
	o.list("aliases", length(s.Aliases), func(b []byte, i int) []byte { return s.Aliases[i].appendJSON(b) })
	o.list("citations", length(s.Citations), func(b []byte, i int) []byte { return s.Citations[i].appendJSON(b) })
	o.list("occurrences", length(s.Occurrences), func(b []byte, i int) []byte { return s.Occurrences[i].appendJSON(b) })
	return o.end()
}

// appendItem appends an entry's or a source's JSON.
func appendItem(b []byte, v any) []byte {
	switch v := v.(type) {
	case entryJSON:
		return v.appendJSON(b)
	case sourceJSON:
		return v.appendJSON(b)
	}
	panic("export: no JSON writer for this item")
}
