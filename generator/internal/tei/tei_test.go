package tei

import (
	"strings"
	"testing"
)

func TestMarksReadBack(t *testing.T) {
	var b []byte
	b = append(b, `<p xml:id="`...)
	b = append(b, IDMark)
	b = append(b, `.p1">A `...)
	b = AppendMention(b, "actor", "un:sc\x02\x03") // a key with marks' bytes in it
	b = append(b, "Council"...)
	b = append(b, MentionClose)
	b = append(b, "</p>"...)
	var got strings.Builder
	for len(b) > 0 {
		text, mark, ref, rest := Next(b)
		got.Write(text)
		switch mark {
		case IDMark:
			got.WriteString("ch")
		case MentionOpen:
			got.WriteString("[" + string(ref) + "|")
		case MentionClose:
			got.WriteString("]")
		}
		b = rest
	}
	if want := "<p xml:id=\"ch.p1\">A [actor:un:sc\x02\x03|Council]</p>"; got.String() != want {
		t.Errorf("read back %q, want %q", got.String(), want)
	}
}

func TestEscapes(t *testing.T) {
	for _, c := range []struct{ in, text, attr string }{
		{"plain", "plain", "plain"},
		{`a & b < c > "d"`, `a &amp; b &lt; c &gt; "d"`, `a &amp; b &lt; c &gt; &quot;d&quot;`},
		{"tab\tline\nbell\x07nul\x00", "tab\tline\nbellnul", "tab&#9;line&#10;bellnul"},
		{"bad \xff utf-8, \ufffe", "bad \ufffd utf-8, ", "bad \ufffd utf-8, "},
	} {
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := string(AppendTextBytes([]byte("x"), []byte(c.in))); got != "x"+c.text {
			t.Errorf("AppendTextBytes(%q) = %q, want %q", c.in, got, "x"+c.text)
		}
		if got := string(AppendAttr(nil, c.in)); got != c.attr {
			t.Errorf("AppendAttr(%q) = %q, want %q", c.in, got, c.attr)
		}
	}
}

func TestNCName(t *testing.T) {
	for in, want := range map[string]string{
		"": "_", "p12": "p12", "1990s": "_1990s", "a b/c": "a_b_c", "Élan-2.x": "Élan-2.x", "-x": "_x", "\xff": "_",
	} {
		if got := NCName(in); got != want {
			t.Errorf("NCName(%q) = %q, want %q", in, got, want)
		}
	}
}
