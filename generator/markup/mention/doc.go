// Package mention is a goldmark extension that links every mention of a
// registry entry in a document: each alias found as a whole word in running
// text, and each explicit link whose scheme names a kind of entry,
// [the panel](actor:high-level-panel).
//
//	text ──Matcher (a trie of word tokens walked from each word start)──▶ matches
//	   ──Transformer (splits Text nodes, wraps them)──▶ *Node ──Renderer──▶ <a class="mention">
//
// Matching is leftmost-longest: at each word start the longest alias that
// ends on a word boundary and passes its case rule wins, and scanning resumes
// after it. The cost is linear in the text and barely grows with the number
// of aliases: each word start walks the trie a token (a word, a space, a
// punctuation mark) at a time, one probe of a hash table each, and only as
// far as some alias shares its first tokens.
//
// Mentions are never found inside headings, code, links, images, raw HTML or
// other mentions. An explicit link to the scheme "none:", [Rice](none:),
// renders its text plain and keeps aliases from matching it.
//
// What the document links to is per document: put an Options in the parser
// context with With. A resolver may give each target its start tag
// (MakeTag), made once, which the renderer then writes for every mention.
// The package imports only goldmark and the standard library.
package mention
