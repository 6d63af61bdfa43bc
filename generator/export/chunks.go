package export

// Chunks holds the bytes of a large file (the TEI, the registry) in
// pieces, appended to in turn: a piece that is full is left as it is and
// another begun, so that the file is never copied to grow, and no guess of
// its length is needed. A Writer of package publish writes the pieces one
// after another (publish.File.Parts) without joining them. Reset keeps the
// pieces' memory for the next file made in the same Chunks.
//
// A Chunks made with Whole set keeps the file in one piece, grown as
// needed, for a caller that wants one slice of bytes.
type Chunks struct {
	// Whole keeps the bytes in one piece (see Bytes).
	Whole bool

	full  [][]byte // the pieces filled, in order
	cur   []byte   // the piece being filled
	spare [][]byte // pieces of an earlier file, emptied, for reuse
	next  int      // the size of the next piece begun
}

// Chunk sizes: the first piece of a file is small, so that a small
// edition's files take little memory; each next one is twice the size of
// the last, up to maxChunk.
const (
	minChunk = 64 << 10
	maxChunk = 1 << 20
)

// room returns the piece being filled with at least n bytes free after
// its length: the current piece, or a new one when it has less (in Whole
// mode, the current piece grown). The caller appends to it and hands it
// back with set.
func (c *Chunks) room(n int) []byte {
	if cap(c.cur)-len(c.cur) >= n {
		return c.cur
	}
	if c.Whole {
		grown := make([]byte, len(c.cur), max(2*cap(c.cur), len(c.cur)+n, minChunk))
		copy(grown, c.cur)
		c.cur = grown
		return c.cur
	}
	if len(c.cur) > 0 {
		c.full = append(c.full, c.cur)
	}
	c.next = min(max(c.next*2, minChunk), maxChunk)
	c.cur = nil
	for i, s := range c.spare {
		if cap(s) >= n {
			c.cur = s[:0]
			c.spare = append(c.spare[:i], c.spare[i+1:]...)
			break
		}
	}
	if c.cur == nil {
		c.cur = make([]byte, 0, max(c.next, n))
	}
	return c.cur
}

// set hands back the piece that room returned, appended to.
func (c *Chunks) set(b []byte) { c.cur = b }

// Write appends p; it never fails.
func (c *Chunks) Write(p []byte) (int, error) {
	c.set(append(c.room(len(p)), p...))
	return len(p), nil
}

// WriteString appends s.
func (c *Chunks) WriteString(s string) (int, error) {
	c.set(append(c.room(len(s)), s...))
	return len(s), nil
}

// WriteByte appends b.
func (c *Chunks) WriteByte(b byte) error {
	c.set(append(c.room(1), b))
	return nil
}

// Len is the length of the file.
func (c *Chunks) Len() int {
	n := len(c.cur)
	for _, p := range c.full {
		n += len(p)
	}
	return n
}

// Parts are the file's pieces, in order. They are the Chunks' until
// Reset.
func (c *Chunks) Parts() [][]byte {
	if len(c.cur) == 0 {
		return c.full
	}
	return append(c.full[:len(c.full):len(c.full)], c.cur)
}

// Bytes is the file in one slice: the piece itself when there is one (as
// in Whole mode), else the pieces joined.
func (c *Chunks) Bytes() []byte {
	if len(c.full) == 0 {
		return c.cur
	}
	b := make([]byte, 0, c.Len())
	for _, p := range c.Parts() {
		b = append(b, p...)
	}
	return b
}

// Reset empties c for another file, keeping its pieces to be filled
// again: the bytes handed out by Parts or Bytes must no longer be in use.
func (c *Chunks) Reset() {
	for _, p := range c.Parts() {
		c.spare = append(c.spare, p[:0])
	}
	c.full, c.cur, c.next = c.full[:0], nil, 0
}
