package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// floorCmd is the floor: every chapter of a content folder (text/*.md),
// its front matter cut off, converted by goldmark with GFM and footnotes
// and written to OUT/<name>.html, on GOMAXPROCS goroutines. It is what any
// generator must do at the least to turn the same Markdown into pages.
func floorCmd(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bench floor CONTENT OUT")
		return 2
	}
	n, err := floor(args[0], args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench floor:", err)
		return 1
	}
	fmt.Printf("floor: %d chapters converted\n", n)
	return 0
}

func floor(content, out string) (int, error) {
	files, err := filepath.Glob(filepath.Join(content, "text", "*.md"))
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				err := convert(md, files[i], out, &buf)
				if err != nil {
					mu.Lock()
					firstErr = cmpErr(firstErr, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return len(files), firstErr
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func convert(md goldmark.Markdown, file, out string, buf *bytes.Buffer) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	buf.Reset()
	if err := md.Convert(body(src), buf); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	name := strings.TrimSuffix(filepath.Base(file), ".md") + ".html"
	return os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644)
}

// body is a chapter without its YAML front matter.
func body(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[4+i+5:]
	}
	return src
}
