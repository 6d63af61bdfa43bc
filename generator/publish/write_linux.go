package publish

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// writeFile is os.WriteFile(name, data, 0o644) of the parts joined, in an
// open, a write a part and a close: os.File's set-up for the runtime's
// poller (fcntl, epoll_ctl, which fails for a regular file anyway) costs
// more than the write of a small page.
func writeFile(name string, parts [][]byte) error {
	var fd int
	var err error
	for {
		fd, err = unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for _, data := range parts {
		for len(data) > 0 {
			n, err := unix.Write(fd, data)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				unix.Close(fd)
				return &os.PathError{Op: "write", Path: name, Err: err}
			}
			data = data[n:]
		}
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// sameFile reports whether name is a regular file (not a link to one)
// holding exactly the parts, of size bytes in all. Like writeFile, it goes
// without an os.File: open, fstat, the reads, close.
func sameFile(name string, parts [][]byte, size int) bool {
	var fd int
	var err error
	for {
		fd, err = unix.Open(name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(size) {
		return false
	}
	return equalReader(fdReader(fd), parts)
}

// fdReader reads a file descriptor.
type fdReader int

func (r fdReader) Read(b []byte) (int, error) {
	for {
		n, err := unix.Read(int(r), b)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		if n == 0 && len(b) > 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}
