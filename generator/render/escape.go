package render

import (
	"html/template"
	"strings"
	"sync"
	"unsafe"
)

// markup is HTML written by Go code where a template's loop would call
// html/template's escapers through reflection once per value: the
// occurrence lists of entry and source pages, the general index's
// headings, the strips. Each method escapes a value exactly as
// html/template escapes it in the same place of a template (the tests
// compare the two on hostile strings), so moving a loop from a template
// into Go changes no byte of the page.
type markup struct {
	b []byte

	// Scratch for occurrenceList.
	groups []occGroup
	next   []int32
	sink   byte // what occurrenceList loads ahead, kept so that the loads are not optimised away
}

// markups are reused from page to page.
var markups = sync.Pool{New: func() any { return &markup{b: make([]byte, 0, 4096)} }}

func getMarkup() *markup {
	m := markups.Get().(*markup)
	m.b = m.b[:0]
	return m
}

// html returns what was written as template.HTML, and puts m back in the
// pool.
func (m *markup) html() template.HTML {
	h := template.HTML(m.b)
	if len(m.b) <= 1<<20 {
		markups.Put(m)
	}
	return h
}

// htmlOrNone is html, or "" when nothing was written.
func (m *markup) htmlOrNone() template.HTML {
	if len(m.b) == 0 {
		markups.Put(m)
		return ""
	}
	return m.html()
}

// held is the markups whose bytes the HTML of one view is (markup.keep),
// kept out of the pool until the page is rendered (Page.Release).
type held struct{ bufs []*markup }

// keep returns what was written as template.HTML, as html does, but
// without copying it: the HTML is m's bytes, and h keeps m out of the pool
// until h.release, which must come only once nothing reads the HTML any
// more (the page is rendered). The long lists of entry, source and chapter
// pages are kept so, instead of copied out of their buffers (not the
// general index's, one page whose letters, each kept, would each grow a
// buffer of their own where they now take turns in one). With no h, or a
// buffer whose spare room is more than keepRoom and more than what it
// holds (room that would be kept with it while every view of a site is
// made before any is rendered, as for the first build of edition serve),
// it is html.
func (m *markup) keep(h *held) template.HTML {
	if h == nil || len(m.b) == 0 || cap(m.b)-len(m.b) > max(len(m.b), keepRoom) {
		return m.html()
	}
	h.bufs = append(h.bufs, m)
	return template.HTML(unsafe.String(unsafe.SliceData(m.b), len(m.b)))
}

// keepRoom is the spare room a kept buffer may have whatever it holds: the
// room of a new markup's buffer. (A variable: a test keeps every list, so
// that a read after a release shows wherever it could happen.)
var keepRoom = 4096

// release puts the markups h keeps back in the pool.
func (h *held) release() {
	for _, m := range h.bufs {
		if poisonReleased {
			for i := range m.b {
				m.b[i] = '?'
			}
		}
		if cap(m.b) <= 1<<20 {
			markups.Put(m)
		}
	}
	h.bufs = nil
}

// poisonReleased, in tests, overwrites the bytes of a markup as it is
// released, so that HTML read after its page's release shows.
var poisonReleased bool

// raw writes s as it is: markup of our own.
func (m *markup) raw(s string) { m.b = append(m.b, s...) }

// text writes s as html/template writes {{.}} in the text of an element
// (its htmlEscaper, for a string).
func (m *markup) text(s string) { m.b = appendEscaped(m.b, s, false) }

// attr writes s as html/template writes {{.}} inside a quoted attribute
// that holds no URL (its attrEscaper): class, id, data-ref, aria-label.
func (m *markup) attr(s string) { m.b = appendEscaped(m.b, s, false) }

// urlAttr writes s as html/template writes href="{{.}}" (urlFilter, then
// urlNormalizer, then attrEscaper).
func (m *markup) urlAttr(s string) { m.b = appendURLAttr(m.b, s) }

// urlPrefix is the start of URLs that differ only in their fragment (a
// page's relative URL, before "#id"), escaped once for all of them.
type urlPrefix struct {
	raw  string
	attr string // raw as appendURLAttr escapes it, whatever its scheme
	// What decides whether raw+"#"+frag is safe: raw's own scheme if it
	// has a colon, else whether the scheme ending at a colon in frag
	// would hold a slash.
	colon, safe, slash bool
}

func newURLPrefix(raw string) urlPrefix {
	p := urlPrefix{raw: raw, attr: raw, colon: strings.IndexByte(raw, ':') >= 0,
		safe: isSafeURL(raw), slash: strings.IndexByte(raw, '/') >= 0}
	var buf [128]byte
	if esc := appendURLEscaped(buf[:0], raw); string(esc) != raw {
		p.attr = string(esc)
	}
	return p
}

// urlAttrFrag writes p.raw+"#"+frag as urlAttr would write it, with
// p.raw escaped once beforehand: html/template's escaping of a URL looks at
// no byte after a "%" but the next two, so that the escaped parts joined
// are the whole escaped, and the scheme, which decides whether the URL is
// written at all, ends at the first colon.
func (m *markup) urlAttrFrag(p *urlPrefix, frag string) {
	safe := p.safe
	if !p.colon {
		c := strings.IndexByte(frag, ':')
		// A colon in the fragment makes a scheme "raw#…", which is none
		// of http, https and mailto, and is safe only with a slash in it.
		safe = c < 0 || p.slash || strings.IndexByte(frag[:c], '/') >= 0
	}
	if !safe {
		m.raw("#ZgotmplZ")
		return
	}
	m.raw(p.attr)
	m.b = append(m.b, '#')
	m.b = appendURLEscaped(m.b, frag)
}

// entryLink writes a link to an entry: <a class="class kind-KIND"
// href="href" data-ref="ref">label</a>, without data-ref when ref is
// empty, as the entry templates wrote it (class may be empty).
func (m *markup) entryLink(class, kind, href, ref, label string) {
	m.raw(`<a class="`)
	if class != "" {
		m.raw(class + " ")
	}
	m.raw(KindClassPrefix)
	m.attr(kind)
	m.raw(`" href="`)
	m.urlAttr(href)
	m.raw(`"`)
	if ref != "" {
		m.raw(` data-ref="`)
		m.attr(ref)
		m.raw(`"`)
	}
	m.raw(">")
	m.text(label)
	m.raw("</a>")
}

// fragAttr writes s as html/template writes href="#{{.}}" (in a URL's
// fragment: urlEscaper, which percent-encodes all but RFC 3986's
// unreserved characters, then attrEscaper, which finds nothing left).
func (m *markup) fragAttr(s string) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		m.b = append(m.b, s[last:i]...)
		m.b = append(m.b, '%', hex[c>>4], hex[c&15])
		last = i + 1
	}
	m.b = append(m.b, s[last:]...)
}

// plainHTML writes s as text/template's HTMLEscapeString does (which
// leaves "+" alone): the strips were written with it.
func (m *markup) plainHTML(s string) { m.b = appendEscaped(m.b, s, true) }

// appendEscaped appends s with the characters html/template's
// htmlReplacementTable replaces (NUL, quotes, "&", "+", "<", ">") replaced
// as it replaces them; with plain, as text/template's HTMLEscape does, which
// keeps "+". Both look at bytes: these characters are ASCII, which never
// occurs inside a multi-byte (or invalid) UTF-8 sequence.
func appendEscaped[S string | []byte](b []byte, s S, plain bool) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		r := htmlEscapes[s[i]]
		if r == 0 || plain && s[i] == '+' {
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, htmlReplacements[r]...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// htmlEscapes gives each byte that html/template's htmlReplacementTable
// replaces its index in htmlReplacements.
var htmlEscapes = [256]uint8{0: 1, '"': 2, '&': 3, '\'': 4, '+': 5, '<': 6, '>': 7}

var htmlReplacements = [...]string{1: "\uFFFD", 2: "&#34;", 3: "&amp;", 4: "&#39;", 5: "&#43;", 6: "&lt;", 7: "&gt;"}

// appendURLAttr appends u as html/template writes it in a quoted URL
// attribute, from the start of the URL: "#ZgotmplZ" for a scheme other
// than http, https and mailto; bytes outside RFC 3986's reserved and
// unreserved sets percent-encoded (lower-case hex) except a "%" that
// begins an escape; then "&" and "+" as entities (the only characters of
// attrEscaper's that survive the normalizer).
func appendURLAttr[S string | []byte](b []byte, u S) []byte {
	if !isSafeURL(u) {
		return append(b, "#ZgotmplZ"...)
	}
	return appendURLEscaped(b, u)
}

// appendURLEscaped appends u as appendURLAttr does when its scheme is
// safe.
func appendURLEscaped[S string | []byte](b []byte, u S) []byte {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		}
		var r string
		switch c {
		case '!', '#', '$', '*', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
			continue
		case '%':
			if i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
				continue
			}
		case '&':
			r = "&amp;"
		case '+':
			r = "&#43;"
		}
		b = append(b, u[last:i]...)
		if r != "" {
			b = append(b, r...)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
		last = i + 1
	}
	return append(b, u[last:]...)
}

// isSafeURL is html/template's: a URL is safe if it is relative or its
// scheme is http, https or mailto.
func isSafeURL[S string | []byte](u S) bool {
	colon := -1
	for i := 0; i < len(u); i++ {
		if u[i] == ':' {
			colon = i
			break
		}
	}
	if colon < 0 {
		return true
	}
	scheme := string(u[:colon]) // no allocation: compared, not kept
	if strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
