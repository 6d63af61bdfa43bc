package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
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
}

const (
	stagingSuffix = ".staging-"
	oldSuffix     = ".old-"
)

// Replace makes files the whole content of dir.
func Replace(dir string, files []File) (Stats, error) {
	var st Stats
	dir = filepath.Clean(dir)
	if err := Recover(dir); err != nil {
		return st, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, fmt.Errorf("publish: %w", err)
	}
	staging, err := os.MkdirTemp(parent, filepath.Base(dir)+stagingSuffix)
	if err != nil {
		return st, fmt.Errorf("publish: cannot create a staging folder next to %s: %w", dir, err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return st, fmt.Errorf("publish: %w", err)
	}
	if st, err = write(staging, dir, files); err != nil {
		os.RemoveAll(staging)
		return st, err
	}
	if err := swap(staging, dir); err != nil {
		os.RemoveAll(staging)
		return st, fmt.Errorf("publish: cannot put the new site in place: %w", err)
	}
	return st, nil
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

// write puts files under staging, linking those identical to the file at
// the same path under old.
func write(staging, old string, files []File) (Stats, error) {
	st := Stats{Files: len(files)}
	seen := make(map[string]bool, len(files))
	dirs := map[string]bool{}
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) || strings.Contains(f.Path, "\\") {
			return st, fmt.Errorf("publish: refusing to write %q outside the output folder", f.Path)
		}
		if seen[f.Path] {
			return st, fmt.Errorf("publish: two pages want the path %q", f.Path)
		}
		seen[f.Path] = true
		dirs[filepath.Dir(filepath.Join(staging, filepath.FromSlash(f.Path)))] = true
		st.Bytes += int64(len(f.Data))
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return st, fmt.Errorf("publish: %w", err)
		}
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	work := make(chan File)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range work {
				linked, err := writeOne(staging, old, f)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if linked {
					st.Unchanged++
				} else {
					st.Written++
				}
				mu.Unlock()
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	return st, firstErr
}

func writeOne(staging, old string, f File) (linked bool, err error) {
	rel := filepath.FromSlash(f.Path)
	dst := filepath.Join(staging, rel)
	prev := filepath.Join(old, rel)
	if fi, err := os.Lstat(prev); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(f.Data)) {
		if b, err := os.ReadFile(prev); err == nil && bytes.Equal(b, f.Data) {
			if os.Link(prev, dst) == nil {
				return true, nil
			}
		}
	}
	if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
		return false, fmt.Errorf("publish: cannot write %s: %w", f.Path, err)
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
