package export_test

import (
	"testing"

	"edition/generator/export"
	"edition/generator/internal/corpus"
)

// BenchmarkRegistry measures registry.json for a synthetic edition of 100
// chapters and 3,000 entries (8,000 occurrences), made afresh as a
// one-shot build makes it (no cache).
func BenchmarkRegistry(b *testing.B) {
	x := corpusIndex(b, corpus.Config{Chapters: 100, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.RegistryWith(x, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegistryInto measures the same registry written in pieces, as a
// streaming build writes it (RegistryInto), into a Chunks of its own each
// time (a build reuses the TEI's pieces, when the TEI was made first).
func BenchmarkRegistryInto(b *testing.B) {
	x := corpusIndex(b, corpus.Config{Chapters: 100, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		var c export.Chunks
		if err := export.RegistryInto(&c, x, nil); err != nil {
			b.Fatal(err)
		}
	}
}
