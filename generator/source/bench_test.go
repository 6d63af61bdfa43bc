package source_test

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"edition/generator/internal/corpus"
	"edition/generator/source"
)

// sharedFS is a folder in memory that lends its bytes and lists its
// folders from lists made once, as the site's snapshot does
// (source.SharedFS). (fstest.MapFS makes each folder's list by going
// through all its files.)
type sharedFS struct {
	fstest.MapFS
	dirs map[string][]fs.DirEntry
}

func (s sharedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if list, ok := s.dirs[name]; ok {
		return slices.Clone(list), nil
	}
	return s.MapFS.ReadDir(name)
}

func (s sharedFS) ReadFileShared(name string) ([]byte, error) {
	if f, ok := s.MapFS[name]; ok && f.Mode.IsRegular() {
		return f.Data, nil
	}
	return fs.ReadFile(s.MapFS, name)
}

// corpusFS is the synthetic edition of cfg in memory.
func corpusFS(cfg corpus.Config) sharedFS {
	m := fstest.MapFS{}
	for p, b := range corpus.Generate(cfg) {
		m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	s := sharedFS{MapFS: m, dirs: map[string][]fs.DirEntry{}}
	fs.WalkDir(m, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			s.dirs[p], err = m.ReadDir(p)
		}
		return err
	})
	return s
}

// BenchmarkLoad measures loading the content of a full build of 1,000
// chapters and 3,000 entries (300 sources) from memory, as a build does:
// a fresh memo, the files parsed on all cores.
func BenchmarkLoad(b *testing.B) {
	fsys := corpusFS(corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		c, diags := source.NewMemo().Load(fsys, "content")
		if diags.HasErrors() || len(c.Chapters) != 1000 || len(c.Entries) != 3000 || len(c.Sources) != 300 {
			b.Fatalf("loaded %d chapters, %d entries, %d sources: %v", len(c.Chapters), len(c.Entries), len(c.Sources), diags)
		}
	}
}

// BenchmarkLoadSerial is the same content loaded without a memo, on one
// core: the work itself, without the scheduling.
func BenchmarkLoadSerial(b *testing.B) {
	fsys := corpusFS(corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300})
	b.ReportAllocs()
	for b.Loop() {
		c, diags := source.Load(fsys, "content")
		if diags.HasErrors() || len(c.Chapters) != 1000 || len(c.Entries) != 3000 || len(c.Sources) != 300 {
			b.Fatalf("loaded %d chapters, %d entries, %d sources: %v", len(c.Chapters), len(c.Entries), len(c.Sources), diags)
		}
	}
}
