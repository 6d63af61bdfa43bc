// Package cite is a goldmark extension for Pandoc's citations, bracketed
// and in the text:
//
//	[@key]  [@key, p. 15]  [@a; @b, pp. 63–64]  [see @key, chap. 2]  [-@key]
//	@key  @key [p. 33]
//
// The parser turns a bracket holding at least one @key into a *Node with one
// Item per key; the resolver in the document's Options gives each item its
// link and label, and reports unknown keys; the parser reports locators
// that name pages in an unusual form ("pg 15", see CheckLocator) as
// warnings. The renderer writes
//
//	<span class="citation" id="c1"><a class="cite" href="../sources/key.html">Label 2002</a>, p. 15</span>
//
// A key written bare, "@key", is a citation in the text (Node.InText)
// where the Resolver is a Knower that knows the key, after a space, the
// start of a line or an opening mark such as "(" or "*", and outside a
// link's text; a bracket right after it is its locator, "@key [p. 33]". It
// is part of its sentence, and the renderer writes it as one link with
// the authors and the date in parentheses (see Item.InTextLabel):
//
//	<a class="cite in-text" id="c2" href="../sources/key.html">White House (2002, p. 33)</a>
//
// Any other "@" is text, and costs nothing where there is none: an address
// (a@b.org), a handle (@someone), "@" in code or a link. A key a letter or
// two from a known one (see Speller) is reported as a *NearKeyWarning; a
// known key after a "[" that its paragraph never closes, which Markdown
// reads as a link's text, as an *OpenBracketWarning at the bracket, once
// for the paragraph (not where the bracket was reported as a citation not
// closed); a known key in a bracket that closes but is neither a citation
// nor a link ("[the report; @key]", "[see @key][undefined]"), as a
// *BracketWarning at the key (not where the bracket was reported). A key
// in a link's or an image's text, "[the report @key](url)", is that text
// and no citation, by design: a link holds no other link, and the editor
// who wrote the link chose where it leads; it is not reported, nor is one
// in a bracket that "(" follows, meant as a link.
//
// Brackets without an @key, and links such as [@x](url), are left to
// goldmark. A citation must close within a few lines of its paragraph; a
// bracket meant as one that does not, or that has a part without its @key
// ("[@a; b]"), is reported as a *FormError, since it would show as text;
// the unknown keys of one not closed are reported with it, so that one
// build says every mistake to fix (a bracket in it, "[a @k1 [b @k2] c",
// is a citation of its own). A citation holds no other: a bracket in one
// that closes, "[see @a [and @b] here]", is part of an item's locator or
// suffix, and each @key in it is reported, an unknown one as the
// Resolver's error, a known one as a *NestedWarning.
// A document parsed with Options takes its citations from slabs kept from
// document to document: Options.Release gives them back once the tree is
// no longer used. The package imports only goldmark and the standard
// library.
package cite
