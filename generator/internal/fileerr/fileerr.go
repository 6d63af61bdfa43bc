// Package fileerr says why a file could not be read in an editor's words,
// for the content and the templates alike.
package fileerr

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// Explain says, in an editor's words where it can, why the file p of
// fsys could not be read (err, from reading it): a symbolic link to a file
// that is not there, a folder where a file belongs, a file the user may
// not read. It returns the message and what to do (the hint, which may be
// empty), for an error at the file.
func Explain(fsys fs.FS, p string, err error) (msg, hint string) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if target, lerr := fs.ReadLink(fsys, p); lerr == nil {
			return fmt.Sprintf("the file is a symbolic link to %s, which does not exist", target),
				"restore the file, or remove the link"
		}
		// Listed, yet not there: a link to a file that is gone (a build's
		// snapshot of a folder does not keep what links say).
		return "the file is a symbolic link to a file that does not exist",
			"restore the file it links to, or remove the link"
	case isDir(fsys, p):
		return fmt.Sprintf("%s is a folder, where the edition reads a file", path.Base(p)),
			"rename or move the folder, and put the file in its place"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read the file: permission denied", "make the file readable, with chmod a+r say"
	}
	return fmt.Sprintf("cannot read: %v", Cause(err)), ""
}

// Cause is what went wrong, without the operation and path a PathError
// adds to it: a message that is already at the file says it once.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isDir(fsys fs.FS, p string) bool {
	info, err := fs.Stat(fsys, p)
	return err == nil && info.IsDir()
}
