package render

import (
	"os"
	"slices"
	"testing"
)

// The edition's templates and scripts: the ids written out in them, those
// the scripts give, and the series a script numbers.
func TestPageIDsOfTheTemplates(t *testing.T) {
	ts, diags := Load(os.DirFS("../../templates"), "templates")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ids := ts.IDs()
	for _, id := range []string{"main", "toast", "site-search-q", "chapter-title", "notes-h", "tool-theme", "preview", "preview-text", "site-search-list", "site-search-opt-0", "site-search-opt-all", "sn-n1"} {
		if !ids.Has(id) {
			t.Errorf("%q is not among the templates' ids", id)
		}
	}
	for _, id := range []string{"opening", "notes", "who-decides", "site", "sn"} {
		if ids.Has(id) {
			t.Errorf("%q is among the templates' ids", id)
		}
	}
	if !slices.Contains(ids.prefixes, "sn-") {
		t.Errorf("prefixes %q: the script's \"sn-\" + id is missing", ids.prefixes)
	}
	t.Logf("%d ids, prefixes %q", len(ids.exact), ids.prefixes)
}
