package site_test

import (
	"testing"

	"edition/generator/site"
)

// BenchmarkGenerateFixture measures the whole pipeline, without writing,
// on the fixture edition.
func BenchmarkGenerateFixture(b *testing.B) {
	opts := site.Options{Content: fixtureContent, Templates: repoTemplates}
	for b.Loop() {
		if res := site.Generate(opts); !res.OK() {
			b.Fatal(res.Diags.Err())
		}
	}
}

// BenchmarkGenerateEdition measures the same on the edition in the
// repository's content folder.
func BenchmarkGenerateEdition(b *testing.B) {
	opts := site.Options{Content: "../../content", Templates: repoTemplates}
	for b.Loop() {
		if res := site.Generate(opts); !res.OK() {
			b.Fatal(res.Diags.Err())
		}
	}
}
