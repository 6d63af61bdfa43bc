package site

// Verify makes the Builder check every page it keeps by pre-key against
// the fingerprint of its view, and report an error for a page whose view
// changed under an unchanged pre-key.
func Verify(b *Builder) { b.verify = true }
