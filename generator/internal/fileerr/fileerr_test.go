package fileerr

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestExplain(t *testing.T) {
	fsys := fstest.MapFS{
		"gone.md":      {Data: []byte("nowhere.md"), Mode: fs.ModeSymlink},
		"folder.md/a":  {Data: []byte("x")},
		"secret.md":    {Data: []byte("x")},
		"odd/file.png": {Data: []byte("x")},
	}
	for _, tc := range []struct {
		p         string
		err       error
		msg, hint string
	}{
		{"gone.md", &fs.PathError{Op: "open", Path: "gone.md", Err: fs.ErrNotExist},
			"the file is a symbolic link to nowhere.md, which does not exist", "restore the file, or remove the link"},
		{"listed.md", fs.ErrNotExist,
			"the file is a symbolic link to a file that does not exist", "restore the file it links to, or remove the link"},
		{"folder.md", errors.New("is a directory"),
			"folder.md is a folder, where the edition reads a file", "rename or move the folder, and put the file in its place"},
		{"secret.md", &fs.PathError{Op: "open", Path: "secret.md", Err: fs.ErrPermission},
			"cannot read the file: permission denied", "make the file readable, with chmod a+r say"},
		{"odd/file.png", &fs.PathError{Op: "read", Path: "odd/file.png", Err: errors.New("input/output error")},
			"cannot read: input/output error", ""},
	} {
		msg, hint := Explain(fsys, tc.p, tc.err)
		if msg != tc.msg || hint != tc.hint {
			t.Errorf("Explain(%s, %v) = %q, %q\nwant %q, %q", tc.p, tc.err, msg, hint, tc.msg, tc.hint)
		}
	}
}
