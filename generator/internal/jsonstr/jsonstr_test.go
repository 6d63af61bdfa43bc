package jsonstr

import (
	"bytes"
	"encoding/json"
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
