package site

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// oldSnapFile is how refresh read a file before readSnapFile: os.Stat,
// then os.ReadFile.
func oldSnapFile(path, name string) (f *snapFile, read bool) {
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return nil, false
	}
	f = &snapFile{name: name}
	if err != nil {
		f.err = err
		return f, false
	}
	f.size, f.mod, f.mode = info.Size(), info.ModTime(), info.Mode()
	f.data, f.err = os.ReadFile(path)
	if f.err == nil {
		f.size = int64(len(f.data))
	}
	return f, true
}

// TestReadSnapFile: files of every size around os.ReadFile's first buffer,
// links to files and folders, folders: readSnapFile gives what os.Stat and
// os.ReadFile gave; what it cannot open it leaves to them.
func TestReadSnapFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Repeat("é", n/2)+strings.Repeat("x", n%2)), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, n := range []int{0, 1, 100, 510, 511, 512, 513, 1023, 1024, 1025, 70000} {
		name := "f" + string(rune('a'+len(names)))
		write(name, n)
		names = append(names, name)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"to-file": names[3], "to-dir": "sub", "dangling": "nowhere"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	names = append(names, "to-file", "to-dir", "dangling", "sub", "missing")
	for _, name := range names {
		path := filepath.Join(dir, name)
		wantF, wantRead := oldSnapFile(path, name)
		f, read, opened := readSnapFile(path, name)
		if !opened {
			if name != "dangling" && name != "missing" {
				t.Errorf("%s: not opened", name)
			}
			if wantF == nil || wantF.err == nil || wantRead {
				t.Errorf("%s: not opened, but os.Stat and os.ReadFile gave %+v, read %v", name, wantF, wantRead)
			}
			continue
		}
		if read != wantRead || !reflect.DeepEqual(f, wantF) {
			t.Errorf("%s: readSnapFile gave %+v, read %v; os.Stat and os.ReadFile %+v, read %v", name, f, read, wantF, wantRead)
		}
		if f != nil && cap(f.data) != cap(wantF.data) {
			t.Errorf("%s: a buffer of %d bytes, os.ReadFile's %d", name, cap(f.data), cap(wantF.data))
		}
	}
}
