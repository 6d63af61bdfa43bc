// Package highlight is a goldmark extension that highlights fenced code
// blocks with chroma, writing CSS classes instead of inline styles so that
// one stylesheet, made once per build by CSS, serves every block and the
// pages work under a strict Content-Security-Policy.
//
//	```yaml            <pre class="chroma" data-lang="yaml"><code>
//	key: value    ──▶  <span class="nt">key</span>…
//	```                </code></pre>
//
// Unknown or missing languages are written escaped and unhighlighted.
// Bibliographic records in the shape package export writes them (BibTeX,
// RIS: every chapter's and source's citations to copy) are read in one pass
// and written as chroma would write them, without its lexer (records.go);
// anything else goes to chroma. The package imports only goldmark, chroma
// and the standard library.
package highlight
