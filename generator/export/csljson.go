package export

import (
	"bytes"
	"encoding/json"
	"slices"

	"edition/generator/bib"
)

// CSLJSON writes records as a CSL-JSON array, the format Zotero, Pandoc and
// citeproc read: each item has its id and type first, then its variables,
// names and dates, and the custom object as it was given.
func CSLJSON(records []*bib.Record) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, r := range records {
		item, err := cslItem(r)
		if err != nil {
			return nil, err
		}
		b.WriteString("  ")
		b.Write(item)
		if i < len(records)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	return b.Bytes(), nil
}

// object is a JSON object whose keys keep the order they were added in.
type object struct {
	keys []string
	vals []any
}

func (o *object) set(k string, v any) { o.keys = append(o.keys, k); o.vals = append(o.vals, v) }

// MarshalJSON implements json.Marshaler.
func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Write(appendString(b.AvailableBuffer(), k))
		b.WriteString(": ")
		if v, ok := o.vals[i].(string); ok { // as json.Marshal writes it
			b.Write(appendString(b.AvailableBuffer(), v))
			continue
		}
		vb, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func cslItem(r *bib.Record) ([]byte, error) {
	o := &object{}
	o.set("id", r.ID)
	o.set("type", r.Type)
	for _, k := range sortedKeys(r.Vars) {
		o.set(k, r.Vars[k])
	}
	for _, k := range sortedKeys(r.Names) {
		var names []*object
		for _, n := range r.Names[k] {
			names = append(names, cslName(n))
		}
		o.set(k, names)
	}
	for _, k := range sortedKeys(r.Dates) {
		o.set(k, cslDate(r.Dates[k]))
	}
	if len(r.Custom) > 0 {
		o.set("custom", r.Custom)
	}
	return o.MarshalJSON()
}

// cslName is a name as CSL-JSON writes it: its parts that are not empty,
// and "static-ordering": true for a name shown family name first.
func cslName(n bib.Name) *object {
	o := &object{}
	for _, p := range []struct{ k, v string }{{"literal", n.Literal}, {"family", n.Family}, {"given", n.Given},
		{"non-dropping-particle", n.NonDroppingParticle}, {"dropping-particle", n.DroppingParticle}, {"suffix", n.Suffix}} {
		if p.v != "" {
			o.set(p.k, p.v)
		}
	}
	if n.StaticOrdering {
		o.set("static-ordering", true)
	}
	return o
}

func cslDate(d bib.Date) *object {
	o := &object{}
	if len(d.Parts) > 0 {
		o.set("date-parts", d.Parts)
	}
	if d.Season != "" {
		o.set("season", d.Season)
	}
	if d.Literal != "" {
		o.set("literal", d.Literal)
	}
	return o
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
