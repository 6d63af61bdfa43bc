package export_test

import (
	"testing"

	"edition/generator/export"
	"edition/generator/internal/corpus"
)

// BenchmarkTEI measures the TEI export of a synthetic edition of 50
// chapters and 3,000 entries (the chapters as the site converted them),
// per chapter.
func BenchmarkTEI(b *testing.B) {
	const chapters = 50
	x := corpusIndex(b, corpus.Config{Chapters: chapters, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.TEI(x); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chapters), "ns/chapter")
}

// BenchmarkTEIInto measures the same TEI written in pieces, as a
// streaming build writes it (TEIInto), into a Chunks of its own each time.
func BenchmarkTEIInto(b *testing.B) {
	const chapters = 50
	x := corpusIndex(b, corpus.Config{Chapters: chapters, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		var c export.Chunks
		if err := export.TEIInto(&c, x, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chapters), "ns/chapter")
}
