package site

import (
	"testing"

	"edition/generator/internal/corpus"
)

// BenchmarkSnapshotRefresh measures the read phase of a first build of
// 1,000 chapters and 3,000 entries: a fresh snapshot of the content folder
// listed, stat'ed and read.
func BenchmarkSnapshotRefresh(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s := newSnapshot(dir)
		if _, read, err := s.refresh(nil); err != nil || read < 4000 {
			b.Fatalf("read %d files: %v", read, err)
		}
	}
}
