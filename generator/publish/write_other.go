//go:build !linux

package publish

import "os"

func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// sameFile reports whether name is a regular file (not a link to one)
// holding exactly data.
func sameFile(name string, data []byte) bool {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return equalReader(f, data)
}
