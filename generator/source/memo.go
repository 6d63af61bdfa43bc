package source

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"edition/generator/diag"
	"edition/generator/index"
)

// Memo remembers what loading made of each file of a content folder, so
// that loading the folder again re-parses only the files whose bytes
// changed. It is for a program that rebuilds the same edition again and
// again (edition serve). Memo.Load returns what Load returns; the values it
// hands out are fresh copies, so callers may fill in their fields (an
// entry's BodyHTML, a source's Label) without changing the memo. A Memo is
// not safe for concurrent use.
type Memo struct {
	dir    string
	files  map[string]*memoFile
	gen    int
	parsed int
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{files: map[string]*memoFile{}} }

// memoFile is what one file gave.
type memoFile struct {
	src   []byte
	dep   string // what else the result depends on: a registry entry's kind
	val   any
	ok    bool
	diags diag.List
	gen   int // the Load that last used it
}

// Load reads the content folder fsys like Load, reusing the results of
// files whose bytes (and, for registry entries, whose kind) are the same as
// at the previous Load. Files are still read, so fsys should be cheap to
// read from (a snapshot in memory) for the reuse to save time.
func (m *Memo) Load(fsys fs.FS, dir string) (*Content, diag.List) {
	if m.dir != dir {
		m.dir, m.files = dir, map[string]*memoFile{}
	}
	m.gen++
	m.parsed = 0
	var diags diag.List
	c := &Content{}
	l := loader{fsys: fsys, dir: dir, diags: &diags, memo: m}
	l.load(c)
	for p, f := range m.files {
		if f.gen != m.gen {
			delete(m.files, p)
		}
	}
	return c, diags
}

// Parsed returns how many files the last Load parsed; the others were
// reused.
func (m *Memo) Parsed() int { return m.parsed }

// memoized returns what parse makes of the file p, from the memo when p's
// bytes and dep are those of the last time. parse runs on a loader that
// collects its diagnostics apart, so that they can be given again.
func (l *loader) memoized(p, dep string, parse func(sub *loader) (any, bool)) (any, bool) {
	m := l.memo
	if m == nil {
		return parse(l)
	}
	src, err := readShared(l.fsys, p)
	if err != nil {
		return parse(l) // it reports the error
	}
	if f := m.files[p]; f != nil && f.dep == dep && sameBytes(f.src, src) {
		f.gen = m.gen
		l.diags.Append(f.diags)
		return f.val, f.ok
	}
	m.parsed++
	var local diag.List
	sub := &loader{fsys: pinned{l.fsys, p, src}, dir: l.dir, diags: &local}
	v, ok := parse(sub)
	l.diags.Append(local)
	m.files[p] = &memoFile{src: src, dep: dep, val: v, ok: ok, diags: local, gen: m.gen}
	return v, ok
}

// memoJob is a file for prefetch to parse, as memoized would.
type memoJob struct {
	p, dep string
	parse  func(sub *loader) (any, bool)
}

// prefetch parses on all cores the files of jobs that the memo does not
// hold as they are, and puts them in the memo, so that the memoized calls
// that follow, one after another, find them there. Without a memo it does
// nothing.
func (l *loader) prefetch(jobs []memoJob) {
	m := l.memo
	if m == nil {
		return
	}
	type miss struct {
		memoJob
		src []byte
		f   *memoFile
		pin pinned // the file system it is parsed from
		sub loader // what parses it, with f.diags for its diagnostics
	}
	misses := make([]miss, 0, len(jobs))
	for _, j := range jobs {
		src, err := readShared(l.fsys, j.p)
		if err != nil {
			continue // memoized reports it
		}
		if f := m.files[j.p]; f != nil && f.dep == j.dep && sameBytes(f.src, src) {
			continue
		}
		misses = append(misses, miss{memoJob: j, src: src})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(misses)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(misses); i = int(next.Add(1) - 1) {
				mi := &misses[i]
				mi.f = &memoFile{src: mi.src, dep: mi.dep}
				mi.pin = pinned{l.fsys, mi.p, mi.src}
				mi.sub = loader{fsys: &mi.pin, dir: l.dir, diags: &mi.f.diags}
				mi.f.val, mi.f.ok = mi.parse(&mi.sub)
			}
		})
	}
	wg.Wait()
	for _, mi := range misses {
		m.parsed++
		mi.f.gen = m.gen - 1 // memoized marks it as used
		m.files[mi.p] = mi.f
	}
}

// sameBytes is bytes.Equal, at once when both are the same slice.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// pinned is fsys with the bytes of one file fixed, so that a file parsed
// for the memo is the file compared next time, even if it changes on disk
// in between.
type pinned struct {
	fs.FS
	path string
	src  []byte
}

func (p pinned) ReadFile(name string) ([]byte, error) {
	if name == p.path {
		return p.src, nil
	}
	return fs.ReadFile(p.FS, name)
}

// ReadFileShared implements SharedFS.
func (p pinned) ReadFileShared(name string) ([]byte, error) {
	if name == p.path {
		return p.src, nil
	}
	return readShared(p.FS, name)
}

// SharedFS is a file system that can lend the bytes of a file without
// copying them (a folder held in memory). The loader reads through it when
// it can: it never changes the bytes it reads, and the memo then finds an
// unchanged file by its slice alone, without comparing its bytes.
type SharedFS interface {
	fs.FS
	// ReadFileShared is fs.ReadFile, but the caller must not change the
	// bytes it returns.
	ReadFileShared(name string) ([]byte, error)
}

// readShared reads a file through fsys's ReadFileShared if it has one,
// else with fs.ReadFile. The caller must not change the bytes.
func readShared(fsys fs.FS, name string) ([]byte, error) {
	if s, ok := fsys.(SharedFS); ok {
		return s.ReadFileShared(name)
	}
	return fs.ReadFile(fsys, name)
}

func (p pinned) Stat(name string) (fs.FileInfo, error) {
	if name == p.path {
		return pinnedInfo{p}, nil
	}
	return fs.Stat(p.FS, name)
}

type pinnedInfo struct{ p pinned }

func (i pinnedInfo) Name() string       { return i.p.path }
func (i pinnedInfo) Size() int64        { return int64(len(i.p.src)) }
func (i pinnedInfo) Mode() fs.FileMode  { return 0o444 }
func (i pinnedInfo) ModTime() time.Time { return time.Time{} }
func (i pinnedInfo) IsDir() bool        { return false }
func (i pinnedInfo) Sys() any           { return nil }

// The memoized steps of loading. Each returns a copy of what the memo
// holds, since callers fill in fields.

func (l *loader) editionMemo() (index.Edition, bool) {
	v, ok := l.memoized(EditionFile, "", func(sub *loader) (any, bool) { return sub.editionFile() })
	ed, _ := v.(index.Edition)
	return ed, ok
}

func chapterJob(p string) memoJob {
	return memoJob{p, "chapter", func(sub *loader) (any, bool) { return sub.Chapter(p) }}
}

func (l *loader) entryJob(p string, kind *index.Kind) memoJob {
	return memoJob{p, l.kindDep(kind), func(sub *loader) (any, bool) { return sub.Entry(p, kind) }}
}

// kindDep is what an entry of kind depends on besides its file, as a
// string, made once per kind and Load (it was made for every entry, twice).
func (l *loader) kindDep(kind *index.Kind) string {
	if d, ok := l.kindDeps[kind]; ok {
		return d
	}
	d := fmt.Sprintf("entry %#v", *kind)
	if l.kindDeps == nil {
		l.kindDeps = map[*index.Kind]string{}
	}
	l.kindDeps[kind] = d
	return d
}

func bibliographyJob(name string) memoJob {
	return memoJob{name, "bibliography", func(sub *loader) (any, bool) {
		src, ok := sub.read(name)
		if !ok {
			return []*index.Source(nil), false
		}
		return sub.Bibliography(name, src), true
	}}
}

func (l *loader) chapterMemo(p string) (*Chapter, bool) {
	v, ok := l.memoized(p, "chapter", func(sub *loader) (any, bool) { return sub.Chapter(p) })
	ch, _ := v.(*Chapter)
	if ch == nil {
		return nil, ok
	}
	cp := *ch
	return &cp, ok
}

func (l *loader) entryMemo(p string, kind *index.Kind) (*index.Entry, bool) {
	v, ok := l.memoized(p, l.kindDep(kind), func(sub *loader) (any, bool) { return sub.Entry(p, kind) })
	e, _ := v.(*index.Entry)
	if e == nil {
		return nil, ok
	}
	cp := *e
	return &cp, ok
}

func (l *loader) bibliographyMemo(name string) []*index.Source {
	j := bibliographyJob(name)
	v, _ := l.memoized(j.p, j.dep, j.parse)
	list, _ := v.([]*index.Source)
	out := make([]*index.Source, len(list))
	for i, s := range list {
		cp := *s
		out[i] = &cp
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (l *loader) pageMemo(p string) (*Page, bool) {
	v, ok := l.memoized(p, "page", func(sub *loader) (any, bool) { return sub.page(p) })
	pg, _ := v.(*Page)
	if pg == nil {
		return nil, ok
	}
	cp := *pg
	return &cp, ok
}

// jobs lists the files that Load parses after the edition file: the
// bibliography first (the largest), then the chapters and the registry's
// entries, so that one prefetch parses them all on all cores. (Each was
// prefetched in a batch of its own, and the bibliography not at all, which
// left cores idle between the batches and during the bibliography.)
// Errors in listing the folders are reported by chapters and registry,
// which take the same lists.
func (l *loader) jobs(ed *index.Edition) []memoJob {
	if l.memo == nil {
		return nil
	}
	var jobs []memoJob
	for _, name := range BibliographyFiles {
		if _, err := fs.Stat(l.fsys, name); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		jobs = append(jobs, bibliographyJob(name))
		break
	}
	texts, _ := l.listing(TextDir)
	for _, p := range texts {
		jobs = append(jobs, chapterJob(p))
	}
	entries, _ := l.listing(RegistryDir)
	for _, p := range entries {
		kindKey, _, nested := strings.Cut(strings.TrimPrefix(p, RegistryDir+"/"), "/")
		if kind, ok := ed.Kind(kindKey); ok && nested {
			jobs = append(jobs, l.entryJob(p, kind))
		}
	}
	return jobs
}
