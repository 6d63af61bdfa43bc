package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// writeCmd writes a build's files and does nothing else: every file under
// SRC (an edition build's output) is read into memory, and then, timed,
// the folders are made and the files written under OUT on GOMAXPROCS
// goroutines, as a build hands them to the file system (no fsync, as
// publish does none). No generator can make the same site in less: it is
// the part of a build's time that the bytes it must write cost on this
// machine, whatever made them. It prints
//
//	write: WALL_NS CPU_NS
//
// for the writing alone (the reading before it is not counted), which the
// bench reports in place of the child's whole run.
func writeCmd(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bench write SRC OUT")
		return 2
	}
	wall, cpu, err := writeTree(args[0], args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench write:", err)
		return 1
	}
	fmt.Printf("write: %d %d\n", wall.Nanoseconds(), cpu.Nanoseconds())
	return 0
}

type memFile struct {
	path string // under OUT
	data []byte
}

func writeTree(src, out string) (wall, cpu time.Duration, err error) {
	var dirs []string
	var files []memFile
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, filepath.Join(out, rel))
			return nil
		}
		data, err := os.ReadFile(p)
		files = append(files, memFile{filepath.Join(out, rel), data})
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	start, ru := time.Now(), rusage()
	for _, d := range dirs { // parents first: WalkDir's order
		if err := os.Mkdir(d, 0o755); err != nil {
			return 0, 0, err
		}
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		next     = make(chan memFile)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
					mu.Lock()
					firstErr = cmpErr(firstErr, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return time.Since(start), rusage() - ru, firstErr
}

// ownTimes reads what bench write printed: the times of its writing.
func ownTimes(stdout string) (wall, cpu time.Duration, err error) {
	for line := range strings.Lines(stdout) {
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == "write:" {
			w, err1 := strconv.ParseInt(f[1], 10, 64)
			c, err2 := strconv.ParseInt(f[2], 10, 64)
			if err1 == nil && err2 == nil {
				return time.Duration(w), time.Duration(c), nil
			}
		}
	}
	return 0, 0, fmt.Errorf("no times in %q", tail(stdout, 200))
}
