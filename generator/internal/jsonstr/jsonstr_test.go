package jsonstr

import (
	"encoding/json"
	"testing"
)

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
	}
}

func FuzzAppend(f *testing.F) {
	f.Add("a<b>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
	})
}
