package site

import (
	"bytes"
	"sync"

	"edition/generator/publish"
	"edition/generator/render"
)

// sink takes a streaming build's files to its publish.Writer and lets go
// of their bytes. It keeps the first error.
//
// The files are written by goroutines of their own, sinkWriters of them,
// in the order they come, while the callers (the workers rendering pages)
// go on: creating a file is mostly kernel time (on ext4, finding a free
// inode), which then overlaps the rendering. One writer alone falls
// behind the renderers; two keep up. At most sinkQueue files wait, which
// bounds the memory they hold.
//
// A page comes in the pooled buffer it was rendered into (putPage), not
// copied out of it; the writer gives the buffer back to pageBuffers once
// the file is written, when nothing reads it any more: the Writer reads
// the bytes only within Write, and a streaming build keeps no page.
type sink struct {
	w     *publish.Writer
	queue chan sinkFile
	wg    sync.WaitGroup

	mu   sync.Mutex
	err  error
	done map[string]bool // the paths handed over
}

// sinkFile is a file waiting to be written, and the pooled buffer its
// bytes lie in (nil for a file whose bytes are its own).
type sinkFile struct {
	publish.File
	buf *bytes.Buffer
}

const (
	sinkWriters = 2
	sinkQueue   = 256
)

func newSink(w *publish.Writer) *sink {
	s := &sink{w: w, queue: make(chan sinkFile, sinkQueue), done: map[string]bool{}}
	for range sinkWriters {
		s.wg.Go(func() {
			for f := range s.queue {
				err := s.w.Write(f.File)
				if f.buf != nil {
					freePage(f.buf)
				}
				if err != nil {
					s.mu.Lock()
					if s.err == nil {
						s.err = err
					}
					s.mu.Unlock()
				}
			}
		})
	}
	return s
}

// close waits until every file handed over is written.
func (s *sink) close() {
	close(s.queue)
	s.wg.Wait()
}

// wrote reports whether a file was handed over to be written.
func (s *sink) wrote(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done[path]
}

// put hands files over to be written and empties their Data.
func (s *sink) put(files []render.File) {
	s.mu.Lock()
	for i := range files {
		s.done[files[i].Path] = true
	}
	s.mu.Unlock()
	for i := range files {
		s.queue <- sinkFile{File: publish.File{Path: files[i].Path, Data: files[i].Data}}
		files[i].Data = nil
	}
}

// putParts writes a file made in parts (publish.Writer.WriteParts) on the
// caller's goroutine, so that the parts may be reused once it returns.
func (s *sink) putParts(path string, parts [][]byte) {
	s.mu.Lock()
	s.done[path] = true
	s.mu.Unlock()
	if err := s.w.WriteParts(path, parts); err != nil {
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
	}
}

// putPage hands over a page rendered into buf, a buffer of pageBuffers,
// to be written from it. The caller must not touch buf again: it goes
// back to the pool once written.
func (s *sink) putPage(path string, buf *bytes.Buffer) {
	s.mu.Lock()
	s.done[path] = true
	s.mu.Unlock()
	s.queue <- sinkFile{File: publish.File{Path: path, Data: buf.Bytes()}, buf: buf}
}

// pageBuffers are the buffers a streaming build renders its pages into
// (see sink). A buffer grows to the longest page it held and then stays
// that size; there are about as many as files waiting to be written.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledPage is the largest buffer put back in pageBuffers: a page
// longer than that (the general index of a large edition) is rare, and
// its buffer would otherwise stay in the pool at its size.
const maxPooledPage = 1 << 20

// poisonFreed, in tests, overwrites a buffer's bytes as it goes back to
// the pool, so that anything still reading them reads garbage.
var poisonFreed bool

// freePage gives a page's buffer back to pageBuffers.
func freePage(buf *bytes.Buffer) {
	if poisonFreed {
		b := buf.Bytes()
		for i := range b {
			b[i] = 0xFF
		}
	}
	if buf.Cap() > maxPooledPage {
		return
	}
	buf.Reset()
	pageBuffers.Put(buf)
}
