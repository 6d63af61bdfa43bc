package export_test

import (
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// corpusIndex is the index of a synthetic edition made by cfg, as the site
// converted it.
func corpusIndex(tb testing.TB, cfg corpus.Config) *index.Index {
	tb.Helper()
	content := tb.TempDir()
	if err := corpus.Write(content, cfg); err != nil {
		tb.Fatal(err)
	}
	res := site.Generate(site.Options{Content: content, Templates: "../../templates"})
	if !res.OK() || res.Index == nil {
		tb.Fatal(res.Diags.Err())
	}
	return res.Index
}
