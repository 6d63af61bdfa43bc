package search

import (
	"html"
	"strconv"
	"strings"

	"edition/generator/internal/jsonstr"
	"edition/generator/internal/words"
)

// plainHTML is the text of HTML that markup wrote: tags out (those of
// blockTags leave a space), character references resolved, runs of white
// space made one space.
func plainHTML(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(h[:i])
		tag := h[i+1 : i+j]
		h = h[i+j+1:]
		tag = strings.TrimPrefix(tag, "/")
		n := 0
		for n < len(tag) && isTagNameByte(tag[n]) {
			n++
		}
		if blockTags[strings.ToLower(tag[:n])] {
			b.WriteByte(' ')
		}
	}
	b.WriteString(h)
	return words.Join(html.UnescapeString(b.String()))
}

func isTagNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// blockTags end a run of words; other tags stand inside words' flow.
var blockTags = map[string]bool{"p": true, "li": true, "br": true, "div": true, "blockquote": true, "ol": true,
	"ul": true, "h1": true, "h2": true, "h3": true, "h4": true, "tr": true, "td": true, "th": true, "pre": true}

// digits are the characters of the numbers the index writes in strings:
// base 32, the most significant digit first, the last digit from the first
// half of digits and the others from the second. They are the characters
// from # to c but the backslash, so that search.js reads a digit's value
// from its code.
const digits = "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abc"

// appendNumber appends the digits of a non-negative number.
func appendNumber(b []byte, n int) []byte {
	if n < 32 { // one digit, as most steps are
		return append(b, digits[n])
	}
	var buf [16]byte
	i := len(buf) - 1
	buf[i] = digits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		buf[i] = digits[32+(n&31)]
	}
	return append(b, buf[i:]...)
}

// appendPair appends a pair of numbers as postings and occurrences are
// written: twice step (from the number before: the first pair's from
// zero), plus one when x is not 1 and follows.
func appendPair(b []byte, step, x int) []byte {
	if x != 1 {
		return appendNumber(appendNumber(b, step<<1|1), x)
	}
	return appendNumber(b, step<<1)
}

// appendPostings appends a term's postings: a pair for each document that
// holds it, in order, of the document and the weight.
func appendPostings(b []byte, docs []int32, weights []uint8) []byte {
	prev := int32(0)
	for i, d := range docs {
		b = appendPair(b, int(d-prev), int(weights[i]))
		prev = d
	}
	return b
}

// appendOccurs appends the passages that name an entry or a source: a
// pair for each word that names it in each, in order, of the passage and
// the word's place in words plus one (0 for a passage that cites a source
// without naming it). It adds the words to words.
func appendOccurs(b []byte, n *named, words *[]string) []byte {
	prev, from := 0, int32(0)
	for i, d32 := range n.occurs {
		d := int(d32)
		marks := n.words[from:n.ends[i]]
		from = n.ends[i]
		if len(marks) == 0 {
			b = appendPair(b, d-prev, 0)
		}
		for _, w := range marks {
			b = appendPair(b, d-prev, place(words, w)+1)
			prev = d
		}
		prev = d
	}
	return b
}

// place is where s is in list, added at the end if it is not there.
func place(list *[]string, s string) int {
	for i, t := range *list {
		if t == s {
			return i
		}
	}
	*list = append(*list, s)
	return len(*list) - 1
}

// docTables is what a document file is made with; each goroutine has its
// own.
type docTables struct {
	contexts, pages, words []string
	body                   []byte
}

// file makes a document file: a script that registers, under name,
//
//	{"c": [context…], "p": [page…], "d": [document…]}
//
// where a passage is [title, context, page, fragment, text], context and
// page being places in "c" and "p", and an entry or a source is that and
// [aliases…], its occurrences (appendOccurs) and the words those name.
//
// The file is appended to dst, or to a slice of its own size when dst has
// no room.
func (t *docTables) file(dst []byte, name string, docs []doc) []byte {
	t.contexts, t.pages, t.body = t.contexts[:0], t.pages[:0], t.body[:0]
	b := t.body
	for i := range docs {
		d := &docs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = jsonstr.AppendNoHTMLEscape(b, d.title)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(place(&t.contexts, d.context)), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(place(&t.pages, d.page)), 10)
		b = append(b, ',')
		b = jsonstr.AppendNoHTMLEscape(b, d.frag)
		b = append(b, ',')
		b = jsonstr.AppendNoHTMLEscape(b, d.text)
		if d.named != nil {
			b = append(b, ",["...)
			for k, a := range d.aliases {
				if k > 0 {
					b = append(b, ',')
				}
				b = jsonstr.AppendNoHTMLEscape(b, a)
			}
			b = append(b, "],\""...)
			t.words = t.words[:0]
			b = appendOccurs(b, d.named, &t.words)
			b = append(b, "\",["...)
			b = appendStrings(b, t.words)
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	t.body = b
	n := len(name) + len(b) + 64
	for _, s := range t.contexts {
		n += len(s) + 3
	}
	for _, s := range t.pages {
		n += len(s) + 3
	}
	out := dst
	if cap(out) == 0 {
		out = make([]byte, 0, n)
	}
	out = append(out, "EditionSearch.register("...)
	out = jsonstr.AppendNoHTMLEscape(out, name)
	out = append(out, `,{"c":[`...)
	out = appendStrings(out, t.contexts)
	out = append(out, `],"p":[`...)
	out = appendStrings(out, t.pages)
	out = append(out, `],"d":[`...)
	out = append(out, b...)
	return append(out, "]});\n"...)
}

// appendStrings appends strings, with commas between.
func appendStrings(b []byte, list []string) []byte {
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.AppendNoHTMLEscape(b, s)
	}
	return b
}
