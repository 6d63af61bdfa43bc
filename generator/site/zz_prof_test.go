package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"edition/generator/internal/corpus"
	"edition/generator/site"
)

func BenchmarkZZLarge(b *testing.B) {
	dir := "/tmp/prof"
	content := filepath.Join(dir, "content")
	if _, err := os.Stat(content); err != nil {
		if err := corpus.Write(content, corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300}); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		i++
		opts := site.Options{Content: content, Templates: repoTemplates, Output: filepath.Join(dir, fmt.Sprintf("out%d", i))}
		if _, err := site.Write(opts); err != nil {
			b.Fatal(err)
		}
	}
}
