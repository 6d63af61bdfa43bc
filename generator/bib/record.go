package bib

import (
	"fmt"
	"strconv"
	"strings"
)

// Name is a CSL name: a person (Family, Given) or an institution (Literal).
type Name struct {
	Family              string
	Given               string
	Literal             string
	Suffix              string
	NonDroppingParticle string // "van" in "van Gogh", sorted with the family name
	DroppingParticle    string
	// StaticOrdering is CSL's "static-ordering": the person's own usage
	// puts the family name first ("Wu Xinbo", family Wu), and so does
	// Natural, with no comma; Inverted is as for any name ("Wu, Xinbo").
	StaticOrdering bool
}

// IsLiteral reports whether n is an institution or other unparsed name.
func (n Name) IsLiteral() bool { return n.Literal != "" && n.Family == "" }

// FamilyPart is the family name with its non-dropping particle ("van Gogh").
func (n Name) FamilyPart() string {
	if n.IsLiteral() {
		return n.Literal
	}
	return join(" ", n.NonDroppingParticle, n.Family)
}

// Natural is the name in reading order: "George W. Bush", or, for a name
// of StaticOrdering, family name first, "Wu Xinbo".
func (n Name) Natural() string {
	if n.IsLiteral() {
		return n.Literal
	}
	var s string
	if n.StaticOrdering {
		s = join(" ", n.NonDroppingParticle, n.Family, n.Given, n.DroppingParticle)
	} else {
		s = join(" ", n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Family)
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// Inverted is the name family first, for sorting, citation tags and
// bibliographies: "Bush, George W.", and "Wu, Xinbo" for a name of
// StaticOrdering too (though a bibliography writes that one as Natural).
func (n Name) Inverted() string {
	if n.IsLiteral() {
		return n.Literal
	}
	s := n.FamilyPart()
	if g := join(" ", n.Given, n.DroppingParticle); g != "" {
		s += ", " + g
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// Date is a CSL date: one date or a range of two, each year[, month[, day]],
// or a literal such as "forthcoming".
type Date struct {
	Parts   [][]int
	Season  string
	Literal string
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return len(d.Parts) == 0 && d.Literal == "" }

// Year is the first year of the date, or 0.
func (d Date) Year() int {
	if len(d.Parts) == 0 || len(d.Parts[0]) == 0 {
		return 0
	}
	return d.Parts[0][0]
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var seasons = map[string]string{"1": "Spring", "2": "Summer", "3": "Autumn", "4": "Winter"}

// String formats the date as Chicago prints it: "January 29, 2002",
// "September 2002", "Winter 2005", "2002".
func (d Date) String() string {
	if d.Literal != "" {
		return d.Literal
	}
	if len(d.Parts) == 0 {
		return ""
	}
	one := func(p []int) string {
		switch len(p) {
		case 0:
			return ""
		case 1:
			y := strconv.Itoa(p[0])
			if s := d.Season; s != "" {
				if name, ok := seasons[s]; ok {
					s = name
				}
				return s + " " + y
			}
			return y
		case 2:
			return monthNames[p[1]-1] + " " + strconv.Itoa(p[0])
		}
		return fmt.Sprintf("%s %d, %d", monthNames[p[1]-1], p[2], p[0])
	}
	if len(d.Parts) > 1 {
		a, b := d.Parts[0], d.Parts[1]
		if len(a) == 2 && len(b) == 2 && a[0] == b[0] { // January–February 2004
			return monthNames[a[1]-1] + "–" + monthNames[b[1]-1] + " " + strconv.Itoa(a[0])
		}
		return one(a) + "–" + one(b)
	}
	return one(d.Parts[0])
}

// ISO formats the first date as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) ISO() string {
	if len(d.Parts) == 0 {
		return ""
	}
	p := d.Parts[0]
	switch len(p) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%04d", p[0])
	case 2:
		return fmt.Sprintf("%04d-%02d", p[0], p[1])
	}
	return fmt.Sprintf("%04d-%02d-%02d", p[0], p[1], p[2])
}

// ParseDate reads an EDTF-style date ("2002", "2002-09", "2002-09-17", or a
// range "2002-09/2002-10") as CSL-YAML allows in place of date-parts.
func ParseDate(s string) (Date, error) {
	var d Date
	for i, part := range strings.Split(strings.TrimSpace(s), "/") {
		if i > 1 {
			return Date{}, fmt.Errorf("a date range has two ends, this has more")
		}
		p, err := parseDatePart(part)
		if err != nil {
			return Date{}, err
		}
		d.Parts = append(d.Parts, p)
	}
	return d, d.Validate()
}

func parseDatePart(s string) ([]int, error) {
	fields := strings.Split(s, "-")
	if len(fields) > 3 || fields[0] == "" {
		return nil, fmt.Errorf("%q is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var p []int
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		p = append(p, n)
	}
	return p, nil
}

var daysIn = [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// Validate checks that each part is a real calendar date.
func (d Date) Validate() error {
	if len(d.Parts) > 2 {
		return fmt.Errorf("date-parts holds one date or a range of two, not %d", len(d.Parts))
	}
	for _, p := range d.Parts {
		if len(p) == 0 || len(p) > 3 {
			return fmt.Errorf("each date in date-parts is [year], [year, month] or [year, month, day]")
		}
		if p[0] < -9999 || p[0] > 9999 {
			return fmt.Errorf("year %d is out of range", p[0])
		}
		if len(p) > 1 && (p[1] < 1 || p[1] > 12) {
			return fmt.Errorf("month %d is not between 1 and 12", p[1])
		}
		if len(p) > 2 && (p[2] < 1 || p[2] > daysIn[p[1]-1]) {
			return fmt.Errorf("day %d is not in %s", p[2], monthNames[p[1]-1])
		}
	}
	return nil
}

// Record is one work in the bibliography, in CSL's data model.
type Record struct {
	ID    string
	Type  string
	Vars  map[string]string // standard and number variables: title, page, URL…
	Names map[string][]Name // name variables: author, editor…
	Dates map[string]Date   // date variables: issued, accessed…

	// Custom holds the CSL "custom" object. The edition reads three keys:
	// archived-url (an archived copy of URL), current-url (where the work
	// lives now) and aliases (surface forms in the text that name the work).
	Custom map[string]any
}

// Var returns a standard variable, or "".
func (r *Record) Var(name string) string { return r.Vars[name] }

// Title is the record's title.
func (r *Record) Title() string { return r.Vars["title"] }

// Issued is the record's publication date.
func (r *Record) Issued() Date { return r.Dates["issued"] }

// Authors returns the authors, or the editors when there are none.
func (r *Record) Authors() []Name {
	if a := r.Names["author"]; len(a) > 0 {
		return a
	}
	return r.Names["editor"]
}

// CustomString returns a string from the custom object.
func (r *Record) CustomString(key string) string {
	s, _ := r.Custom[key].(string)
	return s
}

// Aliases returns custom.aliases: surface forms in the text that name the
// work and link to its page.
func (r *Record) Aliases() []string {
	switch v := r.Custom["aliases"].(type) {
	case []string:
		return v
	case []any:
		var out []string
		for _, a := range v {
			if s, ok := a.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func join(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
