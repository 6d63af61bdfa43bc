package markup_test

import (
	"strings"
	"testing"

	"edition/generator/internal/tei"
)

// filled is a chapter's TEI with its marks shown: the chapter's id as
// "ch", a mention of an entry as [kind:key|text].
func filled(b []byte) string {
	var s strings.Builder
	for len(b) > 0 {
		text, mark, ref, rest := tei.Next(b)
		s.Write(text)
		switch mark {
		case tei.IDMark:
			s.WriteString("ch")
		case tei.MentionOpen:
			s.WriteString("[" + string(ref) + "|")
		case tei.MentionClose:
			s.WriteString("]")
		}
		b = rest
	}
	return s.String()
}

// TestChapterTEI checks the TEI that Chapter writes of a small chapter.
// (The export package checks every corner against the HTML.)
func TestChapterTEI(t *testing.T) {
	r := chapter(t, newLinks(t), `# Beyond *Preemption*[^*]

The UN Security Council and preemption.[^1]

## From Response

- George W. Bush
- spoke [@nss2002, p. 15]

> Said the [strategy](source:nss2002).[^1]

[^*]: First published in 2007.
[^1]: On legitimacy.
`)
	ch := r.Chapter
	if got, want := filled(ch.TitleTEI), `Beyond <hi rend="italic">Preemption</hi><note place="end" type="unnumbered" n="*" xml:id="ch.n-star"><p>First published in 2007.</p>
</note>`; got != want {
		t.Errorf("title:\n%s\nwant:\n%s", got, want)
	}
	want := `    <p xml:id="ch.p1" n="1">The [actor:unsc|UN Security Council] and [concept:preemption|preemption].<note place="end" type="author" n="1" xml:id="ch.n1"><p>On [concept:legitimacy|legitimacy].</p>
</note></p>
    <div type="section" xml:id="ch.from-response">
     <head>From Response</head>
     <list rend="bulleted">
      <item xml:id="ch.p2">[actor:bush|George W. Bush]</item>
      <item xml:id="ch.p3">spoke <bibl><ref type="citation" target="#bib.nss2002">White House 2002</ref>, p. 15</bibl></item>
     </list>
     <quote>
      <p xml:id="ch.p4" n="4">Said the <title ref="#bib.nss2002">strategy</title>.<ptr type="noteAnchor" target="#ch.n1"/></p>
     </quote>
    </div>
`
	if got := filled(ch.BodyTEI); got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
}

// TestChapterTEIInText checks that a citation in the text is written as a
// bracketed one is, a bibl with a ref to the source, holding the words the
// HTML's link shows; and that a "@" that is no citation stays text.
func TestChapterTEIInText(t *testing.T) {
	r := chapter(t, newLinks(t), "As @nss2002 [p. 15] says, write to @someone.[^1]\n\n[^1]: So @bush2002 said.\n")
	want := `    <p xml:id="ch.p1" n="1">As <bibl><ref type="citation" target="#bib.nss2002">White House (2002, p. 15)</ref></bibl> says, write to @someone.<note place="end" type="author" n="1" xml:id="ch.n1"><p>So <bibl><ref type="citation" target="#bib.bush2002">Bush (2002)</ref></bibl> said.</p>
</note></p>
`
	if got := filled(r.Chapter.BodyTEI); got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
}
