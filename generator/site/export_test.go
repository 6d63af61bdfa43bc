package site

// Verify makes the Builder check every page it keeps by pre-key against
// the fingerprint of its view, and report an error for a page whose view
// changed under an unchanged pre-key.
func Verify(b *Builder) { b.verify = true }

// Every test of the package runs with the pages' buffers overwritten as
// they go back to their pool: a page read after its buffer was given back
// comes out as garbage.
func init() { poisonFreed = true }

// FinishPaths is finishPaths, for a test to hold it to what Finish makes.
var FinishPaths = finishPaths
