package cite

import "testing"

// TestCheckLocator: page locators in the usual form pass, others get the
// usual form, and locators that name no pages are left alone.
func TestCheckLocator(t *testing.T) {
	for _, c := range []struct{ loc, want string }{
		// The usual form.
		{"p. 15", ""}, {"pp. 63–64", ""}, {"pp. 25–26, 61", ""}, {"p.\u00a015", ""}, {"p. xvii", ""}, {"pp. 4ff", ""},
		// Not pages, or not a page number.
		{"chap. 2", ""}, {"n. 4", ""}, {"para. 3", ""}, {"15", ""}, {"passim", ""}, {"pt. 2", ""}, {"pp", ""}, {"pix", ""},
		{"", ""}, {"plate 3", ""},
		// Unusual forms, and what to write.
		{"pg 15", "p. 15"}, {"pg. 15", "p. 15"}, {"p 15", "p. 15"}, {"p15", "p. 15"}, {"p.15", "p. 15"},
		{"pp15", "pp. 15"}, {"pp 63-64", "pp. 63–64"}, {"pgs 3, 5", "pp. 3, 5"}, {"page 15", "p. 15"},
		{"Page 7-9", "pp. 7–9"}, {"pages 10–12", "pp. 10–12"}, {"P. 15", "p. 15"}, {"p xii", "p. xii"}, {"p 15-16", "pp. 15–16"},
	} {
		want, ok := CheckLocator(c.loc)
		if ok != (c.want == "") || want != c.want {
			t.Errorf("CheckLocator(%q) = %q, %v; want %q, %v", c.loc, want, ok, c.want, c.want == "")
		}
	}
}
