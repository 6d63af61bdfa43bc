package jsonstr

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encoded is s as a json.Encoder with SetEscapeHTML(false) writes it.
func encoded(t *testing.T, s string) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// TestAppendIsMarshal compares Append with json.Marshal on every byte in
// every place and on the strings that need each kind of escaping.
func TestAppendIsMarshal(t *testing.T) {
	values := []string{"", "plain", `a "quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\r\x01\x1f\b\f",
		"naïve – “curly” 日本", "line\u2028sep\u2029", "bad \xff utf-8 \xe2\x80", "\x7f del"}
	for c := 0; c < 0x100; c++ {
		s := string([]byte{byte(c)})
		values = append(values, s, "a"+s+"b")
	}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append([]byte("x"), v); string(got) != "x"+string(want) {
			t.Errorf("Append(%q) = %s, want %s", v, got[1:], want)
		}
		if got, want := AppendNoHTMLEscape([]byte("x"), v), encoded(t, v); string(got) != "x"+want {
			t.Errorf("AppendNoHTMLEscape(%q) = %s, want %s", v, got[1:], want)
		}
	}
}

// TestAppendAtEveryPlace: each byte, and each character that is escaped
// or not ASCII, at every place of strings of up to 24 bytes (which are
// read eight bytes at a time), is written as encoding/json writes it.
func TestAppendAtEveryPlace(t *testing.T) {
	var odd []string
	for c := range 0x100 {
		odd = append(odd, string([]byte{byte(c)}))
	}
	odd = append(odd, "é", "’", "\u2028", "\u2029", "日", "\xe2\x80")
	for n := 1; n <= 24; n++ {
		for at := range n {
			for _, o := range odd {
				v := strings.Repeat("a", at) + o + strings.Repeat("b", n-at-1)
				want, err := json.Marshal(v)
				if err != nil {
					t.Fatal(err)
				}
				if got := Append(nil, v); string(got) != string(want) {
					t.Fatalf("Append(%q) = %s, want %s", v, got, want)
				}
				if got, want := AppendNoHTMLEscape(nil, v), encoded(t, v); string(got) != want {
					t.Fatalf("AppendNoHTMLEscape(%q) = %s, want %s", v, got, want)
				}
			}
		}
	}
}

func FuzzAppend(f *testing.F) {
	f.Add("a<b>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
		if got, want := AppendNoHTMLEscape(nil, s), encoded(t, s); string(got) != want {
			t.Errorf("AppendNoHTMLEscape(%q) = %s, want %s", s, got, want)
		}
	})
}

// BenchmarkAppend writes the edition's text files as strings, a paragraph
// at a time: prose with curly quotes and dashes, as the search index's
// documents and the registry hold it.
func BenchmarkAppend(b *testing.B) {
	files, _ := filepath.Glob("../../../content/text/*.md")
	var paras []string
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for p := range strings.SplitSeq(string(src), "\n\n") {
			paras = append(paras, p)
			n += len(p)
		}
	}
	if n == 0 {
		b.Fatal("no text in ../../../content/text")
	}
	b.SetBytes(int64(n))
	buf := make([]byte, 0, 2*n)
	for b.Loop() {
		buf = buf[:0]
		for _, p := range paras {
			buf = Append(buf, p)
		}
	}
}
