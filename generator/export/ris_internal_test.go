package export

import "testing"

// TestRISValueShortcut checks that risValue's shortcut for plain values
// gives what its general way gives, on every ASCII byte in every place.
func TestRISValueShortcut(t *testing.T) {
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
		if got, want := risValue(v), risGeneral(v); got != want {
			t.Errorf("risValue(%q) = %q, want %q", v, got, want)
		}
	}
	if plain < len(values)/2 {
		t.Errorf("the shortcut took %d of %d values", plain, len(values))
	}
}
