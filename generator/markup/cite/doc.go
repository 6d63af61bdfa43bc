// Package cite is a goldmark extension for Pandoc's bracketed citations:
//
//	[@key]  [@key, p. 15]  [@a; @b, pp. 63–64]  [see @key, chap. 2]  [-@key]
//
// The parser turns a bracket holding at least one @key into a *Node with one
// Item per key; the resolver in the document's Options gives each item its
// link and label, and reports unknown keys; the parser reports locators
// that name pages in an unusual form ("pg 15", see CheckLocator) as
// warnings. The renderer writes
//
//	<span class="citation" id="c1"><a href="../sources/key.html">Label 2002</a>, p. 15</span>
//
// Brackets without an @key, and links such as [@x](url), are left to
// goldmark. A citation must close on the line it opens; a bracket meant as
// one that does not, or that has a part without its @key ("[@a; b]"), is
// reported as a *FormError, since it would show as text; so is the key of a
// known work written bare, "@key" (Pandoc's citation in the text, which the
// package does not read), where the Resolver is a Knower. A document parsed
// with Options takes its citations from slabs kept from document to
// document: Options.Release gives them back once the tree is no longer
// used. The package imports only goldmark and the standard library.
package cite
