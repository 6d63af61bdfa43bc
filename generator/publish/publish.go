package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// File is a file to publish.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
}

// Stats tells what a Replace did.
type Stats struct {
	Files     int   // files in the new site
	Written   int   // files whose bytes changed or are new
	Unchanged int   // files kept from the previous site
	Bytes     int64 // bytes in the new site
	Carried   int   // files of the previous site carried over as they were (Writer.Carry), not among Files
}

const (
	stagingSuffix = ".staging-"
	oldSuffix     = ".old-"
)

// Replace makes files the whole content of dir.
func Replace(dir string, files []File) (Stats, error) {
	w, err := Begin(dir)
	if err != nil {
		return Stats{}, err
	}
	if err := w.WriteAll(files); err != nil {
		w.Abort()
		return w.Stats(), err
	}
	return w.Commit()
}

// WriteAll writes files, as Write does, on as many goroutines as there
// are processors, and returns the first error.
func (w *Writer) WriteAll(files []File) error {
	var (
		next     atomic.Int64
		firstErr atomic.Value
		wg       sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), max(1, len(files))) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				if err := w.Write(files[i]); err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
			}
		})
	}
	wg.Wait()
	err, _ := firstErr.Load().(error)
	return err
}

// Writer writes a new site into a staging folder next to its output
// folder, a file at a time, as the files are made; Commit then swaps it in
// whole, and Abort drops it, leaving the output folder as it was. Its
// methods may be called from several goroutines.
type Writer struct {
	dir, staging string
	hasOld       bool // whether dir existed when the Writer began

	mu   sync.Mutex
	seen map[string]bool
	dirs map[string]bool
	st   Stats
	done bool
}

// Begin starts writing a new site for dir: it cleans up after a killed
// run (see Recover) and makes the staging folder.
func Begin(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	if err := Recover(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	staging, err := os.MkdirTemp(parent, filepath.Base(dir)+stagingSuffix)
	if err != nil {
		return nil, fmt.Errorf("publish: cannot create a staging folder next to %s: %w", dir, err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		os.RemoveAll(staging)
		return nil, fmt.Errorf("publish: %w", err)
	}
	_, err = os.Lstat(dir)
	return &Writer{dir: dir, staging: staging, hasOld: err == nil, seen: map[string]bool{}, dirs: map[string]bool{staging: true}}, nil
}

// Write puts a file of the new site in the staging folder: a link to the
// file at the same path in the current site when its bytes are the same,
// else the bytes.
func (w *Writer) Write(f File) error {
	return w.WriteParts(f.Path, [][]byte{f.Data})
}

// WriteParts is Write of the file at path whose bytes are parts, one after
// another, for a large file made in pieces (the TEI, the registry): the
// pieces are compared with the current site's file and written in turn,
// never joined. The Writer reads parts only until WriteParts returns.
func (w *Writer) WriteParts(path string, parts [][]byte) error {
	f := File{Path: path}
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	if !filepath.IsLocal(filepath.FromSlash(f.Path)) || strings.Contains(f.Path, "\\") {
		return fmt.Errorf("publish: refusing to write %q outside the output folder", f.Path)
	}
	d := filepath.Dir(filepath.Join(w.staging, filepath.FromSlash(f.Path)))
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return fmt.Errorf("publish: %s written after the site was committed or dropped", f.Path)
	}
	if w.seen[f.Path] {
		w.mu.Unlock()
		return fmt.Errorf("publish: two pages want the path %q", f.Path)
	}
	w.seen[f.Path] = true
	w.st.Files++
	w.st.Bytes += int64(size)
	made := w.dirs[d]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		w.mu.Lock()
		w.dirs[d] = true
		w.mu.Unlock()
	}
	old := w.dir
	if !w.hasOld {
		old = "" // nothing to link to: no need to look
	}
	linked, err := writeOne(w.staging, old, f.Path, parts, size)
	w.mu.Lock()
	if linked {
		w.st.Unchanged++
	} else if err == nil {
		w.st.Written++
	}
	w.mu.Unlock()
	return err
}

// Has reports whether the new site has a file at path (written, or
// carried over) so far.
func (w *Writer) Has(path string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen[path]
}

// Carry puts the current site's file at path into the new site as it is:
// a hard link to it, or a copy where the file system has no links. It is
// for a file the new site no longer makes but readers may still ask for
// (a style sheet that pages cached from the current site name). Call it
// after the new site's own files are written: a file written at path
// afterwards is an error, as is a path the new site already has or the
// current site lacks.
func (w *Writer) Carry(path string) error {
	if !filepath.IsLocal(filepath.FromSlash(path)) || strings.Contains(path, "\\") {
		return fmt.Errorf("publish: refusing to carry %q from outside the output folder", path)
	}
	w.mu.Lock()
	if w.done || w.seen[path] {
		w.mu.Unlock()
		return fmt.Errorf("publish: cannot carry %s over: the new site has it, or is committed or dropped", path)
	}
	w.seen[path] = true
	w.mu.Unlock()
	rel := filepath.FromSlash(path)
	src, dst := filepath.Join(w.dir, rel), filepath.Join(w.staging, rel)
	fi, err := os.Lstat(src)
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("not a regular file")
	}
	if err == nil {
		err = os.MkdirAll(filepath.Dir(dst), 0o755)
	}
	if err == nil && os.Link(src, dst) != nil {
		var data []byte
		if data, err = os.ReadFile(src); err == nil {
			err = writeFile(dst, [][]byte{data})
		}
	}
	if err != nil {
		return fmt.Errorf("publish: cannot carry %s over from the current site: %w", path, err)
	}
	w.mu.Lock()
	w.st.Carried++
	w.mu.Unlock()
	return nil
}

// Stats tells what the Writer has written so far.
func (w *Writer) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st
}

// Commit swaps the new site in for the old one, which it removes.
func (w *Writer) Commit() (Stats, error) {
	w.mu.Lock()
	w.done = true
	st := w.st
	w.mu.Unlock()
	if err := swap(w.staging, w.dir); err != nil {
		os.RemoveAll(w.staging)
		return st, fmt.Errorf("publish: cannot put the new site in place: %w", err)
	}
	return st, nil
}

// Abort drops the new site: the output folder stays as it was.
func (w *Writer) Abort() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
	os.RemoveAll(w.staging)
}

// Recover cleans up after a run that was killed: it removes staging
// folders, and if dir is missing while an old copy exists (a kill between
// the two renames of a non-atomic swap), puts the old copy back.
func Recover(dir string) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("publish: %w", err)
	}
	_, statErr := os.Stat(dir)
	missing := errors.Is(statErr, os.ErrNotExist)
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, base+oldSuffix) && missing:
			if err := os.Rename(p, dir); err != nil {
				return fmt.Errorf("publish: cannot restore %s: %w", p, err)
			}
			missing = false
		case strings.HasPrefix(name, base+stagingSuffix), strings.HasPrefix(name, base+oldSuffix):
			if err := os.RemoveAll(p); err != nil {
				return fmt.Errorf("publish: cannot remove a leftover %s: %w", p, err)
			}
		}
	}
	return nil
}

// writeOne writes the file at path, of parts (size bytes in all), into
// staging, or links it to the same file in old (the current site; "" for
// none) when that has the same bytes.
func writeOne(staging, old, path string, parts [][]byte, size int) (linked bool, err error) {
	rel := filepath.FromSlash(path)
	dst := filepath.Join(staging, rel)
	if old != "" {
		prev := filepath.Join(old, rel)
		if sameFile(prev, parts, size) && os.Link(prev, dst) == nil {
			return true, nil
		}
	}
	if err := writeFile(dst, parts); err != nil {
		return false, fmt.Errorf("publish: cannot write %s: %w", path, err)
	}
	return false, nil
}

// swapRenames swaps with two renames: not atomic, but Recover repairs an
// interruption between them.
func swapRenames(staging, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(staging, dir)
	}
	old := staging[:strings.LastIndex(staging, stagingSuffix)] + oldSuffix + staging[strings.LastIndex(staging, stagingSuffix)+len(stagingSuffix):]
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(staging, dir); err != nil {
		_ = os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}

// chunks are the buffers sameFile reads a file into, a piece at a time, so
// that comparing a site with the previous one allocates nothing per file.
var chunks = sync.Pool{New: func() any { return new([64 << 10]byte) }}

// equalReader reports whether r holds parts, one after another, reading
// it a chunk at a time. It stops at the first difference.
func equalReader(r io.Reader, parts [][]byte) bool {
	c := chunks.Get().(*[64 << 10]byte)
	defer chunks.Put(c)
	for _, data := range parts {
		for len(data) > 0 {
			k := min(len(c), len(data))
			if _, err := io.ReadFull(r, c[:k]); err != nil || !bytes.Equal(c[:k], data[:k]) {
				return false
			}
			data = data[k:]
		}
	}
	return true
}
