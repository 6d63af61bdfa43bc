package bib

import "testing"

func TestParseName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Name
	}{
		{"Ivo H. Daalder", Name{Family: "Daalder", Given: "Ivo H."}},
		{"  Ivo  H.\tDaalder ", Name{Family: "Daalder", Given: "Ivo H."}},
		{"Daalder, Ivo H.", Name{Family: "Daalder", Given: "Ivo H."}},
		{"Ludwig van Beethoven", Name{Family: "Beethoven", Given: "Ludwig", NonDroppingParticle: "van"}},
		{"Charles de la Fontaine", Name{Family: "Fontaine", Given: "Charles", NonDroppingParticle: "de la"}},
		{"Martin Luther King, Jr.", Name{Family: "King", Given: "Martin Luther", Suffix: "Jr."}},
		{"King, Martin Luther, Jr.", Name{Family: "King", Given: "Martin Luther", Suffix: "Jr."}},
		{"Plato", Name{Literal: "Plato"}},
		{"Plato, Jr.", Name{Literal: "Plato, Jr."}},
		{"a, b, c, d", Name{Literal: "a, b, c, d"}},
		{", Ivo", Name{Literal: ", Ivo"}},
		{"", Name{Literal: ""}},
	} {
		if got := ParseName(tc.in); got != tc.want {
			t.Errorf("ParseName(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	// Each reads back as it was written.
	for _, s := range []string{"Ivo H. Daalder", "Ludwig van Beethoven", "Martin Luther King, Jr."} {
		if got := ParseName(s).Natural(); got != s {
			t.Errorf("ParseName(%q).Natural() = %q", s, got)
		}
	}
}
