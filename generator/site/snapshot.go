package site

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"edition/generator/internal/fileerr"
)

// snapshot is a folder held in memory: the bytes of every file, as of its
// last refresh. A refresh lists the folder again and re-reads only the
// files that are new, that a caller says changed, or whose size or
// modification time differ; every other file keeps its bytes.
//
// A snapshot is an fs.FS, so the pipeline reads it as it reads os.DirFS:
// folders whose name starts with a dot (.git) are left out, symbolic links
// are followed as os.DirFS follows them, and a file that cannot be read
// fails to read from the snapshot with the same error.
type snapshot struct {
	root  string
	files map[string]*snapFile // by slash path relative to root
	dirs  map[string][]fs.DirEntry
	// listLinks lists a symbolic link to a folder as os.DirFS lists it,
	// not walked (and Stat says it is a folder, but Open does not open
	// it), so that the content's reader can say it is not read; without
	// it, such a link is left out. links holds them.
	listLinks bool
	links     map[string]bool
	// unlisted holds the folders that could not be listed, with why:
	// ReadDir says it, as os.DirFS would, rather than show them empty.
	unlisted map[string]error
	// walk is filepath.WalkDir; tests give one that fails.
	walk func(root string, fn fs.WalkDirFunc) error
}

type snapFile struct {
	name string
	data []byte
	err  error // why it could not be read
	size int64
	mod  time.Time
	mode fs.FileMode
}

func newSnapshot(root string) *snapshot {
	return &snapshot{root: root, files: map[string]*snapFile{}, dirs: map[string][]fs.DirEntry{}, walk: filepath.WalkDir}
}

// refresh brings the snapshot up to date. changed holds slash paths
// relative to the root that must be re-read whatever their size and time.
// It returns the paths whose bytes are new, changed or gone, sorted, and
// how many files it read.
func (s *snapshot) refresh(changed map[string]bool) (diff []string, read int, err error) {
	files := map[string]*snapFile{}
	dirs := map[string][]fs.DirEntry{}
	var links map[string]bool
	var unlisted map[string]error
	var pending []pendingFile
	err = s.walk(s.root, func(p string, d fs.DirEntry, err error) error {
		rel := filepath.ToSlash(strings.TrimPrefix(strings.TrimPrefix(p, s.root), string(filepath.Separator)))
		if rel == "" {
			rel = "."
		}
		if err != nil {
			if p == s.root {
				return err
			}
			if d != nil && d.IsDir() && !errors.Is(err, fs.ErrNotExist) {
				// A folder that does not list (permission denied): its
				// files are not lost without a word.
				if unlisted == nil {
					unlisted = map[string]error{}
				}
				unlisted[rel] = err
			}
			return nil // or gone while listing: the next refresh sees it
		}
		if d.IsDir() {
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			dirs[rel] = nil
			if rel != "." {
				parent := path.Dir(rel)
				dirs[parent] = append(dirs[parent], dirEntry{name: d.Name(), dir: true})
			}
			return nil
		}
		pending = append(pending, pendingFile{rel: rel, path: p, name: d.Name()})
		return nil
	})
	if err != nil {
		return nil, read, err
	}
	// Stat and read the files on all cores; then take them in the order
	// of the walk.
	parallel(len(pending), func(i int) {
		pf := &pending[i]
		old := s.files[pf.rel]
		if old == nil || old.err != nil || changed[pf.rel] {
			// To be read whatever its size and time: opened and stat'ed
			// once (os.Stat and os.ReadFile looked it up twice and stat'ed
			// it twice).
			var opened bool
			if pf.file, pf.read, opened = readSnapFile(pf.path, pf.name); opened {
				return
			}
		}
		info, err := os.Stat(pf.path) // follows a symbolic link, as os.DirFS does
		if err == nil && info.IsDir() {
			return // a link to a folder: os.DirFS lists it but does not walk it; nor do readers here
		}
		f := &snapFile{name: pf.name}
		if err == nil {
			f.size, f.mod, f.mode = info.Size(), info.ModTime(), info.Mode()
		}
		switch {
		case err != nil:
			f.err = err
		case old != nil && old.err == nil && !changed[pf.rel] && old.size == f.size && old.mod.Equal(f.mod) && old.mode == f.mode:
			f.data = old.data
		default:
			pf.read = true
			f.data, f.err = os.ReadFile(pf.path)
			if f.err == nil {
				f.size = int64(len(f.data))
			}
		}
		pf.file = f
	})
	for _, pf := range pending {
		f := pf.file
		if f == nil { // a link to a folder
			if !s.listLinks {
				continue
			}
			if links == nil {
				links = map[string]bool{}
			}
			links[pf.rel] = true
			dirs[path.Dir(pf.rel)] = append(dirs[path.Dir(pf.rel)], dirEntry{name: pf.name, link: true})
			continue
		}
		if pf.read {
			read++
		}
		if old := s.files[pf.rel]; old == nil || !sameFile(old, f) {
			diff = append(diff, pf.rel)
		}
		files[pf.rel] = f
		parent := path.Dir(pf.rel)
		dirs[parent] = append(dirs[parent], dirEntry{name: pf.name, file: f})
	}
	for rel := range s.files {
		if files[rel] == nil {
			diff = append(diff, rel)
		}
	}
	for _, list := range dirs {
		slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	s.files, s.dirs, s.links, s.unlisted = files, dirs, links, unlisted
	slices.Sort(diff)
	return diff, read, nil
}

// readSnapFile reads the file at path (following a symbolic link, as
// os.DirFS does) as refresh did with os.Stat and os.ReadFile: nil for a
// folder; its bytes, size, time and mode, or the error of reading it; and
// whether it was read. It reports opened false, and does nothing, when the
// file cannot be opened: refresh then stats it and reads it as before, to
// give the same error. (TestReadSnapFile compares the two.)
func readSnapFile(path, name string) (f *snapFile, read, opened bool) {
	file, err := os.Open(path)
	if err != nil {
		return nil, false, false
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, false, false
	}
	if info.IsDir() {
		return nil, false, true // a link to a folder: os.DirFS lists it but does not walk it; nor do readers here
	}
	f = &snapFile{name: name, size: info.Size(), mod: info.ModTime(), mode: info.Mode()}
	// As os.ReadFile: room for the size and one byte, to see the end.
	data := make([]byte, 0, max(512, int(info.Size())+1))
	for {
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err != io.EOF {
				f.data, f.err = data, err
				return f, true, true
			}
			break
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	f.data, f.size = data, int64(len(data))
	return f, true, true
}

// pendingFile is a file found by refresh's walk, to stat and read.
type pendingFile struct {
	rel, path, name string
	file            *snapFile // nil: a link to a folder
	read            bool
}

func sameFile(a, b *snapFile) bool {
	if (a.err == nil) != (b.err == nil) {
		return false
	}
	return a.err != nil || sameBytes(a.data, b.data)
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

// Open implements fs.FS.
func (s *snapshot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := s.files[name]; ok {
		if f.err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fileerr.Cause(f.err)}
		}
		return &openFile{f: f, r: bytes.NewReader(f.data)}, nil
	}
	if list, ok := s.dirs[name]; ok {
		return &openDir{name: path.Base(name), entries: list}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFile implements fs.ReadFileFS. It returns a copy, which the caller
// may change.
func (s *snapshot) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	f, ok := s.files[name]
	if !ok {
		if _, dir := s.dirs[name]; dir {
			return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if f.err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fileerr.Cause(f.err)}
	}
	return bytes.Clone(f.data), nil
}

// ReadFileShared is ReadFile without the copy: the bytes are the
// snapshot's own, which the caller must not change (see
// source.SharedFS). A refresh never changes them either: it puts new
// bytes in place of a changed file's.
func (s *snapshot) ReadFileShared(name string) ([]byte, error) {
	if f, ok := s.files[name]; ok && f.err == nil && fs.ValidPath(name) {
		return f.data, nil
	}
	return s.ReadFile(name) // the same error
}

// ReadDir implements fs.ReadDirFS.
func (s *snapshot) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	if err := s.unlisted[name]; err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fileerr.Cause(err)}
	}
	list, ok := s.dirs[name]
	if !ok {
		if _, file := s.files[name]; file {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(list), nil
}

// Stat implements fs.StatFS. A link to a folder is a folder, as os.Stat
// follows it.
func (s *snapshot) Stat(name string) (fs.FileInfo, error) {
	if s.links[name] {
		return dirInfo(path.Base(name)), nil
	}
	f, err := s.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

var (
	errIsDir  = errorString("is a directory")
	errNotDir = errorString("not a directory")
)

type errorString string

func (e errorString) Error() string { return string(e) }

type dirEntry struct {
	name string
	dir  bool
	link bool // a symbolic link to a folder
	file *snapFile
}

func (d dirEntry) Name() string { return d.name }
func (d dirEntry) IsDir() bool  { return d.dir }
func (d dirEntry) Type() fs.FileMode {
	switch {
	case d.dir:
		return fs.ModeDir
	case d.link:
		return fs.ModeSymlink
	}
	return 0
}
func (d dirEntry) Info() (fs.FileInfo, error) {
	switch {
	case d.dir:
		return dirInfo(d.name), nil
	case d.link:
		return linkInfo(d.name), nil
	}
	return fileInfo{d.file}, nil
}
func (d dirEntry) String() string { return fs.FormatDirEntry(d) }

type fileInfo struct{ f *snapFile }

func (i fileInfo) Name() string       { return i.f.name }
func (i fileInfo) Size() int64        { return int64(len(i.f.data)) }
func (i fileInfo) Mode() fs.FileMode  { return i.f.mode &^ fs.ModeType }
func (i fileInfo) ModTime() time.Time { return i.f.mod }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

type dirInfo string

func (i dirInfo) Name() string       { return string(i) }
func (i dirInfo) Size() int64        { return 0 }
func (i dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (i dirInfo) ModTime() time.Time { return time.Time{} }
func (i dirInfo) IsDir() bool        { return true }
func (i dirInfo) Sys() any           { return nil }

// linkInfo is a symbolic link's own, as os.Lstat gives it.
type linkInfo string

func (i linkInfo) Name() string       { return string(i) }
func (i linkInfo) Size() int64        { return 0 }
func (i linkInfo) Mode() fs.FileMode  { return fs.ModeSymlink | 0o777 }
func (i linkInfo) ModTime() time.Time { return time.Time{} }
func (i linkInfo) IsDir() bool        { return false }
func (i linkInfo) Sys() any           { return nil }

type openFile struct {
	f *snapFile
	r *bytes.Reader
}

func (o *openFile) Stat() (fs.FileInfo, error) { return fileInfo{o.f}, nil }
func (o *openFile) Read(b []byte) (int, error) { return o.r.Read(b) }
func (o *openFile) Seek(off int64, whence int) (int64, error) {
	return o.r.Seek(off, whence)
}
func (o *openFile) ReadAt(b []byte, off int64) (int, error) { return o.r.ReadAt(b, off) }
func (o *openFile) Close() error                            { return nil }

type openDir struct {
	name    string
	entries []fs.DirEntry
	off     int
}

func (d *openDir) Stat() (fs.FileInfo, error) { return dirInfo(d.name), nil }
func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errIsDir}
}
func (d *openDir) Close() error { return nil }
func (d *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return slices.Clone(rest[:n]), nil
}
