package export

import (
	"strings"
	"testing"
	"unicode"
)

// TestRISValueShortcut checks that risValue's shortcut for plain values
// gives what its general way gives, on every ASCII byte in every place.
func TestRISValueShortcut(t *testing.T) {
	general := func(v string) string {
		v = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, v)
		return strings.Join(strings.Fields(v), " ")
	}
	values := []string{"", " ", "a", "a b", "a  b", " a", "a ", "Smith, Jane", "Zoë", "a\u00a0b", "a\u0085b"}
	for c := 0; c < 0x80; c++ {
		s := string(rune(c))
		values = append(values, s, "a"+s, s+"a", "a"+s+"b", "a "+s, s+" b")
	}
	plain := 0
	for _, v := range values {
		if risPlain(v) {
			plain++
		}
		if got, want := risValue(v), general(v); got != want {
			t.Errorf("risValue(%q) = %q, want %q", v, got, want)
		}
	}
	if plain < len(values)/2 {
		t.Errorf("the shortcut took %d of %d values", plain, len(values))
	}
}
