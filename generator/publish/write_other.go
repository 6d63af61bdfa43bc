//go:build !linux

package publish

import "os"

// writeFile is os.WriteFile(name, data, 0o644) of the parts joined.
func writeFile(name string, parts [][]byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// sameFile reports whether name is a regular file (not a link to one)
// holding exactly the parts, of size bytes in all.
func sameFile(name string, parts [][]byte, size int) bool {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(size) {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return equalReader(f, parts)
}
