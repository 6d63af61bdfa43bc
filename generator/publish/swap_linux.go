package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges staging and dir in one atomic step, so that dir is at every
// moment either the whole old site or the whole new one; then it removes the
// old site, now at staging.
func swap(staging, dir string) error {
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return os.RemoveAll(staging)
	case errors.Is(err, unix.ENOENT):
		return os.Rename(staging, dir) // the first build: nothing to exchange
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return swapRenames(staging, dir) // a file system without exchange
	}
	return err
}
